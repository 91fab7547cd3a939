/**
 * The SQL of messages, inboxes and conversation states, prepared once per connection. Every query
 * is served by an index: messages by (app, conv, seq) and (app, from_user, msg_id), the other
 * tables by their primary keys. Rows come back as `unknown` for `sqlite-message-codec.ts`.
 */
import type Database from 'better-sqlite3';

/** Columns of a message row as the codec reads them. */
export const MESSAGE_COLUMNS =
  'm.msg_id, m.conv_type, m.from_user, m.to_target, m.seq, m.time, m.random, m.priority, m.at_users, m.receivers, m.cloud_custom_data, m.elements, m.sender_nick, m.sender_avatar, m.sender_name_card';

/** Bind values of a message insert. */
export interface MessageRowParams {
  readonly app: number;
  readonly conv: string;
  readonly seq: number;
  readonly fromUser: string;
  readonly msgID: string;
  readonly targeted: number;
  readonly convType: string;
  readonly to: string;
  readonly time: number;
  readonly random: number;
  readonly priority: string;
  readonly atUsers: string;
  readonly receivers: string;
  readonly cloudCustomData: string;
  readonly elements: string;
  readonly senderNick: string;
  readonly senderAvatar: string;
  readonly senderNameCard: string;
}

/** Bind values that say whose view of which conversation a query is about. */
export interface ViewerParams {
  readonly app: number;
  readonly user: string;
  readonly cid: string;
  readonly conv: string;
}

/** Bind values of a conversation-state upsert. */
export interface StateRowParams {
  readonly app: number;
  readonly user: string;
  readonly cid: string;
  readonly readSeq: number;
  readonly pinned: number;
  readonly draft: string;
  readonly clearedSeq: number;
  readonly deletedSeq: number | null;
  readonly updatedAt: number;
}

// A message the viewer can see: not cleared, not deleted by the viewer, not aimed at other members only.
const VISIBLE = `
  m.app = @app AND m.conv = @conv AND m.seq > @cleared
  AND (m.targeted = 0 OR m.from_user = @user OR EXISTS (SELECT 1 FROM message_receivers r WHERE r.msg = m.id AND r.user_id = @user))
  AND NOT EXISTS (SELECT 1 FROM deleted_messages d WHERE d.app = @app AND d.user_id = @user AND d.conversation_id = @cid AND d.seq = m.seq)`;

/** The prepared statements of the messaging tables. */
export interface MessageStatements {
  readonly findBySender: Database.Statement<[number, string, string]>;
  readonly insertMessage: Database.Statement<MessageRowParams>;
  readonly insertReceiver: Database.Statement<[number, string]>;
  readonly conversationSeq: Database.Statement<[number, string]>;
  readonly setConversationSeq: Database.Statement<[number, string, number]>;
  readonly inboxSeq: Database.Statement<[number, string]>;
  readonly insertInbox: Database.Statement<[number, string, number, number]>;
  readonly ensureState: Database.Statement<[number, string, string]>;
  readonly syncInbox: Database.Statement<[number, string, number, number]>;
  readonly historyBefore: Database.Statement<ViewerParams & { cleared: number; before: number; limit: number }>;
  readonly historyAfter: Database.Statement<ViewerParams & { cleared: number; after: number; limit: number }>;
  readonly historyUntil: Database.Statement<ViewerParams & { cleared: number; until: number; limit: number }>;
  readonly historySince: Database.Statement<ViewerParams & { cleared: number; since: number; limit: number }>;
  readonly unread: Database.Statement<ViewerParams & { after: number }>;
  readonly getState: Database.Statement<[number, string, string]>;
  readonly listC2CStates: Database.Statement<[number, string]>;
  readonly putState: Database.Statement<StateRowParams>;
  readonly deleteState: Database.Statement<[number, string, string]>;
  readonly insertDeleted: Database.Statement<[number, string, string, number]>;
  readonly forgetDeleted: Database.Statement<[number, string, string]>;
  readonly groupExists: Database.Statement<[number, string]>;
  readonly joinedGroupIDs: Database.Statement<[number, string]>;
  readonly deleteConversationMessages: Database.Statement<[number, string]>;
  readonly deleteConversationSeq: Database.Statement<[number, string]>;
}

