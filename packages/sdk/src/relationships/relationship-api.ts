/**
 * The relationship APIs of the web instance, in Tencent's names, parameters and result shapes
 * (`{ code: 0, data }`): friends, friend applications, friend groups and the blacklist. The server
 * checks the values (Tencent's 30xxx codes); the SDK checks the arguments' shape (6017) and, as
 * Tencent's web SDK does, refuses adding oneself to the blacklist with 2742.
 */
import {
  ACCEPT_TYPES,
  ADD_TYPES,
  APPLICATION_TYPES,
  CHECK_TYPES,
  DELETE_TYPES,
  MAX_CHECK_IDS,
  MAX_FRIEND_IDS,
  ParleyError,
  RelationshipCommands as C,
  type AddFriendAnswer,
  type ApplicationListAnswer,
  type CheckFriendAnswer,
  type UserResultsAnswer,
  type WireFriend,
} from '@parley/protocol';
import type { Profile } from '../model/message-types.js';
import { invalidArgument, nonEmpty, optionalString, record, userIDList } from '../session/api-args.js';
import { ok, type ChatResponse } from '../session/chat-response.js';
import type { HubPorts } from '../session/messaging-hub.js';
import { applicationOf, friendGroupOf, friendOf, type Friend, type FriendApplication, type FriendGroup } from '../model/relationship-objects.js';

/** What the relationship operations work with. */
export interface RelationshipApiPorts {
  readonly hub: Pick<HubPorts, 'call' | 'viewer'>;
  /** The profiles of some users (those that exist). */
  profilesOf(userIDs: readonly string[]): Promise<Profile[]>;
}

/** Result of `deleteFriend`, `addToFriendGroup`-style per-user operations. */
export interface UserResults {
  successUserIDList: { userID: string }[];
  failureUserIDList: { userID: string; code: number; message: string }[];
}

/** Result of `getFriendApplicationList` and data of `FRIEND_APPLICATION_LIST_UPDATED`. */
export interface FriendApplicationListResult {
  friendApplicationList: FriendApplication[];
  unreadCount: number;
}

function oneOf<T extends string>(api: string, name: string, value: unknown, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw invalidArgument(`${api}: ${name} must be one of ${allowed.join(', ')}`);
  return found;
}

const results = (answer: UserResultsAnswer): UserResults => ({
  successUserIDList: answer.successUserIDList.map((userID) => ({ userID })),
  failureUserIDList: answer.failureUserIDList.map((f) => ({ ...f })),
});

/** The wire application list as Tencent's result. */
export function applicationListOf(answer: ApplicationListAnswer): FriendApplicationListResult {
  return { friendApplicationList: answer.friendApplicationList.map(applicationOf), unreadCount: answer.unreadCount };
}

/** Relationship operations of one instance. */
export class RelationshipApi {
  constructor(private readonly ports: RelationshipApiPorts) {}

  /** Wire friends with their profiles. */
  async friendsOf(wires: readonly WireFriend[]): Promise<Friend[]> {
    const profiles = new Map((await this.ports.profilesOf(wires.map((w) => w.userID))).map((p) => [p.userID, p]));
    return wires.map((w) => friendOf(w, profiles.get(w.userID)));
  }

  /** See `ChatInstance.getFriendList`. */
  async getFriendList(): Promise<ChatResponse<Friend[]>> {
    const { friendList } = await this.ports.hub.call(C.friendList, {});
    return ok(await this.friendsOf(friendList));
  }

  /** See `ChatInstance.addFriend`: `data.code` is 0 (friends now) or 30539 (waiting for confirmation). */
  async addFriend(options: unknown): Promise<ChatResponse<AddFriendAnswer>> {
    const o = record('addFriend', options);
    const body = {
      to: nonEmpty('addFriend', 'to', o['to']),
      source: nonEmpty('addFriend', 'source', o['source']),
      wording: optionalString('addFriend', 'wording', o['wording']),
      type: oneOf('addFriend', 'type', o['type'], ADD_TYPES, 'Add_Type_Both'),
      remark: optionalString('addFriend', 'remark', o['remark']),
      groupName: optionalString('addFriend', 'groupName', o['groupName']),
    };
    return ok({ ...(await this.ports.hub.call(C.addFriend, body)) });
  }

