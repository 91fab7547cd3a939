/**
 * The group part of the fake messaging model (see fake-messaging.ts): groups, members, roles, group
 * messages, group tips, join applications and the group pushes. Requests are parsed with the
 * protocol's parsers and answered with the server's codes; `tests/protocol/` holds it to the real
 * server. Not modelled: AVChatRoom's unstored messages, a new member's read position, app admins.
 */
import {
  DEFAULT_JOIN_OPTION,
  ERRORS,
  GROUP_MEMBER_LIMITS,
  GroupTipType,
  MessagingCommand,
  MessagingPush,
  parseAddMembersRequest,
  parseCreateGroupRequest,
  parseDeleteMembersRequest,
  parseGroupIDRequest,
  parseGroupMembersRequest,
  parseHandleGroupApplicationRequest,
  parseJoinGroupRequest,
  parseSetMemberRoleRequest,
  parseUpdateGroupRequest,
  NO_SENDER_NAMES,
  SYSTEM_SENDER,
  type ErrorName,
  type RequestFrame,
  type WireGroup,
  type WireGroupApplication,
  type WireGroupMember,
  type WireGroupType,
  type WireMessage,
} from '@parley/protocol';
import { refused, type FakeMessaging } from './fake-messaging.js';
import type { FakeConnection, Reply } from './fake-server.js';

interface FakeGroup {
  base: Omit<WireGroup, 'memberNum' | 'nextMessageSeq' | 'selfRole' | 'selfJoinTime'>;
  /** Members without their profile names (a member list adds the current ones). */
  readonly members: Map<string, Omit<WireGroupMember, 'nick' | 'avatar'>>;
  readonly messages: WireMessage[];
  /** Pending join applications by applicant. */
  readonly applications: Map<string, WireGroupApplication>;
}

/** An error answer with the registry's code and message. */
const fail = (name: ErrorName, detail?: string): Reply => ({ code: ERRORS[name].code, message: detail === undefined ? ERRORS[name].message : `${ERRORS[name].message}: ${detail}` });
const notFound = fail('ERR_SVR_GROUP_NOT_FOUND');
const denied = fail('ERR_SVR_GROUP_PERMISSION_DENY');

/** Groups of the fake server. */
export class FakeGroups {
  private readonly groups = new Map<string, FakeGroup>();
  private next = 1;
  private nextTip = 1;

  constructor(private readonly model: FakeMessaging) {}

