/**
 * The login state machine shared by the web API and the V2TIM facade: login (fresh, repeat,
 * account switch), logout, kick-outs, readiness and its not-ready reason, server time, and the
 * events that report them. The socket work (connect, heartbeat, reconnect) is {@link Connection}'s.
 *
 * Phases: `idle` → `loggingIn` → `loggedIn` (ready after `SDK_READY`; stays logged in and ready
 * while the connection reconnects) → `idle` again on logout, kick or an unresumable session.
 */
import {
  describeError,
  ErrorCode,
  EVENT,
  isRecord,
  isValidUserID,
  kindOf,
  KickedOutType,
  NetState,
  ParleyError,
  SessionPushes,
  V2TIM_LOGIN_STATUS,
  type KickedOutTypeValue,
  type FrameBody,
  type LoginResponse,
  type NetStateValue,
  type PushFrame,
} from '@parley/protocol';
import type { ChatEventMap } from './chat-events.js';
import { toParleyError } from '../model/sdk-errors.js';
import { Connection } from '../transport/connection.js';
import { Emitter } from '../platform/emitter.js';
import type { ResolvedOptions } from '../platform/options.js';
import type { GateSubject } from './method-table.js';
import type { SessionEnd } from '../transport/session-end.js';

/** What `login()` resolves with in `data` (Tencent's shape; a fresh login adds the server's answer). */
export interface LoginResult extends Partial<LoginResponse> {
  readonly actionStatus: 'OK';
  readonly errorCode: 0;
  /** Empty, or the warning of a repeated login. */
  readonly errorInfo: string;
  /** True when this user was already logged in and nothing was sent to the server. */
  readonly repeatLogin: boolean;
}

/** V2TIM login status values (seed numbering: 0 logged in, 1 logging in, 2 logged out). */
export type LoginStatus = (typeof V2TIM_LOGIN_STATUS)[keyof typeof V2TIM_LOGIN_STATUS];

/**
 * Internal observers of the session (the messaging layer, the V2TIM facade), for what the web
 * events do not carry. Every member is optional; a throwing observer is logged and ignored.
 */
export interface SessionObserver {
  /** The network state changed; `failure` is the network error that caused a `disconnected`. */
  onNetState?(state: NetStateValue, failure: ParleyError | undefined): void;
  /**
   * A fresh login succeeded (phase `loggedIn`, not ready yet). `SDK_READY` waits until the
   * returned promise settles (a rejection is logged; the session still becomes ready).
   */
  onLoggedIn?(userID: string): Promise<void> | void;
  /** `SDK_READY` has just been emitted. */
  onReady?(): void;
  /** The connection came back after a drop (the instance resumed, or the server logged it in afresh). */
  onReconnected?(answer: LoginResponse): void;
  /** The logged-in session ended (logout, account switch, kick, unresumable), before `SDK_NOT_READY`. */
  onSessionEnded?(): void;
  /** A push the session core does not handle itself (everything but the kick). */
  onPush?(frame: PushFrame): void;
}

/** Not-ready reason after a kick of each type. */
const KICK_REASON: Readonly<Record<KickedOutTypeValue, number>> = {
  [KickedOutType.MULT_ACCOUNT]: ErrorCode.KICKED_OUT_MULT_ACCOUNT,
  [KickedOutType.MULT_DEVICE]: ErrorCode.KICKED_OUT_MULT_DEVICE,
  [KickedOutType.USERSIG_EXPIRED]: ErrorCode.KICKED_OUT_USERSIG_EXPIRED,
  [KickedOutType.REST_API]: ErrorCode.KICKED_OUT_REST_API,
};

interface LoginInput {
  readonly userID: string;
  readonly userSig: string;
}

