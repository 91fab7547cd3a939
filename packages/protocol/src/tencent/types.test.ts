import { describe, expect, it } from 'vitest';
import { KickedOutType, NetState } from './constants.js';
import { TYPES } from './types.js';

// Tencent's web SDK 3.x runtime TYPES table, written out independently of types.ts.
const EXPECTED_TYPES: Readonly<Record<string, string | number>> = {
  MSG_TEXT: 'TIMTextElem', MSG_IMAGE: 'TIMImageElem', MSG_AUDIO: 'TIMSoundElem', MSG_SOUND: 'TIMSoundElem',
  MSG_FILE: 'TIMFileElem', MSG_FACE: 'TIMFaceElem', MSG_VIDEO: 'TIMVideoFileElem', MSG_LOCATION: 'TIMLocationElem',
  MSG_GEO: 'TIMLocationElem', MSG_GRP_TIP: 'TIMGroupTipElem', MSG_GRP_SYS_NOTICE: 'TIMGroupSystemNoticeElem',
  MSG_CUSTOM: 'TIMCustomElem', MSG_MERGER: 'TIMRelayElem',
  MSG_PRIORITY_HIGH: 'High', MSG_PRIORITY_NORMAL: 'Normal', MSG_PRIORITY_LOW: 'Low', MSG_PRIORITY_LOWEST: 'Lowest',
  CONV_C2C: 'C2C', CONV_GROUP: 'GROUP', CONV_TOPIC: 'TOPIC', CONV_SYSTEM: '@TIM#SYSTEM',
  CONV_AT_ME: 1, CONV_AT_ALL: 2, CONV_AT_ALL_AT_ME: 3,
  CONV_MARK_TYPE_STAR: 1, CONV_MARK_TYPE_UNREAD: 2, CONV_MARK_TYPE_FOLD: 4, CONV_MARK_TYPE_HIDE: 8,
  GRP_WORK: 'Private', GRP_PRIVATE: 'Private', GRP_PUBLIC: 'Public', GRP_MEETING: 'ChatRoom', GRP_CHATROOM: 'ChatRoom',
  GRP_AVCHATROOM: 'AVChatRoom', GRP_COMMUNITY: 'Community', GRP_ROOM: 'Room', GRP_LIVE: 'Live',
  GRP_MBR_ROLE_OWNER: 'Owner', GRP_MBR_ROLE_ADMIN: 'Admin', GRP_MBR_ROLE_MEMBER: 'Member', GRP_MBR_ROLE_CUSTOM: 'Custom',
  GRP_TIP_MBR_JOIN: 1, GRP_TIP_MBR_QUIT: 2, GRP_TIP_MBR_KICKED_OUT: 3, GRP_TIP_MBR_SET_ADMIN: 4,
  GRP_TIP_MBR_CANCELED_ADMIN: 5, GRP_TIP_GRP_PROFILE_UPDATED: 6, GRP_TIP_MBR_PROFILE_UPDATED: 7,
  GRP_TIP_BAN_AVCHATROOM_MEMBER: 10, GRP_TIP_UNBAN_AVCHATROOM_MEMBER: 11,
  MSG_REMIND_ACPT_AND_NOTE: 'AcceptAndNotify', MSG_REMIND_ACPT_NOT_NOTE: 'AcceptNotNotify', MSG_REMIND_DISCARD: 'Discard',
  NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT: 'AcceptNotNotifyExceptAt', RECEIVE_WITH_OFFLINE_PUSH_EXCEPT_AT: 'AcceptNotNotifyExceptAt',
  NOT_RECEIVE_MSG_EXCEPT_AT: 'NotReceiveMsgExceptAt',
  GENDER_UNKNOWN: 'Gender_Type_Unknown', GENDER_FEMALE: 'Gender_Type_Female', GENDER_MALE: 'Gender_Type_Male',
  KICKED_OUT_MULT_ACCOUNT: 'multipleAccount', KICKED_OUT_MULT_DEVICE: 'multipleDevice',
  KICKED_OUT_USERSIG_EXPIRED: 'userSigExpired', KICKED_OUT_REST_API: 'REST_API_Kick',
  ALLOW_TYPE_ALLOW_ANY: 'AllowType_Type_AllowAny', ALLOW_TYPE_NEED_CONFIRM: 'AllowType_Type_NeedConfirm',
  ALLOW_TYPE_DENY_ANY: 'AllowType_Type_DenyAny', FORBID_TYPE_NONE: 'AdminForbid_Type_None',
  FORBID_TYPE_SEND_OUT: 'AdminForbid_Type_SendOut',
  JOIN_OPTIONS_FREE_ACCESS: 'FreeAccess', JOIN_OPTIONS_NEED_PERMISSION: 'NeedPermission', JOIN_OPTIONS_DISABLE_APPLY: 'DisableApply',
  JOIN_STATUS_SUCCESS: 'JoinedSuccess', JOIN_STATUS_ALREADY_IN_GROUP: 'AlreadyInGroup', JOIN_STATUS_WAIT_APPROVAL: 'WaitAdminApproval',
  INVITE_OPTIONS_DISABLE_INVITE: 'DisableInvite', INVITE_OPTIONS_NEED_PERMISSION: 'NeedPermission',
  INVITE_OPTIONS_FREE_ACCESS: 'FreeAccess',
  GRP_PROFILE_OWNER_ID: 'ownerID', GRP_PROFILE_CREATE_TIME: 'createTime', GRP_PROFILE_LAST_INFO_TIME: 'lastInfoTime',
  GRP_PROFILE_MEMBER_NUM: 'memberNum', GRP_PROFILE_MAX_MEMBER_NUM: 'maxMemberNum', GRP_PROFILE_JOIN_OPTION: 'joinOption',
  GRP_PROFILE_INTRODUCTION: 'introduction', GRP_PROFILE_NOTIFICATION: 'notification',
  GRP_PROFILE_MUTE_ALL_MBRS: 'muteAllMembers', GRP_PROFILE_INVITE_OPTION: 'inviteOption',
  SNS_ADD_TYPE_SINGLE: 'Add_Type_Single', SNS_ADD_TYPE_BOTH: 'Add_Type_Both',
  SNS_DELETE_TYPE_SINGLE: 'Delete_Type_Single', SNS_DELETE_TYPE_BOTH: 'Delete_Type_Both',
  SNS_APPLICATION_TYPE_BOTH: 'Pendency_Type_Both', SNS_APPLICATION_SENT_TO_ME: 'Pendency_Type_ComeIn',
  SNS_APPLICATION_SENT_BY_ME: 'Pendency_Type_SendOut', SNS_APPLICATION_AGREE: 'Response_Action_Agree',
  SNS_APPLICATION_AGREE_AND_ADD: 'Response_Action_AgreeAndAdd', SNS_CHECK_TYPE_BOTH: 'CheckResult_Type_Both',
  SNS_CHECK_TYPE_SINGLE: 'CheckResult_Type_Single', SNS_TYPE_NO_RELATION: 'CheckResult_Type_NoRelation',
  SNS_TYPE_A_WITH_B: 'CheckResult_Type_AWithB', SNS_TYPE_B_WITH_A: 'CheckResult_Type_BWithA',
  SNS_TYPE_BOTH_WAY: 'CheckResult_Type_BothWay',
  NET_STATE_CONNECTED: 'connected', NET_STATE_CONNECTING: 'connecting', NET_STATE_DISCONNECTED: 'disconnected',
  MSG_AT_ALL: '__kImSDK_MesssageAtALL__', READ_ALL_C2C_MSG: 'readAllC2CMessage', READ_ALL_GROUP_MSG: 'readAllGroupMessage',
  READ_ALL_MSG: 'readAllMessage',
  USER_STATUS_UNKNOWN: 0, USER_STATUS_ONLINE: 1, USER_STATUS_OFFLINE: 2, USER_STATUS_UNLOGINED: 3,
  IOS_OFFLINE_PUSH_NO_SOUND: 'push.no_sound', IOS_OFFLINE_PUSH_DEFAULT_SOUND: 'default',
};

