/**
 * The calls of V2TIM's friendship manager in react-native-tim-js's names, argument order and result
 * shapes, over the web API: grouped (friends, applications, friend groups, blacklist) so that a
 * manager is composed of groups and further groups can join it. Every call resolves
 * `{code, desc, data?}` and never throws.
 */
import { FRIEND_CUSTOM_PREFIX, MAX_PROFILE_IDS, isRecord } from '@parley/protocol';
import type { Friend, FriendApplication } from '../model/relationship-objects.js';
import { invalidArgument } from '../session/api-args.js';
import type { ChatCore } from '../web/chat-core.js';
import { failFrom, notInitialized, ok } from './v2tim-results.js';
import { userFullInfoOf } from './v2tim-profiles.js';
import type { V2TimCallback, V2TimUserFullInfo, V2TimValueCallback } from './v2tim-types.js';
import {
  FriendApplicationTypeEnum,
  FriendRelationType,
  FriendResponseTypeEnum,
  FriendType,
  type V2TimFriendApplication,
  type V2TimFriendApplicationResult,
  type V2TimFriendCheckResult,
  type V2TimFriendGroup,
  type V2TimFriendInfo,
  type V2TimFriendInfoResult,
  type V2TimFriendOperationResult,
} from './v2tim-friendship-types.js';

/** The current core, or undefined before `initSDK`. */
export type CoreSource = () => ChatCore | undefined;

/** Runs `work` on the core, turning failures into V2TIM results. */
async function run<T>(core: CoreSource, work: (c: ChatCore) => Promise<T>): Promise<V2TimValueCallback<T>> {
  const c = core();
  if (!c) return notInitialized();
  try {
    return ok(await work(c));
  } catch (error) {
    return failFrom(error);
  }
}

/** Blocked users as `V2TimFriendInfo` with their profiles (read 100 at a time; a user without a profile has only `userID`). */
export async function blockedInfoOf(c: ChatCore, userIDs: readonly string[]): Promise<V2TimFriendInfo[]> {
  const byID = new Map<string, V2TimUserFullInfo>();
  for (let i = 0; i < userIDs.length; i += MAX_PROFILE_IDS) {
    for (const p of (await c.chat.getUserProfile({ userIDList: userIDs.slice(i, i + MAX_PROFILE_IDS) })).data) byID.set(p.userID, userFullInfoOf(p));
  }
  return userIDs.map((userID) => {
    const userProfile = byID.get(userID);
    return userProfile ? { userID, userProfile } : { userID };
  });
}

/** A web `Friend` as `V2TimFriendInfo`. */
export function friendInfoOf(friend: Friend): V2TimFriendInfo {
  return {
    userID: friend.userID,
    friendRemark: friend.remark,
    friendGroups: [...friend.groupList],
    friendCustomInfo: Object.fromEntries(friend.friendCustomField.map((f) => [f.key.startsWith(FRIEND_CUSTOM_PREFIX) ? f.key.slice(FRIEND_CUSTOM_PREFIX.length) : f.key, f.value])),
    userProfile: userFullInfoOf(friend.profile),
  };
}

/** A web `FriendApplication` as `V2TimFriendApplication`. */
export function applicationInfoOf(a: FriendApplication): V2TimFriendApplication {
  return {
    userID: a.userID,
    nickName: a.nick,
    faceUrl: a.avatar,
    addTime: a.time,
    addSource: a.source,
    addWording: a.wording,
    type: a.type === 'Pendency_Type_SendOut' ? FriendApplicationTypeEnum.V2TIM_FRIEND_APPLICATION_SEND_OUT : FriendApplicationTypeEnum.V2TIM_FRIEND_APPLICATION_COME_IN,
  };
}

const RELATION: Readonly<Record<string, number>> = {
  CheckResult_Type_NoRelation: FriendRelationType.V2TIM_FRIEND_RELATION_TYPE_NONE,
  CheckResult_Type_AWithB: FriendRelationType.V2TIM_FRIEND_RELATION_TYPE_IN_MY_FRIEND_LIST,
  CheckResult_Type_BWithA: FriendRelationType.V2TIM_FRIEND_RELATION_TYPE_IN_OTHER_FRIEND_LIST,
  CheckResult_Type_BothWay: FriendRelationType.V2TIM_FRIEND_RELATION_TYPE_BOTH_WAY,
};

