/**
 * V2TIM message types for the simple-message API (React Native `react-native-tim-js` / Flutter
 * names): `V2TimMessage`, the sender shapes, `V2TimSimpleMsgListener` and the enum values.
 */

/** `V2TimMessage.elemType` values (MessageElemType). */
export const MessageElemType = {
  V2TIM_ELEM_TYPE_NONE: 0,
  V2TIM_ELEM_TYPE_TEXT: 1,
  V2TIM_ELEM_TYPE_CUSTOM: 2,
  V2TIM_ELEM_TYPE_IMAGE: 3,
  V2TIM_ELEM_TYPE_SOUND: 4,
  V2TIM_ELEM_TYPE_VIDEO: 5,
  V2TIM_ELEM_TYPE_FILE: 6,
  V2TIM_ELEM_TYPE_LOCATION: 7,
  V2TIM_ELEM_TYPE_FACE: 8,
  V2TIM_ELEM_TYPE_GROUP_TIPS: 9,
  V2TIM_ELEM_TYPE_MERGER: 10,
} as const;

/** `V2TimMessage.status` values (MessageStatus). */
export const MessageStatus = {
  V2TIM_MSG_STATUS_SENDING: 1,
  V2TIM_MSG_STATUS_SEND_SUCC: 2,
  V2TIM_MSG_STATUS_SEND_FAIL: 3,
  V2TIM_MSG_STATUS_HAS_DELETED: 4,
  V2TIM_MSG_STATUS_LOCAL_IMPORTED: 5,
  V2TIM_MSG_STATUS_LOCAL_REVOKED: 6,
} as const;

/** Group message priority (MessagePriorityEnum), the third argument of `sendGroup*Message`. */
export const MessagePriorityEnum = {
  V2TIM_PRIORITY_DEFAULT: 0,
  V2TIM_PRIORITY_HIGH: 1,
  V2TIM_PRIORITY_NORMAL: 2,
  V2TIM_PRIORITY_LOW: 3,
} as const;

/** A message as the V2TIM API returns it. */
export interface V2TimMessage {
  readonly msgID: string;
  /** Server time, whole seconds. */
  readonly timestamp: number;
  readonly sender: string;
  readonly nickName: string;
  readonly friendRemark: string;
  readonly faceUrl: string;
  readonly nameCard: string;
  /** GroupID for group messages, else ''. */
  readonly groupID: string;
  /** The peer of a C2C message, else ''. */
  readonly userID: string;
  /** {@link MessageStatus} value. */
  readonly status: number;
  /** {@link MessageElemType} value. */
  readonly elemType: number;
  readonly textElem?: { readonly text: string };
  readonly customElem?: { readonly data: string; readonly desc: string; readonly extension: string };
  readonly cloudCustomData: string;
  readonly isSelf: boolean;
  readonly isRead: boolean;
  readonly isPeerRead: boolean;
  /** {@link MessagePriorityEnum} value. */
  readonly priority: number;
  readonly groupAtUserList: readonly string[];
  /** Sequence in the conversation, as a decimal string (V2TIM's type). */
  readonly seq: string;
  readonly random: number;
  readonly isExcludedFromUnreadCount: boolean;
  readonly isExcludedFromLastMessage: boolean;
  readonly needReadReceipt: boolean;
  readonly localCustomData: string;
  readonly localCustomInt: number;
}

/** The sender of a C2C message. */
export interface V2TimUserInfo {
  readonly userID: string;
  readonly nickName: string;
  readonly faceUrl: string;
}

/** The sender of a group message. */
export interface V2TimGroupMemberInfo {
  readonly userID: string;
  readonly nickName: string;
  readonly nameCard: string;
  readonly friendRemark: string;
  readonly faceUrl: string;
}

/** Simple-message callbacks; every member is optional. Only messages from others are reported. */
export interface V2TimSimpleMsgListener {
  onRecvC2CTextMessage?(msgID: string, sender: V2TimUserInfo, text: string): void;
  onRecvC2CCustomMessage?(msgID: string, sender: V2TimUserInfo, customData: string): void;
  onRecvGroupTextMessage?(msgID: string, groupID: string, sender: V2TimGroupMemberInfo, text: string): void;
  onRecvGroupCustomMessage?(msgID: string, groupID: string, sender: V2TimGroupMemberInfo, customData: string): void;
}
