/**
 * The conversation list of one session, kept in memory: loaded from the server at login and
 * after each reconnect, then updated from sends, received messages, read operations and
 * `recentcontact.changed` pushes. It turns its state into Tencent-shaped {@link Conversation}
 * objects, sorted the way the list events carry them: pinned first, then by last activity.
 *
 * Unread counts come from the server's snapshots; between snapshots a message above the
 * snapshot's `maxSeq` from someone else counts as one more unread. A snapshot older than what
 * the client has already received keeps the newer local last message and counts the unread
 * messages above it on top of the snapshot's number.
 */
import { conversationID as makeConversationID, parseConversationID, TYPES, type WireConversation, type WireConversationType, type WireMessage } from '@parley/protocol';
import { messageForShow } from '../model/message-factory.js';
import type { Conversation, ConversationLastMessage, GroupAtInfo, Message } from '../model/message-types.js';

interface ConversationState {
  readonly conversationID: string;
  readonly type: WireConversationType;
  readonly target: string;
  lastMessage: Message | null;
  maxSeq: number;
  readSeq: number;
  unreadCount: number;
  isPinned: boolean;
  draftText: string;
  /** Last activity, whole seconds. */
  updatedAt: number;
  atInfo: GroupAtInfo[];
  /** C2C: the peer's nick and avatar as last heard (server snapshot, an incoming message, a profile push). */
  peer: { nick: string; avatar: string };
}

/** What the cache needs from its owner. */
export interface ConversationCacheDeps {
  /** The logged-in UserID (for @-mentions). */
  readonly viewer: () => string;
  /** The shared message object for a wire message (a snapshot's `lastMessage`). */
  readonly toMessage: (wire: WireMessage, isRead: boolean) => Message;
  /** Incoming cached messages of a conversation above a sequence. */
  readonly countIncomingAbove: (conversationID: string, seq: number) => number;
  /** Name, type and avatar of a group, when the group list knows it. */
  readonly groupInfo: (groupID: string) => { name: string; type: string; avatar: string } | undefined;
}

/** Which conversations `setAllMessageRead` covers. */
export type ReadScope = 'c2c' | 'group' | 'all';

const EMPTY_LAST: ConversationLastMessage = Object.freeze({
  lastTime: 0,
  lastSequence: 0,
  fromAccount: '',
  type: '',
  payload: {},
  messageForShow: '',
  isRevoked: false,
  isPeerRead: false,
  nick: '',
  nameCard: '',
  cloudCustomData: '',
  onlineOnlyFlag: false,
  status: 'success',
});

/** The conversation list of one session. */
export class ConversationCache {
  private readonly states = new Map<string, ConversationState>();
  private dirty = false;

  constructor(private readonly deps: ConversationCacheDeps) {}

  /** True if the conversation is in the list. */
  has(conversationID: string): boolean {
    return this.states.has(conversationID);
  }

  /** The sequence the user has read up to (0 when the conversation is unknown). */
  readSeq(conversationID: string): number {
    return this.states.get(conversationID)?.readSeq ?? 0;
  }

  /** Highest sequence known for the conversation (`undefined` when unknown). */
  maxSeq(conversationID: string): number | undefined {
    return this.states.get(conversationID)?.maxSeq;
  }

  /** `[conversationID, maxSeq]` of every listed conversation of a type. */
  sequences(type: WireConversationType): [string, number][] {
    return [...this.states.values()].filter((s) => s.type === type).map((s) => [s.conversationID, s.maxSeq]);
  }

  /** Replaces the whole list with the server's (login, reconnect). */
  replaceAll(wires: readonly WireConversation[]): void {
    const keep = new Set(wires.map((w) => w.conversationID));
    for (const id of [...this.states.keys()]) {
      const local = this.states.get(id);
      // A conversation whose first message is still on its way is not on the server yet.
      if (!keep.has(id) && !(local?.lastMessage && local.lastMessage.sequence === 0)) this.states.delete(id);
    }
    for (const wire of wires) this.applySnapshot(wire);
    this.dirty = true;
  }

