/**
 * Blacklists: at most 1000 users (30013; https://tencentcloud.com/document/product/1047/48152).
 * Blocking ends the friendship both ways and drops applications between the two (one store
 * transaction); every user whose lists changed hears about it. Per user: oneself and unknown users
 * fail with 30001 and 30003, a user already blocked with 31307, removing one not blocked with 31503.
 * It is also the {@link BlacklistCheck} the messages feature refuses blocked C2C sends with (20007).
 */
import { MAX_BLACKLIST, ParleyError, type FailedUser, type UserResultsAnswer } from '@parley/protocol';
import type { BlacklistEntry } from '@parley/store';
import { failed, type RelationshipCaller, type RelationshipDeps } from './friend-service.js';
import type { BlacklistCheck } from './relationship-port.js';

/** Blacklists of users. */
export class BlacklistService implements BlacklistCheck {
  constructor(
    private readonly d: RelationshipDeps,
    private readonly existing: (sdkAppID: number, userIDs: readonly string[]) => Promise<Set<string>>,
  ) {}

  /** True when `owner` blocks `userID`. */
  blocks(sdkAppID: number, owner: string, userID: string): Promise<boolean> {
    return this.d.store.blacklist.blocks(sdkAppID, owner, userID);
  }

  /** The users the caller blocks. */
  async list(caller: RelationshipCaller): Promise<string[]> {
    return (await this.d.store.blacklist.list(caller.sdkAppID, caller.userID)).map((e) => e.userID);
  }

  /** The users the caller blocks, with the time each was blocked (ms). */
  entries(caller: RelationshipCaller): Promise<BlacklistEntry[]> {
    return this.d.store.blacklist.list(caller.sdkAppID, caller.userID);
  }

  /** Of `userIDs`, those that block the caller. */
  blockedBy(caller: RelationshipCaller, userIDs: readonly string[]): Promise<Set<string>> {
    return this.d.store.blacklist.blockedBy(caller.sdkAppID, caller.userID, userIDs);
  }

  /** Blocks users. */
  async add(caller: RelationshipCaller, userIDs: readonly string[]): Promise<UserResultsAnswer> {
    const { sdkAppID, userID: me } = caller;
    const { store } = this.d;
    const exists = await this.existing(sdkAppID, userIDs);
    const already = new Set((await store.blacklist.list(sdkAppID, me)).map((e) => e.userID));
    const failures: FailedUser[] = [];
    const wanted: string[] = [];
    for (const id of userIDs) {
      if (id === me) failures.push(failed(id, 'ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', 'cannot add oneself to the blacklist'));
      else if (!exists.has(id)) failures.push(failed(id, 'ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND', `${id} does not exist`));
      else if (already.has(id)) failures.push(failed(id, 'ERR_SVR_FRIENDSHIP_ALREADY_IN_BLACKLIST', `${id} is already in the blacklist`));
      else wanted.push(id);
    }
    if (wanted.length > 0) {
      const links = await store.friends.links(sdkAppID, me, wanted);
      const { applications } = await store.friendApplications.list(sdkAppID, me);
      const added = await store.blacklist.add(sdkAppID, me, wanted, this.d.clock.now(), MAX_BLACKLIST);
      if (added === undefined) throw ParleyError.of('ERR_SVR_FRIENDSHIP_BLACKLIST_LIMIT', `a blacklist holds at most ${MAX_BLACKLIST} users`);
      const set = new Set(added);
      const unfriended = links.filter((l) => set.has(l.userID) && (l.inMine || l.inTheirs)).map((l) => l.userID);
      const applied = applications.map((a) => (a.from === me ? a.to : a.from)).filter((id) => set.has(id));
      const friends = unfriended.length > 0 ? [me, ...unfriended] : [];
      await this.d.notifier.push(sdkAppID, { blacklist: [me], friends, groups: friends, applications: applied.length > 0 ? [me, ...applied] : [] });
    }
    return { successUserIDList: wanted, failureUserIDList: failures };
  }

  /** Unblocks users. */
  async remove(caller: RelationshipCaller, userIDs: readonly string[]): Promise<UserResultsAnswer> {
    const removed = new Set(await this.d.store.blacklist.remove(caller.sdkAppID, caller.userID, userIDs));
    if (removed.size > 0) await this.d.notifier.push(caller.sdkAppID, { blacklist: [caller.userID] });
    return {
      successUserIDList: userIDs.filter((id) => removed.has(id)),
      failureUserIDList: userIDs.filter((id) => !removed.has(id)).map((id) => failed(id, 'ERR_SVR_FRIENDSHIP_NOT_IN_BLACKLIST', `${id} is not in the blacklist`)),
    };
  }
}
