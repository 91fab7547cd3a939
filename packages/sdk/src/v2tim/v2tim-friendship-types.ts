/**
 * react-native-tim-js's relationship shapes and enums (`V2TimFriendInfo`, `V2TimFriendApplication`,
 * `V2TimFriendOperationResult`, `V2TimFriendCheckResult`, `V2TimFriendInfoResult`, `V2TimFriendGroup`,
 * `V2TimFriendshipListener`; `FriendType`, `FriendApplicationTypeEnum`, `FriendResponseTypeEnum`,
 * `FriendRelationType`), with the numbers of Tencent's V2TIM headers.
 */
import type { V2TimUserFullInfo } from './v2tim-types.js';
import type { V2TimFollowListener } from './v2tim-follows.js';

/** `FriendType`: one-way or both ways (adding, deleting, checking). */
export const FriendType = { V2TIM_FRIEND_TYPE_SINGLE: 1, V2TIM_FRIEND_TYPE_BOTH: 2 } as const;
/** `FriendApplicationTypeEnum`: sent to me, sent by me, both (listing only). */
export const FriendApplicationTypeEnum = { V2TIM_FRIEND_APPLICATION_COME_IN: 1, V2TIM_FRIEND_APPLICATION_SEND_OUT: 2, V2TIM_FRIEND_APPLICATION_BOTH: 3 } as const;
/** `FriendResponseTypeEnum`: accept one-way, or accept and add back. */
export const FriendResponseTypeEnum = { V2TIM_FRIEND_ACCEPT_AGREE: 0, V2TIM_FRIEND_ACCEPT_AGREE_AND_ADD: 1 } as const;
/** `FriendRelationType` (`resultType` of `checkFriend`, `relation` of `getFriendsInfo`). */
export const FriendRelationType = {
  V2TIM_FRIEND_RELATION_TYPE_NONE: 0,
  V2TIM_FRIEND_RELATION_TYPE_IN_MY_FRIEND_LIST: 1,
  V2TIM_FRIEND_RELATION_TYPE_IN_OTHER_FRIEND_LIST: 2,
  V2TIM_FRIEND_RELATION_TYPE_BOTH_WAY: 3,
} as const;

/** A friend (or a blocked user) in react-native-tim-js's shape. */
export interface V2TimFriendInfo {
  userID: string;
  friendRemark?: string;
  friendGroups?: string[];
  /** Custom fields keyed by name, without the `Tag_SNS_Custom_` prefix. */
  friendCustomInfo?: Record<string, string>;
  userProfile?: V2TimUserFullInfo;
}

/** A friend application. */
export interface V2TimFriendApplication {
  userID: string;
  nickName?: string;
  faceUrl?: string;
  /** Seconds. */
  addTime?: number;
  addSource?: string;
  addWording?: string;
  /** `FriendApplicationTypeEnum`: 1 sent to me, 2 sent by me. */
  type: number;
}

/** `getFriendApplicationList`'s data (react-native-tim-js spells `unReadCount`). */
export interface V2TimFriendApplicationResult {
  unReadCount?: number;
  friendApplicationList?: V2TimFriendApplication[];
}

/** One user's outcome. */
export interface V2TimFriendOperationResult {
  userID?: string;
  resultCode?: number;
  resultInfo?: string;
}

/** One user's relation. */
export interface V2TimFriendCheckResult {
  userID: string;
  resultCode?: number;
  resultInfo?: string;
  /** `FriendRelationType`. */
  resultType?: number;
}

/** One user's friend information. */
export interface V2TimFriendInfoResult {
  resultCode?: number;
  resultInfo?: string;
  /** `FriendRelationType`. */
  relation?: number;
  /** The friend (only `userID` when not a friend). */
  friendInfo?: V2TimFriendInfo;
}

/** A friend group. */
export interface V2TimFriendGroup {
  name?: string;
  friendCount?: number;
  friendIDList?: string[];
}

/** `V2TimFriendshipListener`: react-native-tim-js's callback names; each is optional here. */
export interface V2TimFriendshipListener extends V2TimFollowListener {
  onFriendApplicationListAdded?(applicationList: V2TimFriendApplication[]): void;
  onFriendApplicationListDeleted?(userIDList: string[]): void;
  onFriendApplicationListRead?(): void;
  onFriendListAdded?(users: V2TimFriendInfo[]): void;
  onFriendListDeleted?(userList: string[]): void;
  onBlackListAdd?(infoList: V2TimFriendInfo[]): void;
  onBlackListDeleted?(userList: string[]): void;
  onFriendInfoChanged?(infoList: V2TimFriendInfo[]): void;
}