  /** Applies the server's state of one conversation. */
  applySnapshot(wire: WireConversation): void {
    const local = this.states.get(wire.conversationID);
    const last = wire.lastMessage ? this.deps.toMessage(wire.lastMessage, wire.lastMessage.seq <= wire.readSeq) : null;
    const next: ConversationState = {
      conversationID: wire.conversationID,
      type: wire.type,
      target: wire.target,
      lastMessage: last,
      maxSeq: wire.maxSeq,
      readSeq: wire.readSeq,
      unreadCount: wire.unreadCount,
      isPinned: wire.isPinned,
      draftText: wire.draftText,
      updatedAt: Math.max(wire.updatedAt, local?.updatedAt ?? 0),
      atInfo: (local?.atInfo ?? []).filter((a) => a.messageSequence > wire.readSeq),
      peer: wire.userProfile ? { nick: wire.userProfile.nick, avatar: wire.userProfile.avatar } : (local?.peer ?? { nick: '', avatar: '' }),
    };
    if (local && local.maxSeq > wire.maxSeq) {
      next.lastMessage = local.lastMessage;
      next.maxSeq = local.maxSeq;
      next.unreadCount = wire.unreadCount + this.deps.countIncomingAbove(wire.conversationID, Math.max(wire.maxSeq, wire.readSeq));
    }
    if (local?.lastMessage && local.lastMessage.sequence === 0) next.lastMessage = local.lastMessage;
    this.states.set(wire.conversationID, next);
    this.dirty = true;
  }

  /**
   * Applies a message: a stored one (sequence > 0) newer than the conversation's last one
   * becomes its last message and, from someone else and unread, one more unread; a local one
   * being sent becomes the last message. Creates the conversation when it is new.
   */
  applyMessage(message: Message): void {
    const isNew = !this.states.has(message.conversationID);
    const state = this.ensure(message.conversationID, message.time);
    // A new C2C conversation opened by the peer shows the names the peer's message carries.
    if (isNew && state.type === 'C2C' && message.flow === 'in') state.peer = { nick: message.nick, avatar: message.avatar };
    if (message.sequence === 0) {
      state.lastMessage = message;
    } else {
      if (message.sequence <= state.maxSeq) return;
      state.maxSeq = message.sequence;
      state.lastMessage = message;
      if (message.flow === 'in' && message.sequence > state.readSeq) {
        state.unreadCount++;
        const at = this.atTypeOf(message);
        if (at !== 0) state.atInfo.push({ groupID: state.target, messageSequence: message.sequence, atType: at });
      }
    }
    state.updatedAt = Math.max(state.updatedAt, message.time);
    this.dirty = true;
  }

  /** Local effect of a read: nothing unread up to the last known sequence. */
  markRead(conversationID: string): void {
    const state = this.states.get(conversationID);
    if (!state) return;
    state.readSeq = Math.max(state.readSeq, state.maxSeq);
    state.unreadCount = 0;
    state.atInfo = [];
    this.dirty = true;
  }

  /** {@link markRead} for every conversation in `scope`; returns their IDs. */
  markAllRead(scope: ReadScope): string[] {
    const ids = [...this.states.values()].filter((s) => scope === 'all' || (scope === 'c2c') === (s.type === 'C2C')).map((s) => s.conversationID);
    for (const id of ids) this.markRead(id);
    return ids;
  }

  /** Removes a conversation from the list. */
  remove(conversationID: string): void {
    if (this.states.delete(conversationID)) this.dirty = true;
  }

  /** Forgets a conversation's last message (its history was cleared). */
  clearLastMessage(conversationID: string): void {
    const state = this.states.get(conversationID);
    if (!state) return;
    state.lastMessage = null;
    state.unreadCount = 0;
    state.atInfo = [];
    this.dirty = true;
  }

  /**
   * A user's profile changed: the C2C conversation with that user shows the new nick and avatar
   * (Tencent's SDK then reports CONVERSATION_LIST_UPDATED). True when a listed conversation changed.
   */
  applyPeerProfile(userID: string, nick: string, avatar: string): boolean {
    const state = this.states.get(makeConversationID('C2C', userID));
    if (!state || (state.peer.nick === nick && state.peer.avatar === avatar)) return false;
    state.peer = { nick, avatar };
    this.dirty = true;
    return true;
  }

  /** Marks the list changed (e.g. a group's name changed). */
  touch(): void {
    this.dirty = true;
  }

