/**
 * An in-memory model of the server side of the messaging contract (`@parley/protocol`
 * messaging.ts), installed on a {@link FakeServer} for the SDK's own tests.
 *
 * Why it exists: the real messaging server is written in parallel, and the SDK's hardest cases
 * (a lost push, a push racing a sync, a duplicate push, a lost send answer) need a server whose
 * misbehaviour a test can switch on at an exact moment. It keeps C2C and group messages with
 * per-conversation sequences, a per-user sync inbox, read state, pins, drafts, deletions and
 * groups, and pushes `openim.msg` / `recentcontact.changed` to the users' sockets. The lead's
 * end-to-end tests run the SDK against the real server.
 */
import { conversationID as convID, MessagingCommand, MessagingPush, parseConversationID, type RequestFrame, type WireConversation, type WireMessage } from '@parley/protocol';
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

const bad = (message: string): Reply => ({ code: 88502, message });
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

  /** The model's answer to a messaging request (scripted handlers may delegate to it). */
  reply(request: RequestFrame, connection: FakeConnection): Reply {
    const user = connection.userID;
    if (!user) return { code: 6014, message: 'Not logged in' };
    const b = request.body;
    const cid = typeof b['conversationID'] === 'string' ? b['conversationID'] : '';
    switch (request.cmd) {
      case MessagingCommand.SEND:
        return this.send(user, b, connection);
      case MessagingCommand.SYNC:
        return this.sync(user, Number(b['cursor'] ?? 0), Number(b['count'] ?? 100), typeof b['recent'] === 'number' ? b['recent'] : undefined);
      case MessagingCommand.HISTORY:
        return this.history(user, cid, b);
      case MessagingCommand.SET_READ:
        return this.update(user, cid, (m, max) => (m.readSeq = typeof b['seq'] === 'number' ? b['seq'] : max));
      case MessagingCommand.SET_ALL_READ:
        for (const c of this.conversationsOf(user)) this.metaOf(user, c.conversationID).readSeq = c.maxSeq;
        return { code: 0, body: {} };
      case MessagingCommand.DELETE:
        for (const seq of b['seqs'] as number[]) this.metaOf(user, cid).deleted.add(seq);
        return { code: 0, body: {} };
      case MessagingCommand.CLEAR_HISTORY:
        this.metaOf(user, cid).clearedUpTo = this.messagesOf(user, cid, true).length;
        return { code: 0, body: {} };
      case MessagingCommand.CONVERSATIONS:
        return { code: 0, body: { conversations: this.conversationsOf(user) } };
      case MessagingCommand.CONVERSATION:
        return parseConversationID(cid) ? { code: 0, body: { conversation: this.conversation(user, cid) } } : bad('bad conversationID');
      case MessagingCommand.DELETE_CONVERSATION: {
        const m = this.metaOf(user, cid);
        m.hiddenUpTo = this.messagesOf(user, cid, true).length;
        if (b['clearHistory'] === true) m.clearedUpTo = m.hiddenUpTo;
        return { code: 0, body: {} };
      }
      case MessagingCommand.PIN_CONVERSATION:
        return this.update(user, cid, (m) => (m.isPinned = b['isPinned'] === true));
      case MessagingCommand.SET_DRAFT:
        return this.update(user, cid, (m) => (m.draftText = String(b['draftText'] ?? '')));
      default:
        return this.groups.reply(request, user, connection);
    }
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
      unreadCount: visible.filter((x) => x.from !== user && x.seq > readSeq).length,
      isPinned: m?.isPinned ?? false,
      draftText: m?.draftText ?? '',
      updatedAt: Math.max(last?.time ?? 0, m?.updatedAt ?? 0),
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

  private send(user: string, b: Record<string, unknown>, connection: FakeConnection): Reply {
    const ID = b['ID'];
    const to = b['to'];
    if (typeof ID !== 'string' || typeof to !== 'string' || !Array.isArray(b['elements'])) return bad('bad send');
    const known = this.byID.get(`${user}\u0000${ID}`);
    if (known) return { code: 0, body: { message: known, duplicate: true } };
    const type = b['conversationType'] === 'GROUP' ? 'GROUP' : 'C2C';
    if (type === 'GROUP' && !this.groups.isMember(to, user)) return { code: 10007, message: 'not a member' };
    const message = this.store(
      {
        ID,
        conversationType: type,
        from: user,
        to,
        time: this.now(),
        random: Number(b['random'] ?? 0),
        elements: b['elements'] as WireMessage['elements'],
        cloudCustomData: String(b['cloudCustomData'] ?? ''),
        priority: String(b['priority'] ?? 'Normal'),
        atUserList: (b['atUserList'] as string[] | undefined) ?? [],
        isOnlineOnly: b['onlineUserOnly'] === true,
        receiverList: (b['receiverList'] as string[] | undefined) ?? [],
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

  private history(user: string, cid: string, b: Record<string, unknown>): Reply {
    const list = this.messagesOf(user, cid);
    const count = Math.min(Number(b['count'] ?? 15), 100);
    const { afterSeq, beforeSeq, sinceTime, untilTime } = b;
    if (typeof afterSeq === 'number' || typeof sinceTime === 'number') {
      const newer = list.filter((m) => (typeof sinceTime === 'number' ? m.time >= sinceTime : m.seq > (afterSeq as number)));
      return { code: 0, body: { messages: newer.slice(0, count), isCompleted: newer.length <= count } };
    }
    const older = list.filter((m) => (typeof beforeSeq === 'number' ? m.seq < beforeSeq : typeof untilTime === 'number' ? m.time <= untilTime : true));
    return { code: 0, body: { messages: older.slice(-count), isCompleted: older.length <= count } };
  }

  private update(user: string, cid: string, change: (m: Meta, maxSeq: number) => void): Reply {
    if (!parseConversationID(cid)) return bad('bad conversationID');
    const m = this.metaOf(user, cid);
    change(m, this.messagesOf(user, cid, true).length);
    m.updatedAt = this.now();
    const conversation = this.conversation(user, cid);
    for (const c of this.server.connectionsOf(user)) c.push(MessagingPush.CONVERSATION_CHANGED, { conversation });
    return { code: 0, body: { conversation } };
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
