/**
 * An in-memory model of the server side of the messaging contract (`@parley/protocol`
 * messaging.ts), installed on a {@link FakeServer} for the SDK's own tests.
 *
 * Why it exists: the SDK's hardest cases (a lost push, a push racing a sync, a duplicate push, a
 * slow sync, a lost send answer) need a server whose misbehaviour a test can switch on at an exact
 * moment, which the real server cannot offer. It keeps C2C and group messages with
 * per-conversation sequences, a per-user sync inbox, read state, pins, drafts, deletions, groups,
 * group tips and join applications, and pushes to the users' sockets.
 *
 * Why it can be trusted: `tests/protocol/messaging-protocol-suite.ts` runs the same black-box
 * scenarios against this model and against the real server, so the two cannot drift apart
 * unnoticed. Requests are parsed with the protocol's own request parsers, so bad bodies get the
 * server's codes; accounts exist once their user has logged in (as the server signs users up on
 * their first login) or once a test adds them to {@link FakeMessaging.accounts}.
 */
import {
  conversationID as convID,
  ERRORS,
  MessagingCommand,
  MessagingPush,
  parseConversationID,
  parseConversationRequest,
  parseDeleteConversationRequest,
  parseDeleteMessagesRequest,
  parseHistoryRequest,
  parsePinConversationRequest,
  parseSendMessageRequest,
  parseSetAllReadRequest,
  parseSetDraftRequest,
  parseSetReadRequest,
  parseSyncRequest,
  SYSTEM_SENDER,
  type ConversationRef,
  type MessagingParsed,
  type NormalizedSendMessage,
  type RequestFrame,
  type WireConversation,
  type WireMessage,
} from '@parley/protocol';
import type { FakeConnection, FakeServer, Reply } from './fake-server.js';
import { FakeGroups } from './fake-messaging-groups.js';

interface Meta {
  readSeq: number;
  isPinned: boolean;
  draftText: string;
  /** The conversation is hidden (deleted) until a message above this sequence arrives. */
  hiddenUpTo: number;
  /** History up to this sequence is cleared. */
  clearedUpTo: number;
  readonly deleted: Set<number>;
  updatedAt: number;
}

/** The answer to a request the protocol's parser refused (the server answers the same way). */
export const refused = (p: Exclude<MessagingParsed<unknown>, { ok: true }>): Reply => ({ code: ERRORS[p.error].code, message: `${ERRORS[p.error].message}: ${p.reason}` });
const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The messaging model. Create with {@link FakeMessaging.install}. */
export class FakeMessaging {
  /** Server clock in whole seconds. */
  now: () => number = () => Math.floor(Date.now() / 1000);
  /** When false, committed messages are stored but not pushed (a lost push). */
  pushes = true;
  /** When true, every message push is sent twice. */
  duplicatePushes = false;
  /** When true, a sender's own socket also gets the push of its message (before the answer). */
  echoToSender = false;
  /** Largest sync page, whatever the client asks (to force paging). */
  maxSyncPage = 500;
  readonly groups: FakeGroups;
  /** Users who exist although they never logged in (see {@link isAccount}). */
  readonly accounts = new Set<string>();
  /** Users' profile nick and avatar (a test sets them; the server reads its profiles): messages stamp them at send, conversations and member lists show the current ones. */
  readonly profiles = new Map<string, { nick: string; avatar: string }>();
  private readonly c2c = new Map<string, WireMessage[]>();
  private readonly inbox = new Map<string, WireMessage[]>();
  private readonly byID = new Map<string, WireMessage>();
  private readonly meta = new Map<string, Meta>();

  private constructor(readonly server: FakeServer) {
    this.groups = new FakeGroups(this);
  }

  /** Installs the model on `server`: every messaging command is answered by {@link reply}. */
  static install(server: FakeServer): FakeMessaging {
    const fake = new FakeMessaging(server);
    for (const cmd of Object.values(MessagingCommand)) server.handle(cmd, (request, connection) => fake.reply(request, connection));
    return fake;
  }

  /** True when `userID` is an account: it logged in or was added to {@link accounts}. */
  isAccount(userID: string): boolean {
    return this.accounts.has(userID) || [...this.server.instances.values()].includes(userID);
  }

  /** A user's current nick and avatar ('' for both when none was set). */
  brief(userID: string): { nick: string; avatar: string } {
    const p = this.profiles.get(userID);
    return { nick: p?.nick ?? '', avatar: p?.avatar ?? '' };
  }