  /** Sum of unread counts. */
  totalUnread(): number {
    let total = 0;
    for (const s of this.states.values()) total += s.unreadCount;
    return total;
  }

  /** True (once) when the list changed since the last call. */
  takeDirty(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  /** One conversation as Tencent's object, if listed. */
  get(conversationID: string): Conversation | undefined {
    const state = this.states.get(conversationID);
    return state ? this.toConversation(state) : undefined;
  }

  /** The list, pinned first, then by last activity (newest first). */
  list(): Conversation[] {
    return [...this.states.values()]
      .sort((a, b) => Number(b.isPinned) - Number(a.isPinned) || activity(b) - activity(a) || (a.conversationID < b.conversationID ? -1 : 1))
      .map((s) => this.toConversation(s));
  }

  /** An empty conversation object for an ID nobody has written in yet; `undefined` for a malformed ID. */
  blank(conversationID: string): Conversation | undefined {
    const parsed = parseConversationID(conversationID);
    if (!parsed) return undefined;
    return this.toConversation(this.newState(makeConversationID(parsed.type, parsed.target), parsed.type, parsed.target, 0));
  }

  /** Forgets everything (the session ended). */
  clear(): void {
    this.states.clear();
    this.dirty = false;
  }

  private ensure(conversationID: string, time: number): ConversationState {
    let state = this.states.get(conversationID);
    if (!state) {
      const parsed = parseConversationID(conversationID);
      state = this.newState(conversationID, parsed?.type ?? 'C2C', parsed?.target ?? conversationID, time);
      this.states.set(conversationID, state);
    }
    return state;
  }

  private newState(conversationID: string, type: WireConversationType, target: string, updatedAt: number): ConversationState {
    return { conversationID, type, target, lastMessage: null, maxSeq: 0, readSeq: 0, unreadCount: 0, isPinned: false, draftText: '', updatedAt, atInfo: [], peer: { nick: '', avatar: '' } };
  }

  private atTypeOf(message: Message): number {
    if (message.conversationType !== TYPES.CONV_GROUP || message.atUserList.length === 0) return 0;
    const me = message.atUserList.includes(this.deps.viewer());
    const all = message.atUserList.includes(TYPES.MSG_AT_ALL);
    if (me && all) return TYPES.CONV_AT_ALL_AT_ME;
    if (all) return TYPES.CONV_AT_ALL;
    return me ? TYPES.CONV_AT_ME : 0;
  }

  private toConversation(s: ConversationState): Conversation {
    const group = s.type === 'GROUP' ? this.deps.groupInfo(s.target) : undefined;
    return {
      conversationID: s.conversationID,
      type: s.type === 'GROUP' ? TYPES.CONV_GROUP : TYPES.CONV_C2C,
      subType: group?.type ?? '',
      unreadCount: s.unreadCount,
      lastMessage: s.lastMessage ? lastMessageOf(s.lastMessage) : { ...EMPTY_LAST, payload: {} },
      ...(s.type === 'C2C'
        ? { userProfile: { userID: s.target, nick: s.peer.nick, avatar: s.peer.avatar } }
        : { groupProfile: { groupID: s.target, name: group?.name ?? '', type: group?.type ?? '', avatar: group?.avatar ?? '' } }),
      groupAtInfoList: s.atInfo.map((a) => ({ ...a })),
      remark: '',
      isPinned: s.isPinned,
      messageRemindType: '',
      markList: [],
      customData: '',
      conversationGroupList: [],
      draftText: s.draftText,
      peerReadTime: 0,
    };
  }
}

function activity(s: ConversationState): number {
  return Math.max(s.updatedAt, s.lastMessage?.time ?? 0);
}

function lastMessageOf(m: Message): ConversationLastMessage {
  return {
    lastTime: m.time,
    lastSequence: m.sequence,
    fromAccount: m.from,
    type: m.type,
    payload: m.payload,
    messageForShow: messageForShow(m.type, m.payload),
    isRevoked: m.isRevoked,
    isPeerRead: m.isPeerRead,
    nick: m.nick,
    nameCard: m.nameCard,
    cloudCustomData: m.cloudCustomData,
    onlineOnlyFlag: m.isOnlineOnly,
    status: m.status,
  };
}
