/**
 * The single-node session registry: every logged-in instance of every user, attached to a socket or
 * detached (network dropped, resumable during the grace), plus tombstones of instances kicked while
 * detached so that their resume attempt learns why.
 *
 * All mutations are synchronous, so a policy decision and the registration it leads to happen in one
 * step of the event loop: two racing logins can never both see room for themselves.
 */
import type { KickedOutTypeValue, Platform } from '@parley/protocol';
import type { LoginSettings } from '@parley/store';
import { decideVictims, type PolicyVictim } from './login-policy.js';

/** Where the registry delivers a kick for an attached instance. Implemented by the gateway connection. */
export interface SessionSink {
  /** Sends the kick push and closes the socket with `closeCode`. */
  kick(type: KickedOutTypeValue, closeCode: number, newInstance?: { platform: Platform; instanceID: string }): void;
  /** Closes the socket without a kick push (e.g. 4409 when the instance resumed elsewhere). */
  close(code: number, reason: string): void;
  /**
   * Sends an already-encoded frame as a text message: the JSON text, or its UTF-8 bytes (fan-out
   * encodes a push once, to bytes, for all its recipients).
   */
  sendEncoded(frame: string | Buffer): void;
  /** False once the socket is closing or closed. */
  readonly isOpen: boolean;
}

/** One login instance. */
export interface Instance {
  readonly instanceID: string;
  readonly sdkAppID: number;
  readonly userID: string;
  readonly platform: Platform;
  /** Monotonic login order across the registry; smaller = earlier. */
  readonly loginSeq: number;
  /** Login time, ms since the epoch. */
  readonly loginAt: number;
  /** HMAC (`TLS.sig`) of the UserSig the instance logged in (or last resumed) with. */
  sigHmac: string;
  /** UserSig expiry, ms since the epoch. */
  sigExpireAt: number;
  /** The socket it is attached to, or `null` while detached. */
  sink: SessionSink | null;
  /** When it was detached (ms), or 0 while attached. */
  detachedAt: number;
}

/** Why an instance that is gone was removed; kept briefly so a resume attempt can be told. */
export interface Tombstone {
  readonly userID: string;
  readonly type: KickedOutTypeValue;
  readonly at: number;
}

/** Result of {@link SessionRegistry.admit}. */
export interface Admission {
  readonly instance: Instance;
  /** Instances pushed out, earliest first, already removed from the registry. */
  readonly victims: readonly { readonly instance: Instance; readonly type: PolicyVictim['type'] }[];
}

const userKey = (sdkAppID: number, userID: string): string => `${sdkAppID}:${userID}`;

/** In-process session registry (the single-node implementation). */
export class SessionRegistry {
  readonly #byUser = new Map<string, Instance[]>();
  readonly #byId = new Map<string, Instance>();
  readonly #tombstones = new Map<string, Tombstone>();
  #seq = 0;

  /** Number of registered instances (attached and detached). */
  get size(): number {
    return this.#byId.size;
  }

  /**
   * Atomically applies the policy for a new login and registers it.
   * @param init - the new instance without its login order (assigned here).
   */
  admit(init: Omit<Instance, 'loginSeq'>, settings: LoginSettings): Admission {
    const key = userKey(init.sdkAppID, init.userID);
    const list = this.#byUser.get(key);
    const victims: { instance: Instance; type: PolicyVictim['type'] }[] = [];
    if (list) {
      for (const v of decideVictims(list, init.platform, settings)) {
        const victim = this.remove(v.instanceID, v.type, init.loginAt);
        if (victim) victims.push({ instance: victim, type: v.type });
      }
    }
    // Fields listed one by one: a spread of `init` would leave V8's fast object path on every login.
    const instance: Instance = {
      instanceID: init.instanceID,
      sdkAppID: init.sdkAppID,
      userID: init.userID,
      platform: init.platform,
      loginSeq: ++this.#seq,
      loginAt: init.loginAt,
      sigHmac: init.sigHmac,
      sigExpireAt: init.sigExpireAt,
      sink: init.sink,
      detachedAt: init.detachedAt,
    };
    const current = this.#byUser.get(key);
    if (current) current.push(instance);
    else this.#byUser.set(key, [instance]);
    this.#byId.set(instance.instanceID, instance);
    return { instance, victims };
  }

  /** The instance with this id, if registered. */
  get(instanceID: string): Instance | undefined {
    return this.#byId.get(instanceID);
  }

  /** Instances of a user, earliest first. */
  listUser(sdkAppID: number, userID: string): readonly Instance[] {
    return this.#byUser.get(userKey(sdkAppID, userID)) ?? [];
  }

  /** Every registered instance (for shutdown and sweeps). */
  all(): IterableIterator<Instance> {
    return this.#byId.values();
  }

  /**
   * Removes an instance. With a `reason`, leaves a tombstone so a later resume of it is told why.
   * @returns the removed instance, or `undefined` if it was not registered.
   */
  remove(instanceID: string, reason?: KickedOutTypeValue, at = 0): Instance | undefined {
    const inst = this.#byId.get(instanceID);
    if (!inst) return undefined;
    this.#byId.delete(instanceID);
    const key = userKey(inst.sdkAppID, inst.userID);
    const list = this.#byUser.get(key);
    if (list) {
      const rest = list.filter((i) => i !== inst);
      if (rest.length > 0) this.#byUser.set(key, rest);
      else this.#byUser.delete(key);
    }
    if (reason) this.#tombstones.set(instanceID, { userID: inst.userID, type: reason, at });
    return inst;
  }

  /** The tombstone of a removed instance, if it was kicked recently. */
  tombstone(instanceID: string): Tombstone | undefined {
    return this.#tombstones.get(instanceID);
  }

  /** Forgets a tombstone (after the resume grace). */
  forgetTombstone(instanceID: string): void {
    this.#tombstones.delete(instanceID);
  }
}
