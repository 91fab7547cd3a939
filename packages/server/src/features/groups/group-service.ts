/**
 * Group lifecycle: create, join, quit, dismiss, profile and the joined list, with the permission
 * rules of `group-rules.ts` and Tencent's group codes. Members are managed in
 * `group-member-service.ts`.
 */
import {
  ErrorCode,
  GroupTipType,
  JoinStatus,
  ParleyError,
  type NormalizedCreateGroup,
  type NormalizedUpdateGroup,
  type WireGroup,
  type WireMemberRole,
} from '@parley/protocol';
import type { GroupMemberRecord, GroupPatch, GroupRecord, GroupView, Store } from '@parley/store';
import type { Clock } from '../../time/clock.js';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { GroupDirectory } from '../../directories/group-directory.js';
import type { GroupNotifier } from './group-notify.js';
import { generateGroupID, initialJoinOption, initialMaxMembers, isManager, isProfilePublic, joinDecision, memberLimit, mayUpdateProfile } from './group-rules.js';
import type { MessagePort } from '../messages/message-port.js';
import { wireGroup } from '../../gateway/wire-convert.js';

/** Who acts on a group. */
export interface GroupActor {
  readonly sdkAppID: number;
  /** The acting user; for REST calls the admin identifier (named as operator in tips). */
  readonly userID: string;
  /** Instance id of the connection the request came from (not pushed to). */
  readonly origin?: string;
  /** A REST call of an app admin: permission checks are skipped. */
  readonly asAdmin?: boolean;
}

/** Dependencies of the group services. */
export interface GroupServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly directory: GroupDirectory;
  readonly accounts: AccountDirectory;
  readonly messages: MessagePort;
  readonly notify: GroupNotifier;
}

const deny = (detail: string): ParleyError => ParleyError.of('ERR_SVR_GROUP_PERMISSION_DENY', detail);

/** The group and the actor's role in it; 10010 when the group does not exist. */
export async function groupAndRole(d: GroupServiceDeps, actor: GroupActor, groupID: string): Promise<{ group: GroupView; role: WireMemberRole | undefined }> {
  const group = await d.directory.group(actor.sdkAppID, groupID);
  if (!group) throw ParleyError.of('ERR_SVR_GROUP_NOT_FOUND', groupID);
  return { group, role: await d.directory.roleOf(actor.sdkAppID, groupID, actor.userID) };
}

/** The group's owner and admins. */
export async function managersOf(d: GroupServiceDeps, sdkAppID: number, groupID: string): Promise<string[]> {
  const members = await d.directory.members(sdkAppID, groupID);
  return [...members].filter(([, role]) => isManager(role)).map(([userID]) => userID);
}

/** Whole seconds now. */
export function nowSec(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}

/** Group create / join / quit / dismiss / profile. */
export class GroupService {
  readonly #d: GroupServiceDeps;

  constructor(deps: GroupServiceDeps) {
    this.#d = deps;
  }

