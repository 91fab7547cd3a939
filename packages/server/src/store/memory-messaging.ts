/**
 * Messages, inboxes and conversation states of one app inside the `MemoryStore`. Every method runs
 * synchronously, so each call is atomic; a batch is staged completely before anything is applied.
 */
import { ERRORS } from '@parley/protocol';
import { addressOf, conversationIDFor, countsAsUnread, groupKey, isTargetedAt, messageKey } from './conversation-keys.js';
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
} from './store-messages.js';

/** What the messaging part needs to know about groups. */
export interface GroupLookup {
  exists(groupID: string): boolean;
  joinedGroupIDs(userID: string): string[];
}

/** A deep, frozen copy of a message (elements go through JSON, as a database would store them). */
export function freezeMessage(m: MessageRecord): MessageRecord {
  return Object.freeze({
    ID: m.ID,
    conversationType: m.conversationType,
    from: m.from,
    to: m.to,
    seq: m.seq,
    time: m.time,
    random: m.random,
    elements: Object.freeze(JSON.parse(JSON.stringify(m.elements)) as MessageRecord['elements']),
    cloudCustomData: m.cloudCustomData,
    priority: m.priority,
    atUserList: Object.freeze([...m.atUserList]),
    receiverList: Object.freeze([...m.receiverList]),
  });
}

/** A mutable private copy of a stored message. */
export function copyMessage(m: MessageRecord): MessageRecord {
  return { ...m, elements: JSON.parse(JSON.stringify(m.elements)) as MessageRecord['elements'], atUserList: [...m.atUserList], receiverList: [...m.receiverList] };
}

/** The state of a conversation the user never touched. */
export function defaultState(conversationID: string): ConversationState {
  return { conversationID, readSeq: 0, isPinned: false, draftText: '', clearedSeq: 0, deletedSeq: null, updatedAt: 0 };
}

/** `state` with `patch` applied (read and cleared positions only rise). */
export function applyPatch(state: ConversationState, patch: ConversationPatch): ConversationState {
  return Object.freeze({
    conversationID: state.conversationID,
    readSeq: Math.max(state.readSeq, patch.readSeq ?? 0),
    isPinned: patch.isPinned ?? state.isPinned,
    draftText: patch.draftText ?? state.draftText,
    clearedSeq: Math.max(state.clearedSeq, patch.clearedSeq ?? 0),
    deletedSeq: patch.deletedSeq === undefined ? state.deletedSeq : patch.deletedSeq,
    updatedAt: patch.updatedAt ?? state.updatedAt,
  });
}

const dedupeKey = (from: string, id: string): string => `${from}\n${id}`;

/** Messaging data of one app. */
export class MemoryMessaging {
  readonly #groups: GroupLookup;
  /** conversation key → messages in sequence order. */
  readonly #messages = new Map<string, MessageRecord[]>();
  /** conversation key → last assigned sequence. */
  readonly #seqs = new Map<string, number>();
  readonly #byID = new Map<string, MessageRecord>();
  /** user → C2C messages in inbox order (inbox seq = index + 1). */
  readonly #inbox = new Map<string, MessageRecord[]>();
  /** user → conversationID → state. */
  readonly #states = new Map<string, Map<string, ConversationState>>();
  /** `user\nconversationID` → deleted sequences. */
  readonly #deleted = new Map<string, Set<number>>();

  constructor(groups: GroupLookup) {
    this.#groups = groups;
  }

  /** Highest sequence of a conversation (by storage key). */
  seqOf(key: string): number {
    return this.#seqs.get(key) ?? 0;
  }

  append(drafts: readonly MessageDraft[]): AppendOutcome[] {
    // Stage everything first: a failure (e.g. elements that are not JSON) leaves no trace.
    const outcomes: AppendOutcome[] = [];
    const staged: { key: string; message: MessageRecord; inboxOf: string[] }[] = [];
    const stagedByID = new Map<string, MessageRecord>();
    const nextSeq = new Map<string, number>();
    for (const draft of drafts) {
      const id = dedupeKey(draft.from, draft.ID);
      const earlier = this.#byID.get(id) ?? stagedByID.get(id);
      if (earlier) {
        outcomes.push({ ok: true, message: copyMessage(earlier), duplicate: true });
        continue;
      }
      if (draft.conversationType === 'GROUP' && !this.#groups.exists(draft.to)) {
        const def = ERRORS.ERR_SVR_GROUP_NOT_FOUND;
        outcomes.push({ ok: false, code: def.code, reason: `${def.message}: ${draft.to}` });
        continue;
      }
      const key = messageKey(draft);
      const seq = (nextSeq.get(key) ?? this.seqOf(key)) + 1;
      nextSeq.set(key, seq);
      const { syncToSender, ...fields } = draft;
      const message = freezeMessage({ ...fields, seq });
      const inboxOf = draft.conversationType === 'C2C' ? [...new Set([...(syncToSender === false ? [] : [draft.from]), draft.to])] : [];
      staged.push({ key, message, inboxOf });
      stagedByID.set(id, message);
      outcomes.push({ ok: true, message: copyMessage(message), duplicate: false });
    }
    for (const { key, message, inboxOf } of staged) {
      const list = this.#messages.get(key) ?? [];
      list.push(message);
      this.#messages.set(key, list);
      this.#seqs.set(key, message.seq);
      this.#byID.set(dedupeKey(message.from, message.ID), message);
      for (const user of inboxOf) {
        const inbox = this.#inbox.get(user) ?? [];
        inbox.push(message);
        this.#inbox.set(user, inbox);
        const convID = conversationIDFor(user, message);
        const states = this.#userStates(user);
        if (!states.has(convID)) states.set(convID, Object.freeze(defaultState(convID)));
      }
    }
    return outcomes;
  }

