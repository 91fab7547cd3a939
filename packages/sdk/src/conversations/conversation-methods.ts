/**
 * The conversation methods of a `TencentCloudChat` instance as a public-method table. The reads
 * answer from the local list, so they work before `SDK_READY`; the writes run only once ready.
 */
import type { DeleteConversationOptions } from '../model/api-options.js';
import type { Conversation } from '../model/message-types.js';
import type { ChatResponse } from '../session/chat-response.js';
import { gated, localRead, type MethodTable } from '../session/method-table.js';
import type { ConversationApi, ConversationListResult } from './conversation-api.js';

/** The conversation methods of an instance. */
export const CONVERSATION_METHODS = {
  /** The conversation list (works before `SDK_READY`: the local list). An array argument filters by ID. */
  getConversationList: localRead(
    (api: ConversationApi) =>
      (options?: readonly string[] | Record<string, unknown>): Promise<ChatResponse<ConversationListResult>> =>
        api.getConversationList(options),
  ),

  /** One conversation (listed ones from memory, others from the server; unknown ones empty). */
  getConversationProfile: localRead(
    (api: ConversationApi) =>
      (conversationID: string): Promise<ChatResponse<{ conversation: Conversation }>> =>
        api.getConversationProfile(conversationID),
  ),

  /** Sum of the unread counts; synchronous (works before `SDK_READY`). */
  getTotalUnreadMessageCount: localRead((api: ConversationApi) => (): number => api.getTotalUnreadMessageCount()),

  /** Deletes one conversation, or several (`{conversationIDList, clearHistoryMessage}`). */
  deleteConversation: gated(
    (api: ConversationApi) =>
      (options: string | DeleteConversationOptions): Promise<ChatResponse<{ conversationID: string } | { conversationIDList: string[] }>> =>
        api.deleteConversation(options),
  ),

  /** Pins or unpins a conversation (pinned ones lead the list). */
  pinConversation: gated(
    (api: ConversationApi) =>
      (options: { conversationID: string; isPinned: boolean }): Promise<ChatResponse<{ conversationID: string }>> =>
        api.pinConversation(options),
  ),

  /** Stores a draft ('' removes it); it shows in `draftText` on all the user's devices. */
  setConversationDraft: gated(
    (api: ConversationApi) =>
      (options: { conversationID: string; draftText: string }): Promise<ChatResponse<{ conversationID: string }>> =>
        api.setConversationDraft(options),
  ),
} satisfies MethodTable<ConversationApi>;
