/**
 * The conversation commands on the WebSocket gateway. Each is registered with its `@parley/protocol` definition (name and
 * request parser); the command kit parses, finds the caller and maps errors.
 */
import { ConversationCommands, MessageCommands } from '@parley/protocol';
import type { CommandKit } from '../../gateway/command-kit.js';
import type { ConversationService } from './conversation-service.js';

/** Registers the conversation commands. */
export function registerConversationCommands(kit: CommandKit, conversations: ConversationService): void {
  kit.command(MessageCommands.setRead, async (c, body) => ({ conversation: await conversations.setRead(c, body.conversation, body.seq) }));
  kit.command(MessageCommands.setAllRead, async (c, body) => {
    await conversations.setAllRead(c, body.scope);
    return {};
  });
  kit.command(MessageCommands.delete, async (c, body) => {
    await conversations.deleteMessages(c, body.conversation, body.seqs);
    return {};
  });
  kit.command(MessageCommands.clearHistory, async (c, body) => {
    await conversations.clearHistory(c, body.conversation);
    return {};
  });
  kit.command(ConversationCommands.list, async (c) => ({ conversations: await conversations.list(c) }));
  kit.command(ConversationCommands.get, async (c, body) => ({ conversation: await conversations.get(c, body.conversation) }));
  kit.command(ConversationCommands.delete, async (c, body) => {
    await conversations.deleteConversation(c, body.conversation, body.clearHistory);
    return {};
  });
  kit.command(ConversationCommands.pin, async (c, body) => ({ conversation: await conversations.pin(c, body.conversation, body.isPinned) }));
  kit.command(ConversationCommands.setDraft, async (c, body) => ({ conversation: await conversations.setDraft(c, body.conversation, body.draftText) }));
}
