/**
 * The messaging methods of a `TencentCloudChat` instance (messages, conversations, groups), as
 * the base class of `ChatInstance`. Each one delegates to its API object; all of them except the
 * conversation reads ({@link PRE_READY_READS}) and the whitelisted `joinGroup`/`quitGroup` run
 * through the readiness gate.
 */
import type {
  CreateCustomMessageOptions,
  CreateGroupOptions,
  CreateTextAtMessageOptions,
  CreateTextMessageOptions,
  DeleteConversationOptions,
  GetMessageListHoppingOptions,
  GetMessageListOptions,
  SendMessageOptions,
  SetAllMessageReadOptions,
  UpdateGroupProfileOptions,
} from '../model/api-options.js';
import type { ChatResponse } from '../session/chat-response.js';
import type { ConversationApi, ConversationListResult } from '../conversations/conversation-api.js';
import type { GroupApi } from '../groups/group-api.js';
import type { MessageApi, MessageHoppingResult, MessageListResult } from '../messages/message-api.js';
import type { Conversation, Group, GroupMember, Message } from '../model/message-types.js';
import { gate } from '../session/readiness-gate.js';
import type { SessionClient } from '../session/session-client.js';

/** The API objects behind an instance's messaging methods. */
export interface ChatApis {
  readonly messages: MessageApi;
  readonly conversations: ConversationApi;
  readonly groups: GroupApi;
}

type Empty = Record<string, never>;

/** Messaging methods; `ChatInstance` adds the session methods. */
export abstract class ChatMessagingMethods {
  constructor(
    protected readonly session: SessionClient,
    protected readonly apis: ChatApis,
  ) {}

  /** A text message to send with {@link sendMessage}. Throws 6017/2106 for bad arguments. */
  createTextMessage(options: CreateTextMessageOptions): Message {
    return this.guard('createTextMessage', () => this.apis.messages.createTextMessage(options));
  }

  /** A group text message @-mentioning `payload.atUserList` (`TYPES.MSG_AT_ALL` = everyone). */
  createTextAtMessage(options: CreateTextAtMessageOptions): Message {
    return this.guard('createTextAtMessage', () => this.apis.messages.createTextAtMessage(options));
  }

  /** A custom message (`payload: {data, description, extension}`). */
  createCustomMessage(options: CreateCustomMessageOptions): Message {
    return this.guard('createCustomMessage', () => this.apis.messages.createCustomMessage(options));
  }

  /**
   * Sends a message: its `status` goes `'unSend'` → `'success'` (resolves `{message}` with its
   * `sequence` and server `time`) or `'fail'` (rejects with the code and `data.message`).
   */
  sendMessage(message: Message, options?: SendMessageOptions): Promise<ChatResponse<{ message: Message }>> {
    return this.guard('sendMessage', () => this.apis.messages.sendMessage(message, options));
  }

  /** Sends a failed message again with the same ID; the server never stores it twice. */
  resendMessage(message: Message): Promise<ChatResponse<{ message: Message }>> {
    return this.guard('resendMessage', () => this.apis.messages.resendMessage(message));
  }

  /** A page of roaming history, oldest first; pass `nextReqMessageID` for older pages. */
  getMessageList(options: GetMessageListOptions): Promise<ChatResponse<MessageListResult>> {
    return this.guard('getMessageList', () => this.apis.messages.getMessageList(options));
  }

  /** History from a sequence or a time, older (`direction` 0) or newer (1). */
  getMessageListHopping(options: GetMessageListHoppingOptions): Promise<ChatResponse<MessageHoppingResult>> {
    return this.guard('getMessageListHopping', () => this.apis.messages.getMessageListHopping(options));
  }

  /** A message from the local cache by ID, or `null`. */
  findMessage(messageID: string): Message | null {
    return this.guard('findMessage', () => this.apis.messages.findMessage(messageID));
  }

  /** Deletes up to 30 messages of one conversation, for this user only. */
  deleteMessage(messageList: Message[]): Promise<ChatResponse<{ messageList: Message[] }>> {
    return this.guard('deleteMessage', () => this.apis.messages.deleteMessage(messageList));
  }

  /** Clears a conversation's history for this user only. */
  clearHistoryMessage(conversationID: string): Promise<ChatResponse<Empty>> {
    return this.guard('clearHistoryMessage', () => this.apis.messages.clearHistoryMessage(conversationID));
  }

  /** Marks a conversation read (its unread count becomes 0). */
  setMessageRead(options: { conversationID: string }): Promise<ChatResponse<Empty>> {
    return this.guard('setMessageRead', () => this.apis.messages.setMessageRead(options));
  }

  /** Marks every conversation (of a scope) read. */
  setAllMessageRead(options?: SetAllMessageReadOptions): Promise<ChatResponse<Empty>> {
    return this.guard('setAllMessageRead', () => this.apis.messages.setAllMessageRead(options));
  }

  /** The conversation list (works before `SDK_READY`: the local list). An array argument filters by ID. */
  getConversationList(options?: readonly string[] | Record<string, unknown>): Promise<ChatResponse<ConversationListResult>> {
    return this.apis.conversations.getConversationList(options);
  }

