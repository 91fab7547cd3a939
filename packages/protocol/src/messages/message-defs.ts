/**
 * Definitions of the message commands and push (`openim.*`): each pairs the server's request parser
 * with the SDK's answer parser under the command's wire name.
 */
import { defineCommand, definePush } from '../core/command-def.js';
import { emptyBody, MALFORMED_ANSWER } from '../core/parse-kit.js';
import { MessagingCommand, MessagingPush } from '../core/wire-names.js';
import { parseConversationAnswer } from '../shared/wire-conversation.js';
import { parseConversationRequest } from '../shared/wire-ids.js';
import { parseHistoryAnswer, parseMessagePush, parseSendAnswer, parseSyncAnswer } from './message-answers.js';
import {
  parseDeleteMessagesRequest,
  parseHistoryRequest,
  parseSendMessageRequest,
  parseSetAllReadRequest,
  parseSetReadRequest,
  parseSyncRequest,
} from './message-parse.js';

const parseEmptyAnswer = emptyBody(MALFORMED_ANSWER, 'answer');

/** The message commands. */
export const MessageCommands = {
  /** Send a C2C or group message; answers the stored message. */
  send: defineCommand({ name: MessagingCommand.SEND, parseRequest: parseSendMessageRequest, parseAnswer: parseSendAnswer }),
  /** Catch up on C2C messages and learn every joined group's sequence. */
  sync: defineCommand({ name: MessagingCommand.SYNC, parseRequest: parseSyncRequest, parseAnswer: parseSyncAnswer }),
  /** Page the roaming history of one conversation. */
  history: defineCommand({ name: MessagingCommand.HISTORY, parseRequest: parseHistoryRequest, parseAnswer: parseHistoryAnswer }),
  /** Mark a conversation read; answers the conversation. */
  setRead: defineCommand({ name: MessagingCommand.SET_READ, parseRequest: parseSetReadRequest, parseAnswer: parseConversationAnswer }),
  /** Mark every conversation read. */
  setAllRead: defineCommand({ name: MessagingCommand.SET_ALL_READ, parseRequest: parseSetAllReadRequest, parseAnswer: parseEmptyAnswer }),
  /** Delete messages for this user only. */
  delete: defineCommand({ name: MessagingCommand.DELETE, parseRequest: parseDeleteMessagesRequest, parseAnswer: parseEmptyAnswer }),
  /** Clear a conversation's history for this user only. */
  clearHistory: defineCommand({ name: MessagingCommand.CLEAR_HISTORY, parseRequest: parseConversationRequest, parseAnswer: parseEmptyAnswer }),
} as const;

/** The message push. */
export const MessagePushes = {
  /** A new message in one of the user's conversations. */
  message: definePush({ name: MessagingPush.MESSAGE, parseBody: parseMessagePush }),
} as const;
