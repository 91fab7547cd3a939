/**
 * The follows part of the `Store`: who follows whom, with each user's followers, following and
 * mutual-followers counts kept beside (cheap to read), changed in the same transaction as the edges.
 */
import type { FollowListType, FollowType } from '@parley/protocol';

/** What following one user did. */
export type FollowOutcome = 'followed' | 'already' | 'limit';
/** What unfollowing one user did. */
export type UnfollowOutcome = 'unfollowed' | 'not-following';

/** One entry of a follow list. */
export interface FollowEntry {
  readonly userID: string;
  /** When the edge was made, ms since the epoch (for a mutual entry, the caller's edge). */
  readonly followTime: number;
}

/** A page of a follow list; `nextCursor` is '' after the last page. */
export interface FollowPage {
  readonly entries: readonly FollowEntry[];
  readonly nextCursor: string;
}

/** One user's counts. */
export interface FollowCounts {
  readonly userID: string;
  readonly followers: number;
  readonly following: number;
  readonly mutual: number;
}

/** Follow edges and counts. The store does not check that accounts exist; the server does. */
export interface FollowStore {
  /**
   * Makes `userID` follow each of `targets` in one transaction, in order: a target already followed
   * is `already`; one that would take `userID` past `maxFollowing` is `limit`. Rejects with 70020 for
   * an unknown app.
   */
  follow(sdkAppID: number, userID: string, targets: readonly string[], maxFollowing: number, now: number): Promise<FollowOutcome[]>;
  /** Removes `userID`'s edges to each of `targets` in one transaction, in order. */
  unfollow(sdkAppID: number, userID: string, targets: readonly string[]): Promise<UnfollowOutcome[]>;
  /**
   * A page of `userID`'s list, oldest edge first: `following` (whom the user follows), `followers`
   * (who follows the user) or `mutual` (both). `cursor` is '' or a `nextCursor` this store returned.
   */
  list(sdkAppID: number, userID: string, listType: FollowListType, cursor: string, count: number): Promise<FollowPage>;
  /** The counts of each of `userIDs`, in the order asked (zeros for a user without edges). */
  counts(sdkAppID: number, userIDs: readonly string[]): Promise<FollowCounts[]>;
  /** The follow type between `userID` and each of `targets` (web numbering: 1 follower, 2 following, 3 both). */
  check(sdkAppID: number, userID: string, targets: readonly string[]): Promise<{ userID: string; followType: FollowType }[]>;
}
