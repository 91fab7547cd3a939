/**
 * The local half of the session state: the instances whose socket is on this node, by instance id
 * and by user. It is what a push reaches and what a command's caller is looked up in, so both stay
 * synchronous map reads however far away the {@link SessionDirectory} is.
 *
 * An entry is *pending* from the moment a login or resume asks the directory until its answer has
 * been sent: pushes skip it, and a kick that arrives meanwhile (a racing login on any node) waits in
 * `deferredKick` and is delivered right after the answer, so the client never sees a kick before its
 * own login answer.
 */
import type { KickedOutTypeValue, Platform } from '@parley/protocol';

/** Where a node delivers to an attached instance. Implemented by the gateway connection. */
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

/** A kick that arrived while its instance's login answer was still on its way. */
export interface DeferredKick {
  readonly type: KickedOutTypeValue;
  readonly newInstance?: { readonly platform: Platform; readonly instanceID: string };
}

/** An instance attached to a socket on this node. */
export interface LocalInstance {
  readonly instanceID: string;
  readonly sdkAppID: number;
  readonly userID: string;
  readonly platform: Platform;
  readonly sink: SessionSink;
  /** True until the login or resume answer has been sent. */
  pending: boolean;
  /** Set when a kick arrived while pending. */
  deferredKick: DeferredKick | undefined;
}

const userKey = (sdkAppID: number, userID: string): string => `${sdkAppID}:${userID}`;
const NONE: readonly LocalInstance[] = [];

/** Instance id → socket, for the instances attached on this node. */
export class SinkTable {
  readonly #byId = new Map<string, LocalInstance>();
  readonly #byUser = new Map<string, LocalInstance[]>();

  /** Number of entries (pending included). */
  get size(): number {
    return this.#byId.size;
  }

  /** The entry of an instance, pending or not. */
  get(instanceID: string): LocalInstance | undefined {
    return this.#byId.get(instanceID);
  }

  /** The user's entries on this node (pending included: callers skip those). */
  listUser(sdkAppID: number, userID: string): readonly LocalInstance[] {
    return this.#byUser.get(userKey(sdkAppID, userID)) ?? NONE;
  }

  /**
   * Adds `entry`; an entry of the same instance is replaced.
   * @returns the entry replaced, if any.
   */
  put(entry: LocalInstance): LocalInstance | undefined {
    const replaced = this.#byId.get(entry.instanceID);
    if (replaced) this.delete(replaced);
    this.#byId.set(entry.instanceID, entry);
    const key = userKey(entry.sdkAppID, entry.userID);
    const list = this.#byUser.get(key);
    if (list) list.push(entry);
    else this.#byUser.set(key, [entry]);
    return replaced;
  }

  /**
   * Removes `entry` if the table still holds that very entry (not a newer one of the same instance).
   * @returns true if it was removed.
   */
  delete(entry: LocalInstance): boolean {
    if (this.#byId.get(entry.instanceID) !== entry) return false;
    this.#byId.delete(entry.instanceID);
    const key = userKey(entry.sdkAppID, entry.userID);
    const list = this.#byUser.get(key);
    if (list) {
      const rest = list.filter((e) => e !== entry);
      if (rest.length > 0) this.#byUser.set(key, rest);
      else this.#byUser.delete(key);
    }
    return true;
  }
}
