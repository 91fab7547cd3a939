/**
 * The Tencent-shaped objects the web API hands to apps: `Message`, `Conversation`, `Group` and
 * `GroupMember`, with Tencent's field names (those of its d.ts data interfaces). Messages
 * are mutable on purpose: like Tencent's, the object `sendMessage` was given changes its
 * `status` from `'unSend'` to `'success'` or `'fail'` in place.
 */

/** Send state of a message. Received messages are always `'success'`. */
export type MessageSendStatus = 'unSend' | 'success' | 'fail';

/** `payload` of a `TIMTextElem` message. */
export interface TextPayload {
  text: string;
}

/** `payload` of a `TIMCustomElem` message. */
export interface CustomPayload {
  data: string;
  description: string;
  extension: string;
}

/** A message (Tencent's `Message`). */
export interface Message {
  /** Unique per sender; a resend keeps it, which is how the server dedupes. */
  ID: string;
  /** Element type: `TYPES.MSG_TEXT`, `TYPES.MSG_CUSTOM`, `TYPES.MSG_GRP_TIP`, ... */
  type: string;
  /** Element content, e.g. `{text}` or `{data, description, extension}`. */
  payload: Record<string, unknown>;
  /** Viewer-relative: `C2C<peer>` or `GROUP<groupID>`. */
  conversationID: string;
  /** `TYPES.CONV_C2C` or `TYPES.CONV_GROUP`. */
  conversationType: string;
  /** Receiver UserID (C2C) or GroupID. */
  to: string;
  /** Sender UserID (`@TIM#SYSTEM` for group tips). */
  from: string;
  /** `'out'` for the logged-in user's own messages (from any of their instances), else `'in'`. */
  flow: 'in' | 'out';
  /** Server commit time in whole seconds (the local estimate until sent). */
  time: number;
  /** Sequence in the conversation; 0 until sent, and for online-only messages. */
  sequence: number;
  /** Client random (uint32). */
  random: number;
  status: MessageSendStatus;
  /** True when the logged-in user has read it (own messages always). */
  isRead: boolean;
  /** Always false in this version (read receipts come later). */
  isPeerRead: boolean;
  /** Group priority: `High`, `Normal`, `Low` or `Lowest`. */
  priority: string;
  cloudCustomData: string;
  /** @-mentioned UserIDs; may hold `TYPES.MSG_AT_ALL`. */
  atUserList: string[];
  /** Sender nickname as of the send (the server stamps it from the sender's profile). */
  nick: string;
  /** Sender avatar URL as of the send. */
  avatar: string;
  /** Group messages: the sender's name card as of the send; '' for C2C. */
  nameCard: string;
  isRevoked: boolean;
  isDeleted: boolean;
  isModified: boolean;
  /** True once `resendMessage` was called on it. */
  isResend: boolean;
  /** True for group tips and other server-generated messages. */
  isSystemMessage: boolean;
  /** True for `onlineUserOnly` messages (never stored, never synced). */
  isOnlineOnly: boolean;
  /** Targeted group message: the members that receive it (empty = everyone). */
  receiverList: string[];
  needReadReceipt: boolean;
  /** Creation time on this client, whole seconds (for sent messages; equals `time` for received ones). */
  clientTime: number;
  /** Always `'JSON'`. */
  protocol: 'JSON';
}

/** `lastMessage` of a conversation (Tencent's shape; empty fields when the conversation has none). */
export interface ConversationLastMessage {
  lastTime: number;
  lastSequence: number;
  fromAccount: string;
  type: string;
  payload: Record<string, unknown>;
  /** Text a conversation list shows: the text, or a tag such as `[Custom Messages]`. */
  messageForShow: string;
  isRevoked: boolean;
  isPeerRead: boolean;
  nick: string;
  nameCard: string;
  cloudCustomData: string;
  onlineOnlyFlag: boolean;
  /** Send state of the last message (`'unSend'` while it is on its way). */
  status: MessageSendStatus;
}

/** One unread @-mention of the logged-in user in a group conversation. */
export interface GroupAtInfo {
  groupID: string;
  messageSequence: number;
  /** `TYPES.CONV_AT_ME` (1), `CONV_AT_ALL` (2) or `CONV_AT_ALL_AT_ME` (3). */
  atType: number;
}