/** Checks `login()`'s argument: 2002 without userID, 7003 for a malformed one, 2003 without userSig. */
export function parseLoginInput(input: unknown): LoginInput {
  const o = isRecord(input) ? input : {};
  const { userID, userSig } = o;
  if (userID === undefined || userID === null || userID === '') throw ParleyError.of('NO_IDENTIFIER');
  if (!isValidUserID(userID)) {
    const shown = typeof userID === 'string' ? JSON.stringify(userID) : kindOf(userID);
    throw new ParleyError(ErrorCode.ERR_SDK_COMM_INVALID_IDENTIFIER, `Invalid UserID ${shown}: use 1..32 bytes of letters, digits, "_" and "-"`);
  }
  if (typeof userSig !== 'string' || userSig === '') throw ParleyError.of('NO_USERSIG');
  return { userID, userSig };
}

/** One login session core; one per SDK instance. */
export class SessionClient implements GateSubject {
  /** Where the session's events go (the instance's public `on`/`off` use it). */
  readonly emitter: Emitter<ChatEventMap>;
  private readonly connection: Connection;
  private readonly observers = new Set<SessionObserver>();
  private phase: 'idle' | 'loggingIn' | 'loggedIn' = 'idle';
  private ready = false;
  private reason: number = ErrorCode.USER_NOT_LOGGED_IN;
  private userID = '';
  private serverOffsetMs = 0;
  private netState: NetStateValue = NetState.DISCONNECTED;
  /** Bumped whenever the current login attempt or session is superseded: work of an older epoch stops. */
  private epoch = 0;
  private readyTimer: unknown;
  private destroyed = false;

  constructor(readonly options: ResolvedOptions) {
    this.emitter = new Emitter((error, name) => options.env.logger.error(`a "${name}" event handler threw:`, error));
    this.connection = new Connection(options, {
      onPush: (frame) => this.onPush(frame),
      onNetState: (state, failure) => this.setNetState(state, failure),
      onResumed: (answer) => this.onResumed(answer),
      onServerTime: (ms) => this.setServerTime(ms),
      onEnded: (end) => this.end(end),
    });
  }

  /** True from `SDK_READY` until logout, kick or an unresumable session. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Code gated APIs fail with while not ready. */
  get notReadyReason(): number {
    return this.reason;
  }

  /** The logged-in UserID, or `''`. */
  get loginUser(): string {
    return this.phase === 'loggedIn' ? this.userID : '';
  }

  /** 0 logged in (also while reconnecting), 1 logging in, 2 logged out. */
  get loginStatus(): LoginStatus {
    if (this.phase === 'loggedIn') return V2TIM_LOGIN_STATUS.V2TIM_STATUS_LOGINED;
    if (this.phase === 'loggingIn') return V2TIM_LOGIN_STATUS.V2TIM_STATUS_LOGINING;
    return V2TIM_LOGIN_STATUS.V2TIM_STATUS_LOGOUT;
  }

  /** True after {@link destroy}. */
  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Server clock estimate: local clock + the offset measured at login and by each hello, in ms. */
  serverTime(): number {
    return this.options.env.now() + this.serverOffsetMs;
  }

  /** Emits the `ERROR` event. */
  reportError(error: ParleyError): void {
    this.emitter.emit(EVENT.ERROR, { code: error.code, message: error.message });
  }