  /** The model's answer to a messaging request (scripted handlers may delegate to it). */
  reply(request: RequestFrame, connection: FakeConnection): Reply {
    const user = connection.userID;
    if (!user) return { code: 6014, message: 'Not logged in' };
    const b = request.body;
    switch (request.cmd) {
      case MessagingCommand.SEND: {
        const p = parseSendMessageRequest(b);
        return p.ok ? this.send(user, p.value, connection) : refused(p);
      }
      case MessagingCommand.SYNC: {
        const p = parseSyncRequest(b);
        return p.ok ? this.sync(user, p.value.cursor, p.value.count, p.value.recent) : refused(p);
      }
      case MessagingCommand.HISTORY: {
        const p = parseHistoryRequest(b);
        if (!p.ok) return refused(p);
        return this.access(user, p.value.conversation) ?? this.history(user, p.value.conversation.conversationID, p.value);
      }
      case MessagingCommand.SET_READ: {
        const p = parseSetReadRequest(b);
        if (!p.ok) return refused(p);
        const { seq } = p.value;
        // The read position never goes back, and never passes the newest message.
        return this.update(user, p.value.conversation, (m, max) => (m.readSeq = Math.max(m.readSeq, Math.min(seq ?? max, max))), connection);
      }
      case MessagingCommand.SET_ALL_READ: {
        const p = parseSetAllReadRequest(b);
        if (!p.ok) return refused(p);
        for (const c of this.conversationsOf(user)) {
          if (p.value.scope === 'all' || (p.value.scope === 'c2c') === (c.type === 'C2C')) this.metaOf(user, c.conversationID).readSeq = c.maxSeq;
        }
        return { code: 0, body: {} };
      }
      case MessagingCommand.DELETE: {
        const p = parseDeleteMessagesRequest(b);
        if (!p.ok) return refused(p);
        const denied = this.access(user, p.value.conversation);
        if (denied) return denied;
        for (const seq of p.value.seqs) this.metaOf(user, p.value.conversation.conversationID).deleted.add(seq);
        this.changed(user, this.conversation(user, p.value.conversation.conversationID), connection);
        return { code: 0, body: {} };
      }
      case MessagingCommand.CLEAR_HISTORY: {
        const p = parseConversationRequest(b);
        if (!p.ok) return refused(p);
        const cid = p.value.conversation.conversationID;
        const denied = this.access(user, p.value.conversation);
        if (denied) return denied;
        this.metaOf(user, cid).clearedUpTo = this.messagesOf(user, cid, true).length;
        this.changed(user, this.conversation(user, cid), connection);
        return { code: 0, body: {} };
      }
      case MessagingCommand.CONVERSATIONS:
        return { code: 0, body: { conversations: this.conversationsOf(user) } };
      case MessagingCommand.CONVERSATION: {
        const p = parseConversationRequest(b);
        if (!p.ok) return refused(p);
        return this.access(user, p.value.conversation) ?? { code: 0, body: { conversation: this.conversation(user, p.value.conversation.conversationID) } };
      }
      case MessagingCommand.DELETE_CONVERSATION: {
        const p = parseDeleteConversationRequest(b);
        if (!p.ok) return refused(p);
        const cid = p.value.conversation.conversationID;
        const denied = this.access(user, p.value.conversation);
        if (denied) return denied;
        const m = this.metaOf(user, cid);
        m.hiddenUpTo = this.messagesOf(user, cid, true).length;
        // Removed from the list: unpinned and without a draft, as on the server.
        m.isPinned = false;
        m.draftText = '';
        if (p.value.clearHistory) m.clearedUpTo = m.hiddenUpTo;
        for (const c of this.server.connectionsOf(user)) if (c !== connection) c.push(MessagingPush.CONVERSATION_CHANGED, { conversationID: cid, deleted: true });
        return { code: 0, body: {} };
      }
      case MessagingCommand.PIN_CONVERSATION: {
        const p = parsePinConversationRequest(b);
        return p.ok ? this.update(user, p.value.conversation, (m) => (m.isPinned = p.value.isPinned), connection) : refused(p);
      }
      case MessagingCommand.SET_DRAFT: {
        const p = parseSetDraftRequest(b);
        return p.ok ? this.update(user, p.value.conversation, (m) => (m.draftText = p.value.draftText), connection) : refused(p);
      }
      default:
        return this.groups.reply(request, user, connection);
    }
  }

  /** Why `user` may not use `ref` (unknown peer 20003, unknown group 10010, not a member 10007), or undefined. */
  access(user: string, ref: ConversationRef): Reply | undefined {
    if (ref.type === 'C2C') return this.isAccount(ref.target) ? undefined : { code: 20003, message: `${ERRORS.ERR_SVR_MSG_INVALID_ID.message}: ${ref.target}` };
    return this.groups.memberCheck(ref.target, user);
  }