function friendType(api: string, value: unknown, name: string): 'both' | 'single' {
  if (value === FriendType.V2TIM_FRIEND_TYPE_BOTH) return 'both';
  if (value === FriendType.V2TIM_FRIEND_TYPE_SINGLE) return 'single';
  throw invalidArgument(`${api}: ${name} must be FriendType.V2TIM_FRIEND_TYPE_SINGLE (1) or V2TIM_FRIEND_TYPE_BOTH (2)`);
}

function applicationType(api: string, value: unknown): 'Pendency_Type_ComeIn' | 'Pendency_Type_SendOut' {
  if (value === FriendApplicationTypeEnum.V2TIM_FRIEND_APPLICATION_COME_IN) return 'Pendency_Type_ComeIn';
  if (value === FriendApplicationTypeEnum.V2TIM_FRIEND_APPLICATION_SEND_OUT) return 'Pendency_Type_SendOut';
  throw invalidArgument(`${api}: type must be V2TIM_FRIEND_APPLICATION_COME_IN (1) or V2TIM_FRIEND_APPLICATION_SEND_OUT (2)`);
}

/** Per-user results as `V2TimFriendOperationResult[]`, in the order asked. */
function operationResults(asked: readonly string[], failures: readonly { userID: string; code: number; message: string }[]): V2TimFriendOperationResult[] {
  const failed = new Map(failures.map((f) => [f.userID, f]));
  return asked.map((userID) => {
    const f = failed.get(userID);
    return f ? { userID, resultCode: f.code, resultInfo: f.message } : { userID, resultCode: 0, resultInfo: '' };
  });
}

/** An add source as the web API takes it: react-native-tim-js apps pass a bare name, which gets Tencent's prefix. */
function addSourceOf(source: unknown): string {
  if (source === undefined || source === '') return 'AddSource_Type_Unknown';
  if (typeof source !== 'string') throw invalidArgument('addFriend: addSource must be a string');
  return source.startsWith('AddSource_Type_') ? source : `AddSource_Type_${source}`;
}

