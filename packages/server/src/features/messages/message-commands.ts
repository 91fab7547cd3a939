/**
 * The message commands on the WebSocket gateway: send, sync and history. Each `def` pairs a wire
 * name with its `@parley/protocol` request parser; the command kit parses, finds the caller and maps
 * errors.
 */
import { MessagingCommand, parseHistoryRequest, parseSendMessageRequest, parseSyncRequest } from '@parley/protocol';
import type { CommandKit } from '../../gateway/command-kit.js';
import type { MessageService } from './message-service.js';

const SEND = { name: MessagingCommand.SEND, parseRequest: parseSendMessageRequest };
const SYNC = { name: MessagingCommand.SYNC, parseRequest: parseSyncRequest };
const HISTORY = { name: MessagingCommand.HISTORY, parseRequest: parseHistoryRequest };

/** Registers the message commands. */
export function registerMessageCommands(kit: CommandKit, messages: MessageService): void {
  kit.command(SEND, (c, body) => messages.clientSend({ sdkAppID: c.sdkAppID, from: c.userID, origin: c.origin }, body, c.connection));
  kit.command(SYNC, async (c, body) => ({ ...(await messages.sync(c.sdkAppID, c.userID, body.cursor, body.count, body.recent)) }));
  kit.command(HISTORY, async (c, body) => ({ ...(await messages.history(c.sdkAppID, c.userID, body)) }));
}
