/** The group commands of `MessagingCommand` on the WebSocket gateway. */
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
import type { ClientConnection } from '../../gateway/client-connection.js';
import type { WsGateway } from '../../gateway/ws-gateway.js';
import type { SinkTable } from '../../sessions/sink-table.js';
import type { GroupApplicationService } from './group-application-service.js';
import type { GroupMemberService } from './group-member-service.js';
import type { GroupActor, GroupService } from './group-service.js';
import { callerOf, parsedBody } from '../messages/message-commands.js';
import { wireGroup } from '../../gateway/wire-convert.js';

/** What the group commands need. */
export interface GroupCommandDeps {
  readonly sinks: SinkTable;
  readonly groups: GroupService;
  readonly members: GroupMemberService;
  readonly applications: GroupApplicationService;
}

/** Registers the group commands. */
export function registerGroupCommands(gateway: WsGateway, deps: GroupCommandDeps): void {
  const { sinks, groups, members, applications } = deps;
  const actor = (conn: ClientConnection): GroupActor => callerOf(sinks, conn);

  gateway.register(MessagingCommand.CREATE_GROUP, async (conn, req) => {
    const body = parsedBody(parseCreateGroupRequest(req.body));
    const a = actor(conn);
    const created = await groups.create(a, body, a.userID);
    // The owner joined when the group was made.
    return { group: wireGroup(created, 'Owner', created.createTime) };
  });
  gateway.register(MessagingCommand.JOIN_GROUP, async (conn, req) => {
    const body = parsedBody(parseJoinGroupRequest(req.body));
    return { ...(await groups.join(actor(conn), body.groupID, body.applyMessage)) };
  });
  gateway.register(MessagingCommand.QUIT_GROUP, async (conn, req) => {
    await groups.quit(actor(conn), parsedBody(parseGroupIDRequest(req.body)).groupID);
    return {};
  });
  gateway.register(MessagingCommand.DISMISS_GROUP, async (conn, req) => {
    await groups.dismiss(actor(conn), parsedBody(parseGroupIDRequest(req.body)).groupID);
    return {};
  });
  gateway.register(MessagingCommand.JOINED_GROUPS, async (conn) => ({ groups: await groups.joined(actor(conn)) }));
  gateway.register(MessagingCommand.GROUP_INFO, async (conn, req) => ({ group: await groups.info(actor(conn), parsedBody(parseGroupIDRequest(req.body)).groupID) }));
  gateway.register(MessagingCommand.UPDATE_GROUP, async (conn, req) => ({ group: await groups.update(actor(conn), parsedBody(parseUpdateGroupRequest(req.body))) }));
  gateway.register(MessagingCommand.GROUP_MEMBERS, async (conn, req) => {
    const body = parsedBody(parseGroupMembersRequest(req.body));
    return { ...(await members.list(actor(conn), body.groupID, body.offset, body.count)) };
  });
  gateway.register(MessagingCommand.ADD_MEMBERS, async (conn, req) => {
    const body = parsedBody(parseAddMembersRequest(req.body));
    return { results: await members.add(actor(conn), body.groupID, body.userIDList) };
  });
  gateway.register(MessagingCommand.DELETE_MEMBERS, async (conn, req) => {
    const body = parsedBody(parseDeleteMembersRequest(req.body));
    await members.remove(actor(conn), body.groupID, body.userIDList);
    return {};
  });
  gateway.register(MessagingCommand.SET_MEMBER_ROLE, async (conn, req) => {
    const body = parsedBody(parseSetMemberRoleRequest(req.body));
    await members.setRole(actor(conn), body.groupID, body.userID, body.role);
    return {};
  });
  gateway.register(MessagingCommand.GROUP_APPLICATIONS, async (conn) => ({ applications: await applications.pending(actor(conn)) }));
  gateway.register(MessagingCommand.HANDLE_GROUP_APPLICATION, async (conn, req) => {
    const body = parsedBody(parseHandleGroupApplicationRequest(req.body));
    return { group: await applications.handle(actor(conn), body) };
  });
}
