/**
 * Parsers of the relationship request bodies (the server's side of `sns.*`). Every bad field fails
 * with Tencent's 30001 (`ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS`): the relationship service answers it
 * for any invalid parameter (https://cloud.tencent.com/document/faq/269/32485).
 */
import { emptyBody, runParser, type BodyReader, type EmptyBody, type ParseResult } from '../core/parse-kit.js';
import { isValidUserID } from '../tencent/constants.js';
import { isRecord, kindOf, utf8ByteLength } from '../core/validate.js';
import {
  ACCEPT_TYPES,
  ADD_SOURCE_PREFIX,
  ADD_TYPES,
  APPLICATION_TYPES,
  CHECK_TYPES,
  DELETE_TYPES,
  FRIEND_CUSTOM_PREFIX,
  MAX_CHECK_IDS,
  MAX_FRIEND_CUSTOM_BYTES,
  MAX_FRIEND_CUSTOM_FIELDS,
  MAX_FRIEND_GROUP_NAME_BYTES,
  MAX_FRIEND_IDS,
  MAX_FRIEND_REMARK_BYTES,
  MAX_FRIEND_WORDING_BYTES,
  type AcceptApplicationRequest,
  type AddFriendRequest,
  type CheckFriendRequest,
  type DeleteApplicationRequest,
  type DeleteFriendRequest,
  type FriendCustomField,
  type FriendGroupMembersRequest,
  type FriendGroupRequest,
  type RenameFriendGroupRequest,
  type UpdateFriendRequest,
  type UserListRequest,
  type UserRequest,
} from './relationship-types.js';

const ERROR = 'ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS';

/** True for `AddSource_Type_` followed by 1..8 letters (Tencent's rule for an add source). */
export function isAddSource(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ADD_SOURCE_PREFIX) && /^[A-Za-z]{1,8}$/.test(value.slice(ADD_SOURCE_PREFIX.length));
}

/** True for `Tag_SNS_Custom_` followed by 1..8 letters, digits or `_`. */
export function isFriendCustomKey(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(FRIEND_CUSTOM_PREFIX) && /^[A-Za-z0-9_]{1,8}$/.test(value.slice(FRIEND_CUSTOM_PREFIX.length));
}

/** A friend group name: 1..30 bytes. */
export function readFriendGroupName(r: BodyReader, key: string): string {
  return r.string(key, MAX_FRIEND_GROUP_NAME_BYTES, 1);
}

function readUserID(r: BodyReader, key: string): string {
  const v = r.raw(key);
  if (!isValidUserID(v)) return r.fail(`${r.field(key)} must be a UserID (got ${JSON.stringify(v) ?? kindOf(v)})`);
  return v;
}

/** Reads and checks friend custom fields (`Tag_SNS_Custom_<name>`, string values up to 500 bytes, at most 20). */
export function readFriendCustomFields(r: BodyReader, key: string): FriendCustomField[] {
  const v = r.raw(key);
  const name = r.field(key);
  if (!Array.isArray(v)) return r.fail(`${name} must be an array of {key, value} (got ${kindOf(v)})`);
  if (v.length > MAX_FRIEND_CUSTOM_FIELDS) return r.fail(`${name} holds ${v.length} fields; at most ${MAX_FRIEND_CUSTOM_FIELDS} are allowed`);
  return v.map((item: unknown, i) => {
    const at = `${name}[${i}]`;
    if (!isRecord(item)) return r.fail(`${at} must be an object {key, value} (got ${kindOf(item)})`);
    if (!isFriendCustomKey(item['key'])) return r.fail(`${at}.key must be ${FRIEND_CUSTOM_PREFIX}<1..8 letters, digits or "_"> (got ${JSON.stringify(item['key']) ?? kindOf(item['key'])})`);
    const value = item['value'];
    if (typeof value !== 'string') return r.fail(`${at}.value must be a string (got ${kindOf(value)})`);
    if (utf8ByteLength(value) > MAX_FRIEND_CUSTOM_BYTES) return r.fail(`${at}.value is longer than ${MAX_FRIEND_CUSTOM_BYTES} bytes`);
    return { key: item['key'], value };
  });
}

/** Parses `sns.friend_add`: `to`, `source` (`AddSource_Type_<1..8 letters>`), optional wording (≤256 B), type (default both), remark (≤96 B), groupName (≤30 B). */
export function parseAddFriendRequest(body: unknown): ParseResult<AddFriendRequest> {
  return runParser(body, ERROR, (r) => {
    const to = readUserID(r, 'to');
    const source = r.raw('source');
    if (!isAddSource(source)) return r.fail(`source must be ${ADD_SOURCE_PREFIX}<1..8 letters> (got ${JSON.stringify(source) ?? kindOf(source)})`);
    const groupName = r.has('groupName') && r.raw('groupName') !== '' ? readFriendGroupName(r, 'groupName') : '';
    return {
      to,
      source,
      wording: r.optionalString('wording', MAX_FRIEND_WORDING_BYTES) ?? '',
      type: r.optionalOneOf('type', ADD_TYPES) ?? 'Add_Type_Both',
      remark: r.optionalString('remark', MAX_FRIEND_REMARK_BYTES) ?? '',
      groupName,
    };
  });
}

