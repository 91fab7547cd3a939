/**
 * Messages, inboxes and conversation states on SQLite. Methods are synchronous and run inside the
 * store's transaction wrappers (`SqliteStore`), so one call is one transaction.
 */
import { ERRORS, ParleyError, parseConversationRef, type WireConversationType } from '@parley/protocol';
import type {
  AppendOutcome,
  ConversationPatch,
  ConversationState,
  ConversationView,
  HistoryPage,
  HistoryRange,
  InboxPage,
  MessageDraft,
  MessageRecord,
} from '@parley/server';
import { parseMessageRow, parseStateRow } from './sqlite-message-codec.js';
import type { MessageStatements } from './sqlite-message-statements.js';
import { CounterCache, type BatchCounters } from './sqlite-counter-cache.js';
import { parseRow } from './sqlite-errors.js';
import { corruptRowError } from './sqlite-row-codec.js';

/** Storage key of the C2C conversation between `a` and `b`. */
export function c2cKey(a: string, b: string): string {
  return a < b ? `c:${a}:${b}` : `c:${b}:${a}`;
}

/** Storage key of a group's conversation. */
export function groupKey(groupID: string): string {
  return `g:${groupID}`;
}

interface Address {
  readonly key: string;
  readonly type: WireConversationType;
  readonly target: string;
}

function addressOf(viewer: string, conversationID: string): Address {
  const ref = parseConversationRef(conversationID);
  if (!ref.ok) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', ref.reason);
  const { type, target } = ref.value;
  return { type, target, key: type === 'C2C' ? c2cKey(viewer, target) : groupKey(target) };
}

function defaultState(conversationID: string): ConversationState {
  return { conversationID, readSeq: 0, isPinned: false, draftText: '', clearedSeq: 0, deletedSeq: null, updatedAt: 0 };
}

const message = (r: unknown): MessageRecord => parseRow('messages', 'message', parseMessageRow(r));

function groupNotFound(groupID: string): AppendOutcome {
  const def = ERRORS.ERR_SVR_GROUP_NOT_FOUND;
  return { ok: false, code: def.code, reason: `${def.message}: ${groupID}` };
}

/**
 * The record of a draft just stored, as a read would return it. The elements go through the same
 * JSON round trip as the stored column (so nothing JSON cannot hold survives), the lists are copied.
 */
function storedMessage(draft: MessageDraft, seq: number, elementsJson: string): MessageRecord {
  return {
    ID: draft.ID,
    conversationType: draft.conversationType,
    from: draft.from,
    to: draft.to,
    seq,
    time: draft.time,
    random: draft.random,
    elements: JSON.parse(elementsJson) as MessageRecord['elements'],
    cloudCustomData: draft.cloudCustomData,
    priority: draft.priority,
    atUserList: [...draft.atUserList],
    receiverList: [...draft.receiverList],
  };
}

/** What one batch has read or written so far: counters are read once and written back at its end. */
interface BatchState extends BatchCounters {
  readonly groups: Map<string, boolean>;
}

/** The outcomes of an append, and what to do once its transaction committed. */
export interface AppendResult {
  readonly outcomes: AppendOutcome[];
  /** Call after the commit (never after a rollback): the counters the batch wrote become known. */
  readonly committed: () => void;
}

/** The messaging part of the SQLite store for one connection. */
export class SqliteMessaging {
  readonly #sql: MessageStatements;
  readonly #known = new CounterCache();

  constructor(sql: MessageStatements) {
    this.#sql = sql;
  }

