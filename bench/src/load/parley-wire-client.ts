/**
 * A wire-level Parley client for the load generator: TCP connect + WebSocket upgrade + one
 * `im_open_status.wslogin` (docs/PROTOCOL.md §5.1), then it listens for the kick push, the message
 * push and the close, and can catch up with `openim.sync` (W5). No SDK: the point is to load the
 * server, not the client.
 */
import { Command, MessagingCommand, MessagingPush, parseServerFrame, PROTOCOL_VERSION, Push, isRecord } from '@parley/protocol';
import { genUserSig } from '@parley/usersig';
import { WebSocket } from 'ws';
import type { ParleyTarget } from './load-target.js';
import { SessionState, timedLogin, type CaughtUp, type HeldMessage, type LoginOptions, type WireClient, type WireSession } from './wire-session.js';
import type { SourceAddresses } from './source-addresses.js';

/** Lifetime of the UserSigs minted for a run, in seconds (one day; runs last minutes). */
const SIG_SECONDS = 86_400;

/** Largest `openim.sync` page (docs/PROTOCOL.md §16.9). */
const SYNC_PAGE = 500;

/** A text message of a `WireMessage`, or undefined. */
function heldMessage(m: unknown): HeldMessage | undefined {
  if (!isRecord(m) || typeof m['from'] !== 'string' || typeof m['ID'] !== 'string' || !Array.isArray(m['elements'])) return undefined;
  const first: unknown = m['elements'][0];
  const text = isRecord(first) && isRecord(first['content']) ? first['content']['text'] : undefined;
  return typeof text === 'string' ? { from: m['from'], id: m['ID'], text } : undefined;
}

class ParleySession extends SessionState implements WireSession {
  readonly user: string;
  readonly #ws: WebSocket;
  /** Requests after the login (which is id 1), by id. */
  readonly #pending = new Map<number, (answer: { code: number; body: Record<string, unknown> }) => void>();
  #nextId = 2;
  /** Messages pushed to this connection, by `from:ID`. */
  readonly pushed = new Map<string, HeldMessage>();

  constructor(user: string, ws: WebSocket) {
    super();
    this.user = user;
    this.#ws = ws;
  }

  terminate(): void {
    this.#ws.terminate();
  }

  /** Routes the answer of a request made with {@link request}. */
  answer(id: number, code: number, body: Record<string, unknown>): void {
    const done = this.#pending.get(id);
    this.#pending.delete(id);
    done?.({ code, body });
  }

  /** Fails every open request (the connection closed). */
  failPending(): void {
    for (const done of this.#pending.values()) done({ code: -1, body: {} });
    this.#pending.clear();
  }

  request(cmd: string, body: Record<string, unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
    if (this.closedAt !== undefined) return Promise.resolve({ code: -1, body: {} });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#ws.send(JSON.stringify({ t: 'req', id, cmd, body }));
    });
  }

  async catchUp(timeoutMs: number): Promise<CaughtUp> {
    const deadline = performance.now() + timeoutMs;
    const held = new Map<string, HeldMessage>();
    let syncDuplicates = 0;
    let cursor = 0;
    for (;;) {
      if (performance.now() > deadline) throw new Error('sync timeout');
      const a = await this.request(MessagingCommand.SYNC, { cursor, count: SYNC_PAGE });
      if (a.code !== 0) throw new Error(`sync code ${a.code}`);
      const messages = a.body['messages'];
      if (!Array.isArray(messages) || typeof a.body['cursor'] !== 'number') throw new Error('sync answer without messages or cursor');
      for (const raw of messages) {
        const m = heldMessage(raw);
        // The inbox also holds what the user sent; only received messages count.
        if (!m || m.from === this.user) continue;
        const key = `${m.from}:${m.id}`;
        if (held.has(key)) syncDuplicates++;
        else held.set(key, m);
      }
      cursor = a.body['cursor'];
      if (a.body['isCompleted'] === true) break;
    }
    let alsoPushed = 0;
    for (const [key, m] of this.pushed) {
      if (held.has(key)) alsoPushed++;
      else held.set(key, m);
    }
    return { messages: [...held.values()], syncDuplicates, alsoPushed };
  }

  close(): void {
    this.#ws.close(1000);
  }
}

/** Logs users in to a Parley server with UserSigs minted up front. */
export class ParleyWireClient implements WireClient {
  readonly #target: ParleyTarget;
  readonly #sources: SourceAddresses;
  readonly #sigs = new Map<string, string>();

  /**
   * @param users - every user this client will log in; their UserSigs are minted now, so that
   *   signing (client work) stays out of the measured storm.
   */
  constructor(target: ParleyTarget, sources: SourceAddresses, users: readonly string[]) {
    this.#target = target;
    this.#sources = sources;
    const now = Date.now();
    for (const u of users) this.#sigs.set(u, genUserSig({ sdkAppID: target.sdkAppID, key: target.key, userID: u, expireSeconds: SIG_SECONDS, now }));
  }

  login(user: string, options: LoginOptions): Promise<WireSession> {
    const userSig = this.#sigs.get(user) ?? genUserSig({ sdkAppID: this.#target.sdkAppID, key: this.#target.key, userID: user, expireSeconds: SIG_SECONDS });
    const startedAt = performance.now();
    const ws = new WebSocket(this.#target.url, { perMessageDeflate: false, localAddress: this.#sources.next(), handshakeTimeout: options.timeoutMs });
    const session = new ParleySession(user, ws);
    session.startedAt = startedAt;
    return timedLogin(ws, session, options.timeoutMs, {
      onOpen: () => {
        const body = {
          SDKAppID: this.#target.sdkAppID,
          userID: user,
          userSig,
          platform: 'Web',
          version: PROTOCOL_VERSION,
          ...(options.resumeInstanceID !== undefined ? { instanceID: options.resumeInstanceID } : {}),
        };
        session.requestSentAt = performance.now();
        ws.send(JSON.stringify({ t: 'req', id: 1, cmd: Command.LOGIN, body }));
      },
      onMessage: (text, login) => {
        const frame = parseServerFrame(text);
        if (!frame.ok) return login.fail('bad frame');
        const f = frame.value;
        if (f.t === 'push') {
          if (f.ev === MessagingPush.MESSAGE) {
            const m = heldMessage(f.body['message']);
            if (m) session.pushed.set(`${m.from}:${m.id}`, m);
          } else if (f.ev === Push.KICKOUT) {
            const info = f.body['newInstanceInfo'];
            session.markKicked(isRecord(info) && typeof info['instanceID'] === 'string' ? info['instanceID'] : undefined);
          }
          return;
        }
        if (f.id !== 1) return session.answer(f.id, f.code, f.body ?? {});
        if (login.settled) return;
        if (f.code !== 0) return login.fail(`code ${f.code}`);
        const body = f.body ?? {};
        const instanceID = body['instanceID'];
        if (typeof instanceID !== 'string') return login.fail('answer without instanceID');
        session.answeredAt = performance.now();
        session.instanceID = instanceID;
        session.resumed = body['resumed'] === true;
        login.resolve();
      },
      onClose: () => session.failPending(),
    });
  }
}