  /** See `ChatInstance.deleteFriend`. */
  async deleteFriend(options: unknown): Promise<ChatResponse<UserResults>> {
    const o = record('deleteFriend', options);
    const body = { userIDList: userIDList('deleteFriend', 'userIDList', o['userIDList'], MAX_FRIEND_IDS), type: oneOf('deleteFriend', 'type', o['type'], DELETE_TYPES, 'Delete_Type_Both') };
    return ok(results(await this.ports.hub.call(C.deleteFriend, body)));
  }

  /** See `ChatInstance.checkFriend`. */
  async checkFriend(options: unknown): Promise<ChatResponse<{ successUserIDList: { userID: string; code: number; relation: string }[]; failureUserIDList: CheckFriendAnswer['failureUserIDList'][number][] }>> {
    const o = record('checkFriend', options);
    const body = { userIDList: userIDList('checkFriend', 'userIDList', o['userIDList'], MAX_CHECK_IDS), type: oneOf('checkFriend', 'type', o['type'], CHECK_TYPES, 'CheckResult_Type_Both') };
    const answer = await this.ports.hub.call(C.checkFriend, body);
    return ok({ successUserIDList: answer.successUserIDList.map((s) => ({ userID: s.userID, code: 0, relation: s.relation })), failureUserIDList: answer.failureUserIDList.map((f) => ({ ...f })) });
  }

  /** See `ChatInstance.getFriendProfile`. */
  async getFriendProfile(options: unknown): Promise<ChatResponse<{ friendList: Friend[]; failureUserIDList: { userID: string; code: number; message: string }[] }>> {
    const ids = userIDList('getFriendProfile', 'userIDList', record('getFriendProfile', options)['userIDList'], MAX_FRIEND_IDS);
    const answer = await this.ports.hub.call(C.getFriend, { userIDList: ids });
    return ok({ friendList: await this.friendsOf(answer.friendList), failureUserIDList: answer.failureUserIDList.map((f) => ({ ...f })) });
  }

  /** See `ChatInstance.updateFriend`: answers the updated `Friend`. */
  async updateFriend(options: unknown): Promise<ChatResponse<Friend>> {
    const o = record('updateFriend', options);
    const body: Record<string, unknown> = { userID: nonEmpty('updateFriend', 'userID', o['userID']) };
    if (o['remark'] !== undefined) body['remark'] = o['remark'];
    if (o['friendCustomField'] !== undefined) body['friendCustomField'] = o['friendCustomField'];
    const { friend } = await this.ports.hub.call(C.updateFriend, body);
    const [full] = await this.friendsOf([friend]);
    return ok(full ?? friendOf(friend, undefined));
  }

  /** See `ChatInstance.getFriendApplicationList`. */
  async getFriendApplicationList(): Promise<ChatResponse<FriendApplicationListResult>> {
    return ok(applicationListOf(await this.ports.hub.call(C.applicationList, {})));
  }

  /** See `ChatInstance.acceptFriendApplication`. */
  async acceptFriendApplication(options: unknown): Promise<ChatResponse<Record<string, never>>> {
    const o = record('acceptFriendApplication', options);
    const body = {
      userID: nonEmpty('acceptFriendApplication', 'userID', o['userID']),
      remark: optionalString('acceptFriendApplication', 'remark', o['remark']),
      type: oneOf('acceptFriendApplication', 'type', o['type'], ACCEPT_TYPES, 'Response_Action_AgreeAndAdd'),
    };
    await this.ports.hub.call(C.acceptApplication, body);
    return ok({});
  }

  /** See `ChatInstance.refuseFriendApplication`. */
  async refuseFriendApplication(options: unknown): Promise<ChatResponse<Record<string, never>>> {
    await this.ports.hub.call(C.refuseApplication, { userID: nonEmpty('refuseFriendApplication', 'userID', record('refuseFriendApplication', options)['userID']) });
    return ok({});
  }

  /** See `ChatInstance.deleteFriendApplication`. */
  async deleteFriendApplication(options: unknown): Promise<ChatResponse<Record<string, never>>> {
    const o = record('deleteFriendApplication', options);
    await this.ports.hub.call(C.deleteApplication, { userID: nonEmpty('deleteFriendApplication', 'userID', o['userID']), type: oneOf('deleteFriendApplication', 'type', o['type'], APPLICATION_TYPES) });
    return ok({});
  }

  /** See `ChatInstance.setFriendApplicationRead`. */
  async setFriendApplicationRead(): Promise<ChatResponse<Record<string, never>>> {
    await this.ports.hub.call(C.readApplications, {});
    return ok({});
  }