  /**
   * Creates a group directly (test setup: a group that already exists when the test starts, with
   * no history, so no creation tip); `owner` and `members` join it.
   */
  create(groupID: string, owner: string, members: readonly string[] = [], type: WireGroupType = 'Public'): void {
    const now = this.model.now();
    const g: FakeGroup = {
      base: { groupID, type, name: groupID, introduction: '', notification: '', avatar: '', ownerID: owner, createTime: now, maxMemberNum: 200, joinOption: 'FreeAccess', muteAllMembers: false },
      members: new Map(),
      messages: [],
      applications: new Map(),
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

  /** Why `user` may not read the group conversation `groupID` (10010, 10007), or undefined. */
  memberCheck(groupID: string, user: string): Reply | undefined {
    const g = this.groups.get(groupID);
    if (!g) return notFound;
    return g.members.has(user) ? undefined : denied;
  }

  /** Why `user` may not send to `groupID` (10010, 10007, 10017 when muted for plain members), or undefined. */
  sendCheck(groupID: string, user: string): Reply | undefined {
    const g = this.groups.get(groupID);
    if (!g) return notFound;
    const role = g.members.get(user)?.role;
    if (!role) return denied;
    return g.base.muteAllMembers && role === 'Member' ? fail('ERR_SVR_GROUP_SHUTUP_DENY') : undefined;
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
    switch (request.cmd) {
      case MessagingCommand.CREATE_GROUP: {
        const p = parseCreateGroupRequest(b);
        if (!p.ok) return refused(p);
        const req = p.value;
        const id = req.groupID ?? `@TGS#fake${this.next++}`;
        if (this.groups.has(id)) return fail('ERR_SVR_GROUP_GROUPID_IN_USED');
        const unknown = req.memberList.find((m) => !this.model.isAccount(m.userID));
        if (unknown) return fail('ERR_SVR_GROUP_ACCOUNT_NOT_FOUND', unknown.userID);
        const members = req.memberList.filter((m) => m.userID !== user);
        const maxMemberNum = req.maxMemberNum ?? GROUP_MEMBER_LIMITS[req.type];
        if (members.length + 1 > (maxMemberNum || Infinity)) return fail('ERR_SVR_GROUP_FULL_MEMBER_COUNT');
        this.create(id, user, [], req.type);
        const g = this.groups.get(id);
        if (!g) return notFound;
        g.base = {
          ...g.base,
          name: req.name,
          introduction: req.introduction,
          notification: req.notification,
          avatar: req.avatar,
          maxMemberNum,
          // A Work group is always DisableApply: its members add others.
          joinOption: req.type === 'Private' ? 'DisableApply' : (req.joinOption ?? DEFAULT_JOIN_OPTION[req.type]),
        };
        for (const m of members) g.members.set(m.userID, { userID: m.userID, role: m.role, joinTime: g.base.createTime, nameCard: '' });
        this.tip(id, GroupTipType.MEMBER_JOIN, user, [user, ...members.map((m) => m.userID)]);
        this.notify(id, 'joined', [user, ...members.map((m) => m.userID)], connection);
        return { code: 0, body: { group: this.wire(id, user) } };
      }
      case MessagingCommand.JOIN_GROUP: {
        const p = parseJoinGroupRequest(b);
        if (!p.ok) return refused(p);
        const { groupID, applyMessage } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        if (g.members.has(user)) return { code: 0, body: { status: 'AlreadyInGroup', group: this.wire(groupID, user) } };
        if (g.base.joinOption === 'DisableApply') return denied;
        if (g.base.joinOption === 'NeedPermission') {
          // One application per user and group: a new one replaces the old.
          const application: WireGroupApplication = { groupID, groupName: g.base.name, userID: user, message: applyMessage, time: this.model.now() };
          g.applications.delete(user);
          g.applications.set(user, application);
          for (const u of this.managers(g)) for (const c of this.model.server.connectionsOf(u)) c.push(MessagingPush.GROUP_APPLICATION, { application });
          return { code: 0, body: { status: 'WaitAdminApproval', group: this.wire(groupID, user) } };
        }
        const full = this.admit(g, user, user, connection);
        return full ?? { code: 0, body: { status: 'JoinedSuccess', group: this.wire(groupID, user) } };
      }
      case MessagingCommand.QUIT_GROUP: {
        const p = parseGroupIDRequest(b);
        if (!p.ok) return refused(p);
        const { groupID } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        const role = g.members.get(user)?.role;
        if (!role) return denied;
        if (role === 'Owner' && g.base.type !== 'Private') return fail('ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT');
        g.members.delete(user);
        if (role === 'Owner') g.base = { ...g.base, ownerID: '' };
        this.tip(groupID, GroupTipType.MEMBER_QUIT, user, [user]);
        this.notify(groupID, 'left', [user], connection);
        return { code: 0, body: {} };
      }
      case MessagingCommand.DISMISS_GROUP: {
        const p = parseGroupIDRequest(b);
        if (!p.ok) return refused(p);
        const { groupID } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        if (g.members.get(user)?.role !== 'Owner') return denied;
        const members = this.membersOf(groupID);
        this.groups.delete(groupID);
        for (const u of members) for (const c of this.model.server.connectionsOf(u)) if (c !== connection) c.push(MessagingPush.GROUP_CHANGED, { groupID, change: 'dismissed' });
        return { code: 0, body: {} };
      }
      case MessagingCommand.JOINED_GROUPS:
        return { code: 0, body: { groups: this.joinedBy(user).map((id) => this.wire(id, user)) } };
      case MessagingCommand.GROUP_INFO: {
        const p = parseGroupIDRequest(b);
        if (!p.ok) return refused(p);
        const g = this.groups.get(p.value.groupID);
        if (!g) return notFound;
        // Non-members may read the profile of every type but Work.
        if (g.base.type === 'Private' && !g.members.has(user)) return denied;
        return { code: 0, body: { group: this.wire(p.value.groupID, user) } };
      }
      case MessagingCommand.UPDATE_GROUP: {
        const p = parseUpdateGroupRequest(b);
        if (!p.ok) return refused(p);
        const { groupID, ...changes } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        if (!this.mayEditProfile(g, user)) return denied;
        g.base = { ...g.base, ...changes };
        this.tip(groupID, GroupTipType.GROUP_PROFILE_UPDATED, user, [], changes);
        this.notify(groupID, 'updated', this.membersOf(groupID), connection);
        return { code: 0, body: { group: this.wire(groupID, user) } };
      }
      case MessagingCommand.GROUP_MEMBERS: {
        const p = parseGroupMembersRequest(b);
        if (!p.ok) return refused(p);
        const { groupID, offset, count } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        if (!g.members.has(user)) return denied;
        const all = [...g.members.values()].sort((x, y) => (x.userID < y.userID ? -1 : x.userID > y.userID ? 1 : 0));
        const page = all.slice(offset, offset + count);
        return { code: 0, body: { members: page.map((m) => ({ ...m, ...this.model.brief(m.userID) })), nextOffset: offset + page.length, isCompleted: offset + page.length >= all.length } };
      }
      case MessagingCommand.ADD_MEMBERS: {
        const p = parseAddMembersRequest(b);
        if (!p.ok) return refused(p);
        const { groupID, userIDList } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        if (!this.mayAdd(g, user)) return denied;
        const limit = g.base.maxMemberNum || Infinity;
        const results = userIDList.map((u) => {
          if (g.members.has(u)) return { userID: u, result: 2 };
          if (!this.model.isAccount(u) || g.members.size >= limit) return { userID: u, result: 0 };
          g.members.set(u, { userID: u, role: 'Member', joinTime: this.model.now(), nameCard: '' });
          return { userID: u, result: 1 };
        });
        const added = results.filter((r) => r.result === 1).map((r) => r.userID);
        if (added.length > 0) this.tip(groupID, GroupTipType.MEMBER_JOIN, user, added);
        this.notify(groupID, 'joined', added, connection);
        return { code: 0, body: { results } };
      }
      case MessagingCommand.DELETE_MEMBERS: {
        const p = parseDeleteMembersRequest(b);
        if (!p.ok) return refused(p);
        const { groupID, userIDList } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        const role = g.members.get(user)?.role;
        const removed = userIDList.filter((u) => g.members.has(u));
        // The owner removes admins and members, an admin removes members; nobody removes the owner.
        const allowed = (target: string) => {
          const r = g.members.get(target)?.role;
          return r !== 'Owner' && (role === 'Owner' || (role === 'Admin' && r === 'Member') || (g.base.type === 'Private' && role !== undefined && r === 'Member'));
        };
        if (!role || !removed.every(allowed)) return denied;
        // The removed members get the tip too: it is recorded while they are still members.
        if (removed.length > 0) this.tip(groupID, GroupTipType.MEMBER_KICKED_OUT, user, removed);
        for (const u of removed) g.members.delete(u);
        this.notify(groupID, 'kicked', removed, connection);
        return { code: 0, body: {} };
      }
      case MessagingCommand.SET_MEMBER_ROLE: {
        const p = parseSetMemberRoleRequest(b);
        if (!p.ok) return refused(p);
        const { groupID, userID, role } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        if (g.members.get(user)?.role !== 'Owner') return denied;
        const member = g.members.get(userID);
        if (!member || member.role === 'Owner') return denied;
        if (member.role !== role) {
          g.members.set(userID, { ...member, role });
          this.tip(groupID, role === 'Admin' ? GroupTipType.SET_ADMIN : GroupTipType.CANCEL_ADMIN, user, [userID]);
          this.notify(groupID, 'updated', [userID], connection);
        }
        return { code: 0, body: {} };
      }
      case MessagingCommand.GROUP_APPLICATIONS: {
        const applications = [...this.groups.values()]
          .filter((g) => this.managers(g).includes(user))
          .flatMap((g) => [...g.applications.values()])
          .sort((x, y) => x.time - y.time);
        return { code: 0, body: { applications } };
      }
      case MessagingCommand.HANDLE_GROUP_APPLICATION: {
        const p = parseHandleGroupApplicationRequest(b);
        if (!p.ok) return refused(p);
        const { groupID, userID, action, handleMessage } = p.value;
        const g = this.groups.get(groupID);
        if (!g) return notFound;
        if (!this.managers(g).includes(user)) return denied;
        if (!g.applications.has(userID)) return fail('ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED');
        if (action === 'Agree') {
          // A full group keeps the application.
          const full = this.admit(g, userID, user, connection);
          if (full) return full;
        }
        g.applications.delete(userID);
        const handled = { groupID, userID, action, handleMessage, operatorID: user };
        for (const u of new Set([userID, ...this.managers(g)])) {
          for (const c of this.model.server.connectionsOf(u)) if (c !== connection) c.push(MessagingPush.GROUP_APPLICATION_HANDLED, handled);
        }
        return { code: 0, body: { group: this.wire(groupID, user) } };
      }
      default:
        return { code: 88501, message: `Unknown command ${request.cmd}` };
    }
  }

  /** The name card of `user` in `groupID` (`undefined` when not a member). */
  nameCardOf(groupID: string, user: string): string | undefined {
    return this.groups.get(groupID)?.members.get(user)?.nameCard;
  }

  /** Adds `user` as a member (a join or an agreed application): the tip and the `joined` push; 10014 when full. */
  private admit(g: FakeGroup, user: string, operator: string, connection: FakeConnection): Reply | undefined {
    if (g.base.maxMemberNum > 0 && g.members.size >= g.base.maxMemberNum) return fail('ERR_SVR_GROUP_FULL_MEMBER_COUNT');
    g.members.set(user, { userID: user, role: 'Member', joinTime: this.model.now(), nameCard: '' });
    this.tip(g.base.groupID, GroupTipType.MEMBER_JOIN, operator, [user]);
    this.notify(g.base.groupID, 'joined', [user], connection);
    return undefined;
  }

  /** The owner and admins of `g`. */
  private managers(g: FakeGroup): string[] {
    return [...g.members.values()].filter((m) => m.role === 'Owner' || m.role === 'Admin').map((m) => m.userID);
  }

  /** Any member of a Work group; the owner and admins of the other types. */
  private mayEditProfile(g: FakeGroup, user: string): boolean {
    const role = g.members.get(user)?.role;
    return role !== undefined && (g.base.type === 'Private' || role !== 'Member');
  }

  /** As {@link mayEditProfile}, except that nobody adds members to an AVChatRoom. */
  private mayAdd(g: FakeGroup, user: string): boolean {
    return g.base.type !== 'AVChatRoom' && this.mayEditProfile(g, user);
  }

  /** Records a group tip from `@TIM#SYSTEM` in the group conversation and pushes it to the members. */
  private tip(groupID: string, operationType: number, operatorID: string, userIDList: readonly string[], groupProfile?: object): void {
    this.model.store({
      ID: `tip-${this.nextTip++}`,
      conversationType: 'GROUP',
      from: SYSTEM_SENDER,
      to: groupID,
      time: this.model.now(),
      ...NO_SENDER_NAMES,
      random: 0,
      elements: [{ type: 'TIMGroupTipElem', content: { operationType, operatorID, userIDList: [...userIDList], ...(groupProfile ? { groupProfile } : {}) } }],
      cloudCustomData: '',
      priority: 'Normal',
      atUserList: [],
      isOnlineOnly: false,
      receiverList: [],
    });
  }

  /** Pushes `group_changed` to `users` on every socket but the one that made the change. */
  private notify(groupID: string, change: string, users: readonly string[], except: FakeConnection): void {
    for (const u of users) {
      const group = this.wire(groupID, u);
      for (const c of this.model.server.connectionsOf(u)) if (c !== except) c.push(MessagingPush.GROUP_CHANGED, { groupID, change, ...(group && change !== 'left' && change !== 'kicked' ? { group } : {}) });
    }
  }
}