/** Parses `sns.friend_delete`: 1..100 UserIDs and a type (default both). */
export function parseDeleteFriendRequest(body: unknown): ParseResult<DeleteFriendRequest> {
  return runParser(body, ERROR, (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_FRIEND_IDS), type: r.optionalOneOf('type', DELETE_TYPES) ?? 'Delete_Type_Both' }));
}

/** Parses `sns.friend_check`: 1..1000 UserIDs and a type (default both). */
export function parseCheckFriendRequest(body: unknown): ParseResult<CheckFriendRequest> {
  return runParser(body, ERROR, (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_CHECK_IDS), type: r.optionalOneOf('type', CHECK_TYPES) ?? 'CheckResult_Type_Both' }));
}

/** Parses `sns.friend_get`: 1..100 UserIDs. */
export function parseFriendGetRequest(body: unknown): ParseResult<UserListRequest> {
  return runParser(body, ERROR, (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_FRIEND_IDS) }));
}

/** Parses the blacklist add and delete: 1..1000 UserIDs. */
export function parseBlacklistRequest(body: unknown): ParseResult<UserListRequest> {
  return runParser(body, ERROR, (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_CHECK_IDS) }));
}

/** Parses `sns.friend_update`: the friend, and a remark or custom fields (at least one). */
export function parseUpdateFriendRequest(body: unknown): ParseResult<UpdateFriendRequest> {
  return runParser(body, ERROR, (r) => {
    const userID = readUserID(r, 'userID');
    const remark = r.optionalString('remark', MAX_FRIEND_REMARK_BYTES);
    const friendCustomField = r.has('friendCustomField') ? readFriendCustomFields(r, 'friendCustomField') : undefined;
    if (remark === undefined && friendCustomField === undefined) return r.fail('give remark or friendCustomField');
    return { userID, ...(remark !== undefined ? { remark } : {}), ...(friendCustomField !== undefined ? { friendCustomField } : {}) };
  });
}

/** Parses `sns.application_accept`: the applicant, an optional remark, the type (default agree and add). */
export function parseAcceptApplicationRequest(body: unknown): ParseResult<AcceptApplicationRequest> {
  return runParser(body, ERROR, (r) => ({
    userID: readUserID(r, 'userID'),
    remark: r.optionalString('remark', MAX_FRIEND_REMARK_BYTES) ?? '',
    type: r.optionalOneOf('type', ACCEPT_TYPES) ?? 'Response_Action_AgreeAndAdd',
  }));
}

/** Parses a body naming one user (`sns.application_refuse`). */
export function parseUserRequest(body: unknown): ParseResult<UserRequest> {
  return runParser(body, ERROR, (r) => ({ userID: readUserID(r, 'userID') }));
}

/** Parses `sns.application_delete`: the other user and the direction. */
export function parseDeleteApplicationRequest(body: unknown): ParseResult<DeleteApplicationRequest> {
  return runParser(body, ERROR, (r) => {
    const userID = readUserID(r, 'userID');
    const type = r.optionalOneOf('type', APPLICATION_TYPES);
    return { userID, type: type ?? r.fail(`type is required and must be one of ${APPLICATION_TYPES.join(', ')}`) };
  });
}

/** Parses `sns.group_create` (userIDList optional) and the member changes (1..100 UserIDs). */
export function parseFriendGroupMembersRequest(optionalMembers: boolean): (body: unknown) => ParseResult<FriendGroupMembersRequest> {
  return (body) =>
    runParser(body, ERROR, (r) => ({
      name: readFriendGroupName(r, 'name'),
      userIDList: optionalMembers ? (r.optionalUserIDs('userIDList', MAX_FRIEND_IDS) ?? []) : r.userIDs('userIDList', 1, MAX_FRIEND_IDS),
    }));
}

/** Parses `sns.group_delete`. */
export function parseFriendGroupRequest(body: unknown): ParseResult<FriendGroupRequest> {
  return runParser(body, ERROR, (r) => ({ name: readFriendGroupName(r, 'name') }));
}

/** Parses `sns.group_rename`. */
export function parseRenameFriendGroupRequest(body: unknown): ParseResult<RenameFriendGroupRequest> {
  return runParser(body, ERROR, (r) => ({ oldName: readFriendGroupName(r, 'oldName'), newName: readFriendGroupName(r, 'newName') }));
}

/** The parser of a relationship command without parameters. */
export const parseNoRelationshipParams: (body: unknown) => ParseResult<EmptyBody> = emptyBody(ERROR);
