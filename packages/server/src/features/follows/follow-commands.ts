/**
 * The follow commands on the WebSocket gateway, each registered with its `@parley/protocol`
 * definition; the command kit parses, finds the caller and maps errors.
 */
import { FollowCommands } from '@parley/protocol';
import type { CommandKit } from '../../gateway/command-kit.js';
import type { FollowService } from './follow-service.js';

/** Registers the follow commands. */
export function registerFollowCommands(kit: CommandKit, follows: FollowService): void {
  kit.command(FollowCommands.follow, async (c, body) => ({ resultList: await follows.follow(c, body.userIDList) }));
  kit.command(FollowCommands.unfollow, async (c, body) => ({ resultList: await follows.unfollow(c, body.userIDList) }));
  kit.command(FollowCommands.list, async (c, body) => {
    const { userIDList, nextCursor } = await follows.list(c, body.listType, body.nextCursor);
    return { userIDList, nextCursor };
  });
  kit.command(FollowCommands.info, async (c, body) => ({ followInfoList: await follows.info(c, body.userIDList) }));
  kit.command(FollowCommands.check, async (c, body) => ({ resultList: await follows.check(c, body.userIDList) }));
}
