/**
 * Parsers of the group request bodies of `MessagingCommand`. Invalid fields answer
 * `ERR_SVR_GROUP_INVALID_PARAMETERS` (10004), a malformed group ID `ERR_SVR_GROUP_INVALID_GROUPID`
 * (10015) and too many accounts `ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT` (10005).
 */
import { isValidUserID } from '../tencent/constants.js';
import { isValidGroupID } from '../shared/wire-ids.js';
import {
  checkCustomGroupID,
  GROUP_FIELD_LIMITS as L,
  GROUP_TYPES,
  JOIN_OPTIONS,
  MAX_MEMBERS_PER_REQUEST,
  MEMBER_PAGE,
  type JoinOption,
} from './group-rules.js';
import { runParser, type BodyReader, type MessagingParsed } from '../core/parse-kit.js';
import type { WireGroupType } from './group-types.js';
import { isRecord, kindOf } from '../core/validate.js';

const INVALID = 'ERR_SVR_GROUP_INVALID_PARAMETERS';
const TOO_MANY = 'ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT';

/** `create_group` with defaults applied (`memberList` without the creator). */
export interface NormalizedCreateGroup {
  readonly type: WireGroupType;
  readonly name: string;
  readonly groupID?: string;
  readonly introduction: string;
  readonly notification: string;
  readonly avatar: string;
  readonly joinOption?: JoinOption;
  readonly maxMemberNum?: number;
  readonly memberList: readonly { readonly userID: string; readonly role: 'Admin' | 'Member' }[];
}

/** `modify_group_base_info`: the fields to change (at least one). */
export interface NormalizedUpdateGroup {
  readonly groupID: string;
  readonly name?: string;
  readonly introduction?: string;
  readonly notification?: string;
  readonly avatar?: string;
  readonly joinOption?: JoinOption;
  readonly muteAllMembers?: boolean;
}

function groupID(r: BodyReader): string {
  const id = r.raw('groupID');
  if (id === undefined) return r.fail('groupID is required');
  return isValidGroupID(id) ? id : r.fail('groupID must be 1..48 printable ASCII characters without spaces', 'ERR_SVR_GROUP_INVALID_GROUPID');
}

/** Parses the body of `create_group`. */
export function parseCreateGroupRequest(body: unknown): MessagingParsed<NormalizedCreateGroup> {
  return runParser(body, INVALID, (r) => {
    const type = r.optionalOneOf('type', GROUP_TYPES) ?? r.fail(`type is required: one of ${GROUP_TYPES.join(', ')}`);
    const name = r.string('name', L.name, 1);
    const rawID = r.raw('groupID');
    let id: string | undefined;
    if (rawID !== undefined) {
      const checked = checkCustomGroupID(type, rawID);
      id = checked.ok ? checked.value : r.fail(checked.reason, 'ERR_SVR_GROUP_INVALID_GROUPID');
    }
    const joinOption = r.optionalOneOf('joinOption', JOIN_OPTIONS);
    const maxMemberNum = r.optionalInt('maxMemberNum', 1, Number.MAX_SAFE_INTEGER);
    const memberList = members(r);
    return {
      type,
      name,
      introduction: r.optionalString('introduction', L.introduction) ?? '',
      notification: r.optionalString('notification', L.notification) ?? '',
      avatar: r.optionalString('avatar', L.avatar) ?? '',
      memberList,
      ...(id !== undefined ? { groupID: id } : {}),
      ...(joinOption !== undefined ? { joinOption } : {}),
      ...(maxMemberNum !== undefined ? { maxMemberNum } : {}),
    };
  });
}

function members(r: BodyReader): { userID: string; role: 'Admin' | 'Member' }[] {
  const list = r.raw('memberList');
  if (list === undefined) return [];
  if (!Array.isArray(list)) return r.fail(`memberList must be an array (got ${kindOf(list)})`);
  if (list.length > MAX_MEMBERS_PER_REQUEST) return r.fail(`memberList holds ${list.length} members; at most ${MAX_MEMBERS_PER_REQUEST} are allowed`, TOO_MANY);
  const byUser = new Map<string, 'Admin' | 'Member'>();
  list.forEach((item: unknown, i) => {
    if (!isRecord(item) || !isValidUserID(item['userID'])) return r.fail(`memberList[${i}].userID must be a UserID`);
    const role = item['role'];
    if (role !== undefined && role !== 'Admin' && role !== 'Member') return r.fail(`memberList[${i}].role must be "Admin" or "Member"`);
    if (!byUser.has(item['userID'])) byUser.set(item['userID'], role ?? 'Member');
    return undefined;
  });
  return [...byUser].map(([userID, role]) => ({ userID, role }));
}