  inboxHead(userID: string): number {
    return this.#inbox.get(userID)?.length ?? 0;
  }

  syncInbox(userID: string, cursor: number, count: number): InboxPage {
    const inbox = this.#inbox.get(userID) ?? [];
    const page = inbox.slice(cursor, cursor + count);
    return { messages: page.map(copyMessage), cursor: cursor + page.length, isCompleted: cursor + page.length >= inbox.length };
  }

  history(userID: string, conversationID: string, range: HistoryRange): HistoryPage {
    const { key } = addressOf(userID, conversationID);
    const visible = this.#visible(userID, conversationID, key);
    let pick: MessageRecord[];
    let rest: number;
    const { afterSeq, beforeSeq, sinceTime, untilTime } = range;
    if (afterSeq !== undefined || sinceTime !== undefined) {
      const after = visible.filter((m) => (sinceTime !== undefined ? m.time >= sinceTime : m.seq > (afterSeq ?? 0)));
      pick = after.slice(0, range.count);
      rest = after.length - pick.length;
    } else {
      const before = visible.filter((m) => (beforeSeq !== undefined ? m.seq < beforeSeq : untilTime !== undefined ? m.time <= untilTime : true));
      pick = before.slice(Math.max(0, before.length - range.count));
      rest = before.length - pick.length;
    }
    return { messages: pick.map(copyMessage), isCompleted: rest === 0 };
  }

  conversations(userID: string, conversationIDs?: readonly string[]): ConversationView[] {
    if (conversationIDs !== undefined) return conversationIDs.map((id) => this.#view(userID, id));
    const ids = new Set<string>();
    for (const id of this.#states.get(userID)?.keys() ?? []) if (id.startsWith('C2C')) ids.add(id);
    for (const groupID of this.#groups.joinedGroupIDs(userID)) ids.add(`GROUP${groupID}`);
    return [...ids].map((id) => this.#view(userID, id)).filter((v) => v.deletedSeq === null || v.maxSeq > v.deletedSeq);
  }

  updateConversations(userID: string, patches: readonly { readonly conversationID: string; readonly patch: ConversationPatch }[]): void {
    for (const { conversationID } of patches) addressOf(userID, conversationID);
    const states = this.#userStates(userID);
    for (const { conversationID, patch } of patches) {
      states.set(conversationID, applyPatch(states.get(conversationID) ?? defaultState(conversationID), patch));
    }
  }

  deleteMessages(userID: string, conversationID: string, seqs: readonly number[]): void {
    addressOf(userID, conversationID);
    const k = `${userID}\n${conversationID}`;
    const set = this.#deleted.get(k) ?? new Set<number>();
    for (const seq of seqs) set.add(seq);
    this.#deleted.set(k, set);
  }

  /** Starts a new group member with the group read up to its current sequence (forgetting old state). */
  initMemberState(userID: string, groupID: string): void {
    const convID = `GROUP${groupID}`;
    this.forgetState(userID, convID);
    this.#userStates(userID).set(convID, Object.freeze({ ...defaultState(convID), readSeq: this.seqOf(groupKey(groupID)) }));
  }

  /** Forgets a user's state and deleted messages of one conversation. */
  forgetState(userID: string, conversationID: string): void {
    this.#states.get(userID)?.delete(conversationID);
    this.#deleted.delete(`${userID}\n${conversationID}`);
  }

  /** Drops a group's messages and sequence (the group is being deleted). */
  dropGroupMessages(groupID: string): void {
    const key = groupKey(groupID);
    for (const m of this.#messages.get(key) ?? []) this.#byID.delete(dedupeKey(m.from, m.ID));
    this.#messages.delete(key);
    this.#seqs.delete(key);
  }

  #userStates(userID: string): Map<string, ConversationState> {
    let states = this.#states.get(userID);
    if (!states) {
      states = new Map();
      this.#states.set(userID, states);
    }
    return states;
  }

  #state(userID: string, conversationID: string): ConversationState {
    return this.#states.get(userID)?.get(conversationID) ?? defaultState(conversationID);
  }

  #visible(userID: string, conversationID: string, key: string): MessageRecord[] {
    const state = this.#state(userID, conversationID);
    const deleted = this.#deleted.get(`${userID}\n${conversationID}`);
    return (this.#messages.get(key) ?? []).filter((m) => m.seq > state.clearedSeq && !deleted?.has(m.seq) && isTargetedAt(userID, m));
  }

  #view(userID: string, conversationID: string): ConversationView {
    const { key, type, target } = addressOf(userID, conversationID);
    const state = this.#state(userID, conversationID);
    const visible = this.#visible(userID, conversationID, key);
    const readUpTo = Math.max(state.readSeq, state.clearedSeq);
    const last = visible.at(-1);
    return {
      ...state,
      type,
      target,
      maxSeq: this.seqOf(key),
      unreadCount: visible.filter((m) => m.seq > readUpTo && countsAsUnread(userID, m)).length,
      lastMessage: last ? copyMessage(last) : null,
    };
  }
}
