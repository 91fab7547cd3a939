/**
 * Wire shapes of the relationship chain (`sns.*`): friends, friend applications, friend groups and
 * the blacklist, in the fields of Tencent's web SDK `Friend`, `FriendApplication` and `FriendGroup`,
 * with Tencent's limits (https://trtc.io/document/34381 "Use Limits": 3000 friends, 32 friend groups,
 * group names up to 30 bytes, remarks up to 96 bytes, 1000 blacklisted users).
 */

/** Wire names of the relationship commands and pushes. */
export const RelationshipWireName = {
  FRIEND_LIST: 'sns.friend_list',
  FRIEND_ADD: 'sns.friend_add',
  FRIEND_DELETE: 'sns.friend_delete',
  FRIEND_CHECK: 'sns.friend_check',
  FRIEND_GET: 'sns.friend_get',
  FRIEND_UPDATE: 'sns.friend_update',
  APPLICATION_LIST: 'sns.application_list',
  APPLICATION_ACCEPT: 'sns.application_accept',
  APPLICATION_REFUSE: 'sns.application_refuse',
  APPLICATION_DELETE: 'sns.application_delete',
  APPLICATION_READ: 'sns.application_read',
  GROUP_LIST: 'sns.group_list',
  GROUP_CREATE: 'sns.group_create',
  GROUP_DELETE: 'sns.group_delete',
  GROUP_RENAME: 'sns.group_rename',
  GROUP_ADD_MEMBERS: 'sns.group_add_members',
  GROUP_REMOVE_MEMBERS: 'sns.group_remove_members',
  BLACKLIST_GET: 'sns.black_list_get',
  BLACKLIST_ADD: 'sns.black_list_add',
  BLACKLIST_DELETE: 'sns.black_list_delete',
  FRIENDS_UPDATED: 'sns.friends_updated',
  APPLICATIONS_UPDATED: 'sns.applications_updated',
  GROUPS_UPDATED: 'sns.groups_updated',
  BLACKLIST_UPDATED: 'sns.blacklist_updated',
} as const;

/** Most friends one user has (Tencent's limit). */
export const MAX_FRIENDS = 3000;
/** Most friend groups one user has. */
export const MAX_FRIEND_GROUPS = 32;
/** Longest friend group name, in UTF-8 bytes. */
export const MAX_FRIEND_GROUP_NAME_BYTES = 30;
/** Longest friend remark, in UTF-8 bytes. */
export const MAX_FRIEND_REMARK_BYTES = 96;
/** Longest friend request wording, in UTF-8 bytes. */
export const MAX_FRIEND_WORDING_BYTES = 256;
/** Most users in one blacklist. */
export const MAX_BLACKLIST = 1000;
/** Most pending applications one user receives. */
export const MAX_PENDING_APPLICATIONS = 100;
/** Most UserIDs per `deleteFriend`, `getFriendProfile` and friend group call. */
export const MAX_FRIEND_IDS = 100;
/** Most UserIDs per `checkFriend` and blacklist call. */
export const MAX_CHECK_IDS = 1000;
/** Prefix of an add source: `AddSource_Type_` then 1..8 letters. */
export const ADD_SOURCE_PREFIX = 'AddSource_Type_';
/** Prefix of a friend custom field key: `Tag_SNS_Custom_` then 1..8 letters, digits or `_`. */
export const FRIEND_CUSTOM_PREFIX = 'Tag_SNS_Custom_';
/** Longest friend custom field value, in UTF-8 bytes. */
export const MAX_FRIEND_CUSTOM_BYTES = 500;
/** Most custom fields on one friend. */
export const MAX_FRIEND_CUSTOM_FIELDS = 20;

/** `TYPES.SNS_ADD_TYPE_*`. */
export const ADD_TYPES = ['Add_Type_Both', 'Add_Type_Single'] as const;
/** `TYPES.SNS_DELETE_TYPE_*`. */
export const DELETE_TYPES = ['Delete_Type_Both', 'Delete_Type_Single'] as const;
/** `TYPES.SNS_CHECK_TYPE_*`. */
export const CHECK_TYPES = ['CheckResult_Type_Both', 'CheckResult_Type_Single'] as const;
/** `TYPES.SNS_TYPE_*`: the relation of the caller (A) and a user (B). */
export const RELATIONS = ['CheckResult_Type_NoRelation', 'CheckResult_Type_AWithB', 'CheckResult_Type_BWithA', 'CheckResult_Type_BothWay'] as const;
/** `TYPES.SNS_APPLICATION_SENT_TO_ME` / `SENT_BY_ME`. */
export const APPLICATION_TYPES = ['Pendency_Type_ComeIn', 'Pendency_Type_SendOut'] as const;
/** `TYPES.SNS_APPLICATION_AGREE` / `AGREE_AND_ADD`. */
export const ACCEPT_TYPES = ['Response_Action_Agree', 'Response_Action_AgreeAndAdd'] as const;

/** An add type. */
export type AddType = (typeof ADD_TYPES)[number];
/** A delete type. */
export type DeleteType = (typeof DELETE_TYPES)[number];
/** A check type. */
export type CheckType = (typeof CHECK_TYPES)[number];
/** A relation. */
export type Relation = (typeof RELATIONS)[number];
/** An application direction, seen from the caller. */
export type ApplicationType = (typeof APPLICATION_TYPES)[number];
/** An accept type. */
export type AcceptType = (typeof ACCEPT_TYPES)[number];