/** Parses `{groupID}` (`quit_group`, `destroy_group`, `get_group_info`). */
export function parseGroupIDRequest(body: unknown): MessagingParsed<{ readonly groupID: string }> {
  return runParser(body, INVALID, (r) => ({ groupID: groupID(r) }));
}

/** Parses the body of `apply_join_group`. */
export function parseJoinGroupRequest(body: unknown): MessagingParsed<{ readonly groupID: string; readonly applyMessage: string }> {
  return runParser(body, INVALID, (r) => ({ groupID: groupID(r), applyMessage: r.optionalString('applyMessage', L.applyMessage) ?? '' }));
}

/** Parses the body of `modify_group_base_info`. */
export function parseUpdateGroupRequest(body: unknown): MessagingParsed<NormalizedUpdateGroup> {
  return runParser(body, INVALID, (r) => {
    const id = groupID(r);
    const name = r.raw('name') === undefined ? undefined : r.string('name', L.name, 1);
    const introduction = r.optionalString('introduction', L.introduction);
    const notification = r.optionalString('notification', L.notification);
    const avatar = r.optionalString('avatar', L.avatar);
    const joinOption = r.optionalOneOf('joinOption', JOIN_OPTIONS);
    const muteAllMembers = r.optionalBoolean('muteAllMembers');
    const update: NormalizedUpdateGroup = {
      groupID: id,
      ...(name !== undefined ? { name } : {}),
      ...(introduction !== undefined ? { introduction } : {}),
      ...(notification !== undefined ? { notification } : {}),
      ...(avatar !== undefined ? { avatar } : {}),
      ...(joinOption !== undefined ? { joinOption } : {}),
      ...(muteAllMembers !== undefined ? { muteAllMembers } : {}),
    };
    if (Object.keys(update).length === 1) r.fail('give at least one of name, introduction, notification, avatar, joinOption, muteAllMembers');
    return update;
  });
}

/** Parses the body of `get_group_member_list`. */
export function parseGroupMembersRequest(body: unknown): MessagingParsed<{ readonly groupID: string; readonly offset: number; readonly count: number }> {
  return runParser(body, INVALID, (r) => ({
    groupID: groupID(r),
    offset: r.optionalInt('offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    count: r.optionalInt('count', 1, MEMBER_PAGE.max) ?? MEMBER_PAGE.default,
  }));
}

/** Parses the body of `add_group_member`. */
export function parseAddMembersRequest(body: unknown): MessagingParsed<{ readonly groupID: string; readonly userIDList: readonly string[] }> {
  return runParser(body, INVALID, (r) => ({ groupID: groupID(r), userIDList: r.userIDs('userIDList', 1, MAX_MEMBERS_PER_REQUEST, TOO_MANY) }));
}

/** Parses the body of `delete_group_member`. */
export function parseDeleteMembersRequest(body: unknown): MessagingParsed<{ readonly groupID: string; readonly userIDList: readonly string[]; readonly reason: string }> {
  return runParser(body, INVALID, (r) => ({
    groupID: groupID(r),
    userIDList: r.userIDs('userIDList', 1, MAX_MEMBERS_PER_REQUEST, TOO_MANY),
    reason: r.optionalString('reason', L.reason) ?? '',
  }));
}

/** Parses the body of `handle_group_application`. */
export function parseHandleGroupApplicationRequest(
  body: unknown,
): MessagingParsed<{ readonly groupID: string; readonly userID: string; readonly action: 'Agree' | 'Reject'; readonly handleMessage: string }> {
  return runParser(body, INVALID, (r) => {
    const id = groupID(r);
    const userID = r.raw('userID');
    if (!isValidUserID(userID)) r.fail('userID must be a UserID');
    const action = r.optionalOneOf('action', ['Agree', 'Reject'] as const) ?? r.fail('action is required: "Agree" or "Reject"');
    return { groupID: id, userID: userID as string, action, handleMessage: r.optionalString('handleMessage', L.reason) ?? '' };
  });
}

/** Parses the body of `modify_group_member_info` (role changes only). */
export function parseSetMemberRoleRequest(body: unknown): MessagingParsed<{ readonly groupID: string; readonly userID: string; readonly role: 'Admin' | 'Member' }> {
  return runParser(body, INVALID, (r) => {
    const id = groupID(r);
    const userID = r.raw('userID');
    if (!isValidUserID(userID)) r.fail('userID must be a UserID');
    const role = r.optionalOneOf('role', ['Admin', 'Member'] as const) ?? r.fail('role is required: "Admin" or "Member"');
    return { groupID: id, userID: userID as string, role };
  });
}
