/**
 * `TencentCloudChat.TYPES`: the constants apps pass to and compare against SDK values.
 * Every name and value is Tencent's runtime value (web SDK 3.x), including runtime-only aliases.
 * Where Tencent's `.d.ts` disagrees with its runtime (conversation marks), the runtime wins,
 * because that is what apps observe.
 */
import { KickedOutType, NetState } from './constants.js';

/** Tencent's `TYPES` table. Grouped as in Tencent's documentation. */
export const TYPES = {
  // ---- Message element types ----
  /** Text message. */
  MSG_TEXT: 'TIMTextElem',
  /** Image message. */
  MSG_IMAGE: 'TIMImageElem',
  /** Audio (voice) message. */
  MSG_AUDIO: 'TIMSoundElem',
  /** Runtime alias of {@link TYPES.MSG_AUDIO}. */
  MSG_SOUND: 'TIMSoundElem',
  /** File message. */
  MSG_FILE: 'TIMFileElem',
  /** Emoji (face) message. */
  MSG_FACE: 'TIMFaceElem',
  /** Video message. */
  MSG_VIDEO: 'TIMVideoFileElem',
  /** Location message. */
  MSG_LOCATION: 'TIMLocationElem',
  /** Runtime alias of {@link TYPES.MSG_LOCATION}. */
  MSG_GEO: 'TIMLocationElem',
  /** Group tip (member joined, profile changed, ...). */
  MSG_GRP_TIP: 'TIMGroupTipElem',
  /** Group system notice. */
  MSG_GRP_SYS_NOTICE: 'TIMGroupSystemNoticeElem',
  /** Custom message. */
  MSG_CUSTOM: 'TIMCustomElem',
  /** Merged (forwarded chat history) message. */
  MSG_MERGER: 'TIMRelayElem',

  // ---- Group message priority ----
  MSG_PRIORITY_HIGH: 'High',
  MSG_PRIORITY_NORMAL: 'Normal',
  MSG_PRIORITY_LOW: 'Low',
  MSG_PRIORITY_LOWEST: 'Lowest',

  // ---- Conversation types ----
  /** One-to-one conversation; conversation ids are `C2C<userID>`. */
  CONV_C2C: 'C2C',
  /** Group conversation; conversation ids are `GROUP<groupID>`. */
  CONV_GROUP: 'GROUP',
  /** Community topic conversation. */
  CONV_TOPIC: 'TOPIC',
  /** System conversation. */
  CONV_SYSTEM: '@TIM#SYSTEM',

  // ---- @-mention types in a conversation ----
  CONV_AT_ME: 1,
  CONV_AT_ALL: 2,
  CONV_AT_ALL_AT_ME: 3,

  // ---- Conversation marks (bit flags; Tencent's d.ts says FOLD=3, HIDE=4, its runtime uses 4 and 8) ----
  CONV_MARK_TYPE_STAR: 1,
  CONV_MARK_TYPE_UNREAD: 2,
  CONV_MARK_TYPE_FOLD: 4,
  CONV_MARK_TYPE_HIDE: 8,

  // ---- Group types ----
  /** Work group (formerly "Private"). */
  GRP_WORK: 'Private',
  /** Runtime alias of {@link TYPES.GRP_WORK}. */
  GRP_PRIVATE: 'Private',
  GRP_PUBLIC: 'Public',
  /** Meeting group (formerly "ChatRoom"). */
  GRP_MEETING: 'ChatRoom',
  /** Runtime alias of {@link TYPES.GRP_MEETING}. */
  GRP_CHATROOM: 'ChatRoom',
  /** Audio-video (live streaming) chat room. */
  GRP_AVCHATROOM: 'AVChatRoom',
  /** Community group (supports topics). */
  GRP_COMMUNITY: 'Community',
  /** Runtime-only. */
  GRP_ROOM: 'Room',
  /** Runtime-only. */
  GRP_LIVE: 'Live',

  // ---- Group member roles ----
  GRP_MBR_ROLE_OWNER: 'Owner',
  GRP_MBR_ROLE_ADMIN: 'Admin',
  GRP_MBR_ROLE_MEMBER: 'Member',
  GRP_MBR_ROLE_CUSTOM: 'Custom',

  // ---- Group tip operation types ----
  GRP_TIP_MBR_JOIN: 1,
  GRP_TIP_MBR_QUIT: 2,
  GRP_TIP_MBR_KICKED_OUT: 3,
  GRP_TIP_MBR_SET_ADMIN: 4,
  GRP_TIP_MBR_CANCELED_ADMIN: 5,
  GRP_TIP_GRP_PROFILE_UPDATED: 6,
  GRP_TIP_MBR_PROFILE_UPDATED: 7,
  GRP_TIP_BAN_AVCHATROOM_MEMBER: 10,
  GRP_TIP_UNBAN_AVCHATROOM_MEMBER: 11,

  // ---- Message receive options ----
  MSG_REMIND_ACPT_AND_NOTE: 'AcceptAndNotify',
  MSG_REMIND_ACPT_NOT_NOTE: 'AcceptNotNotify',
  MSG_REMIND_DISCARD: 'Discard',
  NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT: 'AcceptNotNotifyExceptAt',
  /** Runtime alias of {@link TYPES.NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT}. */
  RECEIVE_WITH_OFFLINE_PUSH_EXCEPT_AT: 'AcceptNotNotifyExceptAt',
  NOT_RECEIVE_MSG_EXCEPT_AT: 'NotReceiveMsgExceptAt',

  // ---- Gender ----
  GENDER_UNKNOWN: 'Gender_Type_Unknown',
  GENDER_FEMALE: 'Gender_Type_Female',
  GENDER_MALE: 'Gender_Type_Male',

  // ---- Kick-out types (data.type of EVENT.KICKED_OUT) ----
  KICKED_OUT_MULT_ACCOUNT: KickedOutType.MULT_ACCOUNT,
  KICKED_OUT_MULT_DEVICE: KickedOutType.MULT_DEVICE,
  KICKED_OUT_USERSIG_EXPIRED: KickedOutType.USERSIG_EXPIRED,
  KICKED_OUT_REST_API: KickedOutType.REST_API,

  // ---- Friend request handling and admin forbid ----
  ALLOW_TYPE_ALLOW_ANY: 'AllowType_Type_AllowAny',
  ALLOW_TYPE_NEED_CONFIRM: 'AllowType_Type_NeedConfirm',
  ALLOW_TYPE_DENY_ANY: 'AllowType_Type_DenyAny',
  FORBID_TYPE_NONE: 'AdminForbid_Type_None',
  FORBID_TYPE_SEND_OUT: 'AdminForbid_Type_SendOut',

  // ---- Group join options, join results and invite options ----
  JOIN_OPTIONS_FREE_ACCESS: 'FreeAccess',
  JOIN_OPTIONS_NEED_PERMISSION: 'NeedPermission',
  JOIN_OPTIONS_DISABLE_APPLY: 'DisableApply',
  JOIN_STATUS_SUCCESS: 'JoinedSuccess',
  JOIN_STATUS_ALREADY_IN_GROUP: 'AlreadyInGroup',
  JOIN_STATUS_WAIT_APPROVAL: 'WaitAdminApproval',
  /** Runtime-only. */
  INVITE_OPTIONS_DISABLE_INVITE: 'DisableInvite',
  /** Runtime-only. */
  INVITE_OPTIONS_NEED_PERMISSION: 'NeedPermission',
  /** Runtime-only. */
  INVITE_OPTIONS_FREE_ACCESS: 'FreeAccess',

  // ---- Group profile keys (for updateGroupProfile / GRP_TIP_GRP_PROFILE_UPDATED) ----
  GRP_PROFILE_OWNER_ID: 'ownerID',
  GRP_PROFILE_CREATE_TIME: 'createTime',
  GRP_PROFILE_LAST_INFO_TIME: 'lastInfoTime',
  GRP_PROFILE_MEMBER_NUM: 'memberNum',
  GRP_PROFILE_MAX_MEMBER_NUM: 'maxMemberNum',
  GRP_PROFILE_JOIN_OPTION: 'joinOption',
  GRP_PROFILE_INTRODUCTION: 'introduction',
  GRP_PROFILE_NOTIFICATION: 'notification',
  GRP_PROFILE_MUTE_ALL_MBRS: 'muteAllMembers',
  /** Runtime-only. */
  GRP_PROFILE_INVITE_OPTION: 'inviteOption',

  // ---- Relationship chain (SNS) ----
  SNS_ADD_TYPE_SINGLE: 'Add_Type_Single',
  SNS_ADD_TYPE_BOTH: 'Add_Type_Both',
  SNS_DELETE_TYPE_SINGLE: 'Delete_Type_Single',
  SNS_DELETE_TYPE_BOTH: 'Delete_Type_Both',
  SNS_APPLICATION_TYPE_BOTH: 'Pendency_Type_Both',
  SNS_APPLICATION_SENT_TO_ME: 'Pendency_Type_ComeIn',
  SNS_APPLICATION_SENT_BY_ME: 'Pendency_Type_SendOut',
  SNS_APPLICATION_AGREE: 'Response_Action_Agree',
  SNS_APPLICATION_AGREE_AND_ADD: 'Response_Action_AgreeAndAdd',
  SNS_CHECK_TYPE_BOTH: 'CheckResult_Type_Both',
  SNS_CHECK_TYPE_SINGLE: 'CheckResult_Type_Single',
  SNS_TYPE_NO_RELATION: 'CheckResult_Type_NoRelation',
  SNS_TYPE_A_WITH_B: 'CheckResult_Type_AWithB',
  SNS_TYPE_B_WITH_A: 'CheckResult_Type_BWithA',
  SNS_TYPE_BOTH_WAY: 'CheckResult_Type_BothWay',

  // ---- Network state (data.state of EVENT.NET_STATE_CHANGE) ----
  NET_STATE_CONNECTED: NetState.CONNECTED,
  NET_STATE_CONNECTING: NetState.CONNECTING,
  NET_STATE_DISCONNECTED: NetState.DISCONNECTED,

  // ---- Miscellaneous ----
  /** The `atUserList` entry meaning "@everyone". The misspelling "Messsage" is Tencent's and must stay. */
  MSG_AT_ALL: '__kImSDK_MesssageAtALL__',
  READ_ALL_C2C_MSG: 'readAllC2CMessage',
  READ_ALL_GROUP_MSG: 'readAllGroupMessage',
  READ_ALL_MSG: 'readAllMessage',
  /** User status (getUserStatus / USER_STATUS_UPDATED). */
  USER_STATUS_UNKNOWN: 0,
  USER_STATUS_ONLINE: 1,
  USER_STATUS_OFFLINE: 2,
  USER_STATUS_UNLOGINED: 3,
  /** iOS offline push: no sound. */
  IOS_OFFLINE_PUSH_NO_SOUND: 'push.no_sound',
  /** iOS offline push: the system's default sound. */
  IOS_OFFLINE_PUSH_DEFAULT_SOUND: 'default',
} as const;

/** Name of a {@link TYPES} entry. */
export type TypesName = keyof typeof TYPES;
