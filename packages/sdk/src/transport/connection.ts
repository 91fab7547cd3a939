/**
 * The socket lifecycle of one logged-in session: a fresh login on a new socket, the heartbeat,
 * and after a non-terminal drop the reconnect loop with backoff that resumes the same instance
 * (protocol rules 4, 5, 8 and 11). It knows nothing of SDK events or readiness; it reports to
 * its owner (the session client) through {@link ConnectionHandlers}.
 *
 * While reconnecting, requests fail at once with 2800 instead of waiting in a queue: the app
 * stays "ready" and learns the network state from `NET_STATE_CHANGE`, and a message send can be
 * retried by the app (or, later, by the message layer) when the state is `connected` again.
 */
import {
  CloseCode,
  ErrorCode,
  NetState,
  ParleyError,
  PROTOCOL_VERSION,
  SessionCommands,
  SessionPushes,
  TERMINAL_CLOSE_CODES,
  type FrameBody,
  type LoginResponse,
  type NetStateValue,
  type Platform,
  type PushFrame,
} from '@parley/protocol';
import { parseAnswerWith, toParleyError } from '../model/sdk-errors.js';
import { findWebSocket } from '../platform/environment.js';
import { Heartbeat } from './heartbeat.js';
import type { ResolvedOptions } from '../platform/options.js';
import { classifyResumeFailure, classifyTerminalClose, type SessionEnd } from './session-end.js';
import { SocketLink } from './socket-link.js';

/** Longest wait for the answer to `wslogout` before the socket is closed anyway, in ms. */
export const LOGOUT_ANSWER_WAIT_MS = 3_000;

/**
 * After a shutdown push the first reconnect waits `reconnectAfterMs` plus a random share (up to
 * this fraction) of max(`reconnectAfterMs`, {@link MIN_SHUTDOWN_SPREAD_MS}), so the clients of a
 * restarting server do not all come back in the same millisecond.
 */
export const SHUTDOWN_JITTER = 0.5;

/** Smallest base of the shutdown jitter, in ms (for a server that asks for an immediate reconnect). */
export const MIN_SHUTDOWN_SPREAD_MS = 500;

/** Who logs in. */
export interface Credentials {
  readonly SDKAppID: number;
  readonly userID: string;
  readonly userSig: string;
  readonly platform: Platform;
}

/** What the connection reports to its owner. */
export interface ConnectionHandlers {
  /** A push other than `server_shutdown` arrived on the logged-in socket. */
  onPush(frame: PushFrame): void;
  /** The network state changed (may repeat a state; the owner dedupes). `failure`: the network error, when one caused `disconnected`. */
  onNetState(state: NetStateValue, failure?: ParleyError): void;
  /** A reconnect resumed the session (or, if the server forgot it, logged in afresh). */
  onResumed(answer: LoginResponse): void;
  /** The server clock, from a hello answer, in ms since the epoch. */
  onServerTime(serverTimeMs: number): void;
  /** The session cannot continue (kicked, sig expired, resume refused, terminal close). The connection has stopped. */
  onEnded(end: SessionEnd): void;
}

