/**
 * Follows (Tencent's "follow-module"): a user follows up to 5000 others (followers are unlimited),
 * 20 per call; each user's following, followers and mutual lists and counts; the follow type between
 * two users. Results are per user, with Tencent's relationship codes: 30001 for following oneself,
 * 30003 for an account that does not exist, 30010 past the following cap. Each change reaches every
 * instance of both users, on every node, as `follow.changed` through `Delivery`: the follower's
 * following list (and mutual list) and the followee's followers list (and mutual list).
 */
import {
  errorMessage,
  ERRORS,
  FOLLOW_PAGE_SIZE,
  FollowPushes,
  MAX_FOLLOWING,
  ParleyError,
  type ErrorName,
  type FollowChangedPush,
  type FollowInfo,
  type FollowListType,
  type FollowResult,
  type FollowTypeResult,
} from '@parley/protocol';
import type { FollowStore } from '@parley/store';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { AppCache, AppState } from '../../directories/app-cache.js';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';

/** Dependencies of {@link FollowService}. */
export interface FollowServiceDeps {
  readonly follows: FollowStore;
  readonly apps: AppCache;
  readonly accounts: AccountDirectory;
  readonly delivery: Delivery;
  readonly clock: Clock;
}

/** Who acts: a user of an app (a logged-in caller, or the `From_Account` of a REST call). */
export interface FollowActor {
  readonly sdkAppID: number;
  readonly userID: string;
}

const success = (userID: string): FollowResult => ({ userID, resultCode: 0, resultInfo: '' });
const failure = (userID: string, error: ErrorName, detail: string): FollowResult => ({ userID, resultCode: ERRORS[error].code, resultInfo: errorMessage(error, detail) });

/** Follow relationships. */
export class FollowService {
  readonly #d: FollowServiceDeps;

  constructor(deps: FollowServiceDeps) {
    this.#d = deps;
  }

  /** Makes `actor` follow `userIDs`; a result per user, in the order asked. */
  async follow(actor: FollowActor, userIDs: readonly string[]): Promise<FollowResult[]> {
    const { sdkAppID, userID } = actor;
    const targets = await this.#checkTargets(actor, userIDs, 'follow');
    const valid = [...targets.valid];
    const outcomes = valid.length === 0 ? [] : await this.#d.follows.follow(sdkAppID, userID, valid, MAX_FOLLOWING, this.#d.clock.now());
    const done = new Map(valid.map((id, i) => [id, outcomes[i]]));
    const added = valid.filter((id) => done.get(id) === 'followed');
    const mutual = added.length === 0 ? [] : (await this.#d.follows.check(sdkAppID, userID, added)).filter((t) => t.followType === 3).map((t) => t.userID);
    this.#announce(sdkAppID, userID, added, mutual, true);
    return userIDs.map((id) => {
      const refused = targets.refused.get(id);
      if (refused) return refused;
      return done.get(id) === 'limit' ? failure(id, 'ERR_SVR_FRIENDSHIP_COUNT_LIMIT', `${userID} already follows ${MAX_FOLLOWING} users`) : success(id);
    });
  }

  /** Makes `actor` stop following `userIDs`; a result per user (not following one is no failure). */
  async unfollow(actor: FollowActor, userIDs: readonly string[]): Promise<FollowResult[]> {
    const { sdkAppID, userID } = actor;
    const targets = await this.#checkTargets(actor, userIDs, 'unfollow');
    const valid = [...targets.valid];
    const wasMutual = valid.length === 0 ? [] : (await this.#d.follows.check(sdkAppID, userID, valid)).filter((t) => t.followType === 3).map((t) => t.userID);
    const outcomes = valid.length === 0 ? [] : await this.#d.follows.unfollow(sdkAppID, userID, valid);
    const removed = valid.filter((_, i) => outcomes[i] === 'unfollowed');
    this.#announce(sdkAppID, userID, removed, wasMutual.filter((id) => removed.includes(id)), false);
    return userIDs.map((id) => targets.refused.get(id) ?? success(id));
  }

  /** A page of `actor`'s list: UserIDs oldest edge first, and the next page's cursor ('' after the last). */
  async list(actor: FollowActor, listType: FollowListType, cursor: string, count = FOLLOW_PAGE_SIZE): Promise<{ userIDList: string[]; nextCursor: string; followTimes: number[] }> {
    const page = await this.#d.follows.list(actor.sdkAppID, actor.userID, listType, cursor, count);
    return { userIDList: page.entries.map((e) => e.userID), nextCursor: page.nextCursor, followTimes: page.entries.map((e) => e.followTime) };
  }

  /** The counts of `userIDs` that exist (or of `actor` without a list). */
  async info(actor: FollowActor, userIDs: readonly string[] | undefined): Promise<FollowInfo[]> {
    const ids = userIDs ?? [actor.userID];
    const existing = await this.#d.accounts.existing(await this.#app(actor.sdkAppID), ids);
    const counts = await this.#d.follows.counts(actor.sdkAppID, ids.filter((id) => existing.has(id)));
    return counts.map((c) => ({ userID: c.userID, followersCount: c.followers, followingCount: c.following, mutualFollowersCount: c.mutual }));
  }

  /** The follow type between `actor` and each of `userIDs`. */
  check(actor: FollowActor, userIDs: readonly string[]): Promise<FollowTypeResult[]> {
    return this.#d.follows.check(actor.sdkAppID, actor.userID, userIDs);
  }

  /** The accounts `actor` may (un)follow, and a refusal for each of the others (itself 30001, unknown 30003). */
  async #checkTargets(actor: FollowActor, userIDs: readonly string[], verb: string): Promise<{ valid: Set<string>; refused: Map<string, FollowResult> }> {
    const others = userIDs.filter((id) => id !== actor.userID);
    const existing = await this.#d.accounts.existing(await this.#app(actor.sdkAppID), others);
    const refused = new Map<string, FollowResult>();
    for (const id of userIDs) {
      if (id === actor.userID) refused.set(id, failure(id, 'ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `a user cannot ${verb} themselves`));
      else if (!existing.has(id)) refused.set(id, failure(id, 'ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND', id));
    }
    return { valid: new Set(others.filter((id) => existing.has(id))), refused };
  }

  /** Tells both sides: the actor's following (and mutual) list, each target's followers (and mutual) list. */
  #announce(sdkAppID: number, userID: string, changed: readonly string[], mutual: readonly string[], isAdd: boolean): void {
    const push = (to: string, listType: FollowListType, userIDList: readonly string[]): void => {
      const body: FollowChangedPush = { listType, isAdd, userIDList };
      this.#d.delivery.toUsers(sdkAppID, [to], FollowPushes.changed.name, { ...body });
    };
    if (changed.length > 0) push(userID, 'following', changed);
    if (mutual.length > 0) push(userID, 'mutual', mutual);
    for (const target of changed) push(target, 'followers', [userID]);
    for (const target of mutual) push(target, 'mutual', [userID]);
  }

  async #app(sdkAppID: number): Promise<AppState> {
    const app = await this.#d.apps.get(sdkAppID);
    if (app === undefined) throw ParleyError.of('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', `SDKAppID ${sdkAppID}`);
    return app;
  }
}
