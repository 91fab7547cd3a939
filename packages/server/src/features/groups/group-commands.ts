/**
 * The group commands on the WebSocket gateway. Each is registered with its `@parley/protocol` definition (name and
 * request parser); the command kit parses, finds the caller and maps errors.
 */
import { GroupCommands } from '@parley/protocol';
import type { CommandKit } from '../../gateway/command-kit.js';
import { wireGroup } from '../../gateway/wire-convert.js';
import type { GroupApplicationService } from './group-application-service.js';
import type { GroupMemberService } from './group-member-service.js';
import type { GroupService } from './group-service.js';

/** The group services the commands call. */
export interface GroupCommandDeps {
  readonly groups: GroupService;
  readonly members: GroupMemberService;
  readonly applications: GroupApplicationService;
}

/** Registers the group commands. */
export function registerGroupCommands(kit: CommandKit, deps: GroupCommandDeps): void {
  const { groups, members, applications } = deps;
  kit.command(GroupCommands.create, async (a, body) => {
    const created = await groups.create(a, body, a.userID);
    // The owner joined when the group was made.
    return { group: wireGroup(created, 'Owner', created.createTime) };
  });
  kit.command(GroupCommands.join, async (a, body) => ({ ...(await groups.join(a, body.groupID, body.applyMessage)) }));
  kit.command(GroupCommands.quit, async (a, body) => {
    await groups.quit(a, body.groupID);
    return {};
  });
  kit.command(GroupCommands.dismiss, async (a, body) => {
    await groups.dismiss(a, body.groupID);
    return {};
  });
  kit.command(GroupCommands.joinedList, async (a) => ({ groups: await groups.joined(a) }));
  kit.command(GroupCommands.info, async (a, body) => ({ group: await groups.info(a, body.groupID) }));
  kit.command(GroupCommands.update, async (a, body) => ({ group: await groups.update(a, body) }));
  kit.command(GroupCommands.members, async (a, body) => ({ ...(await members.list(a, body.groupID, body.offset, body.count)) }));
  kit.command(GroupCommands.addMembers, async (a, body) => ({ results: await members.add(a, body.groupID, body.userIDList) }));
  kit.command(GroupCommands.deleteMembers, async (a, body) => {
    await members.remove(a, body.groupID, body.userIDList);
    return {};
  });
  kit.command(GroupCommands.setMemberRole, async (a, body) => {
    await members.setRole(a, body.groupID, body.userID, body.role);
    return {};
  });
  kit.command(GroupCommands.applications, async (a) => ({ applications: await applications.pending(a) }));
  kit.command(GroupCommands.handleApplication, async (a, body) => ({ group: await applications.handle(a, body) }));
}
