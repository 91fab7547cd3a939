/**
 * A wire-level Parley client for the load generator: TCP connect + WebSocket upgrade + one
 * `im_open_status.wslogin` (docs/PROTOCOL.md §5.1), then it only listens for the kick push and the
 * close. No SDK: the point is to load the server, not the client.
 */
import { Command, parseServerFrame, PROTOCOL_VERSION, Push, isRecord } from '@parley/protocol';
import { genUserSig } from '@parley/usersig';
import { WebSocket } from 'ws';
import type { ParleyTarget } from './load-target.js';
import { loginError, SessionState, type LoginOptions, type WireClient, type WireSession } from './wire-session.js';
import type { SourceAddresses } from './source-addresses.js';

/** Lifetime of the UserSigs minted for a run, in seconds (one day; runs last minutes). */
const SIG_SECONDS = 86_400;

class ParleySession extends SessionState implements WireSession {
  readonly user: string;
  readonly #ws: WebSocket;

  constructor(user: string, ws: WebSocket) {
    super();
    this.user = user;
    this.#ws = ws;
  }

  terminate(): void {
    this.#ws.terminate();
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
    return new Promise<WireSession>((resolve, reject) => {
      let settled = false;
      const fail = (kind: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        ws.terminate();
        reject(loginError(kind));
      };
      const timer = setTimeout(() => fail('timeout'), options.timeoutMs);
      ws.on('open', () => {
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
      });
      ws.on('message', (data) => {
        const frame = parseServerFrame(data.toString());
        if (!frame.ok) return fail('bad frame');
        const f = frame.value;
        if (f.t === 'push') {
          if (f.ev === Push.KICKOUT) {
            const info = f.body['newInstanceInfo'];
            session.markKicked(isRecord(info) && typeof info['instanceID'] === 'string' ? info['instanceID'] : undefined);
          }
          return;
        }
        if (f.id !== 1 || settled) return;
        if (f.code !== 0) return fail(`code ${f.code}`);
        const body = f.body ?? {};
        const instanceID = body['instanceID'];
        if (typeof instanceID !== 'string') return fail('answer without instanceID');
        session.answeredAt = performance.now();
        session.instanceID = instanceID;
        session.resumed = body['resumed'] === true;
        settled = true;
        clearTimeout(timer);
        resolve(session);
      });
      ws.on('close', (code) => {
        session.markClosed(code);
        fail(`closed ${code}`);
      });
      ws.on('error', (err: Error & { code?: string }) => fail(err.code ?? 'socket error'));
    });
  }
}