  /**
   * Creates a group owned by `ownerID` (`''`: no owner) with `req.memberList`. Refuses a
   * `maxMemberNum` over the type's limit or a join option the type does not allow (10004), members in
   * an AVChatRoom (10007), more members than the limit (10014), unknown accounts (10019) and a group
   * ID in use (10021).
   */
  async create(actor: GroupActor, req: NormalizedCreateGroup, ownerID: string): Promise<GroupView> {
    const d = this.#d;
    const maxMemberNum = initialMaxMembers(req.type, req.maxMemberNum);
    if (maxMemberNum === 'too-large') throw ParleyError.of('ERR_SVR_GROUP_INVALID_PARAMETERS', `maxMemberNum is over the ${req.type} limit`);
    const joinOption = initialJoinOption(req.type, req.joinOption);
    if (joinOption === undefined) throw ParleyError.of('ERR_SVR_GROUP_INVALID_PARAMETERS', 'Work (Private) groups cannot be applied to: joinOption must be DisableApply');
    const others = req.memberList.filter((m) => m.userID !== ownerID);
    if (req.type === 'AVChatRoom' && others.length > 0) throw deny('members join an AVChatRoom themselves; none can be added');
    const now = nowSec(d.clock);
    const members: GroupMemberRecord[] = [
      ...(ownerID !== '' ? [{ userID: ownerID, role: 'Owner' as const, joinTime: now, nameCard: '' }] : []),
      ...others.map((m) => ({ userID: m.userID, role: m.role, joinTime: now, nameCard: '' })),
    ];
    const record: Omit<GroupRecord, 'groupID'> = {
      type: req.type,
      name: req.name,
      introduction: req.introduction,
      notification: req.notification,
      avatar: req.avatar,
      ownerID,
      createTime: now,
      maxMemberNum,
      joinOption,
      muteAllMembers: false,
    };
    if (members.length > memberLimit(record)) throw ParleyError.of('ERR_SVR_GROUP_FULL_MEMBER_COUNT', `${members.length} members exceed the limit of ${memberLimit(record)}`);
    const app = await d.messages.app(actor.sdkAppID);
    const existing = await d.accounts.existing(app, members.map((m) => m.userID));
    const missing = members.filter((m) => !existing.has(m.userID)).map((m) => m.userID);
    if (missing.length > 0) throw ParleyError.of('ERR_SVR_GROUP_ACCOUNT_NOT_FOUND', missing.join(', '));
    const created = await this.#insert(actor.sdkAppID, record, req.groupID, members);
    d.directory.invalidate(actor.sdkAppID, created.groupID);
    if (members.length > 0) await d.notify.tip(actor.sdkAppID, created, GroupTipType.MEMBER_JOIN, actor.userID, members.map((m) => m.userID));
    const group = (await d.directory.group(actor.sdkAppID, created.groupID)) ?? created;
    d.notify.changed(actor.sdkAppID, group.groupID, members.map((m) => m.userID), 'joined', group, new Map(members.map((m) => [m.userID, m.role])), actor.origin);
    return group;
  }

