/**
 * The group part of the fake messaging model (see fake-messaging.ts): groups, members, roles,
 * group messages and the `group_changed` push. Simplified: no group tips, no applications
 * (a `NeedPermission` group answers `WaitAdminApproval` and adds nobody).
 */
import { MessagingCommand, MessagingPush, type RequestFrame, type WireGroup, type WireGroupMember, type WireGroupType, type WireMessage } from '@parley/protocol';
import type { FakeMessaging } from './fake-messaging.js';
import type { FakeConnection, Reply } from './fake-server.js';

interface FakeGroup {
  base: Omit<WireGroup, 'memberNum' | 'nextMessageSeq' | 'selfRole' | 'selfJoinTime'>;
  readonly members: Map<string, WireGroupMember>;
  readonly messages: WireMessage[];
}

const notFound: Reply = { code: 10010, message: 'group not found' };
const denied: Reply = { code: 10007, message: 'permission denied' };

/** Groups of the fake server. */
export class FakeGroups {
  private readonly groups = new Map<string, FakeGroup>();
  private next = 1;

  constructor(private readonly model: FakeMessaging) {}

  /** Creates a group directly (test setup); `owner` and `members` join it. */
  create(groupID: string, owner: string, members: readonly string[] = [], type: WireGroupType = 'Public'): void {
    const now = this.model.now();
    const g: FakeGroup = {
      base: { groupID, type, name: groupID, introduction: '', notification: '', avatar: '', ownerID: owner, createTime: now, maxMemberNum: 200, joinOption: 'FreeAccess', muteAllMembers: false },
      members: new Map(),
      messages: [],
    };
    for (const u of [owner, ...members]) g.members.set(u, { userID: u, role: u === owner ? 'Owner' : 'Member', joinTime: now, nameCard: '' });
    this.groups.set(groupID, g);
  }

  /** Messages of a group (the model appends to this array). */
  messages(groupID: string): WireMessage[] {
    return this.groups.get(groupID)?.messages ?? [];
  }

  isMember(groupID: string, user: string): boolean {
    return this.groups.get(groupID)?.members.has(user) ?? false;
  }

  membersOf(groupID: string): string[] {
    return [...(this.groups.get(groupID)?.members.keys() ?? [])];
  }

  joinedBy(user: string): string[] {
    return [...this.groups.entries()].filter(([, g]) => g.members.has(user)).map(([id]) => id);
  }

  /** The wire group as `viewer` sees it. */
  wire(groupID: string, viewer: string): WireGroup | undefined {
    const g = this.groups.get(groupID);
    if (!g) return undefined;
    const me = g.members.get(viewer);
    return { ...g.base, memberNum: g.members.size, nextMessageSeq: g.messages.length, ...(me ? { selfRole: me.role, selfJoinTime: me.joinTime } : {}) };
  }

