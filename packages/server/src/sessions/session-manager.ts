/**
 * Login, resume, logout, kick and UserSig expiry: the session rules. The gateway calls in with
 * parsed requests; this class asks the {@link SessionDirectory} (shared by every node) for the
 * decisions and tells instances through their {@link SessionSink} in this node's {@link SinkTable},
 * or through the {@link Broker} when the instance's socket is on another node.
 */
import {
  CloseCode,
  KICK_TYPE_NUMBER,
  KickedOutType,
  OnlineState,
  refusal,
  type ErrorName,
  type KickedOutTypeValue,
  type LoginRequest,
  type LoginResponse,
} from '@parley/protocol';
import type { AppState } from '../directories/app-cache.js';
import { expiryInstant, type VerifiedSig } from '../auth/sig-verifier.js';
import { DeadlineQueue } from '../time/deadline-queue.js';
import { newInstanceID } from './instance-id.js';
import { LocalSessions, type NewInstanceInfo } from './local-sessions.js';
import type { InstanceRecord } from './session-directory.js';
import type { LoginContext, LoginOutcome, PresenceListener, SessionDeps, UserOnlineState, UserPresence } from './session-types.js';
import type { LocalInstance, SessionSink } from './sink-table.js';

export type { LoginContext, LoginOutcome, PresenceListener, SessionDeps, SessionOptions, UserOnlineState, UserPresence } from './session-types.js';

const fail = (name: ErrorName, detail?: string, data?: Record<string, unknown>): LoginOutcome => refusal(name, detail, data);

/** A pending sink-table entry for a login or resume in flight. */
function reserved(instanceID: string, req: LoginRequest, sink: SessionSink): LocalInstance {
  return { instanceID, sdkAppID: req.SDKAppID, userID: req.userID, platform: req.platform, sink, pending: true, deferredKick: undefined };
}

/** The session rules. */
export class SessionManager {
  readonly #d: SessionDeps;
  readonly #deadlines: DeadlineQueue;
  readonly #local: LocalSessions;
  /**
   * Detaches on their way to the directory, by instance: a resume on this node waits for its
   * instance's detach, or the late detach would mark the resumed instance detached.
   */
  readonly #detaching = new Map<string, Promise<void>>();
  /** Told after a user's instances changed in the directory (see {@link SessionManager.onPresenceChange}). */
  readonly #presenceListeners = new Set<PresenceListener>();

