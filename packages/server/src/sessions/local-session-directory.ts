/**
 * The in-process {@link SessionDirectory}: maps in this process. Every method runs to completion
 * without yielding, so each is atomic. It serves one node, and several servers in one process when
 * they are given the same object (the multi-node tests).
 */
import type { LoginSettings } from '@parley/store';
import { decideVictims, type PolicyVictim } from './login-policy.js';
import type {
  Admission,
  InstanceRecord,
  NewInstance,
  RemovalReason,
  RemoveCondition,
  ResumeRequest,
  Resumption,
  SessionDirectory,
  Tombstone,
} from './session-directory.js';

const userKey = (sdkAppID: number, userID: string): string => `${sdkAppID}:${userID}`;
const NONE: readonly InstanceRecord[] = [];

/** Session directory in this process's memory. */
export class LocalSessionDirectory implements SessionDirectory {
  /** Each user's instances in login order (appended at admission, so always sorted). */
  readonly #byUser = new Map<string, InstanceRecord[]>();
  readonly #byId = new Map<string, InstanceRecord>();
  readonly #tombstones = new Map<string, Tombstone>();
  #seq = 0;

  /** Number of registered instances (attached and detached). */
  get size(): number {
    return this.#byId.size;
  }

  /** {@inheritDoc SessionDirectory.admit} */
  async admit(init: NewInstance, settings: LoginSettings): Promise<Admission> {
    const key = userKey(init.sdkAppID, init.userID);
    const list = this.#byUser.get(key);
    const victims: { instance: InstanceRecord; type: PolicyVictim['type'] }[] = [];
    if (list) {
      for (const v of decideVictims(list, init.platform, settings)) {
        const victim = this.#remove(v.instanceID, { type: v.type, at: init.loginAt });
        if (victim) victims.push({ instance: victim, type: v.type });
      }
    }
    // Fields listed one by one: a spread of `init` would leave V8's fast object path on every login.
    const instance: InstanceRecord = {
      instanceID: init.instanceID,
      sdkAppID: init.sdkAppID,
      userID: init.userID,
      platform: init.platform,
      loginSeq: ++this.#seq,
      loginAt: init.loginAt,
      sigHmac: init.sigHmac,
      sigExpireAt: init.sigExpireAt,
      nodeID: init.nodeID,
      detachedAt: init.detachedAt,
    };
    // A new array: a list handed out by listUser stays as it was.
    const current = this.#byUser.get(key);
    this.#byUser.set(key, current ? [...current, instance] : [instance]);
    this.#byId.set(instance.instanceID, instance);
    return { instance, victims };
  }

  /** {@inheritDoc SessionDirectory.resume} */
  async resume(instanceID: string, req: ResumeRequest): Promise<Resumption | undefined> {
    const previous = this.#byId.get(instanceID);
    if (!previous || previous.sdkAppID !== req.sdkAppID || previous.userID !== req.userID || previous.platform !== req.platform) return undefined;
    const instance = this.#replace(previous, { ...previous, nodeID: req.nodeID, sigHmac: req.sigHmac, sigExpireAt: req.sigExpireAt, detachedAt: 0 });
    return { instance, previous };
  }

  /** {@inheritDoc SessionDirectory.detach} */
  async detach(instanceID: string, nodeID: string, at: number): Promise<InstanceRecord | undefined> {
    const inst = this.#byId.get(instanceID);
    if (!inst || inst.nodeID !== nodeID || inst.detachedAt !== 0) return undefined;
    return this.#replace(inst, { ...inst, detachedAt: at });
  }

  /** {@inheritDoc SessionDirectory.remove} */
  async remove(instanceID: string, reason?: RemovalReason, condition?: RemoveCondition): Promise<InstanceRecord | undefined> {
    const inst = this.#byId.get(instanceID);
    if (!inst) return undefined;
    if (condition?.detachedAt !== undefined && inst.detachedAt !== condition.detachedAt) return undefined;
    if (condition?.sigExpireAt !== undefined && inst.sigExpireAt !== condition.sigExpireAt) return undefined;
    return this.#remove(instanceID, reason);
  }

  /** {@inheritDoc SessionDirectory.get} */
  async get(instanceID: string): Promise<InstanceRecord | undefined> {
    return this.#byId.get(instanceID);
  }

  /** {@inheritDoc SessionDirectory.listUser} */
  async listUser(sdkAppID: number, userID: string): Promise<readonly InstanceRecord[]> {
    return this.#byUser.get(userKey(sdkAppID, userID)) ?? NONE;
  }

  /** {@inheritDoc SessionDirectory.tombstone} */
  async tombstone(instanceID: string): Promise<Tombstone | undefined> {
    return this.#tombstones.get(instanceID);
  }

  /** {@inheritDoc SessionDirectory.forgetTombstone} */
  async forgetTombstone(instanceID: string): Promise<void> {
    this.#tombstones.delete(instanceID);
  }

  #remove(instanceID: string, reason: RemovalReason | undefined): InstanceRecord | undefined {
    const inst = this.#byId.get(instanceID);
    if (!inst) return undefined;
    this.#byId.delete(instanceID);
    const key = userKey(inst.sdkAppID, inst.userID);
    const list = this.#byUser.get(key);
    if (list) {
      // A new array: a list handed out by listUser stays as it was.
      const rest = list.filter((i) => i !== inst);
      if (rest.length > 0) this.#byUser.set(key, rest);
      else this.#byUser.delete(key);
    }
    if (reason) this.#tombstones.set(instanceID, { userID: inst.userID, type: reason.type, at: reason.at });
    return inst;
  }

  /** Puts `next` where `prev` was, keeping the user's list in login order. */
  #replace(prev: InstanceRecord, next: InstanceRecord): InstanceRecord {
    this.#byId.set(next.instanceID, next);
    const key = userKey(prev.sdkAppID, prev.userID);
    const list = this.#byUser.get(key);
    if (list) this.#byUser.set(key, list.map((i) => (i === prev ? next : i)));
    return next;
  }
}
