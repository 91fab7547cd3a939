/**
 * Messaging part of the client protocol: commands, pushes and wire shapes of messages,
 * conversations and groups (see `docs/PROTOCOL.md` §Messaging).
 *
 * Wire messages are viewer-independent; SDKs turn them into Tencent-shaped `Message` objects
 * (`conversationID`, `flow`, `isRead`, ...) for the logged-in user.
 */

/** Messaging commands (client → server), all require a logged-in connection. */
export const MessagingCommand = {
  /** Send a C2C or group message. Body {@link SendMessageRequest} → {@link SendMessageResponse}. */
  SEND: 'openim.sendmsg',
  /** Catch up after login/reconnect. Body {@link SyncRequest} → {@link SyncResponse}. */
  SYNC: 'openim.sync',
  /** Page roaming history of one conversation. Body {@link HistoryRequest} → {@link HistoryResponse}. */
  HISTORY: 'openim.getmsg',
  /** Mark a conversation read up to a sequence. Body {@link SetReadRequest} → {@link ConversationResponse}. */
  SET_READ: 'openim.setread',
  /** Mark every conversation of the user read. Body `{scope?: 'c2c' | 'group' | 'all'}` → `{}`. */
  SET_ALL_READ: 'openim.setallread',
  /** Delete messages for this user only. Body {@link DeleteMessagesRequest} → `{}`. */
  DELETE: 'openim.deletemsg',
  /** Clear a conversation's history for this user only. Body `{conversationID}` → `{}`. */
  CLEAR_HISTORY: 'openim.clearhistory',
  /** The user's conversation list. Body `{}` → `{conversations: WireConversation[]}`. */
  CONVERSATIONS: 'recentcontact.get_list',
  /** One conversation. Body `{conversationID}` → {@link ConversationResponse}. */
  CONVERSATION: 'recentcontact.get',
  /** Delete a conversation from the list (optionally clearing its history). Body `{conversationID, clearHistory?}` → `{}`. */
  DELETE_CONVERSATION: 'recentcontact.delete',
  /** Pin or unpin. Body `{conversationID, isPinned}` → {@link ConversationResponse}. */
  PIN_CONVERSATION: 'recentcontact.pin',
  /** Store a draft (shared across the user's devices). Body `{conversationID, draftText}` → {@link ConversationResponse}. */
  SET_DRAFT: 'recentcontact.set_draft',

  /** Body {@link CreateGroupRequest} → `{group: WireGroup}`. */
  CREATE_GROUP: 'group_open_http_svc.create_group',
  /** Body `{groupID, applyMessage?}` → `{status: 'JoinedSuccess' | 'AlreadyInGroup' | 'WaitAdminApproval', group}`. */
  JOIN_GROUP: 'group_open_http_svc.apply_join_group',
  /** Body `{groupID}` → `{}`. The owner of a non-Work group cannot quit (dismiss instead). */
  QUIT_GROUP: 'group_open_http_svc.quit_group',
  /** Body `{groupID}` → `{}`. Owner only (Work groups: also app admins). */
  DISMISS_GROUP: 'group_open_http_svc.destroy_group',
  /** Body `{}` → `{groups: WireGroup[]}` (groups the user is a member of). */
  JOINED_GROUPS: 'group_open_http_svc.get_joined_group_list',
  /** Body `{groupID}` → `{group: WireGroup}` (members only, except Public/ChatRoom/AVChatRoom/Community). */
  GROUP_INFO: 'group_open_http_svc.get_group_info',
  /** Body {@link UpdateGroupRequest} → `{group: WireGroup}`. Owner/admin. */
  UPDATE_GROUP: 'group_open_http_svc.modify_group_base_info',
  /** Body `{groupID, offset?, count?}` → `{members: WireGroupMember[], nextOffset, isCompleted}`. */
  GROUP_MEMBERS: 'group_open_http_svc.get_group_member_list',
  /** Body `{groupID, userIDList}` → `{results: {userID, result: 0 | 1 | 2}[]}` (0 failed, 1 added, 2 already a member). */
  ADD_MEMBERS: 'group_open_http_svc.add_group_member',
  /** Body `{groupID, userIDList, reason?}` → `{}`. Owner/admin. */
  DELETE_MEMBERS: 'group_open_http_svc.delete_group_member',
  /** Body `{groupID, userID, role: 'Admin' | 'Member'}` → `{}`. Owner only. */
  SET_MEMBER_ROLE: 'group_open_http_svc.modify_group_member_info',
  /** Body `{}` → `{applications: WireGroupApplication[]}`: pending join applications to the groups the caller owns or administers, oldest first. */
  GROUP_APPLICATIONS: 'group_open_http_svc.get_group_application_list',
  /**
   * Body `{groupID, userID, action: 'Agree' | 'Reject', handleMessage?}` → `{group: WireGroup}`. Owner or
   * admin; 10024 when that user has no pending application; `Agree` adds the applicant (10014 when full).
   */
  HANDLE_GROUP_APPLICATION: 'group_open_http_svc.handle_group_application',
} as const;

