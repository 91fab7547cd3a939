/**
 * Connections that send and receive messages, for the messaging workloads (W2, W3): Parley over its
 * wire protocol (`wslogin`, then `openim.sendmsg` and the `openim.msg` push, docs/PROTOCOL.md §16),
 * the floor relay (`{"t":"m"}` forwarded verbatim, `{"t":"g"}` fanned out to a room), and XMPP
 * (`<message type='chat'>`, xmpp-chat-connection.ts).
 */
import { Command, isRecord, MessagingCommand, MessagingPush, parseServerFrame, PROTOCOL_VERSION } from '@parley/protocol';
import { genUserSig } from '@parley/usersig';
import { WebSocket } from 'ws';
import type { FloorTarget, ParleyTarget, XmppTarget } from './load-target.js';
import { connectXmpp } from './xmpp-chat-connection.js';

/** Lifetime of the UserSigs minted for a run, s. */
const SIG_SECONDS = 86_400;

/** A text message as a receiver sees it. */
export interface ChatMessage {
  /** Sender UserID. */
  readonly from: string;
  readonly text: string;
  /** Parley: the conversation's sequence; floor: 0 (the floor has none). */
  readonly seq: number;
}

/** Answer of a request: 0 on success, else the server's error code. */
export interface ChatAnswer {
  readonly code: number;
  readonly body: Record<string, unknown>;
}

/** One logged-in messaging client. */
export interface ChatConnection {
  readonly user: string;
  /** Called for every text message pushed to this connection (group tips are skipped). */
  onMessage: (m: ChatMessage) => void;
  /**
   * Sends `text` to a user (`C2C`) or a group/room (`GROUP`) with the client message ID `id`.
   * Parley resolves with the server's answer (sent once the message is durable); the floor resolves
   * a C2C send at once (no answer exists) and a room send at its `gack`.
   */
  send(kind: 'C2C' | 'GROUP', to: string, id: string, text: string): Promise<ChatAnswer>;
  /** Parley: any request; the floor rejects. */
  request(cmd: string, body: Record<string, unknown>): Promise<ChatAnswer>;
  /** Floor only: joins a fan-out room. */
  joinRoom(room: string): Promise<void>;
  close(): void;
}

const OK: ChatAnswer = { code: 0, body: {} };

function open(url: string, timeoutMs: number): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function textOf(message: unknown): string | undefined {
  if (!isRecord(message) || !Array.isArray(message['elements'])) return undefined;
  const first: unknown = message['elements'][0];
  if (!isRecord(first) || first['type'] !== 'TIMTextElem' || !isRecord(first['content'])) return undefined;
  const text = first['content']['text'];
  return typeof text === 'string' ? text : undefined;
}

/** Logs `user` in to Parley; rejects on a refused login, a close or `timeoutMs`. */
export async function connectParley(target: ParleyTarget, user: string, timeoutMs: number): Promise<ChatConnection> {
  const userSig = genUserSig({ sdkAppID: target.sdkAppID, key: target.key, userID: user, expireSeconds: SIG_SECONDS });
  const ws = await open(target.url, timeoutMs);
  const pending = new Map<number, (a: ChatAnswer) => void>();
  let nextId = 1;
  let closed = false;
  const conn: ChatConnection = {
    user,
    onMessage: () => undefined,
    request(cmd, body) {
      if (closed) return Promise.resolve({ code: -1, body: {} });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ t: 'req', id, cmd, body }));
      });
    },
    send(kind, to, id, text) {
      return conn.request(MessagingCommand.SEND, { conversationType: kind, to, ID: id, random: (Math.random() * 2 ** 32) >>> 0, elements: [{ type: 'TIMTextElem', content: { text } }] });
    },
    joinRoom: () => Promise.reject(new Error('Parley joins groups with apply_join_group')),
    close: () => ws.close(1000),
  };
  ws.on('message', (data) => {
    const frame = parseServerFrame(data.toString());
    if (!frame.ok) return;
    const f = frame.value;
    if (f.t === 'res') {
      const done = pending.get(f.id);
      pending.delete(f.id);
      done?.({ code: f.code, body: f.body ?? {} });
    } else if (f.ev === MessagingPush.MESSAGE) {
      const m = f.body['message'];
      const text = textOf(m);
      if (text === undefined || !isRecord(m) || typeof m['from'] !== 'string') return;
      conn.onMessage({ from: m['from'], text, seq: typeof m['seq'] === 'number' ? m['seq'] : 0 });
    }
  });
  ws.on('close', () => {
    closed = true;
    for (const done of pending.values()) done({ code: -1, body: {} });
    pending.clear();
  });
  ws.on('error', () => undefined);
  const timer = setTimeout(() => ws.terminate(), timeoutMs);
  const login = await conn.request(Command.LOGIN, { SDKAppID: target.sdkAppID, userID: user, userSig, platform: 'Web', version: PROTOCOL_VERSION });
  clearTimeout(timer);
  if (login.code !== 0) {
    ws.terminate();
    throw new Error(`login of ${user} failed: code ${login.code}`);
  }
  return conn;
}

