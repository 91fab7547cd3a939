/**
 * Login, resume, logout, kick and UserSig expiry: the session rules of the seeds (DESIGN.md §3).
 * The gateway calls in with parsed requests; this class decides and tells instances through their
 * {@link SessionSink}. The policy decision and registration happen synchronously after the last
 * `await`, so they are atomic on one node.
 */
import { randomFillSync } from 'node:crypto';
import {
  CloseCode,
  ERRORS,
  KICK_TYPE_NUMBER,
  KickedOutType,
  OnlineState,
  type ErrorName,
  type KickedOutTypeValue,
  type LoginRequest,
  type LoginResponse,
  type Platform,
} from '@parley/protocol';
import type { AppCache, AppState } from '../apps/app-cache.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import { expiryInstant, type SigVerifier, type VerifiedSig } from '../auth/sig-verifier.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import type { Clock } from '../time/clock.js';
import { DeadlineQueue } from '../time/deadline-queue.js';
import type { UsageTracker } from '../usage/usage-tracker.js';
import type { AccountBatcher } from './account-batcher.js';
import type { Instance, SessionRegistry, SessionSink } from './session-registry.js';

/** Tunables of the session rules. */
export interface SessionOptions {
  /** Heartbeat interval told to clients, in seconds. @default 30 */
  readonly helloIntervalSec: number;
  /** How long a dropped instance stays resumable (and counted by the policy), in ms. @default 90000 */
  readonly resumeGraceMs: number;
}

/** Dependencies of {@link SessionManager}. */
export interface SessionDeps {
  readonly apps: AppCache;
  readonly clock: Clock;
  readonly verifier: SigVerifier;
  readonly throttle: LoginThrottle;
  readonly registry: SessionRegistry;
  readonly usage: UsageTracker;
  readonly metrics: ServerMetrics;
  readonly accounts: AccountBatcher;
  readonly options: SessionOptions;
}

/** Where a login comes from. */
export interface LoginContext {
  /** Client IP, for failure throttling. */
  readonly ip: () => string;
  /** The socket the instance will be attached to. */
  readonly sink: SessionSink;
  /** False once the socket closed (a login that finishes after that is dropped). */
  readonly isOpen: () => boolean;
  /**
   * Called synchronously when the login succeeds, before any instance it pushes out is told, so the
   * new instance's answer always leaves first and cannot be overtaken by a racing login's kick.
   */
  readonly onLoggedIn: (instance: Instance, response: LoginResponse) => void;
}

/** Outcome of {@link SessionManager.login}. */
export type LoginOutcome =
  | { readonly ok: true; readonly instance: Instance; readonly response: LoginResponse }
  | { readonly ok: false; readonly code: number; readonly message: string; readonly data?: Record<string, unknown> };

/** Online state of one user, as REST `query_online_status` reports it. */
export interface UserOnlineState {
  readonly userID: string;
  readonly state: (typeof OnlineState)[keyof typeof OnlineState];
  readonly instances: readonly { readonly platform: Platform; readonly instanceID: string }[];
}

const fail = (name: ErrorName, detail?: string, data?: Record<string, unknown>): LoginOutcome => {
  const def = ERRORS[name];
  return { ok: false, code: def.code, message: detail ? `${def.message}: ${detail}` : def.message, ...(data ? { data } : {}) };
};

/** The session rules. */
export class SessionManager {
  readonly #d: SessionDeps;
  readonly #deadlines: DeadlineQueue;

  constructor(deps: SessionDeps) {
    this.#d = deps;
    this.#deadlines = new DeadlineQueue(deps.clock, (key) => this.#onDeadline(key));
  }

  /** Pending expiry/grace deadlines (for tests and metrics). */
  get pendingDeadlines(): number {
    return this.#deadlines.size;
  }

  /** Logs in (or resumes) per the seeds' rules. Never throws for bad input. */
  async login(req: LoginRequest, ctx: LoginContext): Promise<LoginOutcome> {
    const outcome = await this.#login(req, ctx);
    const m = this.#d.metrics;
    if (outcome.ok) (outcome.response.resumed ? m.loginsResumed : m.loginsOk).inc();
    else m.logins.inc({ result: String(outcome.code) });
    return outcome;
  }

