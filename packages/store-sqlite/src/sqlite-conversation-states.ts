/**
 * Synchronous row work on conversation sequences and per-user conversation state, shared by the
 * message, conversation and group sub-stores of one connection. It runs inside their transactions
 * and never opens one itself, so a group change and the state it implies commit together.
 */
import { defaultConversationState, groupKey, type ConversationState } from '@parley/store';
import type { CounterCache } from './sqlite-counter-cache.js';
import { parseStateRow } from './sqlite-message-codec.js';
import type { MessageStatements } from './sqlite-message-statements.js';
import { parseRow } from './sqlite-errors.js';

/** Conversation sequences and states of one connection; call inside a unit of work of `SqliteRunner`. */
export class SqliteConversationStates {
  readonly #sql: MessageStatements;
  readonly #known: CounterCache;

  /** `known` is the connection's cache of committed counters, shared with the message store. */
  constructor(sql: MessageStatements, known: CounterCache) {
    this.#sql = sql;
    this.#known = known;
  }

  /** Highest sequence of a conversation (by storage key), read from the database. */
  seqOf(app: number, key: string): number {
    const seq = this.#sql.conversationSeq.get(app, key);
    return typeof seq === 'number' ? seq : 0;
  }

  /** The user's state of a conversation, the default when the user never touched it. */
  state(app: number, userID: string, conversationID: string): ConversationState {
    const r = this.#sql.getState.get(app, userID, conversationID);
    return r === undefined
      ? defaultConversationState(conversationID)
      : parseRow('conversation_states', `user_id ${JSON.stringify(userID)}, conversation_id ${JSON.stringify(conversationID)}`, parseStateRow(r));
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
}
