/**
 * The follow APIs of the web instance (Tencent's "follow-module"): `followUser`, `unfollowUser`,
 * `getMyFollowersList`, `getMyFollowingList`, `getMutualFollowersList`, `getUserFollowInfo` and
 * `checkFollowType`, answered from the server with Tencent's result shapes. Tencent's web methods take
 * the list or cursor itself (`followUser(['u1'])`, `getMyFollowersList(nextCursor)`); an options object
 * (`{ userIDList }`, `{ nextCursor }`) is accepted too. List pages hold profiles, read through a port.
 */
import { FollowCommands, isRecord, MAX_FOLLOW_CHECK_IDS, MAX_FOLLOW_IDS, MAX_FOLLOW_INFO_IDS, type FollowListType } from '@parley/protocol';
import type { FollowInfo, FollowOperationResult, FollowTypeCheckResult, Profile } from '../model/message-types.js';
import { invalidArgument, userIDList } from '../session/api-args.js';
import { ok, type ChatResponse } from '../session/chat-response.js';
import type { HubPorts } from '../session/messaging-hub.js';

/** A page of a follow list: profiles, and the cursor of the next page ('' after the last). */
export interface FollowListPage {
  resultList: Profile[];
  nextCursor: string;
}

/** What the follow operations work with. */
export interface FollowApiPorts {
  readonly hub: Pick<HubPorts, 'call'>;
  /** The profiles of users, in the order asked (the profiles feature's read). */
  readonly profilesOf: (userIDs: readonly string[]) => Promise<Profile[]>;
}

/** The user list of a follow method: the array itself, or `{ userIDList }`. */
function listArg(api: string, arg: unknown, max: number): string[] {
  return userIDList(api, 'userIDList', Array.isArray(arg) ? arg : isRecord(arg) ? arg['userIDList'] : arg, max);
}

/** The cursor of a list method: a string, `{ nextCursor }`, or nothing for the first page. */
function cursorArg(api: string, arg: unknown): string {
  const value = isRecord(arg) ? arg['nextCursor'] : arg;
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalidArgument(`${api}: nextCursor must be a string`);
  return value;
}

/** Follow operations of one instance. */
export class FollowApi {
  constructor(private readonly ports: FollowApiPorts) {}

  /** See `ChatInstance.followUser`. */
  async followUser(arg: unknown): Promise<ChatResponse<FollowOperationResult[]>> {
    const { resultList } = await this.ports.hub.call(FollowCommands.follow, { userIDList: listArg('followUser', arg, MAX_FOLLOW_IDS) });
    return ok(resultList.map((r) => ({ ...r })));
  }

  /** See `ChatInstance.unfollowUser`. */
  async unfollowUser(arg: unknown): Promise<ChatResponse<FollowOperationResult[]>> {
    const { resultList } = await this.ports.hub.call(FollowCommands.unfollow, { userIDList: listArg('unfollowUser', arg, MAX_FOLLOW_IDS) });
    return ok(resultList.map((r) => ({ ...r })));
  }

  /** A page of one of the user's lists, as profiles. */
  async list(api: string, listType: FollowListType, arg: unknown): Promise<ChatResponse<FollowListPage>> {
    const { userIDList: ids, nextCursor } = await this.ports.hub.call(FollowCommands.list, { listType, nextCursor: cursorArg(api, arg) });
    return ok({ resultList: await this.ports.profilesOf(ids), nextCursor });
  }

  /** See `ChatInstance.getUserFollowInfo`: without a list, the user's own counts. */
  async getUserFollowInfo(arg?: unknown): Promise<ChatResponse<FollowInfo[]>> {
    const given = Array.isArray(arg) ? arg : isRecord(arg) ? arg['userIDList'] : arg;
    const body = given === undefined ? {} : { userIDList: userIDList('getUserFollowInfo', 'userIDList', given, MAX_FOLLOW_INFO_IDS) };
    const { followInfoList } = await this.ports.hub.call(FollowCommands.info, body);
    return ok(followInfoList.map((i) => ({ ...i })));
  }

  /** See `ChatInstance.checkFollowType`. */
  async checkFollowType(arg: unknown): Promise<ChatResponse<FollowTypeCheckResult[]>> {
    const { resultList } = await this.ports.hub.call(FollowCommands.check, { userIDList: listArg('checkFollowType', arg, MAX_FOLLOW_CHECK_IDS) });
    return ok(resultList.map((r) => ({ ...r })));
  }
}