/** Prepares the messaging statements on `db`. */
export function prepareMessageStatements(db: Database.Database): MessageStatements {
  return {
    findBySender: db.prepare<[number, string, string]>(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.app = ? AND m.from_user = ? AND m.msg_id = ?`),
    insertMessage: db.prepare<MessageRowParams>(
      `INSERT INTO messages (app, conv, seq, from_user, msg_id, targeted, conv_type, to_target, time, random, priority, at_users, receivers, cloud_custom_data, elements, sender_nick, sender_avatar, sender_name_card)
       VALUES (@app, @conv, @seq, @fromUser, @msgID, @targeted, @convType, @to, @time, @random, @priority, @atUsers, @receivers, @cloudCustomData, @elements, @senderNick, @senderAvatar, @senderNameCard)
       ON CONFLICT (app, from_user, msg_id) DO NOTHING`,
    ),
    insertReceiver: db.prepare<[number, string]>('INSERT OR IGNORE INTO message_receivers (msg, user_id) VALUES (?, ?)'),
    conversationSeq: db.prepare<[number, string]>('SELECT seq FROM conversation_seqs WHERE app = ? AND conv = ?').pluck(),
    setConversationSeq: db.prepare<[number, string, number]>(
      'INSERT INTO conversation_seqs (app, conv, seq) VALUES (?, ?, ?) ON CONFLICT (app, conv) DO UPDATE SET seq = excluded.seq',
    ),
    inboxSeq: db.prepare<[number, string]>('SELECT max(seq) FROM inbox WHERE app = ? AND user_id = ?').pluck(),
    insertInbox: db.prepare<[number, string, number, number]>('INSERT INTO inbox (app, user_id, seq, msg) VALUES (?, ?, ?, ?)'),
    ensureState: db.prepare<[number, string, string]>(
      `INSERT INTO conversation_states (app, user_id, conversation_id, read_seq, pinned, draft, cleared_seq, deleted_seq, updated_at)
       VALUES (?, ?, ?, 0, 0, '', 0, NULL, 0) ON CONFLICT DO NOTHING`,
    ),
    syncInbox: db.prepare<[number, string, number, number]>(
      `SELECT i.seq AS inbox_seq, ${MESSAGE_COLUMNS} FROM inbox i JOIN messages m ON m.id = i.msg
       WHERE i.app = ? AND i.user_id = ? AND i.seq > ? ORDER BY i.seq LIMIT ?`,
    ),
    historyBefore: db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE ${VISIBLE} AND m.seq < @before ORDER BY m.seq DESC LIMIT @limit`),
    historyAfter: db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE ${VISIBLE} AND m.seq > @after ORDER BY m.seq ASC LIMIT @limit`),
    // Time bounds walk the conversation's (app, conv, seq) index and test each message's time: order
    // stays by sequence (times of imported messages need not follow it).
    historyUntil: db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE ${VISIBLE} AND m.time <= @until ORDER BY m.seq DESC LIMIT @limit`),
    historySince: db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE ${VISIBLE} AND m.time >= @since ORDER BY m.seq ASC LIMIT @limit`),
    unread: db
      .prepare(
        `SELECT count(*) FROM messages m
         WHERE m.app = @app AND m.conv = @conv AND m.seq > @after
           AND m.from_user <> @user AND m.from_user <> '@TIM#SYSTEM' AND m.targeted = 0
           AND NOT EXISTS (SELECT 1 FROM deleted_messages d WHERE d.app = @app AND d.user_id = @user AND d.conversation_id = @cid AND d.seq = m.seq)`,
      )
      .pluck(),
    getState: db.prepare<[number, string, string]>(
      'SELECT conversation_id, read_seq, pinned, draft, cleared_seq, deleted_seq, updated_at FROM conversation_states WHERE app = ? AND user_id = ? AND conversation_id = ?',
    ),
    // 'C2C' <= id < 'C2D' is the range of C2C conversation IDs, served by the primary key.
    listC2CStates: db.prepare<[number, string]>(
      `SELECT conversation_id FROM conversation_states WHERE app = ? AND user_id = ? AND conversation_id >= 'C2C' AND conversation_id < 'C2D'`,
    ).pluck(),
    putState: db.prepare<StateRowParams>(
      `INSERT INTO conversation_states (app, user_id, conversation_id, read_seq, pinned, draft, cleared_seq, deleted_seq, updated_at)
       VALUES (@app, @user, @cid, @readSeq, @pinned, @draft, @clearedSeq, @deletedSeq, @updatedAt)
       ON CONFLICT (app, user_id, conversation_id) DO UPDATE SET read_seq = excluded.read_seq, pinned = excluded.pinned,
         draft = excluded.draft, cleared_seq = excluded.cleared_seq, deleted_seq = excluded.deleted_seq, updated_at = excluded.updated_at`,
    ),
    deleteState: db.prepare<[number, string, string]>('DELETE FROM conversation_states WHERE app = ? AND user_id = ? AND conversation_id = ?'),
    insertDeleted: db.prepare<[number, string, string, number]>('INSERT OR IGNORE INTO deleted_messages (app, user_id, conversation_id, seq) VALUES (?, ?, ?, ?)'),
    forgetDeleted: db.prepare<[number, string, string]>('DELETE FROM deleted_messages WHERE app = ? AND user_id = ? AND conversation_id = ?'),
    groupExists: db.prepare<[number, string]>('SELECT 1 FROM chat_groups WHERE app = ? AND group_id = ?').pluck(),
    joinedGroupIDs: db.prepare<[number, string]>('SELECT group_id FROM group_members WHERE app = ? AND user_id = ? ORDER BY group_id').pluck(),
    deleteConversationMessages: db.prepare<[number, string]>('DELETE FROM messages WHERE app = ? AND conv = ?'),
    deleteConversationSeq: db.prepare<[number, string]>('DELETE FROM conversation_seqs WHERE app = ? AND conv = ?'),
  };
}