/** Messaging pushes (server → client). */
export const MessagingPush = {
  /** A new message in a conversation of this user (also the user's own, sent from another instance). Body `{message: WireMessage}`. */
  MESSAGE: 'openim.msg',
  /** A conversation of this user changed on another instance (read, pin, draft, delete). Body `{conversation: WireConversation}` or `{conversationID, deleted: true}`. */
  CONVERSATION_CHANGED: 'recentcontact.changed',
  /** The user's group list changed. Body `{groupID, change: 'joined' | 'left' | 'kicked' | 'dismissed' | 'updated', group?: WireGroup}`. */
  GROUP_CHANGED: 'group_open_http_svc.group_changed',
  /** Someone applied to join a group the user owns or administers. Body `{application: WireGroupApplication}`. */
  GROUP_APPLICATION: 'group_open_http_svc.group_application',
  /**
   * An application was handled. To the applicant and to the group's owner and admins. Body
   * `{groupID, userID, action: 'Agree' | 'Reject', handleMessage, operatorID}`.
   */
  GROUP_APPLICATION_HANDLED: 'group_open_http_svc.group_application_handled',
} as const;

/** Conversation types on the wire (TYPES.CONV_C2C / CONV_GROUP values). */
export type WireConversationType = 'C2C' | 'GROUP';

/** Group types (TYPES.GRP_* values). `Private` = Work, `ChatRoom` = Meeting. */
export type WireGroupType = 'Private' | 'Public' | 'ChatRoom' | 'AVChatRoom' | 'Community';

/** Member roles (TYPES.GRP_MBR_ROLE_* values). */
export type WireMemberRole = 'Owner' | 'Admin' | 'Member';

/**
 * One element of a message body, named as Tencent's REST `MsgBody` items but camel-cased for the SDK:
 * - `TIMTextElem`: `{text}`
 * - `TIMCustomElem`: `{data, description?, extension?}`
 * - `TIMGroupTipElem` (server-generated): `{operationType: 1..11, operatorID, userIDList, groupProfile?}`
 */
export interface WireElement {
  readonly type: string;
  readonly content: Readonly<Record<string, unknown>>;
}

/** A stored (or online-only) message as the server sends it. */
export interface WireMessage {
  /** Client-assigned message id (unique per sender); the dedupe key. Server-generated for tips and REST sends. */
  readonly ID: string;
  readonly conversationType: WireConversationType;
  /** Sender UserID (`@TIM#SYSTEM` for group tips). */
  readonly from: string;
  /** Receiver UserID (C2C) or GroupID. */
  readonly to: string;
  /** Sequence in its conversation, assigned at commit; 0 for online-only messages (never stored). */
  readonly seq: number;
  /** Server commit time, whole seconds. */
  readonly time: number;
  /** Client random (uint32), echoed. */
  readonly random: number;
  readonly elements: readonly WireElement[];
  readonly cloudCustomData: string;
  /** Group message priority (`High` | `Normal` | `Low` | `Lowest`). */
  readonly priority: string;
  /** UserIDs @-mentioned (may contain TYPES.MSG_AT_ALL). */
  readonly atUserList: readonly string[];
  /** True for `onlineUserOnly` sends: delivered to online users, never stored or synced. */
  readonly isOnlineOnly: boolean;
  /** Targeted group message: only these members receive it (empty = everyone). */
  readonly receiverList: readonly string[];
}

