/**
 * The session directory: every logged-in instance of every user in the deployment, whichever node
 * holds its socket, plus tombstones of instances kicked while detached so that their resume attempt
 * learns why. It is the shared half of the session state; the sockets themselves stay in each
 * node's {@link SinkTable}.
 *
 * Every method is one atomic step against the directory, and asynchronous so a networked directory
 * (a Redis hash and a Lua script) fits. In particular {@link SessionDirectory.admit} applies the
 * login policy and registers the new instance in one step: the decision of who is pushed out is
 * taken *inside* the directory, so two racing logins, on one node or two, never both see room.
 */
import type { KickedOutTypeValue, Platform } from '@parley/protocol';
import type { LoginSettings } from '@parley/store';
import type { PolicyVictim } from './login-policy.js';

/** One login instance as the directory knows it. Records are snapshots: a change makes a new one. */
export interface InstanceRecord {
  readonly instanceID: string;
  readonly sdkAppID: number;
  readonly userID: string;
  readonly platform: Platform;
  /** Login order across the directory; smaller = earlier. Assigned by {@link SessionDirectory.admit}. */
  readonly loginSeq: number;
  /** Login time, ms since the epoch. */
  readonly loginAt: number;
  /** HMAC (`TLS.sig`) of the UserSig the instance logged in (or last resumed) with. */
  readonly sigHmac: string;
  /** UserSig expiry, ms since the epoch. */
  readonly sigExpireAt: number;
  /** The node holding the instance's socket (while detached: the node that held it last). */
  readonly nodeID: string;
  /** When it was detached (ms since the epoch), or 0 while attached to a socket. */
  readonly detachedAt: number;
}

/** A new login, before the directory gives it its login order. */
export type NewInstance = Omit<InstanceRecord, 'loginSeq'>;

/** Result of {@link SessionDirectory.admit}. */
export interface Admission {
  readonly instance: InstanceRecord;
  /** Instances pushed out, earliest first, already removed (with a tombstone). */
  readonly victims: readonly { readonly instance: InstanceRecord; readonly type: PolicyVictim['type'] }[];
}

/** Who resumes an instance, on which node, with which UserSig. */
export interface ResumeRequest {
  readonly sdkAppID: number;
  readonly userID: string;
  readonly platform: Platform;
  readonly nodeID: string;
  readonly sigHmac: string;
  /** ms since the epoch. */
  readonly sigExpireAt: number;
}

/** Result of {@link SessionDirectory.resume}: the record now, and as it was just before. */
export interface Resumption {
  readonly instance: InstanceRecord;
  /** Where the instance was: attached on some node (that socket must close) or detached. */
  readonly previous: InstanceRecord;
}

/** Why an instance that is gone was removed; kept briefly so a resume attempt can be told. */
export interface Tombstone {
  readonly userID: string;
  readonly type: KickedOutTypeValue;
  /** ms since the epoch. */
  readonly at: number;
}

/** Leaves a tombstone for a removed instance. */
export interface RemovalReason {
  readonly type: KickedOutTypeValue;
  /** ms since the epoch. */
  readonly at: number;
}

/** A removal happens only if every given condition still holds when the directory applies it. */
export interface RemoveCondition {
  /** Still detached since exactly this instant (ms): it has not resumed since. */
  readonly detachedAt?: number;
  /** Still holding a UserSig with exactly this expiry (ms): it has not resumed with a newer one. */
  readonly sigExpireAt?: number;
}

/** The deployment-wide registry of login instances. */
export interface SessionDirectory {
  /**
   * Atomically applies the login policy for a new login and registers it.
   * @returns the new record and the instances it pushed out (removed, tombstoned with their kick type).
   */
  admit(init: NewInstance, settings: LoginSettings): Promise<Admission>;
  /**
   * Atomically attaches an existing instance to a socket on `req.nodeID` with a fresh UserSig, if it is
   * still registered for the same app, user and platform.
   * @returns `undefined` when there is no such instance (gone, or someone else's).
   */
  resume(instanceID: string, req: ResumeRequest): Promise<Resumption | undefined>;
  /**
   * Marks an instance detached at `at` (ms), only if it is attached on `nodeID` (it may have resumed
   * elsewhere meanwhile).
   * @returns the new record, or `undefined` when nothing changed.
   */
  detach(instanceID: string, nodeID: string, at: number): Promise<InstanceRecord | undefined>;
  /**
   * Removes an instance, if registered and `condition` holds. With a `reason`, leaves a tombstone.
   * @returns the removed record, or `undefined` when nothing was removed.
   */
  remove(instanceID: string, reason?: RemovalReason, condition?: RemoveCondition): Promise<InstanceRecord | undefined>;
  /** The instance with this id, if registered. */
  get(instanceID: string): Promise<InstanceRecord | undefined>;
  /** The instances of a user, earliest first, attached or detached, on any node. */
  listUser(sdkAppID: number, userID: string): Promise<readonly InstanceRecord[]>;
  /** The tombstone of a removed instance, if it was removed with a reason and not forgotten yet. */
  tombstone(instanceID: string): Promise<Tombstone | undefined>;
  /** Forgets a tombstone (after the resume grace). */
  forgetTombstone(instanceID: string): Promise<void>;
}
