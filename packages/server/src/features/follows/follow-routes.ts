/**
 * Tencent's REST follow endpoints (`follow/*`, 200 calls/s each in Tencent's docs): `follow_add`
 * `{From_Account, FollowItem: [{To_Account}]}` and `follow_delete` `{From_Account, To_Account: []}`
 * (at most 20) → `ResultItem: [{To_Account, ResultCode, ResultInfo}]`; `follow_check`
 * `{From_Account, To_Account: []}` (at most 100) → `ResultItem: [{..., FollowType}]`; `follow_get`
 * `{From_Account, FollowType: 1 followers | 2 following | 3 mutual, StartCursor, WantNum ≤ 1000}` →
 * `FollowItem: [{To_Account, FollowTime}]` and `NextCursor`; `follow_get_info` `{From_Account,
 * To_Account: []}` (at most 20) → `FollowInfo: [{To_Account, ResultCode, ResultInfo, FollowerCount,
 * FollowingCount, MutualFollowingCount}]`. A malformed body answers 30001, an unknown `From_Account`
 * 30003.
 */
import { errorMessage, ERRORS, isRecord, isValidUserID, MAX_FOLLOW_CHECK_IDS, MAX_FOLLOW_IDS, MAX_FOLLOW_INFO_IDS, ParleyError, type FollowListType, type FollowResult } from '@parley/protocol';
import { defineRoute, type AnyRestRoute, type RestCaller } from '../../rest/rest-route.js';
import type { FollowService } from './follow-service.js';

/** Most entries one `follow_get` page returns (Tencent: `WantNum` up to 1000, 100 by default). */
const MAX_WANT_NUM = 1000;
const DEFAULT_WANT_NUM = 100;
const LIST_OF_TYPE: Readonly<Record<number, FollowListType>> = { 1: 'followers', 2: 'following', 3: 'mutual' };

const bad = (reason: string): never => {
  throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', reason);
};

function bodyOf(body: unknown): Record<string, unknown> {
  return isRecord(body) ? body : bad('the body must be a JSON object');
}

function fromAccount(b: Record<string, unknown>): string {
  const id = b['From_Account'];
  return isValidUserID(id) ? id : bad('From_Account must be a valid UserID');
}

function accounts(value: unknown, field: string, max: number): string[] {
  if (!Array.isArray(value) || value.length === 0) return bad(`${field} must be a non-empty array of UserIDs`);
  if (value.length > max) return bad(`${field} holds ${value.length} accounts; at most ${max} are allowed`);
  value.forEach((id, i) => {
    if (!isValidUserID(id)) bad(`${field}[${i}] is not a valid UserID`);
  });
  return [...new Set(value as string[])];
}

interface Targets {
  readonly from: string;
  readonly to: readonly string[];
}

const resultItem = (r: FollowResult) => ({ To_Account: r.userID, ResultCode: r.resultCode, ResultInfo: r.resultInfo });

/** Routes of the follow service. */
export function followRoutes(follows: FollowService): AnyRestRoute[] {
  /** The acting user, once its account is known to exist (30003 otherwise). */
  const actor = async ({ app }: RestCaller, userID: string) => {
    const sdkAppID = app.app.sdkAppID;
    const [info] = await follows.info({ sdkAppID, userID }, [userID]);
    if (info === undefined) throw ParleyError.of('ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND', `From_Account ${userID} does not exist`);
    return { sdkAppID, userID };
  };
  const toList = (max: number) => (body: unknown): Targets => {
    const b = bodyOf(body);
    return { from: fromAccount(b), to: accounts(b['To_Account'], 'To_Account', max) };
  };
  return [
    defineRoute({
      path: 'follow/follow_add',
      parse: (body: unknown): Targets => {
        const b = bodyOf(body);
        const items = b['FollowItem'];
        if (!Array.isArray(items)) return bad('FollowItem must be an array of {To_Account}');
        return { from: fromAccount(b), to: accounts(items.map((item: unknown) => (isRecord(item) ? item['To_Account'] : undefined)), 'FollowItem[].To_Account', MAX_FOLLOW_IDS) };
      },
      handle: async (caller, { from, to }) => ({ ResultItem: (await follows.follow(await actor(caller, from), to)).map(resultItem) }),
    }),
    defineRoute({
      path: 'follow/follow_delete',
      parse: toList(MAX_FOLLOW_IDS),
      handle: async (caller, { from, to }) => ({ ResultItem: (await follows.unfollow(await actor(caller, from), to)).map(resultItem) }),
    }),
    defineRoute({
      path: 'follow/follow_check',
      parse: toList(MAX_FOLLOW_CHECK_IDS),
      handle: async (caller, { from, to }) => ({
        ResultItem: (await follows.check(await actor(caller, from), to)).map((r) => ({ To_Account: r.userID, ResultCode: 0, ResultInfo: '', FollowType: r.followType })),
      }),
    }),
    defineRoute({
      path: 'follow/follow_get',
      parse: (body: unknown) => {
        const b = bodyOf(body);
        const type = b['FollowType'];
        const listType = typeof type === 'number' ? LIST_OF_TYPE[type] : undefined;
        if (listType === undefined) return bad('FollowType must be 1 (followers), 2 (following) or 3 (mutual)');
        const cursor = b['StartCursor'] ?? '';
        if (typeof cursor !== 'string' || (cursor !== '' && !/^\d+$/.test(cursor))) return bad('StartCursor must be "" or a NextCursor this server returned');
        const want = b['WantNum'] ?? DEFAULT_WANT_NUM;
        if (typeof want !== 'number' || !Number.isInteger(want) || want < 1 || want > MAX_WANT_NUM) return bad(`WantNum must be an integer 1..${MAX_WANT_NUM}`);
        return { from: fromAccount(b), listType, cursor, want };
      },
      handle: async (caller, { from, listType, cursor, want }) => {
        const page = await follows.list(await actor(caller, from), listType, cursor, want);
        return {
          FollowItem: page.userIDList.map((id, i) => ({ To_Account: id, FollowTime: Math.floor((page.followTimes[i] ?? 0) / 1000) })),
          NextCursor: page.nextCursor,
        };
      },
    }),
    defineRoute({
      path: 'follow/follow_get_info',
      parse: toList(MAX_FOLLOW_INFO_IDS),
      handle: async (caller, { from, to }) => {
        const found = new Map((await follows.info(await actor(caller, from), to)).map((i) => [i.userID, i]));
        return {
          FollowInfo: to.map((id) => {
            const info = found.get(id);
            return info === undefined
              ? { To_Account: id, ResultCode: ERRORS.ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND.code, ResultInfo: errorMessage('ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND', id), FollowerCount: 0, FollowingCount: 0, MutualFollowingCount: 0 }
              : { To_Account: id, ResultCode: 0, ResultInfo: '', FollowerCount: info.followersCount, FollowingCount: info.followingCount, MutualFollowingCount: info.mutualFollowersCount };
          }),
        };
      },
    }),
  ];
}