/** Body of {@link MessagingCommand.SEND}. */
export interface SendMessageRequest {
  readonly conversationType: WireConversationType;
  /** Peer UserID (C2C) or GroupID. */
  readonly to: string;
  /** Unique per sender; 1..64 chars of [A-Za-z0-9_-]. A resend with the same id returns the stored message. */
  readonly ID: string;
  readonly random: number;
  readonly elements: readonly WireElement[];
  readonly cloudCustomData?: string;
  readonly priority?: string;
  readonly atUserList?: readonly string[];
  readonly onlineUserOnly?: boolean;
  readonly receiverList?: readonly string[];
}

/** Answer to {@link MessagingCommand.SEND}: the message as stored (durable before this answer). */
export interface SendMessageResponse {
  readonly message: WireMessage;
  /** True when this ID had been stored before (a resend after a lost answer). */
  readonly duplicate: boolean;
}

/** Body of {@link MessagingCommand.SYNC}. */
export interface SyncRequest {
  /** The user's C2C inbox cursor from the previous sync answer; 0 (or absent) on a fresh client. */
  readonly cursor?: number;
  /** Max messages in this page. @default 100 (max 500) */
  readonly count?: number;
  /**
   * With `cursor` 0 only: start this many messages before the newest one instead of at the
   * beginning of the inbox, so a fresh client does not download the user's whole C2C history (older
   * messages stay reachable through `openim.getmsg`). Omit it to sync everything. (1..100000)
   */
  readonly recent?: number;
}

/**
 * Answer to {@link MessagingCommand.SYNC}: C2C messages of the user (sent and received) after `cursor`,
 * oldest first, and the current sequence of every joined group (the client fills group gaps with
 * {@link MessagingCommand.HISTORY}).
 */
export interface SyncResponse {
  readonly messages: readonly WireMessage[];
  /** Pass back in the next sync. */
  readonly cursor: number;
  /** False when more C2C messages are waiting: sync again with the new cursor. */
  readonly isCompleted: boolean;
  readonly groups: readonly { readonly groupID: string; readonly seq: number }[];
}

/** Body of {@link MessagingCommand.HISTORY}. Exactly one of `beforeSeq` / `afterSeq` may be given; neither = latest page. */
export interface HistoryRequest {
  /** `C2C<peer>` or `GROUP<groupID>`. */
  readonly conversationID: string;
  /** Messages with seq < beforeSeq, newest page (returned oldest first). */
  readonly beforeSeq?: number;
  /** Messages with seq > afterSeq, oldest page. */
  readonly afterSeq?: number;
  /** Messages sent at or before this time (whole seconds), newest page (returned oldest first). */
  readonly untilTime?: number;
  /** Messages sent at or after this time (whole seconds), oldest page. */
  readonly sinceTime?: number;
  /** Page size. @default 15 (max 100) */
  readonly count?: number;
}

/** Answer to {@link MessagingCommand.HISTORY}: oldest first; messages this user deleted or cleared are left out. */
export interface HistoryResponse {
  readonly messages: readonly WireMessage[];
  /** True when there is nothing further in the requested direction. */
  readonly isCompleted: boolean;
}

/** Body of {@link MessagingCommand.SET_READ}. */
export interface SetReadRequest {
  readonly conversationID: string;
  /** Read up to this sequence. @default the conversation's latest */
  readonly seq?: number;
}

/** Body of {@link MessagingCommand.DELETE}. */
export interface DeleteMessagesRequest {
  readonly conversationID: string;
  /** Sequences of the messages to delete (≤ 30). */
  readonly seqs: readonly number[];
}

/** A conversation as seen by one user. */
export interface WireConversation {
  /** `C2C<peer>` or `GROUP<groupID>`. */
  readonly conversationID: string;
  readonly type: WireConversationType;
  /** Peer UserID or GroupID. */
  readonly target: string;
  readonly lastMessage: WireMessage | null;
  /** Highest sequence in the conversation. */
  readonly maxSeq: number;
  /** The user has read up to this sequence. */
  readonly readSeq: number;
  /** Messages from others after readSeq. */
  readonly unreadCount: number;
  readonly isPinned: boolean;
  readonly draftText: string;
  /** Last activity, whole seconds (the last message time, or pin/draft time). */
  readonly updatedAt: number;
}