/** A conversation (Tencent's `Conversation`), as the conversation list and events carry it. */
export interface Conversation {
  conversationID: string;
  /** `TYPES.CONV_C2C` or `TYPES.CONV_GROUP`. */
  type: string;
  /** The group type for group conversations, else ''. */
  subType: string;
  unreadCount: number;
  lastMessage: ConversationLastMessage;
  /** C2C: the peer's current nick and avatar (from the server's list, kept current by profile pushes). */
  userProfile?: { userID: string; nick: string; avatar: string };
  /** GROUP: the group as far as the group list knows it. */
  groupProfile?: { groupID: string; name: string; type: string; avatar: string };
  groupAtInfoList: GroupAtInfo[];
  remark: string;
  isPinned: boolean;
  /** '' (the default receive option) until receive options exist. */
  messageRemindType: string;
  markList: number[];
  customData: string;
  conversationGroupList: string[];
  draftText: string;
  /** Always 0 in this version (read receipts come later). */
  peerReadTime: number;
}

/** The logged-in user's membership in a group. */
export interface GroupSelfInfo {
  userID: string;
  /** `Owner`, `Admin`, `Member`, or '' when not a member. */
  role: string;
  /** Join time in seconds; 0 when unknown. */
  joinTime: number;
  nameCard: string;
  messageRemindType: string;
}

/** A group (Tencent's `Group`). */
export interface Group {
  groupID: string;
  name: string;
  /** `TYPES.GRP_*` value, e.g. `Private` (Work) or `Public`. */
  type: string;
  avatar: string;
  introduction: string;
  notification: string;
  ownerID: string;
  /** Creation time, whole seconds. */
  createTime: number;
  memberNum: number;
  /** Alias of `memberNum` (Tencent has both). */
  memberCount: number;
  maxMemberNum: number;
  /** Alias of `maxMemberNum`. */
  maxMemberCount: number;
  joinOption: string;
  muteAllMembers: boolean;
  /** The server's message sequence of the group (passed through from the wire). */
  nextMessageSeq: number;
  selfInfo: GroupSelfInfo;
  lastMessage: { lastTime: number; lastSequence: number; fromAccount: string; messageForShow: string };
  groupCustomField: { key: string; value: string }[];
  isSupportTopic: boolean;
}

/** A group member (Tencent's `GroupMember`). */
export interface GroupMember {
  userID: string;
  role: string;
  /** Join time, whole seconds. */
  joinTime: number;
  nameCard: string;
  nick: string;
  avatar: string;
  /** Muted until this time (seconds); 0 = not muted. */
  muteUntil: number;
  memberCustomField: { key: string; value: string }[];
}

/** A user's profile (Tencent's `Profile`), as `getMyProfile`, `getUserProfile` and `PROFILE_UPDATED` carry it. */
export interface Profile {
  userID: string;
  nick: string;
  avatar: string;
  /** `TYPES.GENDER_*`. */
  gender: string;
  birthday: number;
  location: string;
  selfSignature: string;
  /** `TYPES.ALLOW_TYPE_*`. */
  allowType: string;
  language: number;
  level: number;
  role: number;
  messageSettings: number;
  /** `TYPES.FORBID_TYPE_*`. */
  adminForbidType: string;
  /** Custom fields: `key` is `Tag_Profile_Custom_<name>`. */
  profileCustomField: { key: string; value: string | number }[];
  /** Last change, seconds; 0 when never changed. */
  lastUpdatedTime: number;
}

/** One user's status, as Tencent's `getUserStatus` and `USER_STATUS_UPDATED` report it. */
export interface UserStatus {
  userID: string;
  /** `TYPES.USER_STATUS_*`: 0 unknown, 1 online, 2 offline, 3 not logged in. */
  statusType: number;
  /** The user's custom status; '' when none. */
  customStatus: string;
}

/** A user a status call failed for. */
export interface UserStatusFailure {
  userID: string;
  code: number;
  message: string;
}

/** The outcome of following or unfollowing one user (`resultCode` 0 on success). */
export interface FollowOperationResult {
  userID: string;
  resultCode: number;
  resultInfo: string;
}

/** One user's follow counts, as `getUserFollowInfo` reports them. */
export interface FollowInfo {
  userID: string;
  followersCount: number;
  followingCount: number;
  mutualFollowersCount: number;
}

/** The follow type between the user and another: 0 none, 1 in my followers list, 2 in my following list, 3 both. */
export interface FollowTypeCheckResult {
  userID: string;
  followType: number;
}

/** The payload of `MY_FOLLOWERS_LIST_UPDATED`, `MY_FOLLOWING_LIST_UPDATED` and `MUTUAL_FOLLOWERS_LIST_UPDATED`. */
export interface FollowListChange {
  /** The users added to or removed from the list. */
  userInfoList: Profile[];
  /** True when they were added. */
  isAdd: boolean;
}
