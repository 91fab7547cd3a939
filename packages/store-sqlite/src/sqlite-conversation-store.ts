/**
 * `store.conversations` on SQLite: each user's view of their conversations (unread count and last
 * message answered from indexes, three queries per conversation) and their own state of each.
 */
import {
  addressOf,
  applyConversationPatch,
  type ConversationPatchEntry,
  type ConversationStore,
  type ConversationView,
} from '@parley/store';
import type { SqliteConversationStates } from './sqlite-conversation-states.js';
import { readMessageRow as message } from './sqlite-message-codec.js';
import type { MessageStatements } from './sqlite-message-statements.js';
import type { SqliteRunner } from './sqlite-runner.js';

/** The {@link ConversationStore} of one SQLite connection. */
export class SqliteConversationStore implements ConversationStore {
  readonly #run: SqliteRunner;
  readonly #sql: MessageStatements;
  readonly #states: SqliteConversationStates;

  constructor(run: SqliteRunner, sql: MessageStatements, states: SqliteConversationStates) {
    this.#run = run;
    this.#sql = sql;
    this.#states = states;
  }

  async get(sdkAppID: number, userID: string, conversationIDs?: readonly string[]): Promise<ConversationView[]> {
    // One read transaction, so that every view of the list sees the same moment.
    return this.#run.snapshot(() => (!this.#run.hasApp(sdkAppID) ? [] : this.#views(sdkAppID, userID, conversationIDs)));
  }

  async update(sdkAppID: number, userID: string, patches: readonly ConversationPatchEntry[]): Promise<void> {
    this.#run.writeForApp(sdkAppID, () => {
      for (const { conversationID } of patches) addressOf(userID, conversationID);
      for (const { conversationID, patch } of patches) {
        const next = applyConversationPatch(this.#states.state(sdkAppID, userID, conversationID), patch);
        this.#sql.putState.run({
          app: sdkAppID,
          user: userID,
          cid: conversationID,
          readSeq: next.readSeq,
          pinned: next.isPinned ? 1 : 0,
          draft: next.draftText,
          clearedSeq: next.clearedSeq,
          deletedSeq: next.deletedSeq,
          updatedAt: next.updatedAt,
        });
      }
    });
  }

  async deleteMessages(sdkAppID: number, userID: string, conversationID: string, seqs: readonly number[]): Promise<void> {
    this.#run.writeForApp(sdkAppID, () => {
      addressOf(userID, conversationID);
      for (const seq of seqs) this.#sql.insertDeleted.run(sdkAppID, userID, conversationID, seq);
    });
  }

  #views(app: number, userID: string, conversationIDs?: readonly string[]): ConversationView[] {
    if (conversationIDs !== undefined) {
      for (const id of conversationIDs) addressOf(userID, id);
      return conversationIDs.map((id) => this.#view(app, userID, id));
    }
    const c2c = this.#sql.listC2CStates.all(app, userID).filter((id): id is string => typeof id === 'string');
    const groups = this.#sql.joinedGroupIDs.all(app, userID).map((id) => `GROUP${String(id)}`);
    return [...c2c, ...groups].map((id) => this.#view(app, userID, id)).filter((v) => v.deletedSeq === null || v.maxSeq > v.deletedSeq);
  }

  #view(app: number, userID: string, conversationID: string): ConversationView {
    const { key, type, target } = addressOf(userID, conversationID);
    const state = this.#states.state(app, userID, conversationID);
    const viewer = { app, user: userID, cid: conversationID, conv: key };
    const unread = this.#sql.unread.get({ ...viewer, after: Math.max(state.readSeq, state.clearedSeq) });
    const last = this.#sql.historyBefore.get({ ...viewer, cleared: state.clearedSeq, before: Number.MAX_SAFE_INTEGER, limit: 1 });
    return {
      ...state,
      type,
      target,
      maxSeq: this.#states.seqOf(app, key),
      unreadCount: typeof unread === 'number' ? unread : 0,
      lastMessage: last === undefined ? null : message(last),
    };
  }
}
