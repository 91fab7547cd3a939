/**
 * Reads the names other features show beside a user: the profile's nick and avatar. Messages take
 * them at send time (Tencent's messages carry the sender's names as of the send); conversation
 * lists and member lists take the current ones. One indexed read of the `accounts` rows per call:
 * a send costs one point lookup, measured negligible next to the batched append (docs/BENCHMARKS.md).
 */
import type { WireUserBrief } from '@parley/protocol';
import type { Store } from '@parley/store';

/** Nick and avatar of users, from the profiles part of the store. */
export class ProfileDirectory {
  readonly #profiles: Store['profiles'];

  constructor(store: Pick<Store, 'profiles'>) {
    this.#profiles = store.profiles;
  }

  /** Nick and avatar of each of `userIDs` that exists, keyed by UserID (one store read for all of them). */
  async briefs(sdkAppID: number, userIDs: readonly string[]): Promise<Map<string, WireUserBrief>> {
    const out = new Map<string, WireUserBrief>();
    if (userIDs.length === 0) return out;
    for (const p of await this.#profiles.get(sdkAppID, [...new Set(userIDs)])) out.set(p.userID, { userID: p.userID, nick: p.nick, avatar: p.avatar });
    return out;
  }

  /** Nick and avatar of one user; '' for both when the account does not exist. */
  async brief(sdkAppID: number, userID: string): Promise<WireUserBrief> {
    return (await this.briefs(sdkAppID, [userID])).get(userID) ?? { userID, nick: '', avatar: '' };
  }
}
