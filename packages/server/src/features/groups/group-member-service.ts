/**
 * Group members: the member list, adding and removing members and changing roles, with tips in the
 * group conversation and `group_changed` pushes to the members affected.
 */
import { GroupTipType, ParleyError, type WireGroupMember } from '@parley/protocol';
import type { GroupMemberRecord } from '@parley/store';
import { groupAndRole, nowSec, type GroupActor, type GroupServiceDeps } from './group-service.js';
import { mayAddMembers, mayRemove, memberLimit } from './group-rules.js';
import { wireMember } from '../../gateway/wire-convert.js';
import { ProfileDirectory } from '../../directories/profile-directory.js';

/** Result of adding one user: 0 failed (unknown account or group full), 1 added, 2 already a member. */
export type AddResult = 0 | 1 | 2;

const deny = (detail: string): ParleyError => ParleyError.of('ERR_SVR_GROUP_PERMISSION_DENY', detail);

/** Member management. */
export class GroupMemberService {
  readonly #d: GroupServiceDeps;
  /** The members' current nick and avatar (Tencent's `GroupMember.nick` / `avatar`). */
  readonly #profiles: ProfileDirectory;

  constructor(deps: GroupServiceDeps) {
    this.#d = deps;
    this.#profiles = new ProfileDirectory(deps.store);
  }

  /** A page of members ordered by UserID (members only, else 10007). */
  async list(actor: GroupActor, groupID: string, offset: number, count: number): Promise<{ members: WireGroupMember[]; nextOffset: number; isCompleted: boolean }> {
    const { group, role } = await groupAndRole(this.#d, actor, groupID);
    if (!actor.asAdmin && role === undefined) throw deny('only members can list the members');
    const page = await this.#d.store.groupMembers.list(actor.sdkAppID, groupID, offset, count);
    const nextOffset = offset + page.length;
    const briefs = await this.#profiles.briefs(actor.sdkAppID, page.map((m) => m.userID));
    return { members: page.map((m) => wireMember(m, briefs.get(m.userID))), nextOffset, isCompleted: nextOffset >= group.memberNum };
  }

  /**
   * Adds users (Work groups: any member; others: owner and admins; AVChatRoom: nobody; else 10007).
   * Unknown accounts and users beyond the member limit fail (0), members stay (2).
   */
  async add(actor: GroupActor, groupID: string, userIDs: readonly string[]): Promise<{ userID: string; result: AddResult }[]> {
    const d = this.#d;
    const { group, role } = await groupAndRole(d, actor, groupID);
    if (group.type === 'AVChatRoom') throw deny('members join an AVChatRoom themselves; none can be added');
    if (!actor.asAdmin && !mayAddMembers(group.type, role)) throw deny(role === undefined ? `${actor.userID} is not a member` : 'only the owner and admins can add members');
    const existing = await d.accounts.existing(await d.messages.app(actor.sdkAppID), userIDs);
    const now = nowSec(d.clock);
    const candidates: GroupMemberRecord[] = userIDs.filter((u) => existing.has(u)).map((userID) => ({ userID, role: 'Member', joinTime: now, nameCard: '' }));
    const outcomes = await d.store.groupMembers.add(actor.sdkAppID, groupID, candidates, memberLimit(group));
    const byUser = new Map(candidates.map((c, i) => [c.userID, outcomes[i]]));
    const added = candidates.filter((_, i) => outcomes[i] === 'added').map((c) => c.userID);
    if (added.length > 0) {
      d.directory.invalidate(actor.sdkAppID, groupID);
      await d.notify.tip(actor.sdkAppID, group, GroupTipType.MEMBER_JOIN, actor.userID, added);
      const latest = (await d.directory.group(actor.sdkAppID, groupID)) ?? group;
      d.notify.changed(actor.sdkAppID, groupID, added, 'joined', latest, new Map(added.map((u) => [u, 'Member' as const])));
    }
    return userIDs.map((userID) => {
      const outcome = byUser.get(userID);
      return { userID, result: outcome === 'added' ? 1 : outcome === 'already' ? 2 : 0 };
    });
  }

  /**
   * Removes members (the owner removes admins and members, an admin removes members; else 10007;
   * nobody removes the owner). Non-members in the list are ignored. Returns the removed users.
   */
  async remove(actor: GroupActor, groupID: string, userIDs: readonly string[]): Promise<string[]> {
    const d = this.#d;
    const { group, role } = await groupAndRole(d, actor, groupID);
    const roles = await d.directory.members(actor.sdkAppID, groupID);
    const targets = userIDs.filter((u) => roles.has(u));
    for (const target of targets) {
      const targetRole = roles.get(target) ?? 'Member';
      if (targetRole === 'Owner') throw deny('the owner cannot be removed');
      if (!actor.asAdmin && !mayRemove(role, targetRole)) throw deny(`${actor.userID} may not remove ${target}`);
    }
    if (targets.length === 0) return [];
    const removed = await d.store.groupMembers.remove(actor.sdkAppID, groupID, targets);
    d.directory.invalidate(actor.sdkAppID, groupID);
    if (removed.length > 0) {
      await d.notify.tip(actor.sdkAppID, group, GroupTipType.MEMBER_KICKED_OUT, actor.userID, removed, { alsoNotify: removed });
      d.notify.changed(actor.sdkAppID, groupID, removed, 'kicked');
    }
    return removed;
  }

  /** Makes a member an admin or a plain member again (owner only, else 10007; 10004 for a non-member). */
  async setRole(actor: GroupActor, groupID: string, userID: string, newRole: 'Admin' | 'Member'): Promise<void> {
    const d = this.#d;
    const { group, role } = await groupAndRole(d, actor, groupID);
    if (!actor.asAdmin && role !== 'Owner') throw deny('only the owner can change roles');
    const current = await d.directory.roleOf(actor.sdkAppID, groupID, userID);
    if (current === undefined) throw ParleyError.of('ERR_SVR_GROUP_INVALID_PARAMETERS', `${userID} is not a member of ${groupID}`);
    if (current === 'Owner') throw deny('the owner\'s role cannot be changed');
    if (current === newRole) return;
    await d.store.groupMembers.setRole(actor.sdkAppID, groupID, userID, newRole);
    d.directory.invalidate(actor.sdkAppID, groupID);
    await d.notify.tip(actor.sdkAppID, group, newRole === 'Admin' ? GroupTipType.SET_ADMIN : GroupTipType.CANCEL_ADMIN, actor.userID, [userID]);
    d.notify.changed(actor.sdkAppID, groupID, [userID], 'updated', group, new Map([[userID, newRole]]));
  }
}