  /** One conversation (listed ones from memory, others from the server; unknown ones empty). */
  getConversationProfile(conversationID: string): Promise<ChatResponse<{ conversation: Conversation }>> {
    return this.apis.conversations.getConversationProfile(conversationID);
  }

  /** Sum of the unread counts; synchronous (works before `SDK_READY`). */
  getTotalUnreadMessageCount(): number {
    return this.apis.conversations.getTotalUnreadMessageCount();
  }

  /** Deletes one conversation, or several (`{conversationIDList, clearHistoryMessage}`). */
  deleteConversation(options: string | DeleteConversationOptions): Promise<ChatResponse<{ conversationID: string } | { conversationIDList: string[] }>> {
    return this.guard('deleteConversation', () => this.apis.conversations.deleteConversation(options));
  }

  /** Pins or unpins a conversation (pinned ones lead the list). */
  pinConversation(options: { conversationID: string; isPinned: boolean }): Promise<ChatResponse<{ conversationID: string }>> {
    return this.guard('pinConversation', () => this.apis.conversations.pinConversation(options));
  }

  /** Stores a draft ('' removes it); it shows in `draftText` on all the user's devices. */
  setConversationDraft(options: { conversationID: string; draftText: string }): Promise<ChatResponse<{ conversationID: string }>> {
    return this.guard('setConversationDraft', () => this.apis.conversations.setConversationDraft(options));
  }

  /** Creates a group; the creator is its owner. */
  createGroup(options: CreateGroupOptions): ReturnType<GroupApi['createGroup']> {
    return this.guard('createGroup', () => this.apis.groups.createGroup(options));
  }

  /** Joins (or applies to join) a group; `status` is a `TYPES.JOIN_STATUS_*` value. Whitelisted (works once logged in). */
  joinGroup(options: { groupID: string; applyMessage?: string }): Promise<ChatResponse<{ status: string; group: Group }>> {
    return this.apis.groups.joinGroup(options);
  }

  /**
   * Accepts or rejects a join application: `message` is the group system notice (`operationType` 1)
   * the app received for it. Owner or admin of the group.
   */
  handleGroupApplication(options: { handleAction: 'Agree' | 'Reject'; handleMessage?: string; message: Message }): Promise<ChatResponse<{ group: Group }>> {
    return this.guard('handleGroupApplication', () => this.apis.groups.handleGroupApplication(options));
  }

  /** Leaves a group. Whitelisted (works once logged in). */
  quitGroup(groupID: string): Promise<ChatResponse<{ groupID: string }>> {
    return this.apis.groups.quitGroup(groupID);
  }

  /** Dismisses a group (owner only). */
  dismissGroup(groupID: string): Promise<ChatResponse<{ groupID: string }>> {
    return this.guard('dismissGroup', () => this.apis.groups.dismissGroup(groupID));
  }

  /** The groups the user is a member of (fresh from the server). */
  getGroupList(_options?: unknown): Promise<ChatResponse<{ groupList: Group[] }>> {
    return this.guard('getGroupList', () => this.apis.groups.getGroupList());
  }

  /** One group's profile. */
  getGroupProfile(options: { groupID: string }): Promise<ChatResponse<{ group: Group }>> {
    return this.guard('getGroupProfile', () => this.apis.groups.getGroupProfile(options));
  }

  /** Changes a group's profile (owner/admin). */
  updateGroupProfile(options: UpdateGroupProfileOptions): Promise<ChatResponse<{ group: Group }>> {
    return this.guard('updateGroupProfile', () => this.apis.groups.updateGroupProfile(options));
  }

  /** A page of members; `offset` continues it (0 when complete). */
  getGroupMemberList(options: { groupID: string; count?: number; offset?: number }): Promise<
    ChatResponse<{ memberList: GroupMember[]; offset: number; isCompleted: boolean }>
  > {
    return this.guard('getGroupMemberList', () => this.apis.groups.getGroupMemberList(options));
  }

  /** Adds members; the lists say who was added, who already was a member, who failed. */
  addGroupMember(options: { groupID: string; userIDList: string[] }): ReturnType<GroupApi['addGroupMember']> {
    return this.guard('addGroupMember', () => this.apis.groups.addGroupMember(options));
  }

  /** Removes members (owner/admin). */
  deleteGroupMember(options: { groupID: string; userIDList: string[]; reason?: string }): ReturnType<GroupApi['deleteGroupMember']> {
    return this.guard('deleteGroupMember', () => this.apis.groups.deleteGroupMember(options));
  }

  /** Makes a member an admin or a plain member (owner only). */
  setGroupMemberRole(options: { groupID: string; userID: string; role: string }): ReturnType<GroupApi['setGroupMemberRole']> {
    return this.guard('setGroupMemberRole', () => this.apis.groups.setGroupMemberRole(options));
  }

  /**
   * The readiness gate for every API outside the whitelist: runs `run` when ready, else returns a
   * rejected Promise with the not-ready code (see `readiness-gate.ts`). The cast keeps the
   * declared return types of synchronous APIs Tencent-compatible.
   */
  protected guard<T>(apiName: string, run: () => T): T {
    return gate(this.session, apiName, run) as T;
  }
}