/** Answer carrying one conversation. */
export interface ConversationResponse {
  readonly conversation: WireConversation;
}

/** A group. */
export interface WireGroup {
  readonly groupID: string;
  readonly type: WireGroupType;
  readonly name: string;
  readonly introduction: string;
  readonly notification: string;
  readonly avatar: string;
  readonly ownerID: string;
  /** Creation time, whole seconds. */
  readonly createTime: number;
  readonly memberNum: number;
  readonly maxMemberNum: number;
  /** `FreeAccess` | `NeedPermission` | `DisableApply`. */
  readonly joinOption: string;
  readonly muteAllMembers: boolean;
  /**
   * Highest message sequence of the group (0 before the first message). The SDK's `Group.nextMessageSeq`
   * is this + 1, Tencent's meaning: the sequence the next message will get.
   */
  readonly nextMessageSeq: number;
  /** The caller's role, when the caller is a member. */
  readonly selfRole?: WireMemberRole;
  /** When the caller joined, whole seconds; sent where the server has the membership at hand (lists, create, join). */
  readonly selfJoinTime?: number;
}

/** Body of {@link MessagingCommand.CREATE_GROUP}. */
export interface CreateGroupRequest {
  readonly type: WireGroupType;
  readonly name: string;
  /** Custom GroupID (≤ 48 bytes; Community ids start with `@TGS#_`); generated when absent. */
  readonly groupID?: string;
  readonly introduction?: string;
  readonly notification?: string;
  readonly avatar?: string;
  readonly joinOption?: string;
  readonly maxMemberNum?: number;
  /** Initial members besides the creator (owner). */
  readonly memberList?: readonly { readonly userID: string; readonly role?: 'Admin' | 'Member' }[];
}

/** Body of {@link MessagingCommand.UPDATE_GROUP}. */
export interface UpdateGroupRequest {
  readonly groupID: string;
  readonly name?: string;
  readonly introduction?: string;
  readonly notification?: string;
  readonly avatar?: string;
  readonly joinOption?: string;
  readonly muteAllMembers?: boolean;
}

/** A pending application to join a group (`NeedPermission`). */
export interface WireGroupApplication {
  readonly groupID: string;
  /** The group's name when the list was made or the application pushed. */
  readonly groupName: string;
  /** The applicant. */
  readonly userID: string;
  /** The applicant's message (`applyMessage`). */
  readonly message: string;
  /** When the application was made, whole seconds. */
  readonly time: number;
}

/** How an application was decided. */
export type GroupApplicationAction = 'Agree' | 'Reject';

/** A group member. */
export interface WireGroupMember {
  readonly userID: string;
  readonly role: WireMemberRole;
  /** Join time, whole seconds. */
  readonly joinTime: number;
  readonly nameCard: string;
}

/** Conversation ids of the system conversation (group system notices). */
export const SYSTEM_CONVERSATION_ID = '@TIM#SYSTEM';

/** `C2C<peer>` / `GROUP<groupID>` → its parts; `undefined` for anything else. */
export function parseConversationID(id: unknown): { type: WireConversationType; target: string } | undefined {
  if (typeof id !== 'string') return undefined;
  if (id.startsWith('C2C') && id.length > 3) return { type: 'C2C', target: id.slice(3) };
  if (id.startsWith('GROUP') && id.length > 5) return { type: 'GROUP', target: id.slice(5) };
  return undefined;
}

/** Builds a conversation id. */
export function conversationID(type: WireConversationType, target: string): string {
  return `${type === 'C2C' ? 'C2C' : 'GROUP'}${target}`;
}

/** Largest message body accepted, in UTF-8 bytes of the JSON of `elements` + `cloudCustomData` (Tencent: 12 KB). */
export const MAX_MESSAGE_BYTES = 12 * 1024;