/** Friends: list, read, add, change, delete, check. */
export function friendCalls(core: CoreSource) {
  return {
    /** The user's friends. */
    getFriendList: (): Promise<V2TimValueCallback<V2TimFriendInfo[]>> => run(core, async (c) => (await c.chat.getFriendList()).data.map(friendInfoOf)),

    /** The relation and friend information of each user (friends first fetched, others with `userID` only). */
    getFriendsInfo: (userIDList: string[]): Promise<V2TimValueCallback<V2TimFriendInfoResult[]>> =>
      run(core, async (c) => {
        const [friends, relations] = [await c.chat.getFriendProfile({ userIDList }), await c.chat.checkFriend({ userIDList, type: 'CheckResult_Type_Both' })];
        const found = new Map(friends.data.friendList.map((f) => [f.userID, f]));
        const relation = new Map(relations.data.successUserIDList.map((r) => [r.userID, RELATION[r.relation] ?? 0]));
        return userIDList.map((userID): V2TimFriendInfoResult => {
          const friend = found.get(userID);
          return { resultCode: 0, resultInfo: '', relation: relation.get(userID) ?? 0, friendInfo: friend ? friendInfoOf(friend) : { userID } };
        });
      }),

    /** Changes a friend's remark and custom fields (`friendCustomInfo` keys without the `Tag_SNS_Custom_` prefix). */
    setFriendInfo: (userID: string, friendRemark?: string, friendCustomInfo?: Record<string, string>): Promise<V2TimCallback> =>
      run(core, async (c) => {
        if (friendCustomInfo !== undefined && !isRecord(friendCustomInfo)) throw invalidArgument('setFriendInfo: friendCustomInfo must be an object');
        const friendCustomField = friendCustomInfo === undefined ? undefined : Object.entries(friendCustomInfo).map(([key, value]) => ({ key: key.startsWith(FRIEND_CUSTOM_PREFIX) ? key : `${FRIEND_CUSTOM_PREFIX}${key}`, value }));
        await c.chat.updateFriend({ userID, ...(friendRemark !== undefined ? { remark: friendRemark } : {}), ...(friendCustomField !== undefined ? { friendCustomField } : {}) });
      }).then((r) => ({ code: r.code, desc: r.desc })),

    /** Adds a friend: `resultCode` 0, or 30539 when the other user has to confirm. */
    addFriend: (userID: string, addType: number, remark?: string, friendGroup?: string, addWording?: string, addSource?: string): Promise<V2TimValueCallback<V2TimFriendOperationResult>> =>
      run(core, async (c) => {
        const type = friendType('addFriend', addType, 'addType') === 'both' ? 'Add_Type_Both' : 'Add_Type_Single';
        const res = await c.chat.addFriend({ to: userID, type, source: addSourceOf(addSource), ...(remark ? { remark } : {}), ...(friendGroup ? { groupName: friendGroup } : {}), ...(addWording ? { wording: addWording } : {}) });
        return { userID, resultCode: res.data.code, resultInfo: res.data.message };
      }),

    /** Deletes friends one way or both ways. */
    deleteFromFriendList: (userIDList: string[], deleteType: number): Promise<V2TimValueCallback<V2TimFriendOperationResult[]>> =>
      run(core, async (c) => {
        const type = friendType('deleteFromFriendList', deleteType, 'deleteType') === 'both' ? 'Delete_Type_Both' : 'Delete_Type_Single';
        const res = await c.chat.deleteFriend({ userIDList, type });
        return operationResults(userIDList, res.data.failureUserIDList);
      }),

    /** The relation with each user (`V2TIM_FRIEND_TYPE_SINGLE` only looks at the user's own list). */
    checkFriend: (userIDList: string[], checkType: number): Promise<V2TimValueCallback<V2TimFriendCheckResult[]>> =>
      run(core, async (c) => {
        const type = friendType('checkFriend', checkType, 'checkType') === 'both' ? 'CheckResult_Type_Both' : 'CheckResult_Type_Single';
        const res = await c.chat.checkFriend({ userIDList, type });
        return res.data.successUserIDList.map((r) => ({ userID: r.userID, resultCode: 0, resultInfo: '', resultType: RELATION[r.relation] ?? 0 }));
      }),
  };
}

/** Friend applications. */
export function applicationCalls(core: CoreSource) {
  return {
    /** Applications sent to and by the user, and the unread count. */
    getFriendApplicationList: (): Promise<V2TimValueCallback<V2TimFriendApplicationResult>> =>
      run(core, async (c) => {
        const { data } = await c.chat.getFriendApplicationList();
        return { unReadCount: data.unreadCount, friendApplicationList: data.friendApplicationList.map(applicationInfoOf) };
      }),

    /** Accepts an application sent to the user. */
    acceptFriendApplication: (responseType: number, type: number, userID: string): Promise<V2TimValueCallback<V2TimFriendOperationResult>> =>
      run(core, async (c) => {
        if (applicationType('acceptFriendApplication', type) !== 'Pendency_Type_ComeIn') throw invalidArgument('acceptFriendApplication: only an application sent to the user (V2TIM_FRIEND_APPLICATION_COME_IN) can be accepted');
        const accept = responseType === FriendResponseTypeEnum.V2TIM_FRIEND_ACCEPT_AGREE ? 'Response_Action_Agree' : 'Response_Action_AgreeAndAdd';
        await c.chat.acceptFriendApplication({ userID, type: accept });
        return { userID, resultCode: 0, resultInfo: '' };
      }),

    /** Refuses an application sent to the user. */
    refuseFriendApplication: (type: number, userID: string): Promise<V2TimValueCallback<V2TimFriendOperationResult>> =>
      run(core, async (c) => {
        if (applicationType('refuseFriendApplication', type) !== 'Pendency_Type_ComeIn') throw invalidArgument('refuseFriendApplication: only an application sent to the user (V2TIM_FRIEND_APPLICATION_COME_IN) can be refused');
        await c.chat.refuseFriendApplication({ userID });
        return { userID, resultCode: 0, resultInfo: '' };
      }),

    /** Deletes an application sent to or by the user. */
    deleteFriendApplication: (type: number, userID: string): Promise<V2TimValueCallback<V2TimFriendOperationResult>> =>
      run(core, async (c) => {
        await c.chat.deleteFriendApplication({ userID, type: applicationType('deleteFriendApplication', type) });
        return { userID, resultCode: 0, resultInfo: '' };
      }),

    /** Marks the applications sent to the user read. */
    setFriendApplicationRead: (): Promise<V2TimCallback> => run(core, async (c) => void (await c.chat.setFriendApplicationRead())).then((r) => ({ code: r.code, desc: r.desc })),
  };
}