/** Socket lifecycle of one session. */
export class Connection {
  private link: SocketLink | undefined;
  private pendingLink: SocketLink | undefined;
  private heartbeat: Heartbeat | undefined;
  private credentials: Credentials | undefined;
  private instanceID: string | undefined;
  private reconnectTimer: unknown;
  private attempt = 0;
  private shutdownDelayMs: number | undefined;
  /** Bumped by every login and stop, so continuations of superseded work do nothing. */
  private epoch = 0;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly handlers: ConnectionHandlers,
  ) {}

  /**
   * Opens a new socket and logs in (no `instanceID`: a fresh instance). Rejects with 2800 when
   * there is no WebSocket or the connection fails, 2801 after `loginTimeoutMs`, or the server's
   * error code. On success the heartbeat runs and drops are repaired by reconnecting.
   */
  async login(credentials: Credentials): Promise<LoginResponse> {
    this.stop();
    const epoch = this.epoch;
    this.handlers.onNetState(NetState.CONNECTING);
    try {
      const { link, answer } = await this.openAndLogin(credentials, undefined, epoch);
      if (epoch !== this.epoch) {
        link.close(1000);
        throw new ParleyError(ErrorCode.NETWORK_ERROR, 'The login was cancelled');
      }
      this.credentials = credentials;
      this.adopt(link, answer);
      this.handlers.onNetState(NetState.CONNECTED);
      return answer;
    } catch (error) {
      if (epoch === this.epoch) this.handlers.onNetState(NetState.DISCONNECTED, networkFailure(error));
      throw error;
    }
  }

  /** Sends a request on the logged-in socket; rejects with 2800 at once while disconnected or reconnecting. */
  request(cmd: string, body: FrameBody, timeoutMs = this.options.requestTimeoutMs): Promise<FrameBody> {
    if (!this.link) return Promise.reject(new ParleyError(ErrorCode.NETWORK_ERROR, `Cannot send ${cmd}: not connected (reconnecting)`));
    return this.link.request(cmd, body, timeoutMs);
  }

  /**
   * Ends the session on the server (`wslogout`, waiting at most {@link LOGOUT_ANSWER_WAIT_MS}
   * for the answer) and closes the socket with 1000. Never rejects: the session is over locally
   * whatever the server says.
   */
  async logout(): Promise<void> {
    const link = this.link ?? this.pendingLink;
    this.stop({ keepOpen: link });
    if (!link) return;
    if (!link.isOpen) {
      link.close(1000);
      return;
    }
    try {
      await link.request(SessionCommands.logout.name, {}, LOGOUT_ANSWER_WAIT_MS);
    } catch (error) {
      this.options.env.logger.debug('wslogout failed (ignored)', error);
    } finally {
      link.close(1000);
    }
  }

  /** Stops everything without telling the server: timers off, sockets closed with 1000 (except `keepOpen`). */
  stop(opts: { keepOpen?: SocketLink | undefined } = {}): void {
    this.epoch++;
    this.options.env.timers.clearTimeout(this.reconnectTimer);
    this.heartbeat?.stop();
    this.heartbeat = undefined;
    for (const link of [this.link, this.pendingLink]) {
      link?.detach();
      if (link && link !== opts.keepOpen) link.close(1000);
    }
    this.link = undefined;
    this.pendingLink = undefined;
    this.credentials = undefined;
    this.instanceID = undefined;
    this.shutdownDelayMs = undefined;
    this.attempt = 0;
  }

  private async openAndLogin(
    credentials: Credentials,
    instanceID: string | undefined,
    epoch: number,
  ): Promise<{ link: SocketLink; answer: LoginResponse }> {
    const WebSocket = findWebSocket(this.options.env.WebSocket);
    if (!WebSocket) {
      throw new ParleyError(
        ErrorCode.NETWORK_ERROR,
        'No WebSocket implementation: pass create({ WebSocket }) (on Node 20, WebSocket from the "ws" package)',
      );
    }
    const { timers } = this.options.env;
    const timeoutMs = this.options.loginTimeoutMs;
    const link = new SocketLink(this.options.server, WebSocket, this.options.env);
    this.pendingLink = link;
    let timer: unknown;
    const timeout = new Promise<never>((_, reject) => {
      timer = timers.setTimeout(
        () => reject(new ParleyError(ErrorCode.NETWORK_TIMEOUT, `No login answer from ${this.options.server} within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([link.opened, timeout]);
      if (epoch !== this.epoch) throw new ParleyError(ErrorCode.NETWORK_ERROR, 'The login was cancelled');
      const body = {
        SDKAppID: credentials.SDKAppID,
        userID: credentials.userID,
        userSig: credentials.userSig,
        platform: credentials.platform,
        version: PROTOCOL_VERSION,
        ...(instanceID !== undefined ? { instanceID } : {}),
      };
      const raw = await Promise.race([link.request(SessionCommands.login.name, body, timeoutMs), timeout]);
      return { link, answer: parseAnswerWith(SessionCommands.login, raw, 'login answer') };
    } catch (error) {
      link.close(1000);
      throw error;
    } finally {
      timers.clearTimeout(timer);
      if (this.pendingLink === link) this.pendingLink = undefined;
    }
  }

  /** Makes `link` the session's socket: attach handlers, start the heartbeat. */
  private adopt(link: SocketLink, answer: LoginResponse): void {
    this.link = link;
    this.instanceID = answer.instanceID;
    this.shutdownDelayMs = undefined;
    link.attach({
      onPush: (frame) => this.onPush(frame),
      onClose: (code, reason) => this.onClose(link, code, reason),
    });
    this.heartbeat = new Heartbeat(this.options.env, link, answer.helloInterval * 1000, {
      onServerTime: (ms) => this.handlers.onServerTime(ms),
      onDead: (silentForMs) => {
        this.options.env.logger.warn(`no frame from the server for ${silentForMs} ms; reconnecting`);
        this.dropLink(link, CloseCode.HeartbeatTimeout);
        this.beginReconnect();
      },
    });
    this.heartbeat.start();
  }

  private onPush(frame: PushFrame): void {
    if (frame.ev !== SessionPushes.shutdown.name) {
      this.handlers.onPush(frame);
      return;
    }
    const push = SessionPushes.shutdown.parseBody(frame.body);
    const base = push.ok ? push.value.reconnectAfterMs : 0;
    const spread = Math.max(base, MIN_SHUTDOWN_SPREAD_MS) * SHUTDOWN_JITTER;
    this.shutdownDelayMs = Math.round(base + spread * this.options.env.random());
    this.options.env.logger.info(`server shutting down; reconnecting in ${this.shutdownDelayMs} ms`);
  }

  private onClose(link: SocketLink, code: number, reason: string): void {
    if (link !== this.link) return;
    this.dropLink(link, undefined);
    if (TERMINAL_CLOSE_CODES.has(code)) {
      this.stop();
      this.handlers.onEnded(classifyTerminalClose(code, reason));
      return;
    }
    this.options.env.logger.info(`connection lost (close code ${code}); reconnecting`);
    this.beginReconnect(this.shutdownDelayMs);
  }

  /** Forgets `link` (closing it with `closeCode` if given) and stops its heartbeat. */
  private dropLink(link: SocketLink, closeCode: number | undefined): void {
    this.heartbeat?.stop();
    this.heartbeat = undefined;
    link.detach();
    if (closeCode !== undefined) link.close(closeCode, 'heartbeat timeout');
    if (this.link === link) this.link = undefined;
  }

  private beginReconnect(firstDelayMs?: number): void {
    this.attempt = 0;
    this.shutdownDelayMs = undefined;
    this.handlers.onNetState(NetState.CONNECTING);
    this.scheduleReconnect(firstDelayMs);
  }

  private scheduleReconnect(delayMs?: number): void {
    const epoch = this.epoch;
    const delay = delayMs ?? this.options.reconnectPolicy.nextDelayMs(this.attempt++);
    this.options.env.logger.debug(`reconnect attempt in ${delay} ms`);
    this.reconnectTimer = this.options.env.timers.setTimeout(() => void this.reconnectNow(epoch), delay);
  }

  private async reconnectNow(epoch: number): Promise<void> {
    const credentials = this.credentials;
    if (epoch !== this.epoch || !credentials) return;
    this.handlers.onNetState(NetState.CONNECTING);
    try {
      const { link, answer } = await this.openAndLogin(credentials, this.instanceID, epoch);
      if (epoch !== this.epoch) {
        link.close(1000);
        return;
      }
      this.attempt = 0;
      this.adopt(link, answer);
      this.handlers.onResumed(answer);
      this.handlers.onNetState(NetState.CONNECTED);
    } catch (error) {
      if (epoch !== this.epoch) return;
      const end = classifyResumeFailure(error);
      if (end) {
        this.stop();
        this.handlers.onEnded(end);
        return;
      }
      this.handlers.onNetState(NetState.DISCONNECTED, networkFailure(error));
      this.scheduleReconnect();
    }
  }
}

/** The error if it is a network failure (2800, 2801), which V2TIM reports as `onConnectFailed`; else `undefined`. */
function networkFailure(error: unknown): ParleyError | undefined {
  const e = toParleyError(error);
  return e.code === ErrorCode.NETWORK_ERROR || e.code === ErrorCode.NETWORK_TIMEOUT ? e : undefined;
}