  /**
   * Commits a message as the server would (sequence, time), stores it and pushes it to its
   * recipients' sockets (and the sender's, except `except`). Returns the stored message.
   */
  commit(input: { from: string; to: string; conversationType?: 'C2C' | 'GROUP'; text?: string; ID?: string; onlineUserOnly?: boolean }, except?: FakeConnection): WireMessage {
    const type = input.conversationType ?? 'C2C';
    const base = {
      ID: input.ID ?? `srv-${Math.random().toString(36).slice(2)}`,
      conversationType: type,
      from: input.from,
      to: input.to,
      time: this.now(),
      random: 7,
      elements: [{ type: 'TIMTextElem', content: { text: input.text ?? 'hi' } }],
      cloudCustomData: '',
      priority: 'Normal',
      atUserList: [],
      isOnlineOnly: input.onlineUserOnly === true,
      receiverList: [],
      ...this.brief(input.from),
      nameCard: type === 'GROUP' ? (this.groups.nameCardOf(input.to, input.from) ?? '') : '',
    };
    return this.store(base, except);
  }

  /** Stores (unless online-only) and pushes a message without a sequence yet. */
  store(base: Omit<WireMessage, 'seq'>, except?: FakeConnection): WireMessage {
    if (base.isOnlineOnly) {
      const message = { ...base, seq: 0 };
      this.fanOut(message, except);
      return message;
    }
    const list = base.conversationType === 'GROUP' ? this.groups.messages(base.to) : this.listOf(pairKey(base.from, base.to));
    const message: WireMessage = { ...base, seq: list.length + 1 };
    list.push(message);
    this.byID.set(`${base.from}\u0000${base.ID}`, message);
    if (message.conversationType === 'C2C') {
      for (const u of new Set([message.from, message.to])) this.inboxOf(u).push(message);
    }
    this.fanOut(message, except);
    return message;
  }

  /** Pushes `message` to every socket of `userID` (also when {@link pushes} is off). */
  pushTo(userID: string, message: WireMessage, except?: FakeConnection): void {
    for (const c of this.server.connectionsOf(userID)) {
      if (c === except) continue;
      c.push(MessagingPush.MESSAGE, { message });
      if (this.duplicatePushes) c.push(MessagingPush.MESSAGE, { message });
    }
  }

  /** Every message of one user's C2C or group conversation, by sequence (`all` = ignore deletions). */
  messagesOf(user: string, cid: string, all = false): WireMessage[] {
    const parsed = parseConversationID(cid);
    if (!parsed) return [];
    const list = parsed.type === 'GROUP' ? this.groups.messages(parsed.target) : (this.c2c.get(pairKey(user, parsed.target)) ?? []);
    if (all) return list;
    const m = this.meta.get(`${user}\u0000${cid}`);
    return list.filter((x) => !m || (x.seq > m.clearedUpTo && !m.deleted.has(x.seq)));
  }

  /** The conversation as `user` sees it. */
  conversation(user: string, cid: string): WireConversation {
    const parsed = parseConversationID(cid);
    const visible = this.messagesOf(user, cid);
    const m = this.meta.get(`${user}\u0000${cid}`);
    const maxSeq = this.messagesOf(user, cid, true).length;
    const readSeq = m?.readSeq ?? 0;
    const last = visible.at(-1) ?? null;
    return {
      conversationID: cid,
      type: parsed?.type ?? 'C2C',
      target: parsed?.target ?? '',
      lastMessage: last,
      maxSeq,
      readSeq,
      // Group tips and targeted messages do not count as unread.
      unreadCount: visible.filter((x) => x.from !== user && x.from !== SYSTEM_SENDER && x.receiverList.length === 0 && x.seq > readSeq).length,
      isPinned: m?.isPinned ?? false,
      draftText: m?.draftText ?? '',
      updatedAt: Math.max(last?.time ?? 0, m?.updatedAt ?? 0),
      userProfile: parsed?.type === 'GROUP' ? null : { userID: parsed?.target ?? '', ...this.brief(parsed?.target ?? '') },
    };
  }

  private conversationsOf(user: string): WireConversation[] {
    const ids = new Set<string>();
    for (const key of this.c2c.keys()) {
      const [a, b] = key.split('\u0000') as [string, string];
      if (a === user || b === user) ids.add(convID('C2C', a === user ? b : a));
    }
    for (const g of this.groups.joinedBy(user)) if (this.groups.messages(g).length > 0) ids.add(convID('GROUP', g));
    for (const [key, m] of this.meta) if (key.startsWith(`${user}\u0000`) && (m.isPinned || m.draftText)) ids.add(key.slice(user.length + 1));
    return [...ids]
      .filter((id) => this.messagesOf(user, id, true).length > (this.meta.get(`${user}\u0000${id}`)?.hiddenUpTo ?? -1) || this.meta.get(`${user}\u0000${id}`)?.isPinned)
      .map((id) => this.conversation(user, id));
  }

