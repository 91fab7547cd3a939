/**
 * The follow calls of native V2TIM's `V2TIMFriendshipManager` (`followUser`, `unfollowUser`,
 * `getMyFollowingList`, `getMyFollowersList`, `getMutualFollowersList`, `getUserFollowInfo`,
 * `checkFollowType`) as a method group a friendship manager composes, over a web instance.
 * react-native-tim-js's friendship manager has no follow calls; these take native V2TIM's arguments
 * in order (a list, or a cursor string) and resolve `{code, desc, data}` with its result shapes
 * (`V2TimFollowOperationResult`, `V2TimUserInfoResult`, `V2TimFollowInfo`,
 * `V2TimFollowTypeCheckResult`), never rejecting. Native V2TIM numbers follow types 1 "in my
 * following list" and 2 "in my followers list", the other way round from the web SDK.
 * `bindV2TimFollowListener` turns the web list events into `V2TimFriendshipListener`'s
 * `onMyFollowersListChanged`, `onMyFollowingListChanged` and `onMutualFollowersListChanged`.
 */
import { EVENT } from '@parley/protocol';
import type { FollowListChange } from '../model/message-types.js';
import type { ChatInstance } from '../web/chat-instance.js';
import { userFullInfoOf } from './v2tim-profiles.js';
import { failFrom, notLoggedIn, ok } from './v2tim-results.js';
import type { V2TimUserFullInfo, V2TimValueCallback } from './v2tim-types.js';

/** The outcome of following or unfollowing one user. */
export interface V2TimFollowOperationResult {
  readonly userID: string;
  readonly resultCode: number;
  readonly resultInfo: string;
}

/** A page of a follow list; `nextCursor` is '' after the last page. */
export interface V2TimUserInfoResult {
  readonly nextCursor: string;
  readonly userFullInfoList: V2TimUserFullInfo[];
}

/** One user's counts. */
export interface V2TimFollowInfo {
  readonly userID: string;
  readonly followersCount: number;
  readonly followingCount: number;
  readonly mutualFollowersCount: number;
  readonly resultCode: number;
  readonly resultInfo: string;
}

/** The follow type between the user and another, in native V2TIM's numbers (see {@link V2TIM_FOLLOW_TYPE}). */
export interface V2TimFollowTypeCheckResult {
  readonly userID: string;
  readonly followType: number;
  readonly resultCode: number;
  readonly resultInfo: string;
}

/** Native V2TIM's `V2TIM_FOLLOW_TYPE_*`. */
export const V2TIM_FOLLOW_TYPE = {
  V2TIM_FOLLOW_TYPE_NONE: 0,
  V2TIM_FOLLOW_TYPE_IN_MY_FOLLOWING_LIST: 1,
  V2TIM_FOLLOW_TYPE_IN_MY_FOLLOWERS_LIST: 2,
  V2TIM_FOLLOW_TYPE_IN_BOTH_FOLLOWERS_LIST: 3,
} as const;

/** Web follow type (1 follower, 2 following) → native (1 following, 2 follower). */
const NATIVE_FOLLOW_TYPE: readonly number[] = [0, 2, 1, 3];

/** The follow callbacks of `V2TimFriendshipListener`; every member is optional. */
export interface V2TimFollowListener {
  onMyFollowersListChanged?(userInfoList: V2TimUserFullInfo[], isAdd: boolean): void;
  onMyFollowingListChanged?(userInfoList: V2TimUserFullInfo[], isAdd: boolean): void;
  onMutualFollowersListChanged?(userInfoList: V2TimUserFullInfo[], isAdd: boolean): void;
}

/** The follow calls, for a friendship manager to compose. */
export interface V2TimFollowMethods {
  followUser(userIDList: string[]): Promise<V2TimValueCallback<V2TimFollowOperationResult[]>>;
  unfollowUser(userIDList: string[]): Promise<V2TimValueCallback<V2TimFollowOperationResult[]>>;
  getMyFollowingList(nextCursor?: string): Promise<V2TimValueCallback<V2TimUserInfoResult>>;
  getMyFollowersList(nextCursor?: string): Promise<V2TimValueCallback<V2TimUserInfoResult>>;
  getMutualFollowersList(nextCursor?: string): Promise<V2TimValueCallback<V2TimUserInfoResult>>;
  getUserFollowInfo(userIDList: string[]): Promise<V2TimValueCallback<V2TimFollowInfo[]>>;
  checkFollowType(userIDList: string[]): Promise<V2TimValueCallback<V2TimFollowTypeCheckResult[]>>;
}

/**
 * The follow calls over the web instance `chat()` returns (`undefined` while nobody is logged in:
 * the calls then resolve 6014).
 */
export function createV2TimFollowMethods(chat: () => ChatInstance | undefined): V2TimFollowMethods {
  async function call<T>(work: (c: ChatInstance) => Promise<T>): Promise<V2TimValueCallback<T>> {
    const c = chat();
    if (!c) return notLoggedIn();
    try {
      return ok(await work(c));
    } catch (error) {
      return failFrom(error);
    }
  }
  const page = (p: { resultList: Parameters<typeof userFullInfoOf>[0][]; nextCursor: string }): V2TimUserInfoResult => ({
    nextCursor: p.nextCursor,
    userFullInfoList: p.resultList.map(userFullInfoOf),
  });
  return {
    followUser: (ids) => call(async (c) => (await c.followUser(ids)).data),
    unfollowUser: (ids) => call(async (c) => (await c.unfollowUser(ids)).data),
    getMyFollowingList: (cursor) => call(async (c) => page((await c.getMyFollowingList(cursor ?? '')).data)),
    getMyFollowersList: (cursor) => call(async (c) => page((await c.getMyFollowersList(cursor ?? '')).data)),
    getMutualFollowersList: (cursor) => call(async (c) => page((await c.getMutualFollowersList(cursor ?? '')).data)),
    getUserFollowInfo: (ids) => call(async (c) => (await c.getUserFollowInfo(ids)).data.map((i) => ({ ...i, resultCode: 0, resultInfo: '' }))),
    checkFollowType: (ids) =>
      call(async (c) => (await c.checkFollowType(ids)).data.map((r) => ({ userID: r.userID, followType: NATIVE_FOLLOW_TYPE[r.followType] ?? 0, resultCode: 0, resultInfo: '' }))),
  };
}

/** Calls `listener`'s follow callbacks on the web instance's list events; returns a function that stops. */
export function bindV2TimFollowListener(chat: ChatInstance, listener: V2TimFollowListener): () => void {
  const bindings = [
    [EVENT.MY_FOLLOWERS_LIST_UPDATED, 'onMyFollowersListChanged'],
    [EVENT.MY_FOLLOWING_LIST_UPDATED, 'onMyFollowingListChanged'],
    [EVENT.MUTUAL_FOLLOWERS_LIST_UPDATED, 'onMutualFollowersListChanged'],
  ] as const;
  const handlers = bindings.map(([event, name]) => {
    const handler = ({ data }: { data: FollowListChange }): void => listener[name]?.(data.userInfoList.map(userFullInfoOf), data.isAdd);
    chat.on(event, handler);
    return () => chat.off(event, handler);
  });
  return () => handlers.forEach((stop) => stop());
}