  constructor(deps: SessionDeps) {
    this.#d = deps;
    this.#deadlines = new DeadlineQueue(deps.clock, (key) => this.#onDeadline(key));
    this.#local = new LocalSessions({
      sinks: deps.sinks,
      broker: deps.broker,
      nodeID: deps.nodeID,
      usage: deps.usage,
      onGone: (id) => {
        this.#deadlines.cancel(`exp:${id}`);
        this.#deadlines.cancel(`grace:${id}`);
      },
    });
  }

  /** Pending expiry/grace deadlines (for tests and metrics). */
  get pendingDeadlines(): number {
    return this.#deadlines.size;
  }

  /**
   * Calls `listener` after an instance of a user was admitted, resumed, detached or removed on this
   * node (the user's presence may have changed; {@link SessionManager.presence} says how it is now).
   * @returns a function that removes the listener.
   */
  onPresenceChange(listener: PresenceListener): () => void {
    this.#presenceListeners.add(listener);
    return () => this.#presenceListeners.delete(listener);
  }

  /** The presence of users on every node: attached somewhere, only detached (within the resume grace), or no instance. */
  async presence(sdkAppID: number, userIDs: readonly string[]): Promise<UserPresence[]> {
    const lists = await Promise.all(userIDs.map((userID) => this.#d.directory.listUser(sdkAppID, userID)));
    return userIDs.map((userID, i) => {
      const instances = lists[i] ?? [];
      const presence = instances.some((inst) => inst.detachedAt === 0) ? 'attached' : instances.length > 0 ? 'detached' : 'none';
      return { userID, presence };
    });
  }

  #presenceChanged(sdkAppID: number, userID: string): void {
    for (const listener of this.#presenceListeners) {
      try {
        listener(sdkAppID, userID);
      } catch (err) {
        this.#d.onError(err, 'presence listener');
      }
    }
  }

  /** Logs in (or resumes) per the session rules. Never throws for bad input. */
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
      return check;
    }
    if (isInvalidated(state, req.userID, check.sig)) {
      throttle.recordFailure(userKey, ctx.ip(), now);
      return fail('ERR_SVR_ACCOUNT_INVALID_USERSIG');
    }
    if (!ctx.isOpen()) return fail('ERR_SDK_NOT_LOGGED_IN', 'connection closed during login');
    if (req.instanceID !== undefined) {
      const resumed = await this.#resume(req, req.instanceID, ctx, check.sig);
      if (resumed) return resumed;
    }
    if (!this.#d.accounts.isKnown(req.SDKAppID, req.userID)) {
      const signUp = await this.#ensureAccount(state, req.userID);
      if (signUp) return signUp;
    }
    if (!ctx.isOpen()) return fail('ERR_SDK_NOT_LOGGED_IN', 'connection closed during login');
    return this.#admit(state, req, ctx, check.sig);
  }

  async #resume(req: LoginRequest, id: string, ctx: LoginContext, sig: VerifiedSig): Promise<LoginOutcome | undefined> {
    const { directory, nodeID } = this.#d;
    await this.#detaching.get(id);
    const known = await directory.get(id);
    if (known && known.sdkAppID === req.SDKAppID && known.userID === req.userID && known.platform === req.platform) {
      const entry = reserved(id, req, ctx.sink);
      const replaced = this.#local.reserve(entry);
      let resumed;
      try {
        resumed = await directory.resume(id, { sdkAppID: req.SDKAppID, userID: req.userID, platform: req.platform, nodeID, sigHmac: sig.hmac, sigExpireAt: sig.expireAt });
      } finally {
        if (!resumed) this.#local.abandon(entry, replaced);
      }
      if (resumed) return this.#resumed(entry, replaced, resumed.instance, resumed.previous, ctx, sig);
    }
    const tomb = await directory.tombstone(id);
    if (tomb && tomb.userID === req.userID) {
      return fail('PARLEY_INSTANCE_KICKED', tomb.type, { type: tomb.type, kickType: KICK_TYPE_NUMBER[tomb.type] });
    }
    return undefined;
  }

  #resumed(entry: LocalInstance, replaced: LocalInstance | undefined, instance: InstanceRecord, previous: InstanceRecord, ctx: LoginContext, sig: VerifiedSig): LoginOutcome {
    const id = instance.instanceID;
    // The socket the instance was attached to closes: here now, on another node when it hears.
    const counted = replaced !== undefined && !replaced.pending;
    if (counted && replaced.sink !== ctx.sink) replaced.sink.close(CloseCode.Replaced, 'instance resumed on another connection');
    else if (!replaced && previous.detachedAt === 0 && previous.nodeID !== this.#d.nodeID) this.#local.tellReplaced(previous.nodeID, id);
    if (!this.#local.confirm(entry, counted)) {
      // Closed meanwhile: the record says attached here, so it becomes resumable again for the grace.
      if (this.#local.get(id) === undefined) void this.#detachRecord(id);
      return fail('ERR_SDK_NOT_LOGGED_IN', 'connection closed during login');
    }
    if (!counted) this.#d.usage.adjustConnections(instance.sdkAppID, 1);
    this.#deadlines.cancel(`grace:${id}`);
    this.#deadlines.schedule(`exp:${id}`, expiryInstant(sig.expireAt));
    const response = this.#answer(instance, true);
    ctx.onLoggedIn(instance, response);
    this.#local.releaseDeferredKick(entry);
    this.#presenceChanged(instance.sdkAppID, instance.userID);
    return { ok: true, instance, response };
  }

  async #ensureAccount(state: AppState, userID: string): Promise<LoginOutcome | undefined> {
    try {
      const refused = await this.#d.accounts.signUp(state.app, userID);
      return refused ? fail(refused.error, refused.detail) : undefined;
    } catch (err) {
      return fail('ERR_SVR_ACCOUNT_INTERNAL_ERROR', err instanceof Error ? err.message : String(err));
    }
  }

  async #admit(state: AppState, req: LoginRequest, ctx: LoginContext, sig: VerifiedSig): Promise<LoginOutcome> {
    const { directory, usage, clock, nodeID } = this.#d;
    const now = clock.now();
    const instanceID = newInstanceID();
    const entry = reserved(instanceID, req, ctx.sink);
    this.#local.reserve(entry);
    let admission;
    try {
      admission = await directory.admit(
        { instanceID, sdkAppID: req.SDKAppID, userID: req.userID, platform: req.platform, loginAt: now, sigHmac: sig.hmac, sigExpireAt: sig.expireAt, nodeID, detachedAt: 0 },
        state.app.loginSettings,
      );
    } catch (err) {
      this.#local.abandon(entry, undefined);
      throw err;
    }
    const { instance, victims } = admission;
    const alive = this.#local.confirm(entry, false);
    const response = this.#answer(instance, false);
    if (alive) ctx.onLoggedIn(instance, response);
    // Victims are out of the directory already: they are told even when this login's socket is gone.
    for (const v of victims) this.#afterRemoval(v.instance, v.type, { platform: instance.platform, instanceID });
    if (!alive) {
      // Nobody learnt this instance's id, so nothing can resume it: it goes now, not after the grace.
      void this.#settle(directory.remove(instanceID), 'abandoned login');
      return fail('ERR_SDK_NOT_LOGGED_IN', 'connection closed during login');
    }
    usage.adjustConnections(req.SDKAppID, 1);
    usage.recordLogin(req.SDKAppID, req.userID);
    this.#deadlines.schedule(`exp:${instanceID}`, expiryInstant(sig.expireAt));
    this.#local.releaseDeferredKick(entry);
    this.#presenceChanged(instance.sdkAppID, instance.userID);
    return { ok: true, instance, response };
  }

  #answer(inst: InstanceRecord, resumed: boolean): LoginResponse {
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
    this.#local.drop(instanceID);
    void this.#settle(this.#d.directory.remove(instanceID), 'logout').then((removed) => {
      if (removed) this.#presenceChanged(removed.sdkAppID, removed.userID);
    });
  }

  /** The socket of an instance closed without logout: keep it resumable for the grace period. */
  detach(instanceID: string, sink: SessionSink): void {
    if (this.#local.drop(instanceID, sink)) void this.#detachRecord(instanceID);
  }

  #detachRecord(instanceID: string): Promise<void> {
    const at = this.#d.clock.now();
    const done = this.#settle(this.#d.directory.detach(instanceID, this.#d.nodeID, at), 'detach').then((detached) => {
      if (this.#detaching.get(instanceID) === done) this.#detaching.delete(instanceID);
      if (detached) {
        this.#deadlines.schedule(`grace:${instanceID}`, at + this.#d.options.resumeGraceMs);
        this.#presenceChanged(detached.sdkAppID, detached.userID);
      }
    });
    this.#detaching.set(instanceID, done);
    return done;
  }

  /**
   * REST kick: every instance of the user, on every node, gets `REST_API_Kick`, and every UserSig
   * issued before now stops working (70052); a sig minted later works.
   * @returns the number of instances kicked.
   */
  async kickUser(sdkAppID: number, userID: string): Promise<number> {
    const { directory, clock, apps } = this.#d;
    const now = clock.now();
    const instances = await directory.listUser(sdkAppID, userID);
    const beforeSec = Math.floor(now / 1000);
    const revokedSigs = instances.map((i) => i.sigHmac);
    const state = await apps.get(sdkAppID);
    const previous = state?.invalidations.get(userID);
    if (previous && previous.beforeSec === beforeSec) revokedSigs.push(...previous.revokedSigs);
    await apps.putInvalidation(sdkAppID, { userID, beforeSec, revokedSigs: [...new Set(revokedSigs)] });
    // Re-read: instances may have changed while the invalidation was written.
    const current = await directory.listUser(sdkAppID, userID);
    for (const inst of current) {
      const removed = await directory.remove(inst.instanceID, { type: KickedOutType.REST_API, at: now });
      if (removed) this.#afterRemoval(removed, KickedOutType.REST_API);
    }
    return current.length;
  }

  /** Online state of users, on every node (attached instances count as online). */
  async onlineState(sdkAppID: number, userIDs: readonly string[]): Promise<UserOnlineState[]> {
    const lists = await Promise.all(userIDs.map((userID) => this.#d.directory.listUser(sdkAppID, userID)));
    return userIDs.map((userID, i) => {
      const attached = (lists[i] ?? []).filter((inst) => inst.detachedAt === 0);
      return {
        userID,
        state: attached.length > 0 ? OnlineState.ONLINE : OnlineState.OFFLINE,
        instances: attached.map((inst) => ({ platform: inst.platform, instanceID: inst.instanceID })),
      };
    });
  }

  /** Stops timers and stops listening to the other nodes. Instances stay registered (the process is going away). */
  stop(): void {
    this.#deadlines.stop();
    this.#local.stop();
  }

  #afterRemoval(inst: InstanceRecord, type: KickedOutTypeValue, newInstance?: NewInstanceInfo): void {
    this.#d.metrics.kicks.inc({ type });
    this.#deadlines.schedule(`tomb:${inst.instanceID}`, this.#d.clock.now() + this.#d.options.resumeGraceMs);
    this.#local.tellRemoved(inst, type, newInstance);
    this.#presenceChanged(inst.sdkAppID, inst.userID);
  }

  #onDeadline(key: string): void {
    const sep = key.indexOf(':');
    void this.#settle(this.#deadline(key.slice(0, sep), key.slice(sep + 1)), `deadline ${key}`);
  }

  async #deadline(kind: string, id: string): Promise<void> {
    const { directory, clock, options } = this.#d;
    if (kind === 'tomb') return directory.forgetTombstone(id);
    const inst = await directory.get(id);
    if (!inst) return;
    const now = clock.now();
    if (kind === 'exp' && now >= expiryInstant(inst.sigExpireAt)) {
      const removed = await directory.remove(id, { type: KickedOutType.USERSIG_EXPIRED, at: now }, { sigExpireAt: inst.sigExpireAt });
      if (removed) this.#afterRemoval(removed, KickedOutType.USERSIG_EXPIRED);
    } else if (kind === 'grace' && inst.detachedAt !== 0 && now >= inst.detachedAt + options.resumeGraceMs) {
      if (await directory.remove(id, undefined, { detachedAt: inst.detachedAt })) {
        this.#local.drop(id);
        this.#presenceChanged(inst.sdkAppID, inst.userID);
      }
    }
  }

  /** Awaits work nobody else waits for; a failure is logged, never thrown. */
  async #settle<T>(work: Promise<T>, context: string): Promise<T | undefined> {
    try {
      return await work;
    } catch (err) {
      this.#d.onError(err, context);
      return undefined;
    }
  }
}

function isInvalidated(state: AppState, userID: string, sig: VerifiedSig): boolean {
  const inv = state.invalidations.get(userID);
  if (!inv) return false;
  return sig.time < inv.beforeSec || (sig.time === inv.beforeSec && inv.revokedSigs.includes(sig.hmac));
}
