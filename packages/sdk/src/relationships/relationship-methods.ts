/**
 * The relationship methods of a `TencentCloudChat` instance as a public-method table (Tencent's
 * names and parameters; https://web.sdk.qcloud.com/im/doc/v3/zh-cn/SDK.html); each asks the server,
 * so each runs only once ready.
 */
import type { AddFriendAnswer } from '@parley/protocol';
import type { ChatResponse } from '../session/chat-response.js';
import { gated, type MethodTable } from '../session/method-table.js';
import type { FriendApplicationListResult, RelationshipApi, UserResults } from './relationship-api.js';
import type { Friend, FriendGroup } from '../model/relationship-objects.js';

type GroupResult = ChatResponse<{ friendGroup: FriendGroup; failureUserIDList: UserResults['failureUserIDList'] }>;

/** The relationship methods of an instance. */
export const RELATIONSHIP_METHODS = {
  /** The user's friends. */
  getFriendList: gated((api: RelationshipApi) => (): Promise<ChatResponse<Friend[]>> => api.getFriendList()),
  /** Adds a friend: `data.code` 0 when friends now, 30539 when the other user has to confirm. */
  addFriend: gated(
    (api: RelationshipApi) =>
      (options: { to: string; source: string; wording?: string; type?: string; remark?: string; groupName?: string }): Promise<ChatResponse<AddFriendAnswer>> =>
        api.addFriend(options),
  ),
  /** Deletes 1..100 friends, both ways by default. */
  deleteFriend: gated((api: RelationshipApi) => (options: { userIDList: string[]; type?: string }): Promise<ChatResponse<UserResults>> => api.deleteFriend(options)),
  /** The relation with each of 1..1000 users. */
  checkFriend: gated((api: RelationshipApi) => (options: { userIDList: string[]; type?: string }) => api.checkFriend(options)),
  /** Some friends with their profiles. */
  getFriendProfile: gated((api: RelationshipApi) => (options: { userIDList: string[] }) => api.getFriendProfile(options)),
  /** Changes a friend's remark or custom fields. */
  updateFriend: gated((api: RelationshipApi) => (options: { userID: string; remark?: string; friendCustomField?: { key: string; value: string }[] }): Promise<ChatResponse<Friend>> => api.updateFriend(options)),
  /** Applications sent to and by the user, and the unread count. */
  getFriendApplicationList: gated((api: RelationshipApi) => (): Promise<ChatResponse<FriendApplicationListResult>> => api.getFriendApplicationList()),
  /** Accepts an application (`TYPES.SNS_APPLICATION_AGREE_AND_ADD` by default). */
  acceptFriendApplication: gated((api: RelationshipApi) => (options: { userID: string; remark?: string; type?: string }) => api.acceptFriendApplication(options)),
  /** Refuses an application. */
  refuseFriendApplication: gated((api: RelationshipApi) => (options: { userID: string }) => api.refuseFriendApplication(options)),
  /** Deletes an application sent to (`SNS_APPLICATION_SENT_TO_ME`) or by the user. */
  deleteFriendApplication: gated((api: RelationshipApi) => (options: { userID: string; type: string }) => api.deleteFriendApplication(options)),
  /** Marks the applications sent to the user read. */
  setFriendApplicationRead: gated((api: RelationshipApi) => () => api.setFriendApplicationRead()),
  /** The user's friend groups. */
  getFriendGroupList: gated((api: RelationshipApi) => (): Promise<ChatResponse<FriendGroup[]>> => api.getFriendGroupList()),
  /** Creates a friend group, optionally with friends in it. */
  createFriendGroup: gated((api: RelationshipApi) => (options: { name: string; userIDList?: string[] }): Promise<GroupResult> => api.createFriendGroup(options)),
  /** Deletes a friend group. */
  deleteFriendGroup: gated((api: RelationshipApi) => (options: { name: string }): Promise<ChatResponse<FriendGroup>> => api.deleteFriendGroup(options)),
  /** Renames a friend group. */
  renameFriendGroup: gated((api: RelationshipApi) => (options: { oldName: string; newName: string }): Promise<ChatResponse<FriendGroup>> => api.renameFriendGroup(options)),
  /** Puts friends in a friend group. */
  addToFriendGroup: gated((api: RelationshipApi) => (options: { name: string; userIDList: string[] }): Promise<GroupResult> => api.changeFriendGroup('addToFriendGroup', options)),
  /** Takes friends out of a friend group. */
  removeFromFriendGroup: gated((api: RelationshipApi) => (options: { name: string; userIDList: string[] }): Promise<GroupResult> => api.changeFriendGroup('removeFromFriendGroup', options)),
  /** The blocked UserIDs. */
  getBlacklist: gated((api: RelationshipApi) => (): Promise<ChatResponse<string[]>> => api.getBlacklist()),
  /** Blocks 1..1000 users (ending friendships with them); `data` is the UserIDs added. */
  addToBlacklist: gated((api: RelationshipApi) => (options: { userIDList: string[] }): Promise<ChatResponse<string[]>> => api.addToBlacklist(options)),
  /** Unblocks users; `data` is the UserIDs removed. */
  removeFromBlacklist: gated((api: RelationshipApi) => (options: { userIDList: string[] }): Promise<ChatResponse<string[]>> => api.removeFromBlacklist(options)),
} satisfies MethodTable<RelationshipApi>;
