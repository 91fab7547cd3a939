/**
 * The user-status commands on the WebSocket gateway, each registered with its `@parley/protocol`
 * definition; the command kit parses, finds the caller and maps errors.
 */
import { StatusCommands } from '@parley/protocol';
import type { CommandKit } from '../../gateway/command-kit.js';
import type { StatusService } from './status-service.js';

/** Registers the user-status commands. */
export function registerStatusCommands(kit: CommandKit, statuses: StatusService): void {
  kit.command(StatusCommands.setSelf, async (c, body) => ({ status: await statuses.setSelf(c, body.customStatus) }));
  kit.command(StatusCommands.get, (c, body) => statuses.get(c, body.userIDList));
  kit.command(StatusCommands.subscribe, (c, body) => statuses.subscribe(c, body.userIDList));
  kit.command(StatusCommands.unsubscribe, (c, body) => statuses.unsubscribe(c, body.userIDList));
}
