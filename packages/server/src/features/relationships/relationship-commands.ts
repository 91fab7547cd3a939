/**
 * The relationship commands (`sns.*`) on the WebSocket gateway, each registered with its
 * `@parley/protocol` definition; the command kit parses, finds the caller and maps errors.
 */
import { RelationshipCommands as C } from '@parley/protocol';
import type { CommandKit } from '../../gateway/command-kit.js';
import type { BlacklistService } from './blacklist-service.js';
import type { FriendGroupService } from './friend-group-service.js';
import type { FriendService } from './friend-service.js';

/** The relationship services the commands call. */
export interface RelationshipServices {
  readonly friends: FriendService;
  readonly groups: FriendGroupService;
  readonly blacklist: BlacklistService;
}

/** Registers the relationship commands. */
export function registerRelationshipCommands(kit: CommandKit, s: RelationshipServices): void {
  kit.command(C.friendList, async (c) => ({ friendList: await s.friends.list(c) }));
  kit.command(C.addFriend, async (c, req) => ({ ...(await s.friends.add(c, req)) }));
  kit.command(C.deleteFriend, async (c, req) => ({ ...(await s.friends.delete(c, req.userIDList, req.type)) }));
  kit.command(C.checkFriend, async (c, req) => ({ ...(await s.friends.check(c, req.userIDList, req.type === 'CheckResult_Type_Single')) }));
  kit.command(C.getFriend, async (c, req) => ({ ...(await s.friends.get(c, req.userIDList)) }));
  kit.command(C.updateFriend, async (c, req) => ({ friend: await s.friends.update(c, req) }));
  kit.command(C.applicationList, async (c) => ({ ...(await s.friends.applications(c)) }));
  kit.command(C.acceptApplication, async (c, req) => (await s.friends.accept(c, req), {}));
  kit.command(C.refuseApplication, async (c, req) => (await s.friends.refuse(c, req.userID), {}));
  kit.command(C.deleteApplication, async (c, req) => (await s.friends.deleteApplication(c, req.userID, req.type), {}));
  kit.command(C.readApplications, async (c) => (await s.friends.markRead(c), {}));
  kit.command(C.groupList, async (c) => ({ friendGroupList: await s.groups.list(c) }));
  kit.command(C.createGroup, async (c, req) => ({ ...(await s.groups.create(c, req.name, req.userIDList)) }));
  kit.command(C.deleteGroup, async (c, req) => ({ friendGroup: await s.groups.delete(c, req.name) }));
  kit.command(C.renameGroup, async (c, req) => ({ friendGroup: await s.groups.rename(c, req.oldName, req.newName) }));
  kit.command(C.addGroupMembers, async (c, req) => ({ ...(await s.groups.addMembers(c, req.name, req.userIDList)) }));
  kit.command(C.removeGroupMembers, async (c, req) => ({ ...(await s.groups.removeMembers(c, req.name, req.userIDList)) }));
  kit.command(C.blacklist, async (c) => ({ userIDList: await s.blacklist.list(c) }));
  kit.command(C.addToBlacklist, async (c, req) => ({ ...(await s.blacklist.add(c, req.userIDList)) }));
  kit.command(C.removeFromBlacklist, async (c, req) => ({ ...(await s.blacklist.remove(c, req.userIDList)) }));
}
