/**
 * `store.messages` on SQLite: appends (the hot path: one transaction per batch, the counters of
 * committed batches cached), the per-user C2C inbox and roaming history. Conversation views and
 * per-user state are `SqliteConversationStore`.
 */
import {
  addressOf,
  c2cKey,
  groupKey,
  groupNotFoundOutcome,
  type AppendOutcome,
  type HistoryPage,
  type HistoryRange,
  type InboxPage,
  type MessageDraft,
  type MessageRecord,
  type MessageStore,
} from '@parley/store';
import { readMessageRow as message } from './sqlite-message-codec.js';
import type { MessageStatements } from './sqlite-message-statements.js';
import type { CounterCache, BatchCounters } from './sqlite-counter-cache.js';
import type { SqliteConversationStates } from './sqlite-conversation-states.js';
import { corruptRowError } from './sqlite-row-codec.js';
import type { SqliteRunner } from './sqlite-runner.js';

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
    nick: draft.nick ?? '',
    avatar: draft.avatar ?? '',
    nameCard: draft.nameCard ?? '',
  };
}

/** What one batch has read or written so far: counters are read once and written back at its end. */
interface BatchState extends BatchCounters {
  readonly groups: Map<string, boolean>;
}

/** The outcomes of an append, and what to do once its transaction committed. */
interface AppendResult {
  readonly outcomes: AppendOutcome[];
  /** Call after the commit (never after a rollback): the counters the batch wrote become known. */
  readonly committed: () => void;
}

/** The {@link MessageStore} of one SQLite connection. */
export class SqliteMessageStore implements MessageStore {
  readonly #run: SqliteRunner;
  readonly #sql: MessageStatements;
  readonly #known: CounterCache;
  readonly #states: SqliteConversationStates;

  /** `known` and `states` are shared with the connection's other sub-stores (group deletion forgets counters). */
  constructor(run: SqliteRunner, sql: MessageStatements, known: CounterCache, states: SqliteConversationStates) {
    this.#run = run;
    this.#sql = sql;
    this.#known = known;
    this.#states = states;
  }

  async append(sdkAppID: number, drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    const result = this.#run.writeForApp(sdkAppID, () => this.#append(sdkAppID, drafts));
    result.committed();
    return result.outcomes;
  }

  async syncInbox(sdkAppID: number, userID: string, cursor: number, count: number): Promise<InboxPage> {
    return this.#run.read(() => {
      const rows = this.#sql.syncInbox.all(sdkAppID, userID, cursor, count + 1);
      const page = rows.slice(0, count);
      const last = page.at(-1) as { inbox_seq?: unknown } | undefined;
      const lastSeq = last?.inbox_seq;
      return {
        messages: page.map(message),
        cursor: typeof lastSeq === 'number' ? lastSeq : cursor,
        isCompleted: rows.length <= count,
      };
    });
  }

  async inboxHead(sdkAppID: number, userID: string): Promise<number> {
    return this.#run.read(() => this.#inboxHead(sdkAppID, userID));
  }

  async getHistory(sdkAppID: number, userID: string, conversationID: string, range: HistoryRange): Promise<HistoryPage> {
    return this.#run.read(() => this.#history(sdkAppID, userID, conversationID, range));
  }

  /** Stores a batch; runs inside one write transaction, and `committed` is called after its commit. */
  #append(app: number, drafts: readonly MessageDraft[]): AppendResult {
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
      if (!exists) return this.#earlier(app, draft) ?? groupNotFoundOutcome(draft.to);
    }
    const conv = draft.conversationType === 'C2C' ? c2cKey(draft.from, draft.to) : groupKey(draft.to);
    const seq = (batch.seqs.get(conv) ?? this.#known.seq(app, conv) ?? this.#states.seqOf(app, conv)) + 1;
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
      senderNick: draft.nick ?? '',
      senderAvatar: draft.avatar ?? '',
      senderNameCard: draft.nameCard ?? '',
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
        const next = (batch.inboxSeqs.get(user) ?? this.#known.inboxSeq(app, user) ?? this.#inboxHead(app, user)) + 1;
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

  /** Inbox position of the user's newest C2C message (0 when none). */
  #inboxHead(app: number, userID: string): number {
    const head = this.#sql.inboxSeq.get(app, userID);
    return typeof head === 'number' ? head : 0;
  }

  #history(app: number, userID: string, conversationID: string, range: HistoryRange): HistoryPage {
    const { key } = addressOf(userID, conversationID);
    const state = this.#states.state(app, userID, conversationID);
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
}