  /** Adds an internal observer; returns the function that removes it. */
  observe(observer: SessionObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /**
   * Sends a command on the logged-in connection. Rejects with the not-ready reason (2024, 3005,
   * ...) when no user is logged in, 2800 at once while reconnecting, 2801 after the request
   * timeout, or the server's code.
   */
  request(cmd: string, body: FrameBody, timeoutMs?: number): Promise<FrameBody> {
    if (this.phase !== 'loggedIn') {
      const what = describeError(this.reason)?.message ?? 'Not logged in';
      return Promise.reject(new ParleyError(this.reason, `${what} | ${cmd} | log in first`));
    }
    return this.connection.request(cmd, body, timeoutMs);
  }

  /**
   * Logs in: validates, refuses a second concurrent login (2025), answers a repeated login of the
   * same user without a round trip, logs the current user out first when another user logs in,
   * then connects and sends `wslogin`. `SDK_READY` follows in a later macrotask, after the
   * returned promise has resolved.
   */
  async login(input: unknown): Promise<LoginResult> {
    if (this.destroyed) throw new ParleyError(ErrorCode.INVALID_OPERATION, 'This instance was destroyed; create a new one');
    const { userID, userSig } = parseLoginInput(input);
    if (this.phase === 'loggingIn') throw ParleyError.of('REPEAT_LOGIN');
    if (this.phase === 'loggedIn' && this.userID === userID) {
      this.options.env.logger.warn(`login(): ${userID} is already logged in`);
      return { actionStatus: 'OK', errorCode: 0, errorInfo: `${userID} is already logged in; repeated login ignored`, repeatLogin: true };
    }
    const switching = this.phase === 'loggedIn';
    const epoch = ++this.epoch;
    this.phase = 'loggingIn';
    try {
      if (switching) {
        this.options.env.logger.info(`account switch: logging ${this.userID} out before ${userID} logs in`);
        await this.closeSession(ErrorCode.LOGGED_OUT);
        if (epoch !== this.epoch) throw cancelledLogin();
      }
      const answer = await this.connection.login({ SDKAppID: this.options.SDKAppID, userID, userSig, platform: this.options.platform });
      if (epoch !== this.epoch) throw cancelledLogin();
      this.phase = 'loggedIn';
      this.userID = userID;
      this.reason = ErrorCode.SDK_IS_NOT_READY;
      this.setServerTime(answer.serverTime);
      this.options.env.logger.info(`logged in as ${userID} (instance ${answer.instanceID})`);
      // The first sync runs now; SDK_READY waits for it, and comes at least a macrotask later,
      // so every reaction to the resolved login promise has run first.
      const prepared = this.prepareSession(userID);
      this.readyTimer = this.options.env.timers.setTimeout(() => void prepared.then(() => this.becomeReady(epoch)), 0);
      return { actionStatus: 'OK', errorCode: 0, errorInfo: '', repeatLogin: false, ...answer };
    } catch (error) {
      if (epoch !== this.epoch) throw cancelledLogin();
      this.phase = 'idle';
      this.userID = '';
      this.reason = ErrorCode.LOGIN_FAILED;
      throw toParleyError(error);
    }
  }

  /**
   * Logs out: sends `wslogout`, closes the socket with 1000, emits `SDK_NOT_READY`. Cancels a
   * login in flight. Resolves even if the server call fails; rejects with 2024 when not logged in.
   */
  async logout(): Promise<void> {
    if (this.phase === 'idle') throw new ParleyError(ErrorCode.USER_NOT_LOGGED_IN, 'logout(): not logged in');
    this.epoch++;
    this.phase = 'idle';
    await this.closeSession(ErrorCode.LOGGED_OUT);
  }

  /** Logs out if needed, stops every timer and socket, emits `SDK_DESTROY`, then drops all handlers. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    if (this.phase !== 'idle') await this.logout().catch((error: unknown) => this.options.env.logger.debug('logout in destroy failed', error));
    this.destroyed = true;
    this.epoch++;
    this.connection.stop();
    this.options.env.timers.clearTimeout(this.readyTimer);
    this.emitter.emit(EVENT.SDK_DESTROY, undefined);
    this.emitter.clear();
    this.observers.clear();
  }

  /** Leaves the ready state with `reason`, tells the server (`wslogout`) and closes the socket. */
  private async closeSession(reason: number): Promise<void> {
    this.leaveReady(reason);
    const done = this.connection.logout();
    this.emitter.emit(EVENT.SDK_NOT_READY, undefined);
    await done;
    this.setNetState(NetState.DISCONNECTED, undefined);
  }

  private leaveReady(reason: number): void {
    if (this.userID !== '') this.notify('onSessionEnded');
    this.options.env.timers.clearTimeout(this.readyTimer);
    this.ready = false;
    this.reason = reason;
    this.userID = '';
  }

  private becomeReady(epoch: number): void {
    if (epoch !== this.epoch || this.phase !== 'loggedIn') return;
    this.ready = true;
    this.emitter.emit(EVENT.SDK_READY, undefined);
    this.notify('onReady');
  }

  /** Runs every observer's `onLoggedIn`; resolves when all have settled (never rejects). */
  private async prepareSession(userID: string): Promise<void> {
    const work = [...this.observers].map(async (observer) => {
      try {
        await observer.onLoggedIn?.(userID);
      } catch (error) {
        this.options.env.logger.warn('preparing the session failed (continuing):', error);
      }
    });
    await Promise.all(work);
  }

  /** Calls `name` on every observer, logging (never propagating) what one throws. */
  private notify<K extends 'onReady' | 'onReconnected' | 'onSessionEnded' | 'onPush'>(
    name: K,
    ...args: Parameters<NonNullable<SessionObserver[K]>>
  ): void {
    for (const observer of [...this.observers]) {
      try {
        (observer[name] as ((...a: typeof args) => void) | undefined)?.apply(observer, args);
      } catch (error) {
        this.options.env.logger.error(`a session observer's ${name} threw:`, error);
      }
    }
  }

  private onPush(frame: PushFrame): void {
    if (frame.ev !== SessionPushes.kickout.name) {
      this.notify('onPush', frame);
      return;
    }
    const push = SessionPushes.kickout.parseBody(frame.body);
    // A malformed kick push is followed by the kick close (4403/4410), which ends the session anyway.
    if (!push.ok) this.options.env.logger.warn('ignored a malformed kick-out push:', push.reason);
    else this.end({ kind: 'kicked', type: push.value.type });
  }

  /** Ends a logged-in session without telling the server (it ended it): kick, expired sig, unresumable. */
  private end(end: SessionEnd): void {
    if (this.phase !== 'loggedIn') return;
    this.epoch++;
    this.phase = 'idle';
    this.connection.stop();
    if (end.kind === 'kicked') {
      this.options.env.logger.warn(`kicked out (${end.type})`);
      this.leaveReady(KICK_REASON[end.type]);
      this.emitter.emit(EVENT.KICKED_OUT, { type: end.type });
    } else {
      this.options.env.logger.error('the session could not be resumed:', end.error.code, end.error.message);
      this.leaveReady(ErrorCode.LOGIN_FAILED);
      this.reportError(end.error);
    }
    this.emitter.emit(EVENT.SDK_NOT_READY, undefined);
    this.setNetState(NetState.DISCONNECTED, undefined);
  }

  private onResumed(answer: LoginResponse): void {
    this.setServerTime(answer.serverTime);
    this.options.env.logger.info(answer.resumed ? `resumed instance ${answer.instanceID}` : `logged in again as instance ${answer.instanceID}`);
    this.notify('onReconnected', answer);
  }

  private setServerTime(serverTimeMs: number): void {
    this.serverOffsetMs = serverTimeMs - this.options.env.now();
  }

  private setNetState(state: NetStateValue, failure: ParleyError | undefined): void {
    if (failure) this.options.env.logger.warn(`connection failed: ${failure.code} ${failure.message}`);
    if (state === this.netState) return;
    this.netState = state;
    this.emitter.emit(EVENT.NET_STATE_CHANGE, { state });
    for (const observer of [...this.observers]) {
      try {
        observer.onNetState?.(state, failure);
      } catch (error) {
        this.options.env.logger.error('a session observer threw:', error);
      }
    }
  }
}

function cancelledLogin(): ParleyError {
  return new ParleyError(ErrorCode.LOGGED_OUT, 'The login was cancelled by logout() or destroy()');
}
