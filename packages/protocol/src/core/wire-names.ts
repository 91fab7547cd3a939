/**
 * The wire names of the messaging commands and pushes (messages, conversations and groups), in the
 * two tables code has always imported. Each feature folder's definitions (`MessageCommands`,
 * `ConversationCommands`, `GroupCommands`, and their push groups) take their names from here.
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
