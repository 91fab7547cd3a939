/**
 * The message commands on the WebSocket gateway: send, sync and history. Each is registered with its
 * `@parley/protocol` definition (name and request parser); the command kit parses, finds the caller
 * and maps errors.
 */
import { MessageCommands } from '@parley/protocol';
import type { CommandKit } from '../../gateway/command-kit.js';
import type { MessageService } from './message-service.js';

/** Registers the message commands. */
export function registerMessageCommands(kit: CommandKit, messages: MessageService): void {
  kit.command(MessageCommands.send, (c, body) => messages.clientSend({ sdkAppID: c.sdkAppID, from: c.userID, origin: c.origin }, body, c.connection));
  kit.command(MessageCommands.sync, async (c, body) => ({ ...(await messages.sync(c.sdkAppID, c.userID, body.cursor, body.count, body.recent)) }));
  kit.command(MessageCommands.history, async (c, body) => ({ ...(await messages.history(c.sdkAppID, c.userID, body)) }));
}
