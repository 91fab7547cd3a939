/**
 * The group commands on the WebSocket gateway. Each `def` pairs a wire name with its
 * `@parley/protocol` request parser; the command kit parses, finds the caller and maps errors.
 */
import {
  MessagingCommand,
  parseAddMembersRequest,
  parseCreateGroupRequest,
  parseDeleteMembersRequest,
  parseGroupIDRequest,
  parseGroupMembersRequest,
  parseHandleGroupApplicationRequest,
  parseJoinGroupRequest,
  parseSetMemberRoleRequest,
  parseUpdateGroupRequest,
} from '@parley/protocol';
import { ignoreBody, type CommandKit } from '../../gateway/command-kit.js';
import { wireGroup } from '../../gateway/wire-convert.js';
import type { GroupApplicationService } from './group-application-service.js';
import type { GroupMemberService } from './group-member-service.js';
import type { GroupService } from './group-service.js';

const CREATE_GROUP = { name: MessagingCommand.CREATE_GROUP, parseRequest: parseCreateGroupRequest };
const JOIN_GROUP = { name: MessagingCommand.JOIN_GROUP, parseRequest: parseJoinGroupRequest };
const QUIT_GROUP = { name: MessagingCommand.QUIT_GROUP, parseRequest: parseGroupIDRequest };
const DISMISS_GROUP = { name: MessagingCommand.DISMISS_GROUP, parseRequest: parseGroupIDRequest };
const JOINED_GROUPS = { name: MessagingCommand.JOINED_GROUPS, parseRequest: ignoreBody };
const GROUP_INFO = { name: MessagingCommand.GROUP_INFO, parseRequest: parseGroupIDRequest };
const UPDATE_GROUP = { name: MessagingCommand.UPDATE_GROUP, parseRequest: parseUpdateGroupRequest };
const GROUP_MEMBERS = { name: MessagingCommand.GROUP_MEMBERS, parseRequest: parseGroupMembersRequest };
const ADD_MEMBERS = { name: MessagingCommand.ADD_MEMBERS, parseRequest: parseAddMembersRequest };
const DELETE_MEMBERS = { name: MessagingCommand.DELETE_MEMBERS, parseRequest: parseDeleteMembersRequest };
const SET_MEMBER_ROLE = { name: MessagingCommand.SET_MEMBER_ROLE, parseRequest: parseSetMemberRoleRequest };
const GROUP_APPLICATIONS = { name: MessagingCommand.GROUP_APPLICATIONS, parseRequest: ignoreBody };
const HANDLE_GROUP_APPLICATION = { name: MessagingCommand.HANDLE_GROUP_APPLICATION, parseRequest: parseHandleGroupApplicationRequest };

/** The group services the commands call. */
export interface GroupCommandDeps {
  readonly groups: GroupService;
  readonly members: GroupMemberService;
  readonly applications: GroupApplicationService;
}

/** Registers the group commands. */
export function registerGroupCommands(kit: CommandKit, deps: GroupCommandDeps): void {
  const { groups, members, applications } = deps;
  kit.command(CREATE_GROUP, async (a, body) => {
    const created = await groups.create(a, body, a.userID);
    // The owner joined when the group was made.
    return { group: wireGroup(created, 'Owner', created.createTime) };
  });
  kit.command(JOIN_GROUP, async (a, body) => ({ ...(await groups.join(a, body.groupID, body.applyMessage)) }));
  kit.command(QUIT_GROUP, async (a, body) => {
    await groups.quit(a, body.groupID);
    return {};
  });
  kit.command(DISMISS_GROUP, async (a, body) => {
    await groups.dismiss(a, body.groupID);
    return {};
  });
  kit.command(JOINED_GROUPS, async (a) => ({ groups: await groups.joined(a) }));
  kit.command(GROUP_INFO, async (a, body) => ({ group: await groups.info(a, body.groupID) }));
  kit.command(UPDATE_GROUP, async (a, body) => ({ group: await groups.update(a, body) }));
  kit.command(GROUP_MEMBERS, async (a, body) => ({ ...(await members.list(a, body.groupID, body.offset, body.count)) }));
  kit.command(ADD_MEMBERS, async (a, body) => ({ results: await members.add(a, body.groupID, body.userIDList) }));
  kit.command(DELETE_MEMBERS, async (a, body) => {
    await members.remove(a, body.groupID, body.userIDList);
    return {};
  });
  kit.command(SET_MEMBER_ROLE, async (a, body) => {
    await members.setRole(a, body.groupID, body.userID, body.role);
    return {};
  });
  kit.command(GROUP_APPLICATIONS, async (a) => ({ applications: await applications.pending(a) }));
  kit.command(HANDLE_GROUP_APPLICATION, async (a, body) => ({ group: await applications.handle(a, body) }));
}