/** Friend groups. */
export function friendGroupCalls(core: CoreSource) {
  const groupOf = (g: { name: string; count: number; userIDList: string[] }): V2TimFriendGroup => ({ name: g.name, friendCount: g.count, friendIDList: [...g.userIDList] });
  return {
    /** Creates a group with some friends; one result per friend. */
    createFriendGroup: (groupName: string, userIDList?: string[]): Promise<V2TimValueCallback<V2TimFriendOperationResult[]>> =>
      run(core, async (c) => operationResults(userIDList ?? [], (await c.chat.createFriendGroup({ name: groupName, userIDList: userIDList ?? [] })).data.failureUserIDList)),

    /** The named groups, or all of them when `groupNameList` is empty or absent. */
    getFriendGroups: (groupNameList?: string[]): Promise<V2TimValueCallback<V2TimFriendGroup[]>> =>
      run(core, async (c) => {
        const groups = (await c.chat.getFriendGroupList()).data;
        const wanted = groupNameList === undefined || groupNameList.length === 0 ? groups : groups.filter((g) => groupNameList.includes(g.name));
        return wanted.map(groupOf);
      }),

    /** Deletes groups. */
    deleteFriendGroup: (groupNameList?: string[]): Promise<V2TimCallback> =>
      run(core, async (c) => {
        for (const name of groupNameList ?? []) await c.chat.deleteFriendGroup({ name });
      }).then((r) => ({ code: r.code, desc: r.desc })),

    /** Renames a group. */
    renameFriendGroup: (oldName: string, newName: string): Promise<V2TimCallback> =>
      run(core, async (c) => void (await c.chat.renameFriendGroup({ oldName, newName }))).then((r) => ({ code: r.code, desc: r.desc })),

    /** Puts friends in a group; one result per friend. */
    addFriendsToFriendGroup: (groupName: string, userIDList: string[]): Promise<V2TimValueCallback<V2TimFriendOperationResult[]>> =>
      run(core, async (c) => operationResults(userIDList, (await c.chat.addToFriendGroup({ name: groupName, userIDList })).data.failureUserIDList)),

    /** Takes friends out of a group; one result per friend. */
    deleteFriendsFromFriendGroup: (groupName: string, userIDList: string[]): Promise<V2TimValueCallback<V2TimFriendOperationResult[]>> =>
      run(core, async (c) => operationResults(userIDList, (await c.chat.removeFromFriendGroup({ name: groupName, userIDList })).data.failureUserIDList)),
  };
}

/** The blacklist. */
export function blacklistCalls(core: CoreSource) {
  return {
    /** Blocks users; one result per user. */
    addToBlackList: (userIDList: string[]): Promise<V2TimValueCallback<V2TimFriendOperationResult[]>> =>
      run(core, async (c) => {
        return operationResults(userIDList, (await c.relationships.changeBlacklist('addToBlacklist', { userIDList })).failureUserIDList);
      }),

    /** Unblocks users; one result per user. */
    deleteFromBlackList: (userIDList: string[]): Promise<V2TimValueCallback<V2TimFriendOperationResult[]>> =>
      run(core, async (c) => {
        return operationResults(userIDList, (await c.relationships.changeBlacklist('removeFromBlacklist', { userIDList })).failureUserIDList);
      }),

    /** The blocked users, with their profiles. */
    getBlackList: (): Promise<V2TimValueCallback<V2TimFriendInfo[]>> => run(core, async (c) => blockedInfoOf(c, (await c.chat.getBlacklist()).data)),
  };
}
