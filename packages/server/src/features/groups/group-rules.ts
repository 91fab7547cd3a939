/**
 * Who may do what in which group type (the documented differences of Work, Public, Meeting,
 * AVChatRoom and Community groups), as pure functions the group services consult.
 *
 * | type | joining | adding members | profile changes |
 * |---|---|---|---|
 * | Private (Work) | no applying; members add others | any member | any member |
 * | Public | by `joinOption`, default NeedPermission (application) | owner, admin | owner, admin |
 * | ChatRoom (Meeting) | by `joinOption`, default FreeAccess | owner, admin | owner, admin |
 * | AVChatRoom | by `joinOption`, default FreeAccess | nobody | owner, admin |
 * | Community | by `joinOption`, default FreeAccess | owner, admin | owner, admin |
 *
 * In every type the owner may remove admins and members, an admin may remove members, and only the
 * owner changes roles. The owner of a non-Work group cannot quit (dismiss instead).
 */
import { randomBytes } from 'node:crypto';
import {
  COMMUNITY_GROUP_ID_PREFIX,
  DEFAULT_JOIN_OPTION,
  GENERATED_GROUP_ID_PREFIX,
  GROUP_MEMBER_LIMITS,
  type JoinOption,
  type WireGroupType,
  type WireMemberRole,
} from '@parley/protocol';
import type { GroupRecord } from '@parley/store';

/** The most members a group may have: its own `maxMemberNum` or its type's limit, whichever is lower (0 = unlimited). */
export function memberLimit(group: Pick<GroupRecord, 'type' | 'maxMemberNum'>): number {
  const limits = [GROUP_MEMBER_LIMITS[group.type], group.maxMemberNum].filter((n) => n > 0);
  return limits.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...limits);
}

/** The `maxMemberNum` a new group gets: the requested value, within the type's limit (0 = unlimited). */
export function initialMaxMembers(type: WireGroupType, requested: number | undefined): number | 'too-large' {
  const typeLimit = GROUP_MEMBER_LIMITS[type];
  if (requested === undefined) return typeLimit;
  if (typeLimit > 0 && requested > typeLimit) return 'too-large';
  return requested;
}

/** The join option of a new group; `undefined` when the type does not allow the requested one. */
export function initialJoinOption(type: WireGroupType, requested: JoinOption | undefined): JoinOption | undefined {
  if (requested === undefined) return DEFAULT_JOIN_OPTION[type];
  // Work groups cannot be applied to: members add others.
  if (type === 'Private' && requested !== 'DisableApply') return undefined;
  return requested;
}

/** How a join request is handled. */
export type JoinDecision = 'join' | 'apply' | 'refuse';

/** Decides a join request by type and join option. */
export function joinDecision(group: Pick<GroupRecord, 'type' | 'joinOption'>): JoinDecision {
  if (group.type === 'Private') return 'refuse';
  if (group.joinOption === 'FreeAccess') return 'join';
  if (group.joinOption === 'NeedPermission') return 'apply';
  return 'refuse';
}

/** True for the group's owner and admins (who manage members and decide applications). */
export function isManager(role: WireMemberRole | undefined): boolean {
  return role === 'Owner' || role === 'Admin';
}

/** True if a member with `role` may add others. */
export function mayAddMembers(type: WireGroupType, role: WireMemberRole | undefined): boolean {
  if (role === undefined || type === 'AVChatRoom') return false;
  return type === 'Private' || isManager(role);
}

/** True if `actor` may remove a member whose role is `target`. */
export function mayRemove(actor: WireMemberRole | undefined, target: WireMemberRole): boolean {
  if (actor === 'Owner') return target !== 'Owner';
  if (actor === 'Admin') return target === 'Member';
  return false;
}

/** True if a member with `role` may change the group profile. */
export function mayUpdateProfile(type: WireGroupType, role: WireMemberRole | undefined): boolean {
  if (role === undefined) return false;
  return type === 'Private' || isManager(role);
}

/** True if the group's profile is visible to non-members (all but Work groups). */
export function isProfilePublic(type: WireGroupType): boolean {
  return type !== 'Private';
}

const TYPE_MARK: Readonly<Record<Exclude<WireGroupType, 'Community'>, string>> = { Private: '1', Public: '2', ChatRoom: '3', AVChatRoom: 'a' };
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new server-made group ID: `@TGS#<type mark><10 chars>`, or `@TGS#_<10 chars>` for a Community. */
export function generateGroupID(type: WireGroupType): string {
  const tail = [...randomBytes(10)].map((b) => BASE32[b % 32]).join('');
  return type === 'Community' ? `${COMMUNITY_GROUP_ID_PREFIX}${tail}` : `${GENERATED_GROUP_ID_PREFIX}${TYPE_MARK[type]}${tail}`;
}
