/**
 * The conversation commands on the WebSocket gateway. Each `def` pairs a wire name with its
 * `@parley/protocol` request parser; the command kit parses, finds the caller and maps errors.
 */
import {
  MessagingCommand,
  parseConversationRequest,
  parseDeleteConversationRequest,
  parseDeleteMessagesRequest,
  parsePinConversationRequest,
  parseSetAllReadRequest,
  parseSetDraftRequest,
  parseSetReadRequest,
} from '@parley/protocol';
import { ignoreBody, type CommandKit } from '../../gateway/command-kit.js';
import type { ConversationService } from './conversation-service.js';

const SET_READ = { name: MessagingCommand.SET_READ, parseRequest: parseSetReadRequest };
const SET_ALL_READ = { name: MessagingCommand.SET_ALL_READ, parseRequest: parseSetAllReadRequest };
const DELETE = { name: MessagingCommand.DELETE, parseRequest: parseDeleteMessagesRequest };
const CLEAR_HISTORY = { name: MessagingCommand.CLEAR_HISTORY, parseRequest: parseConversationRequest };
const CONVERSATIONS = { name: MessagingCommand.CONVERSATIONS, parseRequest: ignoreBody };
const CONVERSATION = { name: MessagingCommand.CONVERSATION, parseRequest: parseConversationRequest };
const DELETE_CONVERSATION = { name: MessagingCommand.DELETE_CONVERSATION, parseRequest: parseDeleteConversationRequest };
const PIN_CONVERSATION = { name: MessagingCommand.PIN_CONVERSATION, parseRequest: parsePinConversationRequest };
const SET_DRAFT = { name: MessagingCommand.SET_DRAFT, parseRequest: parseSetDraftRequest };

/** Registers the conversation commands. */
export function registerConversationCommands(kit: CommandKit, conversations: ConversationService): void {
  kit.command(SET_READ, async (c, body) => ({ conversation: await conversations.setRead(c, body.conversation, body.seq) }));
  kit.command(SET_ALL_READ, async (c, body) => {
    await conversations.setAllRead(c, body.scope);
    return {};
  });
  kit.command(DELETE, async (c, body) => {
    await conversations.deleteMessages(c, body.conversation, body.seqs);
    return {};
  });
  kit.command(CLEAR_HISTORY, async (c, body) => {
    await conversations.clearHistory(c, body.conversation);
    return {};
  });
  kit.command(CONVERSATIONS, async (c) => ({ conversations: await conversations.list(c) }));
  kit.command(CONVERSATION, async (c, body) => ({ conversation: await conversations.get(c, body.conversation) }));
  kit.command(DELETE_CONVERSATION, async (c, body) => {
    await conversations.deleteConversation(c, body.conversation, body.clearHistory);
    return {};
  });
  kit.command(PIN_CONVERSATION, async (c, body) => ({ conversation: await conversations.pin(c, body.conversation, body.isPinned) }));
  kit.command(SET_DRAFT, async (c, body) => ({ conversation: await conversations.setDraft(c, body.conversation, body.draftText) }));
}