  async #insert(sdkAppID: number, record: Omit<GroupRecord, 'groupID'>, groupID: string | undefined, members: GroupMemberRecord[]): Promise<GroupView> {
    if (groupID !== undefined) return this.#d.store.groups.create(sdkAppID, { ...record, groupID }, members);
    // A generated ID clashes with probability ~2^-50; retry a few times anyway.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#d.store.groups.create(sdkAppID, { ...record, groupID: generateGroupID(record.type) }, members);
      } catch (err) {
        if (attempt >= 3 || !(ParleyError.is(err) && err.code === ErrorCode.ERR_SVR_GROUP_GROUPID_IN_USED)) throw err;
      }
    }
  }

  /**
   * Joins by the group's rules: Work groups refuse applications (10007); `FreeAccess` joins at once
   * (10014 when full); `NeedPermission` stores an application (`WaitAdminApproval`); `DisableApply`
   * refuses (10007). A member gets `AlreadyInGroup`.
   */
  async join(actor: GroupActor, groupID: string, applyMessage: string): Promise<{ status: string; group: WireGroup }> {
    const d = this.#d;
    const { group, role } = await groupAndRole(d, actor, groupID);
    if (role !== undefined) return { status: JoinStatus.ALREADY_IN_GROUP, group: wireGroup(group, role) };
    const decision = joinDecision(group);
    if (decision === 'refuse') throw deny(group.type === 'Private' ? 'Work groups cannot be joined by applying; a member must add you' : 'the group does not accept applications');
    if (decision === 'apply') {
      const application = { userID: actor.userID, message: applyMessage, time: nowSec(d.clock) };
      await d.store.groupApplications.put(actor.sdkAppID, groupID, application);
      d.notify.applicationArrived(actor.sdkAppID, group, application, await managersOf(d, actor.sdkAppID, groupID));
      return { status: JoinStatus.WAIT_APPROVAL, group: wireGroup(group) };
    }
    const joinTime = nowSec(d.clock);
    const [result] = await d.store.groupMembers.add(actor.sdkAppID, groupID, [{ userID: actor.userID, role: 'Member', joinTime, nameCard: '' }], memberLimit(group));
    if (result === 'full') throw ParleyError.of('ERR_SVR_GROUP_FULL_MEMBER_COUNT', groupID);
    d.directory.invalidate(actor.sdkAppID, groupID);
    if (result === 'already') return { status: JoinStatus.ALREADY_IN_GROUP, group: wireGroup(group, 'Member') };
    await d.notify.tip(actor.sdkAppID, group, GroupTipType.MEMBER_JOIN, actor.userID, [actor.userID]);
    const joined = (await d.directory.group(actor.sdkAppID, groupID)) ?? group;
    d.notify.changed(actor.sdkAppID, groupID, [actor.userID], 'joined', joined, new Map([[actor.userID, 'Member']]), actor.origin);
    return { status: JoinStatus.SUCCESS, group: wireGroup(joined, 'Member', joinTime) };
  }

  /** Leaves a group (10007 when not a member; 10009 for the owner of a non-Work group). */
  async quit(actor: GroupActor, groupID: string): Promise<void> {
    const d = this.#d;
    const { group, role } = await groupAndRole(d, actor, groupID);
    if (role === undefined) throw deny(`${actor.userID} is not a member of ${groupID}`);
    if (role === 'Owner' && group.type !== 'Private') throw ParleyError.of('ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT', 'dismiss the group instead');
    await d.store.groupMembers.remove(actor.sdkAppID, groupID, [actor.userID]);
    // A Work group whose owner left has no owner; app admins can still dismiss it.
    if (role === 'Owner') await d.store.groups.update(actor.sdkAppID, groupID, { ownerID: '' });
    d.directory.invalidate(actor.sdkAppID, groupID);
    await d.notify.tip(actor.sdkAppID, group, GroupTipType.MEMBER_QUIT, actor.userID, [actor.userID]);
    d.notify.changed(actor.sdkAppID, groupID, [actor.userID], 'left', undefined, undefined, actor.origin);
  }

  /** Dismisses a group: its owner, an app admin for Work groups, or a REST admin (else 10007). */
  async dismiss(actor: GroupActor, groupID: string): Promise<void> {
    const d = this.#d;
    const { group, role } = await groupAndRole(d, actor, groupID);
    if (!actor.asAdmin && role !== 'Owner') {
      const app = await d.messages.app(actor.sdkAppID);
      if (!(group.type === 'Private' && app.app.admins.includes(actor.userID))) throw deny('only the owner can dismiss the group');
    }
    const members = (await d.store.groups.delete(actor.sdkAppID, groupID)) ?? [];
    d.directory.invalidate(actor.sdkAppID, groupID);
    d.notify.changed(actor.sdkAppID, groupID, members, 'dismissed', undefined, undefined, actor.origin);
  }

  /** The groups the actor belongs to, with their role. */
  async joined(actor: GroupActor): Promise<WireGroup[]> {
    return (await this.#d.store.groups.listJoined(actor.sdkAppID, actor.userID)).map((j) => wireGroup(j.group, j.member.role, j.member.joinTime));
  }

  /** A group's profile: members only for Work groups (10007), anyone for the other types. */
  async info(actor: GroupActor, groupID: string): Promise<WireGroup> {
    const { group, role } = await groupAndRole(this.#d, actor, groupID);
    if (!actor.asAdmin && role === undefined && !isProfilePublic(group.type)) throw deny('the profile of a Work group is for members only');
    return wireGroup(group, role);
  }

  /** Changes the profile (Work groups: any member; others: owner and admins; else 10007) and tells the members. */
  async update(actor: GroupActor, req: NormalizedUpdateGroup): Promise<WireGroup> {
    const d = this.#d;
    const { group, role } = await groupAndRole(d, actor, req.groupID);
    if (!actor.asAdmin && !mayUpdateProfile(group.type, role)) throw deny('only the owner and admins can change the profile');
    if (req.joinOption !== undefined && initialJoinOption(group.type, req.joinOption) === undefined) {
      throw ParleyError.of('ERR_SVR_GROUP_INVALID_PARAMETERS', 'Work (Private) groups cannot be applied to: joinOption must be DisableApply');
    }
    const { groupID, ...fields } = req;
    const patch: GroupPatch = fields;
    const updated = (await d.store.groups.update(actor.sdkAppID, groupID, patch)) ?? group;
    await d.notify.tip(actor.sdkAppID, updated, GroupTipType.GROUP_PROFILE_UPDATED, actor.userID, [], { groupProfile: { ...fields } });
    const latest = (await d.directory.group(actor.sdkAppID, groupID)) ?? updated;
    const roles = await d.directory.members(actor.sdkAppID, groupID);
    d.notify.changed(actor.sdkAppID, groupID, roles.keys(), 'updated', latest, roles, actor.origin);
    return wireGroup(latest, role);
  }
}