/** One friend custom field (`Tag_SNS_Custom_<name>`, a string value). */
export interface FriendCustomField {
  readonly key: string;
  readonly value: string;
}

/** A friend on the wire: Tencent's `Friend` without `profile` (the SDK reads profiles itself). */
export interface WireFriend {
  readonly userID: string;
  readonly remark: string;
  /** Names of the friend groups the friend is in. */
  readonly groupList: readonly string[];
  /** The add source, `AddSource_Type_<name>`. */
  readonly source: string;
  readonly wording: string;
  /** When the friendship was made, seconds since the epoch. */
  readonly addTime: number;
  readonly friendCustomField: readonly FriendCustomField[];
}

/** A friend application on the wire: Tencent's `FriendApplication`. */
export interface WireFriendApplication {
  /** The other user. */
  readonly userID: string;
  readonly nick: string;
  readonly avatar: string;
  /** Seconds since the epoch. */
  readonly time: number;
  readonly source: string;
  readonly wording: string;
  /** `Pendency_Type_ComeIn` (sent to the caller) or `Pendency_Type_SendOut` (sent by the caller). */
  readonly type: ApplicationType;
}

/** A friend group on the wire (Tencent's `FriendGroup` without the derived `count`). */
export interface WireFriendGroup {
  readonly name: string;
  readonly userIDList: readonly string[];
}

/** One user an operation failed for. */
export interface FailedUser {
  readonly userID: string;
  readonly code: number;
  readonly message: string;
}

/** Request of `sns.friend_add`. */
export interface AddFriendRequest {
  readonly to: string;
  readonly source: string;
  readonly wording: string;
  readonly type: AddType;
  readonly remark: string;
  /** '' for none. */
  readonly groupName: string;
}

/** Answer of `sns.friend_add`: code 0 (friends now) or 30539 (waiting for confirmation). */
export interface AddFriendAnswer {
  readonly userID: string;
  readonly code: number;
  readonly message: string;
}

/** Request of `sns.friend_delete`. */
export interface DeleteFriendRequest {
  readonly userIDList: readonly string[];
  readonly type: DeleteType;
}

/** Request of `sns.friend_check`. */
export interface CheckFriendRequest {
  readonly userIDList: readonly string[];
  readonly type: CheckType;
}

/** A request naming users. */
export interface UserListRequest {
  readonly userIDList: readonly string[];
}

/** Request of `sns.friend_update`. */
export interface UpdateFriendRequest {
  readonly userID: string;
  readonly remark?: string;
  readonly friendCustomField?: readonly FriendCustomField[];
}

/** Request of `sns.application_accept`. */
export interface AcceptApplicationRequest {
  readonly userID: string;
  readonly remark: string;
  readonly type: AcceptType;
}

/** Request naming one user (`sns.application_refuse`). */
export interface UserRequest {
  readonly userID: string;
}

/** Request of `sns.application_delete`. */
export interface DeleteApplicationRequest {
  readonly userID: string;
  readonly type: ApplicationType;
}

/** Request of `sns.group_create`, `group_add_members`, `group_remove_members`. */
export interface FriendGroupMembersRequest {
  readonly name: string;
  readonly userIDList: readonly string[];
}

/** Request of `sns.group_delete`. */
export interface FriendGroupRequest {
  readonly name: string;
}

/** Request of `sns.group_rename`. */
export interface RenameFriendGroupRequest {
  readonly oldName: string;
  readonly newName: string;
}

/** Answer of the per-user operations (delete friends, blacklist add and delete). */
export interface UserResultsAnswer {
  readonly successUserIDList: readonly string[];
  readonly failureUserIDList: readonly FailedUser[];
}

/** Answer of `sns.friend_check`. */
export interface CheckFriendAnswer {
  readonly successUserIDList: readonly { readonly userID: string; readonly relation: Relation }[];
  readonly failureUserIDList: readonly FailedUser[];
}

/** Answer of `sns.friend_list` and body of `sns.friends_updated`. */
export interface FriendListAnswer {
  readonly friendList: readonly WireFriend[];
}

/** Answer of `sns.friend_get`. */
export interface FriendGetAnswer {
  readonly friendList: readonly WireFriend[];
  readonly failureUserIDList: readonly FailedUser[];
}

/** Answer of `sns.friend_update`. */
export interface FriendAnswer {
  readonly friend: WireFriend;
}

/** Answer of `sns.application_list` and body of `sns.applications_updated`. */
export interface ApplicationListAnswer {
  readonly friendApplicationList: readonly WireFriendApplication[];
  /** Applications sent to the user after the user last called `application_read`. */
  readonly unreadCount: number;
}

/** Answer of `sns.group_list` and body of `sns.groups_updated`. */
export interface FriendGroupListAnswer {
  readonly friendGroupList: readonly WireFriendGroup[];
}

/** Answer of `sns.group_delete` and `sns.group_rename`. */
export interface FriendGroupAnswer {
  readonly friendGroup: WireFriendGroup;
}

/** Answer of `sns.group_create`, `group_add_members`, `group_remove_members`. */
export interface FriendGroupResultAnswer {
  readonly friendGroup: WireFriendGroup;
  readonly failureUserIDList: readonly FailedUser[];
}

/** Answer of `sns.black_list_get` and body of `sns.blacklist_updated`. */
export interface BlacklistAnswer {
  readonly userIDList: readonly string[];
}