  /** Answers the group commands. */
  reply(request: RequestFrame, user: string, connection: FakeConnection): Reply {
    const b = request.body;
    const groupID = typeof b['groupID'] === 'string' ? b['groupID'] : '';
    const g = this.groups.get(groupID);
    const role = g?.members.get(user)?.role;
    const manager = role === 'Owner' || role === 'Admin';
    switch (request.cmd) {
      case MessagingCommand.CREATE_GROUP: {
        const id = groupID || `@TGS#fake${this.next++}`;
        if (this.groups.has(id)) return { code: 10021, message: 'group ID in use' };
        const members = ((b['memberList'] as { userID: string }[] | undefined) ?? []).map((m) => m.userID);
        this.create(id, user, members, (b['type'] as WireGroupType | undefined) ?? 'Private');
        const created = this.groups.get(id);
        if (created) created.base = { ...created.base, name: String(b['name']), introduction: String(b['introduction'] ?? ''), joinOption: String(b['joinOption'] ?? 'FreeAccess') };
        this.notify(id, 'joined', members, connection);
        return { code: 0, body: { group: this.wire(id, user) } };
      }
      case MessagingCommand.JOIN_GROUP: {
        if (!g) return notFound;
        if (g.members.has(user)) return { code: 0, body: { status: 'AlreadyInGroup', group: this.wire(groupID, user) } };
        if (g.base.joinOption !== 'FreeAccess') return { code: 0, body: { status: 'WaitAdminApproval', group: this.wire(groupID, user) } };
        g.members.set(user, { userID: user, role: 'Member', joinTime: this.model.now(), nameCard: '' });
        return { code: 0, body: { status: 'JoinedSuccess', group: this.wire(groupID, user) } };
      }
      case MessagingCommand.QUIT_GROUP:
        if (!g) return notFound;
        if (role === 'Owner' && g.base.type !== 'Private') return denied;
        g.members.delete(user);
        return { code: 0, body: {} };
      case MessagingCommand.DISMISS_GROUP: {
        if (!g) return notFound;
        if (role !== 'Owner') return denied;
        const members = this.membersOf(groupID);
        this.groups.delete(groupID);
        for (const u of members) for (const c of this.model.server.connectionsOf(u)) if (c !== connection) c.push(MessagingPush.GROUP_CHANGED, { groupID, change: 'dismissed' });
        return { code: 0, body: {} };
      }
      case MessagingCommand.JOINED_GROUPS:
        return { code: 0, body: { groups: this.joinedBy(user).map((id) => this.wire(id, user)) } };
      case MessagingCommand.GROUP_INFO:
        return g ? { code: 0, body: { group: this.wire(groupID, user) } } : notFound;
      case MessagingCommand.UPDATE_GROUP: {
        if (!g) return notFound;
        if (!manager) return denied;
        const { groupID: _id, ...changes } = b;
        g.base = { ...g.base, ...(changes as Partial<WireGroup>) };
        return { code: 0, body: { group: this.wire(groupID, user) } };
      }
      case MessagingCommand.GROUP_MEMBERS: {
        if (!g) return notFound;
        const offset = Number(b['offset'] ?? 0);
        const count = Number(b['count'] ?? 15);
        const all = [...g.members.values()];
        const page = all.slice(offset, offset + count);
        return { code: 0, body: { members: page, nextOffset: offset + page.length, isCompleted: offset + page.length >= all.length } };
      }
      case MessagingCommand.ADD_MEMBERS: {
        if (!g) return notFound;
        if (!manager) return denied;
        const results = (b['userIDList'] as string[]).map((u) => {
          if (g.members.has(u)) return { userID: u, result: 2 };
          g.members.set(u, { userID: u, role: 'Member', joinTime: this.model.now(), nameCard: '' });
          return { userID: u, result: 1 };
        });
        this.notify(groupID, 'joined', results.filter((r) => r.result === 1).map((r) => r.userID), connection);
        return { code: 0, body: { results } };
      }
      case MessagingCommand.DELETE_MEMBERS:
        if (!g) return notFound;
        if (!manager) return denied;
        for (const u of b['userIDList'] as string[]) g.members.delete(u);
        return { code: 0, body: {} };
      case MessagingCommand.SET_MEMBER_ROLE: {
        if (!g) return notFound;
        if (role !== 'Owner') return denied;
        const member = g.members.get(String(b['userID']));
        if (!member) return { code: 10007, message: 'not a member' };
        g.members.set(member.userID, { ...member, role: b['role'] === 'Admin' ? 'Admin' : 'Member' });
        return { code: 0, body: {} };
      }
      default:
        return { code: 88501, message: `Unknown command ${request.cmd}` };
    }
  }

  private notify(groupID: string, change: string, users: readonly string[], except: FakeConnection): void {
    for (const u of users) {
      const group = this.wire(groupID, u);
      for (const c of this.model.server.connectionsOf(u)) if (c !== except) c.push(MessagingPush.GROUP_CHANGED, { groupID, change, group });
    }
  }
}
