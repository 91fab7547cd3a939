/**
 * The names other features show beside a user: the profile's nick and avatar. Messages take them at
 * send time (Tencent's messages carry the sender's names as of the send); conversation lists and
 * member lists take the current ones.
 *
 * Every send asks for its sender's names, so they are kept in memory: a keyed SQLite read per send
 * took about 9% of the server's busy time in a W2 CPU profile (`parley bench w2 --profile`); with
 * the cache the lookup is about 1%. Whatever changes a nick or avatar
 * says so: a profile update calls {@link ProfileDirectory.changed} (forgotten here, and on every
 * other node through `profile-changed`); account imports, sign-ups and deletes call
 * {@link ProfileDirectory.forget} on their node and the other nodes forget on `accounts-created` /
 * `accounts-deleted`. A read that raced a change is not cached.
 */
import type { WireUserBrief } from '@parley/protocol';
import type { Store } from '@parley/store';
import type { Broker } from '../cluster/broker.js';

/** Most users whose names one node keeps; past it the cache starts over. */
const MAX_CACHED = 100_000;

/** Nick and avatar of users, from the profiles part of the store. */
export class ProfileDirectory {
  readonly #profiles: Store['profiles'];
  readonly #broker: Broker | undefined;
  readonly #cache = new Map<string, WireUserBrief>();
  /** Bumped by every forget, so a load that started before one is not cached. */
  #generation = 0;
  readonly #unsubscribe: () => void;

  /**
   * @param broker - keeps the cache true across nodes; without one nothing is cached (every call
   *   reads the store), for the list paths that need no cache.
   */
  constructor(store: Pick<Store, 'profiles'>, broker?: Broker) {
    this.#profiles = store.profiles;
    this.#broker = broker;
    this.#unsubscribe =
      broker?.onMessage((m) => {
        if (m.type === 'profile-changed' || m.type === 'accounts-created' || m.type === 'accounts-deleted') this.forget(m.sdkAppID, m.userIDs);
      }) ?? (() => undefined);
  }

  /** Nick and avatar of each of `userIDs` that exists, keyed by UserID (one store read for the ones not cached). */
  async briefs(sdkAppID: number, userIDs: readonly string[]): Promise<Map<string, WireUserBrief>> {
    const out = new Map<string, WireUserBrief>();
    const missing: string[] = [];
    for (const id of userIDs) {
      const hit = this.#broker === undefined ? undefined : this.#cache.get(key(sdkAppID, id));
      if (hit) out.set(id, hit);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const generation = this.#generation;
    const loaded = await this.#profiles.names(sdkAppID, missing);
    const cache = this.#broker !== undefined && generation === this.#generation;
    if (cache && this.#cache.size + loaded.length > MAX_CACHED) this.#cache.clear();
    for (const p of loaded) {
      out.set(p.userID, p);
      if (cache) this.#cache.set(key(sdkAppID, p.userID), p);
    }
    return out;
  }

  /** Nick and avatar of one user; '' for both when the account does not exist. */
  async brief(sdkAppID: number, userID: string): Promise<WireUserBrief> {
    return (await this.briefs(sdkAppID, [userID])).get(userID) ?? { userID, nick: '', avatar: '' };
  }

  /** The users' names changed (a profile update): forgotten here and on every other node. */
  changed(sdkAppID: number, userIDs: readonly string[]): void {
    this.forget(sdkAppID, userIDs);
    this.#broker?.publish({ type: 'profile-changed', sdkAppID, userIDs: [...userIDs] });
  }

  /** Forgets the users' names on this node (their accounts were written; other nodes hear it from the accounts feature). */
  forget(sdkAppID: number, userIDs: readonly string[]): void {
    this.#generation++;
    for (const id of userIDs) this.#cache.delete(key(sdkAppID, id));
  }

  /** Stops listening to the other nodes. */
  stop(): void {
    this.#unsubscribe();
  }
}

function key(sdkAppID: number, userID: string): string {
  return `${sdkAppID}\u0000${userID}`;
}
