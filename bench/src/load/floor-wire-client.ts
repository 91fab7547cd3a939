/** A wire client of the floor relay: connect + upgrade + `{"t":"login"}` answered `{"t":"ok"}`. */
import { WebSocket } from 'ws';
import type { FloorTarget } from './load-target.js';
import { SessionState, timedLogin, type LoginOptions, type WireClient, type WireSession } from './wire-session.js';
import type { SourceAddresses } from './source-addresses.js';

class FloorSession extends SessionState implements WireSession {
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

/** Logs users in to the floor relay. */
export class FloorWireClient implements WireClient {
  readonly #target: FloorTarget;
  readonly #sources: SourceAddresses;

  constructor(target: FloorTarget, sources: SourceAddresses) {
    this.#target = target;
    this.#sources = sources;
  }

  login(user: string, options: LoginOptions): Promise<WireSession> {
    const startedAt = performance.now();
    const ws = new WebSocket(this.#target.url, { perMessageDeflate: false, localAddress: this.#sources.next(), handshakeTimeout: options.timeoutMs });
    const session = new FloorSession(user, ws);
    session.startedAt = startedAt;
    return timedLogin(ws, session, options.timeoutMs, {
      onOpen: () => {
        session.requestSentAt = performance.now();
        ws.send(JSON.stringify({ t: 'login', u: user }));
      },
      onMessage: (text, login) => {
        if (text === '{"t":"kicked"}') return session.markKicked();
        if (text !== '{"t":"ok"}' || login.settled) return;
        session.answeredAt = performance.now();
        login.resolve();
      },
    });
  }
}
