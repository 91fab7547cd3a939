/**
 * Group rules shared by server and SDK: group types, join options, member limits per type and the
 * length limits of group profile fields (Tencent's values), and the rule for a custom group ID.
 */
import { invalid, valid, type Parsed } from '../core/validate.js';
import { isValidGroupID, MAX_GROUP_ID_BYTES } from '../shared/wire-ids.js';
import type { WireGroupType, WireMemberRole } from './group-types.js';

/** Group types (`TYPES.GRP_*` values): `Private` = Work, `ChatRoom` = Meeting. */
export const GROUP_TYPES: readonly WireGroupType[] = ['Private', 'Public', 'ChatRoom', 'AVChatRoom', 'Community'];

/** Member roles (`TYPES.GRP_MBR_ROLE_*` values). */
export const MEMBER_ROLES: readonly WireMemberRole[] = ['Owner', 'Admin', 'Member'];

/** How users may join (`TYPES.JOIN_OPTIONS_*` values). */
export const JOIN_OPTIONS = ['FreeAccess', 'NeedPermission', 'DisableApply'] as const;

/** A join option. */
export type JoinOption = (typeof JOIN_OPTIONS)[number];

/** Answer statuses of `apply_join_group` (`TYPES.JOIN_STATUS_*` values). */
export const JoinStatus = {
  SUCCESS: 'JoinedSuccess',
  ALREADY_IN_GROUP: 'AlreadyInGroup',
  WAIT_APPROVAL: 'WaitAdminApproval',
} as const;

/**
 * Largest member count of each type; a group's own `maxMemberNum` may only be lower. 0 means
 * unlimited (AVChatRoom).
 */
export const GROUP_MEMBER_LIMITS: Readonly<Record<WireGroupType, number>> = {
  Private: 200,
  Public: 2000,
  ChatRoom: 10_000,
  AVChatRoom: 0,
  Community: 100_000,
};

/**
 * Join option of a new group when none is given. Work groups cannot be applied to (members add
 * others); Public groups need approval; the rest are free to join.
 */
export const DEFAULT_JOIN_OPTION: Readonly<Record<WireGroupType, JoinOption>> = {
  Private: 'DisableApply',
  Public: 'NeedPermission',
  ChatRoom: 'FreeAccess',
  AVChatRoom: 'FreeAccess',
  Community: 'FreeAccess',
};

/** Byte limits of group profile fields. */
export const GROUP_FIELD_LIMITS = {
  name: 100,
  introduction: 400,
  notification: 400,
  avatar: 500,
  applyMessage: 300,
  reason: 300,
} as const;

/** Most UserIDs in one member request (add, delete, create's memberList). */
export const MAX_MEMBERS_PER_REQUEST = 500;

/** Default and largest `count` of `get_group_member_list`. */
export const MEMBER_PAGE = { default: 100, max: 100 } as const;

/** True if the type stores messages (every type but AVChatRoom, whose messages are delivered online only). */
export function storesHistory(type: WireGroupType): boolean {
  return type !== 'AVChatRoom';
}

/** Prefix of server-generated group IDs; custom IDs may not use it (Communities excepted, below). */
export const GENERATED_GROUP_ID_PREFIX = '@TGS#';

/** Prefix every Community group ID must carry (Tencent's rule). */
export const COMMUNITY_GROUP_ID_PREFIX = '@TGS#_';

/**
 * Checks a custom group ID chosen at creation: valid ({@link isValidGroupID}); a Community's ID starts
 * with {@link COMMUNITY_GROUP_ID_PREFIX}; other types may not use the reserved {@link GENERATED_GROUP_ID_PREFIX}.
 */
export function checkCustomGroupID(type: WireGroupType, groupID: unknown): Parsed<string> {
  if (!isValidGroupID(groupID)) return invalid(`groupID must be 1..${MAX_GROUP_ID_BYTES} printable ASCII characters without spaces`);
  if (type === 'Community') {
    if (!groupID.startsWith(COMMUNITY_GROUP_ID_PREFIX) || groupID.length === COMMUNITY_GROUP_ID_PREFIX.length) {
      return invalid(`a Community groupID must start with "${COMMUNITY_GROUP_ID_PREFIX}" followed by at least one character`);
    }
  } else if (groupID.startsWith(GENERATED_GROUP_ID_PREFIX)) {
    return invalid(`groupID may not start with the reserved prefix "${GENERATED_GROUP_ID_PREFIX}"`);
  }
  return valid(groupID);
}
