/**
 * The follow methods of a `TencentCloudChat` instance as a public-method table; each asks the
 * server, so each runs only once ready.
 */
import type { FollowInfo, FollowOperationResult, FollowTypeCheckResult } from '../model/message-types.js';
import type { ChatResponse } from '../session/chat-response.js';
import { gated, type MethodTable } from '../session/method-table.js';
import type { FollowApi, FollowListPage } from './follow-api.js';

/** A list of UserIDs, or `{ userIDList }`. */
type UserIDListArg = string[] | { userIDList: string[] };
/** A page cursor, or `{ nextCursor }`; nothing for the first page. */
type CursorArg = string | { nextCursor?: string } | undefined;

/** The follow methods of an instance. */
export const FOLLOW_METHODS = {
  /** Follows 1..20 users (at most 5000 in all); a result per user (30001 oneself, 30003 unknown, 30010 past the cap). */
  followUser: gated((api: FollowApi) => (userIDList: UserIDListArg): Promise<ChatResponse<FollowOperationResult[]>> => api.followUser(userIDList)),

  /** Unfollows 1..20 users; a result per user. */
  unfollowUser: gated((api: FollowApi) => (userIDList: UserIDListArg): Promise<ChatResponse<FollowOperationResult[]>> => api.unfollowUser(userIDList)),

  /** A page (100 users) of the users following the user: `{ resultList: Profile[], nextCursor }`. */
  getMyFollowersList: gated((api: FollowApi) => (nextCursor?: CursorArg): Promise<ChatResponse<FollowListPage>> => api.list('getMyFollowersList', 'followers', nextCursor)),

  /** A page (100 users) of the users the user follows. */
  getMyFollowingList: gated((api: FollowApi) => (nextCursor?: CursorArg): Promise<ChatResponse<FollowListPage>> => api.list('getMyFollowingList', 'following', nextCursor)),

  /** A page (100 users) of the user's mutual followers. */
  getMutualFollowersList: gated((api: FollowApi) => (nextCursor?: CursorArg): Promise<ChatResponse<FollowListPage>> => api.list('getMutualFollowersList', 'mutual', nextCursor)),

  /** The followers, following and mutual counts of 1..20 users, or of the user without a list. */
  getUserFollowInfo: gated((api: FollowApi) => (userIDList?: UserIDListArg): Promise<ChatResponse<FollowInfo[]>> => api.getUserFollowInfo(userIDList)),

  /** The follow type between the user and each of 1..100 users (0 none, 1 follower, 2 following, 3 both). */
  checkFollowType: gated((api: FollowApi) => (userIDList: UserIDListArg): Promise<ChatResponse<FollowTypeCheckResult[]>> => api.checkFollowType(userIDList)),
} satisfies MethodTable<FollowApi>;