  private send(user: string, b: NormalizedSendMessage, connection: FakeConnection): Reply {
    const known = this.byID.get(`${user}\u0000${b.ID}`);
    if (known) return { code: 0, body: { message: known, duplicate: true } };
    const type = b.conversationType;
    if (type === 'C2C' && !this.isAccount(b.to)) return { code: 20003, message: `${ERRORS.ERR_SVR_MSG_INVALID_ID.message}: ${b.to}` };
    if (type === 'GROUP') {
      const denied = this.groups.sendCheck(b.to, user);
      if (denied) return denied;
    }
    const message = this.store(
      {
        ID: b.ID,
        conversationType: type,
        from: user,
        to: b.to,
        time: this.now(),
        random: b.random,
        elements: b.elements,
        cloudCustomData: b.cloudCustomData,
        priority: b.priority,
        atUserList: [...b.atUserList],
        isOnlineOnly: b.onlineUserOnly,
        receiverList: [...b.receiverList],
        // As the server: the sender's names as of the send.
        ...this.brief(user),
        nameCard: type === 'GROUP' ? (this.groups.nameCardOf(b.to, user) ?? '') : '',
      },
      this.echoToSender ? undefined : connection,
    );
    return { code: 0, body: { message, duplicate: false } };
  }

  private sync(user: string, requested: number, count: number, recent: number | undefined): Reply {
    const inbox = this.inboxOf(user);
    // As the server: `recent` moves a fresh cursor to that many messages before the newest.
    const cursor = requested === 0 && recent !== undefined ? Math.max(0, inbox.length - recent) : requested;
    const page = inbox.slice(cursor, cursor + Math.min(count, this.maxSyncPage));
    const next = cursor + page.length;
    const groups = this.groups.joinedBy(user).map((groupID) => ({ groupID, seq: this.groups.messages(groupID).length }));
    return { code: 0, body: { messages: page, cursor: next, isCompleted: next >= inbox.length, groups } };
  }

  private history(user: string, cid: string, b: { readonly count: number; readonly afterSeq?: number; readonly beforeSeq?: number; readonly sinceTime?: number; readonly untilTime?: number }): Reply {
    // Targeted group messages meant for others are left out, as on the server.
    const list = this.messagesOf(user, cid).filter((m) => m.receiverList.length === 0 || m.from === user || m.receiverList.includes(user));
    const { count, afterSeq, beforeSeq, sinceTime, untilTime } = b;
    if (typeof afterSeq === 'number' || typeof sinceTime === 'number') {
      const newer = list.filter((m) => (typeof sinceTime === 'number' ? m.time >= sinceTime : m.seq > (afterSeq as number)));
      return { code: 0, body: { messages: newer.slice(0, count), isCompleted: newer.length <= count } };
    }
    const older = list.filter((m) => (typeof beforeSeq === 'number' ? m.seq < beforeSeq : typeof untilTime === 'number' ? m.time <= untilTime : true));
    return { code: 0, body: { messages: older.slice(-count), isCompleted: older.length <= count } };
  }

  /** Applies `change` to the user's conversation state and tells the user's other sockets. */
  private update(user: string, ref: ConversationRef, change: (m: Meta, maxSeq: number) => void, connection: FakeConnection): Reply {
    const denied = this.access(user, ref);
    if (denied) return denied;
    const cid = ref.conversationID;
    const m = this.metaOf(user, cid);
    change(m, this.messagesOf(user, cid, true).length);
    m.updatedAt = this.now();
    const conversation = this.conversation(user, cid);
    this.changed(user, conversation, connection);
    return { code: 0, body: { conversation } };
  }

  /** Pushes `recentcontact.changed` to the user's sockets except the one that made the change. */
  private changed(user: string, conversation: WireConversation, except: FakeConnection): void {
    for (const c of this.server.connectionsOf(user)) if (c !== except) c.push(MessagingPush.CONVERSATION_CHANGED, { conversation });
  }

  private fanOut(message: WireMessage, except?: FakeConnection): void {
    if (!this.pushes) return;
    const users = message.conversationType === 'GROUP' ? this.groups.membersOf(message.to) : [message.from, message.to];
    const targets = message.receiverList.length > 0 ? users.filter((u) => u === message.from || message.receiverList.includes(u)) : users;
    for (const u of new Set(targets)) this.pushTo(u, message, except);
  }

  private metaOf(user: string, cid: string): Meta {
    const key = `${user}\u0000${cid}`;
    let m = this.meta.get(key);
    if (!m) {
      m = { readSeq: 0, isPinned: false, draftText: '', hiddenUpTo: -1, clearedUpTo: 0, deleted: new Set(), updatedAt: 0 };
      this.meta.set(key, m);
    }
    return m;
  }

  private listOf(key: string): WireMessage[] {
    let list = this.c2c.get(key);
    if (!list) this.c2c.set(key, (list = []));
    return list;
  }

  private inboxOf(user: string): WireMessage[] {
    let list = this.inbox.get(user);
    if (!list) this.inbox.set(user, (list = []));
    return list;
  }
}
