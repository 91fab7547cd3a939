/**
 * The profile commands on the WebSocket gateway, each registered with its `@parley/protocol`
 * definition; the command kit parses, finds the caller and maps errors.
 */
import { ProfileCommands } from '@parley/protocol';
import type { CommandKit } from '../../gateway/command-kit.js';
import type { ProfileService } from './profile-service.js';

/** Registers the profile commands. */
export function registerProfileCommands(kit: CommandKit, profiles: ProfileService): void {
  kit.command(ProfileCommands.getMine, async (c) => ({ profile: await profiles.getMine(c) }));
  kit.command(ProfileCommands.get, async (c, body) => ({ profiles: await profiles.get(c.sdkAppID, body.userIDList) }));
  kit.command(ProfileCommands.update, async (c, patch) => ({ profile: await profiles.updateMine(c, patch) }));
}