  async #login(req: LoginRequest, ctx: LoginContext): Promise<LoginOutcome> {
    const { clock, verifier, throttle } = this.#d;
    const found = this.#d.apps.get(req.SDKAppID);
    const state = found instanceof Promise ? await found : found;
    if (!state) return fail('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', `SDKAppID ${req.SDKAppID}`);
    const now = clock.now();
    const userKey = `${req.SDKAppID}:${req.userID}`;
    if (throttle.isBlocked(userKey, ctx.ip, now)) return fail('ERR_SVR_ACCOUNT_FREQ_LIMIT');
    if (state.app.status !== 'active') return fail('ERR_SVR_COMM_INVALID_SERVICE');
    const check = verifier.verify(req.userSig, req.SDKAppID, state.app.secretKey, req.userID, now);
    if (!check.ok) {
      throttle.recordFailure(userKey, ctx.ip(), now);
      return { ok: false, code: check.code, message: check.reason };
    }
    if (isInvalidated(state, req.userID, check.sig)) {
      throttle.recordFailure(userKey, ctx.ip(), now);
      return fail('ERR_SVR_ACCOUNT_INVALID_USERSIG');
    }
    if (!ctx.isOpen()) return fail('ERR_SDK_NOT_LOGGED_IN', 'connection closed during login');
    if (req.instanceID !== undefined) {
      const resumed = this.#resume(req, ctx, check.sig);
      if (resumed) return resumed;
    }
    if (!state.knownAccounts.has(req.userID)) {
      const signUp = await this.#ensureAccount(state, req.userID);
      if (signUp) return signUp;
    }
    if (!ctx.isOpen()) return fail('ERR_SDK_NOT_LOGGED_IN', 'connection closed during login');
    return this.#admit(state, req, ctx, check.sig);
  }

  #resume(req: LoginRequest, ctx: LoginContext, sig: VerifiedSig): LoginOutcome | undefined {
    const id = req.instanceID!;
    const inst = this.#d.registry.get(id);
    if (inst && inst.sdkAppID === req.SDKAppID && inst.userID === req.userID && inst.platform === req.platform) {
      const previous = inst.sink;
      if (previous && previous !== ctx.sink) previous.close(CloseCode.Replaced, 'instance resumed on another connection');
      if (!previous) this.#d.usage.adjustConnections(inst.sdkAppID, 1);
      inst.sink = ctx.sink;
      inst.detachedAt = 0;
      inst.sigHmac = sig.hmac;
      inst.sigExpireAt = sig.expireAt;
      this.#deadlines.cancel(`grace:${id}`);
      this.#deadlines.schedule(`exp:${id}`, expiryInstant(sig.expireAt));
      const response = this.#answer(inst, true);
      ctx.onLoggedIn(inst, response);
      return { ok: true, instance: inst, response };
    }
    const tomb = this.#d.registry.tombstone(id);
    if (tomb && tomb.userID === req.userID) {
      return fail('PARLEY_INSTANCE_KICKED', tomb.type, { type: tomb.type, kickType: KICK_TYPE_NUMBER[tomb.type] });
    }
    return undefined;
  }

  async #ensureAccount(state: AppState, userID: string): Promise<LoginOutcome | undefined> {
    if (state.knownAccounts.has(userID)) return undefined;
    const max = state.app.limits.maxAccounts;
    try {
      if (max === undefined) await this.#d.accounts.ensure(state.app.sdkAppID, userID);
      else {
        const refused = await state.accountLimit.run(() => this.#signUpUnderLimit(state, userID, max));
        if (refused) return refused;
      }
    } catch (err) {
      return fail('ERR_SVR_ACCOUNT_INTERNAL_ERROR', err instanceof Error ? err.message : String(err));
    }
    state.knownAccounts.add(userID);
    return undefined;
  }

  /**
   * Creates the account if it is missing and the plan has room, as one step of the app's account
   * queue: the count it checks is the count it changes. (Unlimited apps batch their sign-ups instead.)
   */
  async #signUpUnderLimit(state: AppState, userID: string, max: number): Promise<LoginOutcome | undefined> {
    if (state.knownAccounts.has(userID)) return undefined;
    const store = this.#d.apps.store;
    const sdkAppID = state.app.sdkAppID;
    if ((await store.accounts.get(sdkAppID, [userID])).length === 0) {
      if (state.accountCount < 0) state.accountCount = await store.accounts.count(sdkAppID);
      if (state.accountCount >= max) return fail('ERR_SVR_ACCOUNT_COUNT_LIMIT', `limit ${max}`);
      await this.#d.accounts.ensure(sdkAppID, userID);
      state.accountCount++;
    }
    state.knownAccounts.add(userID);
    return undefined;
  }

  #admit(state: AppState, req: LoginRequest, ctx: LoginContext, sig: VerifiedSig): LoginOutcome {
    const { registry, usage, clock } = this.#d;
    const now = clock.now();
    const instanceID = newInstanceID();
    const { instance, victims } = registry.admit(
      { instanceID, sdkAppID: req.SDKAppID, userID: req.userID, platform: req.platform, loginAt: now, sigHmac: sig.hmac, sigExpireAt: sig.expireAt, sink: ctx.sink, detachedAt: 0 },
      state.app.loginSettings,
    );
    const response = this.#answer(instance, false);
    ctx.onLoggedIn(instance, response);
    for (const v of victims) this.#afterRemoval(v.instance, v.type, { platform: instance.platform, instanceID });
    usage.adjustConnections(req.SDKAppID, 1);
    usage.recordLogin(req.SDKAppID, req.userID);
    this.#deadlines.schedule(`exp:${instanceID}`, expiryInstant(sig.expireAt));
    return { ok: true, instance, response };
  }

  #answer(inst: Instance, resumed: boolean): LoginResponse {
    return {
      userID: inst.userID,
      instanceID: inst.instanceID,
      serverTime: this.#d.clock.now(),
      helloInterval: this.#d.options.helloIntervalSec,
      sigExpireAt: inst.sigExpireAt,
      resumed,
    };
  }

  /** The instance logged out: it ends; the account's other instances are untouched. */
  logout(instanceID: string): void {
    const inst = this.#d.registry.remove(instanceID);
    if (!inst) return;
    this.#forget(inst);
  }

  /** The socket of an instance closed without logout: keep it resumable for the grace period. */
  detach(instanceID: string, sink: SessionSink): void {
    const inst = this.#d.registry.get(instanceID);
    if (!inst || inst.sink !== sink) return;
    inst.sink = null;
    inst.detachedAt = this.#d.clock.now();
    this.#d.usage.adjustConnections(inst.sdkAppID, -1);
    this.#deadlines.schedule(`grace:${instanceID}`, inst.detachedAt + this.#d.options.resumeGraceMs);
  }

  /**
   * REST kick: every instance of the user gets `REST_API_Kick`, and every UserSig issued before now
   * stops working (70052); a sig minted later works.
   * @returns the number of instances kicked.
   */
  async kickUser(sdkAppID: number, userID: string): Promise<number> {
    const now = this.#d.clock.now();
    const instances = [...this.#d.registry.listUser(sdkAppID, userID)];
    const beforeSec = Math.floor(now / 1000);
    const revokedSigs = instances.map((i) => i.sigHmac);
    const state = await this.#d.apps.get(sdkAppID);
    const previous = state?.invalidations.get(userID);
    if (previous && previous.beforeSec === beforeSec) revokedSigs.push(...previous.revokedSigs);
    await this.#d.apps.putInvalidation(sdkAppID, { userID, beforeSec, revokedSigs: [...new Set(revokedSigs)] });
    // Re-read: instances may have changed while the invalidation was written.
    const current = [...this.#d.registry.listUser(sdkAppID, userID)];
    for (const inst of current) {
      this.#d.registry.remove(inst.instanceID, KickedOutType.REST_API, now);
      this.#afterRemoval(inst, KickedOutType.REST_API);
    }
    return current.length;
  }

  /** Online state of users (attached instances count as online). */
  onlineState(sdkAppID: number, userIDs: readonly string[]): UserOnlineState[] {
    return userIDs.map((userID) => {
      const attached = this.#d.registry.listUser(sdkAppID, userID).filter((i) => i.sink !== null);
      return {
        userID,
        state: attached.length > 0 ? OnlineState.ONLINE : OnlineState.OFFLINE,
        instances: attached.map((i) => ({ platform: i.platform, instanceID: i.instanceID })),
      };
    });
  }

  /** Stops timers. Instances stay registered (the process is going away). */
  stop(): void {
    this.#deadlines.stop();
  }

  #afterRemoval(inst: Instance, type: KickedOutTypeValue, newInstance?: { platform: Platform; instanceID: string }): void {
    this.#d.metrics.kicks.inc({ type });
    const sink = inst.sink;
    this.#forget(inst);
    this.#deadlines.schedule(`tomb:${inst.instanceID}`, this.#d.clock.now() + this.#d.options.resumeGraceMs);
    if (sink) sink.kick(type, type === KickedOutType.USERSIG_EXPIRED ? CloseCode.SessionExpired : CloseCode.Kicked, newInstance);
  }

  #forget(inst: Instance): void {
    if (inst.sink) this.#d.usage.adjustConnections(inst.sdkAppID, -1);
    inst.sink = null;
    this.#deadlines.cancel(`exp:${inst.instanceID}`);
    this.#deadlines.cancel(`grace:${inst.instanceID}`);
  }

  #onDeadline(key: string): void {
    const sep = key.indexOf(':');
    const kind = key.slice(0, sep);
    const id = key.slice(sep + 1);
    const registry = this.#d.registry;
    if (kind === 'tomb') {
      registry.forgetTombstone(id);
      return;
    }
    const inst = registry.get(id);
    if (!inst) return;
    if (kind === 'exp' && this.#d.clock.now() >= expiryInstant(inst.sigExpireAt)) {
      registry.remove(id, KickedOutType.USERSIG_EXPIRED, this.#d.clock.now());
      this.#afterRemoval(inst, KickedOutType.USERSIG_EXPIRED);
    } else if (kind === 'grace' && inst.sink === null) {
      registry.remove(id);
      this.#forget(inst);
    }
  }
}

// Instance ids come from a pool of random bytes refilled in bulk: one OpenSSL call per 256 logins.
const ID_BYTES = 12;
const idPool = Buffer.alloc(ID_BYTES * 256);
let idOffset = idPool.length;

/** A new random instance id: 12 random bytes, base64url (16 characters). */
function newInstanceID(): string {
  if (idOffset >= idPool.length) {
    randomFillSync(idPool);
    idOffset = 0;
  }
  const id = idPool.toString('base64url', idOffset, idOffset + ID_BYTES);
  idOffset += ID_BYTES;
  return id;
}

function isInvalidated(state: AppState, userID: string, sig: VerifiedSig): boolean {
  const inv = state.invalidations.get(userID);
  if (!inv) return false;
  return sig.time < inv.beforeSec || (sig.time === inv.beforeSec && inv.revokedSigs.includes(sig.hmac));
}
