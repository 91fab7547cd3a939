/**
 * The message methods of a `TencentCloudChat` instance as a public-method table: creating,
 * sending and resending messages, history, `findMessage`, deleting, clearing and marking read.
 * All of them run only once the SDK is ready.
 */
import type {
  CreateCustomMessageOptions,
  CreateTextAtMessageOptions,
  CreateTextMessageOptions,
  GetMessageListHoppingOptions,
  GetMessageListOptions,
  SendMessageOptions,
  SetAllMessageReadOptions,
} from '../model/api-options.js';
import type { Message } from '../model/message-types.js';
import type { ChatResponse } from '../session/chat-response.js';
import { gated, type MethodTable } from '../session/method-table.js';
import type { MessageApi, MessageHoppingResult, MessageListResult } from './message-api.js';

type Empty = Record<string, never>;

/** The message methods of an instance. */
export const MESSAGE_METHODS = {
  /** A text message to send with `sendMessage`. Throws 6017/2106 for bad arguments. */
  createTextMessage: gated((api: MessageApi) => (options: CreateTextMessageOptions): Message => api.createTextMessage(options)),

  /** A group text message @-mentioning `payload.atUserList` (`TYPES.MSG_AT_ALL` = everyone). */
  createTextAtMessage: gated((api: MessageApi) => (options: CreateTextAtMessageOptions): Message => api.createTextAtMessage(options)),

  /** A custom message (`payload: {data, description, extension}`). */
  createCustomMessage: gated((api: MessageApi) => (options: CreateCustomMessageOptions): Message => api.createCustomMessage(options)),

  /**
   * Sends a message: its `status` goes `'unSend'` → `'success'` (resolves `{message}` with its
   * `sequence` and server `time`) or `'fail'` (rejects with the code and `data.message`).
   */
  sendMessage: gated(
    (api: MessageApi) =>
      (message: Message, options?: SendMessageOptions): Promise<ChatResponse<{ message: Message }>> =>
        api.sendMessage(message, options),
  ),

  /** Sends a failed message again with the same ID; the server never stores it twice. */
  resendMessage: gated((api: MessageApi) => (message: Message): Promise<ChatResponse<{ message: Message }>> => api.resendMessage(message)),

  /** A page of roaming history, oldest first; pass `nextReqMessageID` for older pages. */
  getMessageList: gated(
    (api: MessageApi) =>
      (options: GetMessageListOptions): Promise<ChatResponse<MessageListResult>> =>
        api.getMessageList(options),
  ),

  /** History from a sequence or a time, older (`direction` 0) or newer (1). */
  getMessageListHopping: gated(
    (api: MessageApi) =>
      (options: GetMessageListHoppingOptions): Promise<ChatResponse<MessageHoppingResult>> =>
        api.getMessageListHopping(options),
  ),

  /** A message from the local cache by ID, or `null`. */
  findMessage: gated((api: MessageApi) => (messageID: string): Message | null => api.findMessage(messageID)),

  /** Deletes up to 30 messages of one conversation, for this user only. */
  deleteMessage: gated(
    (api: MessageApi) =>
      (messageList: Message[]): Promise<ChatResponse<{ messageList: Message[] }>> =>
        api.deleteMessage(messageList),
  ),

  /** Clears a conversation's history for this user only. */
  clearHistoryMessage: gated((api: MessageApi) => (conversationID: string): Promise<ChatResponse<Empty>> => api.clearHistoryMessage(conversationID)),

  /** Marks a conversation read (its unread count becomes 0). */
  setMessageRead: gated((api: MessageApi) => (options: { conversationID: string }): Promise<ChatResponse<Empty>> => api.setMessageRead(options)),

  /** Marks every conversation (of a scope) read. */
  setAllMessageRead: gated((api: MessageApi) => (options?: SetAllMessageReadOptions): Promise<ChatResponse<Empty>> => api.setAllMessageRead(options)),
} satisfies MethodTable<MessageApi>;