describe('TYPES', () => {
  it('has exactly the names of Tencent\'s runtime table, no more and no fewer', () => {
    expect(Object.keys(EXPECTED_TYPES)).toHaveLength(115);
    expect(Object.keys(TYPES).sort()).toEqual(Object.keys(EXPECTED_TYPES).sort());
  });

  it.each(Object.entries(EXPECTED_TYPES))('maps %s to %j', (name, value) => {
    expect((TYPES as Record<string, unknown>)[name]).toBe(value);
  });

  it('uses the runtime bit flags for conversation marks (FOLD=4, HIDE=8), not the d.ts values 3 and 4', () => {
    expect(TYPES.CONV_MARK_TYPE_FOLD & TYPES.CONV_MARK_TYPE_HIDE).toBe(0);
    expect(TYPES.CONV_MARK_TYPE_STAR | TYPES.CONV_MARK_TYPE_UNREAD | TYPES.CONV_MARK_TYPE_FOLD | TYPES.CONV_MARK_TYPE_HIDE).toBe(15);
  });

  it('keeps Tencent\'s misspelled @-all marker, which real clients match byte for byte', () => {
    expect(TYPES.MSG_AT_ALL).toBe('__kImSDK_Messs' + 'ageAtALL__');
  });

  it('shares its kick-out and network-state values with the session constants', () => {
    expect(new Set([TYPES.KICKED_OUT_MULT_ACCOUNT, TYPES.KICKED_OUT_MULT_DEVICE, TYPES.KICKED_OUT_USERSIG_EXPIRED, TYPES.KICKED_OUT_REST_API]))
      .toEqual(new Set(Object.values(KickedOutType)));
    expect(new Set([TYPES.NET_STATE_CONNECTED, TYPES.NET_STATE_CONNECTING, TYPES.NET_STATE_DISCONNECTED]))
      .toEqual(new Set(Object.values(NetState)));
  });
});