  /** Stores a batch; must run inside one write transaction, and `committed` be called after its commit. */
  append(app: number, drafts: readonly MessageDraft[]): AppendResult {
    const batch: BatchState = { seqs: new Map(), inboxSeqs: new Map(), groups: new Map(), ensured: new Set() };
    const outcomes = drafts.map((draft) => this.#appendOne(app, draft, batch));
    for (const [conv, seq] of batch.seqs) this.#sql.setConversationSeq.run(app, conv, seq);
    return { outcomes, committed: () => this.#known.publish(app, batch) };
  }

  #appendOne(app: number, draft: MessageDraft, batch: BatchState): AppendOutcome {
    const sql = this.#sql;
    if (draft.conversationType === 'GROUP') {
      const exists = batch.groups.get(draft.to) ?? sql.groupExists.get(app, draft.to) !== undefined;
      batch.groups.set(draft.to, exists);
      if (!exists) return this.#earlier(app, draft) ?? groupNotFound(draft.to);
    }
    const conv = draft.conversationType === 'C2C' ? c2cKey(draft.from, draft.to) : groupKey(draft.to);
    const seq = (batch.seqs.get(conv) ?? this.#known.seq(app, conv) ?? this.seqOf(app, conv)) + 1;
    const elements = JSON.stringify(draft.elements);
    // The unique (app, from_user, msg_id) index is the dedupe check: a conflict inserts nothing,
    // so the common case (a new message) costs no lookup before the insert.
    const inserted = sql.insertMessage.run({
      app,
      conv,
      seq,
      fromUser: draft.from,
      msgID: draft.ID,
      targeted: draft.receiverList.length > 0 ? 1 : 0,
      convType: draft.conversationType,
      to: draft.to,
      time: draft.time,
      random: draft.random,
      priority: draft.priority,
      atUsers: JSON.stringify(draft.atUserList),
      receivers: JSON.stringify(draft.receiverList),
      cloudCustomData: draft.cloudCustomData,
      elements,
    });
    if (inserted.changes === 0) {
      const earlier = this.#earlier(app, draft);
      if (earlier === undefined) throw corruptRowError('messages', `from_user ${JSON.stringify(draft.from)}, msg_id ${JSON.stringify(draft.ID)}`, 'the insert conflicted but no row holds the key');
      return earlier;
    }
    batch.seqs.set(conv, seq);
    const id = Number(inserted.lastInsertRowid);
    for (const user of draft.receiverList) sql.insertReceiver.run(id, user);
    if (draft.conversationType === 'C2C') {
      for (const user of new Set(draft.syncToSender === false ? [draft.to] : [draft.from, draft.to])) {
        const next = (batch.inboxSeqs.get(user) ?? this.#known.inboxSeq(app, user) ?? this.inboxHead(app, user)) + 1;
        batch.inboxSeqs.set(user, next);
        sql.insertInbox.run(app, user, next, id);
        const cid = `C2C${user === draft.from ? draft.to : draft.from}`;
        const pair = `${user}\0${cid}`;
        if (!batch.ensured.has(pair)) {
          batch.ensured.add(pair);
          if (!this.#known.hasState(app, pair)) sql.ensureState.run(app, user, cid);
        }
      }
    }
    return { ok: true, message: storedMessage(draft, seq, elements), duplicate: false };
  }

  /** The message stored earlier under the draft's (from, ID), as a duplicate outcome. */
  #earlier(app: number, draft: MessageDraft): AppendOutcome | undefined {
    const earlier = this.#sql.findBySender.get(app, draft.from, draft.ID);
    return earlier === undefined ? undefined : { ok: true, message: message(earlier), duplicate: true };
  }

  syncInbox(app: number, userID: string, cursor: number, count: number): InboxPage {
    const rows = this.#sql.syncInbox.all(app, userID, cursor, count + 1);
    const page = rows.slice(0, count);
    const last = page.at(-1) as { inbox_seq?: unknown } | undefined;
    const lastSeq = last?.inbox_seq;
    return {
      messages: page.map(message),
      cursor: typeof lastSeq === 'number' ? lastSeq : cursor,
      isCompleted: rows.length <= count,
    };
  }

  /** Inbox position of the user's newest C2C message (0 when none). */
  inboxHead(app: number, userID: string): number {
    const head = this.#sql.inboxSeq.get(app, userID);
    return typeof head === 'number' ? head : 0;
  }

  history(app: number, userID: string, conversationID: string, range: HistoryRange): HistoryPage {
    const { key } = addressOf(userID, conversationID);
    const state = this.#state(app, userID, conversationID);
    const viewer = { app, user: userID, cid: conversationID, conv: key, cleared: state.clearedSeq, limit: range.count + 1 };
    if (range.afterSeq !== undefined || range.sinceTime !== undefined) {
      const rows =
        range.sinceTime !== undefined ? this.#sql.historySince.all({ ...viewer, since: range.sinceTime }) : this.#sql.historyAfter.all({ ...viewer, after: range.afterSeq ?? 0 });
      return { messages: rows.slice(0, range.count).map(message), isCompleted: rows.length <= range.count };
    }
    const rows =
      range.untilTime !== undefined && range.beforeSeq === undefined
        ? this.#sql.historyUntil.all({ ...viewer, until: range.untilTime })
        : this.#sql.historyBefore.all({ ...viewer, before: range.beforeSeq ?? Number.MAX_SAFE_INTEGER });
    return { messages: rows.slice(0, range.count).map(message).reverse(), isCompleted: rows.length <= range.count };
  }

  conversations(app: number, userID: string, conversationIDs?: readonly string[]): ConversationView[] {
    if (conversationIDs !== undefined) {
      for (const id of conversationIDs) addressOf(userID, id);
      return conversationIDs.map((id) => this.#view(app, userID, id));
    }
    const c2c = this.#sql.listC2CStates.all(app, userID).filter((id): id is string => typeof id === 'string');
    const groups = this.#sql.joinedGroupIDs.all(app, userID).map((id) => `GROUP${String(id)}`);
    return [...c2c, ...groups].map((id) => this.#view(app, userID, id)).filter((v) => v.deletedSeq === null || v.maxSeq > v.deletedSeq);
  }

  updateConversations(app: number, userID: string, patches: readonly { readonly conversationID: string; readonly patch: ConversationPatch }[]): void {
    for (const { conversationID } of patches) addressOf(userID, conversationID);
    for (const { conversationID, patch } of patches) {
      const s = this.#state(app, userID, conversationID);
      this.#sql.putState.run({
        app,
        user: userID,
        cid: conversationID,
        readSeq: Math.max(s.readSeq, patch.readSeq ?? 0),
        pinned: (patch.isPinned ?? s.isPinned) ? 1 : 0,
        draft: patch.draftText ?? s.draftText,
        clearedSeq: Math.max(s.clearedSeq, patch.clearedSeq ?? 0),
        deletedSeq: patch.deletedSeq === undefined ? s.deletedSeq : patch.deletedSeq,
        updatedAt: patch.updatedAt ?? s.updatedAt,
      });
    }
  }

  deleteMessages(app: number, userID: string, conversationID: string, seqs: readonly number[]): void {
    addressOf(userID, conversationID);
    for (const seq of seqs) this.#sql.insertDeleted.run(app, userID, conversationID, seq);
  }

  /** Highest sequence of a conversation (by storage key). */
  seqOf(app: number, key: string): number {
    const seq = this.#sql.conversationSeq.get(app, key);
    return typeof seq === 'number' ? seq : 0;
  }

  /** Starts a new group member with the group read up to its current sequence (forgetting old state). */
  initMemberState(app: number, userID: string, groupID: string): void {
    const cid = `GROUP${groupID}`;
    this.forgetState(app, userID, cid);
    const readSeq = this.seqOf(app, groupKey(groupID));
    this.#sql.putState.run({ app, user: userID, cid, readSeq, pinned: 0, draft: '', clearedSeq: 0, deletedSeq: null, updatedAt: 0 });
  }

  /** Forgets a user's state and deleted messages of one conversation. */
  forgetState(app: number, userID: string, conversationID: string): void {
    this.#known.forgetState(app, `${userID}\0${conversationID}`);
    this.#sql.deleteState.run(app, userID, conversationID);
    this.#sql.forgetDeleted.run(app, userID, conversationID);
  }

  /** Drops a group's messages (their receivers cascade) and sequence. */
  dropGroupMessages(app: number, groupID: string): void {
    this.#known.forgetSeq(app, groupKey(groupID));
    this.#sql.deleteConversationMessages.run(app, groupKey(groupID));
    this.#sql.deleteConversationSeq.run(app, groupKey(groupID));
  }

  #state(app: number, userID: string, conversationID: string): ConversationState {
    const r = this.#sql.getState.get(app, userID, conversationID);
    return r === undefined ? defaultState(conversationID) : parseRow('conversation_states', `user_id ${JSON.stringify(userID)}, conversation_id ${JSON.stringify(conversationID)}`, parseStateRow(r));
  }

  #view(app: number, userID: string, conversationID: string): ConversationView {
    const { key, type, target } = addressOf(userID, conversationID);
    const state = this.#state(app, userID, conversationID);
    const viewer = { app, user: userID, cid: conversationID, conv: key };
    const unread = this.#sql.unread.get({ ...viewer, after: Math.max(state.readSeq, state.clearedSeq) });
    const last = this.#sql.historyBefore.get({ ...viewer, cleared: state.clearedSeq, before: Number.MAX_SAFE_INTEGER, limit: 1 });
    return {
      ...state,
      type,
      target,
      maxSeq: this.seqOf(app, key),
      unreadCount: typeof unread === 'number' ? unread : 0,
      lastMessage: last === undefined ? null : message(last),
    };
  }
}
