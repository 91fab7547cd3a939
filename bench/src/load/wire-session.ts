/**
 * The common shape of one logged-in client connection, whatever the wire protocol (Parley, floor,
 * XMPP), so the storm, kick and reconnect drivers are written once.
 */
import type { WebSocket } from 'ws';

/** Timestamps are `performance.now()` values of the generator process, in ms. */
export interface WireSession {
  readonly user: string;
  /** When the TCP connect started. */
  readonly startedAt: number;
  /** When the login request (Parley `wslogin`, floor `login`, XMPP bind) was written. */
  readonly requestSentAt: number;
  /** When the login answer arrived (Parley response, floor `ok`, XMPP bind result). */
  readonly answeredAt: number;
  /** Parley's instance id (for resume and kick verification); undefined for other systems. */
  readonly instanceID: string | undefined;
  /** Parley's `resumed` flag of the answer; false for other systems. */
  readonly resumed: boolean;
  /** When a kick arrived (Parley `stat_forceoffline`, floor `kicked`, XMPP `<conflict/>`). */
  readonly kickedAt: number | undefined;
  /** Parley: `newInstanceInfo.instanceID` of the kick push (who caused it). */
  readonly kickedBy: string | undefined;
  /** When the connection closed. */
  readonly closedAt: number | undefined;
  /** Close code seen by the client (WebSocket), or undefined. */
  readonly closeCode: number | undefined;
  /** Resolves once the server kicked this session (never rejects). */
  whenKicked(): Promise<void>;
  /** Resolves once the connection is closed (never rejects). */
  whenClosed(): Promise<void>;
  /** Drops the connection without a close handshake (a network drop seen from the client). */
  terminate(): void;
  /** Closes politely (WebSocket 1000, XMPP `</stream:stream>`). */
  close(): void;
  /**
   * Parley only (W5): catches up as docs/PROTOCOL.md §16.4 says, `openim.sync` from cursor 0 (the
   * bench clients never synced before) until complete, and returns the messages received, deduped by
   * (sender, `ID`) across the sync pages and the pushes since login. Rejects on a refused request.
   */
  catchUp?(timeoutMs: number): Promise<CaughtUp>;
}

/** A message a client holds after catching up. */
export interface HeldMessage {
  readonly from: string;
  readonly id: string;
  readonly text: string;
}

/** What {@link WireSession.catchUp} found. */
export interface CaughtUp {
  /** Each received message once. */
  readonly messages: readonly HeldMessage[];
  /** Copies of an already-held message inside the sync pages (a server fault: should be 0). */
  readonly syncDuplicates: number;
  /** Messages that came both as a push (after the resume) and in the sync, deduped by `ID`. */
  readonly alsoPushed: number;
}

/** Options of one login. */
export interface LoginOptions {
  /** Give up after this long (the attempt then fails with `timeout`), ms. */
  readonly timeoutMs: number;
  /** Parley only: resume this earlier instance (send its `instanceID`). */
  readonly resumeInstanceID?: string;
}

/** Logs users in over one protocol. */
export interface WireClient {
  /** Connects and logs in `user`; rejects with an Error whose message is a short error class. */
  login(user: string, options: LoginOptions): Promise<WireSession>;
}

/** Settable fields behind {@link WireSession}; implementations fill them in as events arrive. */
export class SessionState {
  startedAt = 0;
  requestSentAt = 0;
  answeredAt = 0;
  instanceID: string | undefined = undefined;
  resumed = false;
  kickedAt: number | undefined = undefined;
  kickedBy: string | undefined = undefined;
  closedAt: number | undefined = undefined;
  closeCode: number | undefined = undefined;
  readonly #kicked: Promise<void>;
  readonly #closed: Promise<void>;
  #onKicked: () => void = () => undefined;
  #onClosed: () => void = () => undefined;

  constructor() {
    this.#kicked = new Promise((r) => (this.#onKicked = r));
    this.#closed = new Promise((r) => (this.#onClosed = r));
  }

  /** Records a kick (first one wins). */
  markKicked(by?: string): void {
    if (this.kickedAt !== undefined) return;
    this.kickedAt = performance.now();
    this.kickedBy = by;
    this.#onKicked();
  }

  /** Records the close (first one wins). */
  markClosed(code?: number): void {
    if (this.closedAt !== undefined) return;
    this.closedAt = performance.now();
    this.closeCode = code;
    this.#onClosed();
  }

  whenKicked(): Promise<void> {
    return this.#kicked;
  }

  whenClosed(): Promise<void> {
    return this.#closed;
  }
}

/** An error whose message is a short class used to count failures (`timeout`, `ECONNRESET`, `code 70001`...). */
export function loginError(kind: string): Error {
  return new Error(kind);
}

/** What a login's message handler may do: finish the login, or fail it with a short error class. */
export interface LoginHandshake {
  /** True once the login resolved or failed (later frames are the session's, not the login's). */
  readonly settled: boolean;
  resolve(): void;
  fail(kind: string): void;
}

/**
 * The timed part every wire login shares: fail on timeout, socket error or close (recording it on the
 * session), send the login on open, hand each text frame to `onMessage`.
 */
export function timedLogin<S extends SessionState>(
  ws: WebSocket,
  session: S,
  timeoutMs: number,
  hooks: { onOpen(): void; onMessage(text: string, login: LoginHandshake): void; onClose?(): void },
): Promise<S> {
  return new Promise<S>((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
    };
    const login: LoginHandshake = {
      get settled() {
        return settled;
      },
      resolve() {
        if (settled) return;
        finish();
        resolve(session);
      },
      fail(kind) {
        if (settled) return;
        finish();
        ws.terminate();
        reject(loginError(kind));
      },
    };
    const timer = setTimeout(() => login.fail('timeout'), timeoutMs);
    ws.on('open', () => hooks.onOpen());
    ws.on('message', (data) => hooks.onMessage(data.toString(), login));
    ws.on('close', (code) => {
      session.markClosed(code);
      hooks.onClose?.();
      login.fail(`closed ${code}`);
    });
    ws.on('error', (err: Error & { code?: string }) => login.fail(err.code ?? 'socket error'));
  });
}