/** Logs `user` in to the floor relay. */
export async function connectFloor(target: FloorTarget, user: string, timeoutMs: number): Promise<ChatConnection> {
  const ws = await open(target.url, timeoutMs);
  // The floor answers in order: each control request waits for the next reply of its kind.
  const waiting: { kind: string; done: () => void; fail: (e: Error) => void }[] = [];
  let closed = false;
  const expect = (kind: string) => (closed ? Promise.reject(new Error('closed')) : new Promise<void>((done, fail) => waiting.push({ kind, done, fail })));
  const conn: ChatConnection = {
    user,
    onMessage: () => undefined,
    send(kind, to, id, text) {
      if (kind === 'C2C') {
        ws.send(JSON.stringify({ t: 'm', to, from: user, id, x: text }));
        return Promise.resolve(OK);
      }
      const acked = expect('gack');
      ws.send(JSON.stringify({ t: 'g', g: to, from: user, id, x: text }));
      return acked.then(() => OK);
    },
    request: () => Promise.reject(new Error('the floor has no requests')),
    async joinRoom(room) {
      const joined = expect('joined');
      ws.send(JSON.stringify({ t: 'j', g: room }));
      await joined;
    },
    close: () => ws.close(1000),
  };
  ws.on('message', (data) => {
    let f: unknown;
    try {
      f = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (!isRecord(f)) return;
    if ((f['t'] === 'm' || f['t'] === 'g') && typeof f['from'] === 'string' && typeof f['x'] === 'string') return conn.onMessage({ from: f['from'], text: f['x'], seq: 0 });
    const i = waiting.findIndex((w) => w.kind === f['t']);
    if (i >= 0) waiting.splice(i, 1)[0]!.done();
  });
  ws.on('close', () => {
    closed = true;
    for (const w of waiting.splice(0)) w.fail(new Error(`floor connection of ${user} closed`));
  });
  ws.on('error', () => undefined);
  const ok = expect('ok');
  ws.send(JSON.stringify({ t: 'login', u: user }));
  const timer = setTimeout(() => ws.terminate(), timeoutMs);
  await ok;
  clearTimeout(timer);
  return conn;
}

/**
 * Logs `users` in, `concurrency` at a time, in order.
 * @param onBounce - XMPP only: called for every `type='error'` message a connection receives.
 */
export async function connectAll(target: ParleyTarget | FloorTarget | XmppTarget, users: readonly string[], concurrency: number, timeoutMs: number, onBounce?: (from: string) => void): Promise<ChatConnection[]> {
  const out: ChatConnection[] = new Array<ChatConnection>(users.length);
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const i = next++;
      const user = users[i]!;
      out[i] = target.kind === 'parley' ? await connectParley(target, user, timeoutMs) : target.kind === 'floor' ? await connectFloor(target, user, timeoutMs) : await connectXmpp(target, user, timeoutMs, onBounce);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, users.length)) }, worker));
  } catch (err) {
    for (const c of out) c?.close();
    throw err;
  }
  return out;
}