  /** See `ChatInstance.getFriendGroupList`. */
  async getFriendGroupList(): Promise<ChatResponse<FriendGroup[]>> {
    const { friendGroupList } = await this.ports.hub.call(C.groupList, {});
    return ok(friendGroupList.map(friendGroupOf));
  }

  /** See `ChatInstance.createFriendGroup`. */
  async createFriendGroup(options: unknown): Promise<ChatResponse<{ friendGroup: FriendGroup; failureUserIDList: UserResults['failureUserIDList'] }>> {
    const o = record('createFriendGroup', options);
    const ids = o['userIDList'] === undefined || (Array.isArray(o['userIDList']) && o['userIDList'].length === 0) ? [] : userIDList('createFriendGroup', 'userIDList', o['userIDList'], MAX_FRIEND_IDS);
    const answer = await this.ports.hub.call(C.createGroup, { name: nonEmpty('createFriendGroup', 'name', o['name']), userIDList: ids });
    return ok({ friendGroup: friendGroupOf(answer.friendGroup), failureUserIDList: answer.failureUserIDList.map((f) => ({ ...f })) });
  }

  /** See `ChatInstance.deleteFriendGroup`: answers the deleted group. */
  async deleteFriendGroup(options: unknown): Promise<ChatResponse<FriendGroup>> {
    const { friendGroup } = await this.ports.hub.call(C.deleteGroup, { name: nonEmpty('deleteFriendGroup', 'name', record('deleteFriendGroup', options)['name']) });
    return ok(friendGroupOf(friendGroup));
  }

  /** See `ChatInstance.renameFriendGroup`: answers the renamed group. */
  async renameFriendGroup(options: unknown): Promise<ChatResponse<FriendGroup>> {
    const o = record('renameFriendGroup', options);
    const { friendGroup } = await this.ports.hub.call(C.renameGroup, { oldName: nonEmpty('renameFriendGroup', 'oldName', o['oldName']), newName: nonEmpty('renameFriendGroup', 'newName', o['newName']) });
    return ok(friendGroupOf(friendGroup));
  }

  /** See `ChatInstance.addToFriendGroup` and `removeFromFriendGroup`. */
  async changeFriendGroup(api: 'addToFriendGroup' | 'removeFromFriendGroup', options: unknown): Promise<ChatResponse<{ friendGroup: FriendGroup; failureUserIDList: UserResults['failureUserIDList'] }>> {
    const o = record(api, options);
    const body = { name: nonEmpty(api, 'name', o['name']), userIDList: userIDList(api, 'userIDList', o['userIDList'], MAX_FRIEND_IDS) };
    const answer = await this.ports.hub.call(api === 'addToFriendGroup' ? C.addGroupMembers : C.removeGroupMembers, body);
    return ok({ friendGroup: friendGroupOf(answer.friendGroup), failureUserIDList: answer.failureUserIDList.map((f) => ({ ...f })) });
  }

  /** See `ChatInstance.getBlacklist`: `data` is the array of blocked UserIDs. */
  async getBlacklist(): Promise<ChatResponse<string[]>> {
    const { userIDList: ids } = await this.ports.hub.call(C.blacklist, {});
    return ok([...ids]);
  }

  /** Blocks or unblocks users, with the outcome per user (what `addToBlacklist` and V2TIM's `addToBlackList` report). */
  async changeBlacklist(api: 'addToBlacklist' | 'removeFromBlacklist', options: unknown): Promise<UserResults> {
    const ids = userIDList(api, 'userIDList', record(api, options)['userIDList'], MAX_CHECK_IDS);
    if (api === 'addToBlacklist' && ids.includes(this.ports.hub.viewer)) throw ParleyError.of('CANNOT_ADD_SELF_TO_BLACKLIST', `addToBlacklist: ${this.ports.hub.viewer} is the logged-in user`);
    return results(await this.ports.hub.call(api === 'addToBlacklist' ? C.addToBlacklist : C.removeFromBlacklist, { userIDList: ids }));
  }

  /** See `ChatInstance.addToBlacklist`: `data` is the UserIDs added. */
  async addToBlacklist(options: unknown): Promise<ChatResponse<string[]>> {
    return ok((await this.changeBlacklist('addToBlacklist', options)).successUserIDList.map((s) => s.userID));
  }

  /** See `ChatInstance.removeFromBlacklist`: `data` is the UserIDs removed. */
  async removeFromBlacklist(options: unknown): Promise<ChatResponse<string[]>> {
    return ok((await this.changeBlacklist('removeFromBlacklist', options)).successUserIDList.map((s) => s.userID));
  }
}
