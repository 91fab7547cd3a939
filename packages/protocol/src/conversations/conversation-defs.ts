/**
 * Definitions of the conversation commands and push (`recentcontact.*`).
 */
import { defineCommand, definePush } from '../core/command-def.js';
import { emptyBody, MALFORMED_ANSWER } from '../core/parse-kit.js';
import { MessagingCommand, MessagingPush } from '../core/wire-names.js';
import { parseConversationAnswer } from '../shared/wire-conversation.js';
import { parseConversationRequest } from '../shared/wire-ids.js';
import { parseConversationListAnswer, parseConversationPush } from './conversation-answers.js';
import { parseDeleteConversationRequest, parsePinConversationRequest, parseSetDraftRequest } from './conversation-parse.js';

/** The conversation commands. */
export const ConversationCommands = {
  /** The user's conversation list. */
  list: defineCommand({ name: MessagingCommand.CONVERSATIONS, parseRequest: emptyBody('PARLEY_BAD_REQUEST'), parseAnswer: parseConversationListAnswer }),
  /** One conversation. */
  get: defineCommand({ name: MessagingCommand.CONVERSATION, parseRequest: parseConversationRequest, parseAnswer: parseConversationAnswer }),
  /** Delete a conversation from the list (optionally clearing its history). */
  delete: defineCommand({ name: MessagingCommand.DELETE_CONVERSATION, parseRequest: parseDeleteConversationRequest, parseAnswer: emptyBody(MALFORMED_ANSWER, 'answer') }),
  /** Pin or unpin; answers the conversation. */
  pin: defineCommand({ name: MessagingCommand.PIN_CONVERSATION, parseRequest: parsePinConversationRequest, parseAnswer: parseConversationAnswer }),
  /** Store a draft; answers the conversation. */
  setDraft: defineCommand({ name: MessagingCommand.SET_DRAFT, parseRequest: parseSetDraftRequest, parseAnswer: parseConversationAnswer }),
} as const;

/** The conversation push. */
export const ConversationPushes = {
  /** A conversation changed on another instance, or was deleted. */
  changed: definePush({ name: MessagingPush.CONVERSATION_CHANGED, parseBody: parseConversationPush }),
} as const;
