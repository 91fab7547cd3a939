/**
 * Wire shapes of the follow commands (`follow.*`, Tencent's "follow-module"): follow and unfollow
 * results per user, pages of the following, followers and mutual-followers lists (UserIDs; the SDK
 * reads their profiles), the three counts, the follow type between the caller and others, and the
 * names of the commands and the push.
 */

/** Wire names of the follow commands and push. */
export const FollowWireName = {
  FOLLOW: 'follow.follow',
  UNFOLLOW: 'follow.unfollow',
  LIST: 'follow.list',
  INFO: 'follow.info',
  CHECK: 'follow.check',
  CHANGED: 'follow.changed',
} as const;

/** At most this many UserIDs per follow or unfollow (Tencent: "up to 20 users at a time"). */
export const MAX_FOLLOW_IDS = 20;
/** At most this many UserIDs per `follow.check` (Tencent: "up to 100 user IDs"). */
export const MAX_FOLLOW_CHECK_IDS = 100;
/** At most this many UserIDs per `follow.info` (Tencent's REST `follow_get_info`: at most 20). */
export const MAX_FOLLOW_INFO_IDS = 20;
/** Most users one user follows (Tencent: "each user has an upper limit of 5000" followings; followers are unlimited). */
export const MAX_FOLLOWING = 5000;
/** UserIDs per page of a follow list (Tencent's web SDK returns "up to 500 users at a time"; REST pages default to 100). */
export const FOLLOW_PAGE_SIZE = 100;

/** The three lists of a user. */
export const FOLLOW_LISTS = ['following', 'followers', 'mutual'] as const;
/** One of {@link FOLLOW_LISTS}. */
export type FollowListType = (typeof FOLLOW_LISTS)[number];

/**
 * `TYPES.FOLLOW_TYPE_*` of the web SDK (and REST `follow_check`'s `FollowType`): 0 none, 1 the user is
 * in my followers list, 2 in my following list, 3 both. (Native V2TIM swaps 1 and 2.)
 */
export const FOLLOW_TYPES = [0, 1, 2, 3] as const;
/** One of {@link FOLLOW_TYPES}. */
export type FollowType = (typeof FOLLOW_TYPES)[number];

/** The outcome of following or unfollowing one user (`resultCode` 0 on success, else a registry code). */
export interface FollowResult {
  readonly userID: string;
  readonly resultCode: number;
  readonly resultInfo: string;
}

/** Body of `follow.follow`, `follow.unfollow` and `follow.check`. */
export interface FollowUsersRequest {
  readonly userIDList: readonly string[];
}

/** Body of `follow.info`: no list asks for the caller's own counts. */
export interface FollowInfoRequest {
  readonly userIDList?: readonly string[];
}

/** Body of `follow.list`: which list, and where the page starts ('' for the first). */
export interface FollowListRequest {
  readonly listType: FollowListType;
  readonly nextCursor: string;
}

/** Answer of `follow.follow` and `follow.unfollow`. */
export interface FollowResultsResponse {
  readonly resultList: readonly FollowResult[];
}

/** Answer of `follow.list`: a page of UserIDs, and the cursor of the next page ('' after the last). */
export interface FollowListResponse {
  readonly userIDList: readonly string[];
  readonly nextCursor: string;
}

/** One user's counts. */
export interface FollowInfo {
  readonly userID: string;
  readonly followersCount: number;
  readonly followingCount: number;
  readonly mutualFollowersCount: number;
}

/** Answer of `follow.info`. */
export interface FollowInfoResponse {
  readonly followInfoList: readonly FollowInfo[];
}

/** One user's follow type. */
export interface FollowTypeResult {
  readonly userID: string;
  readonly followType: FollowType;
}

/** Answer of `follow.check`. */
export interface FollowCheckResponse {
  readonly resultList: readonly FollowTypeResult[];
}

/** Body of the `follow.changed` push: users added to or removed from one of the recipient's lists. */
export interface FollowChangedPush {
  readonly listType: FollowListType;
  readonly isAdd: boolean;
  readonly userIDList: readonly string[];
}
