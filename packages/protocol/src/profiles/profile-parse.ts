/**
 * Parsers of the profile request bodies, with Tencent's profile codes: a malformed body or too many
 * UserIDs 40001, an unknown custom key 40009, a string over 500 bytes 40601, a value outside a
 * standard field's values 40605, a value of the wrong type 40610. The same checks serve the REST
 * `portrait_set` route through {@link checkProfilePatch}.
 */
import { runParser, type BodyReader, type ParseResult } from '../core/parse-kit.js';
import { isRecord, isUint, kindOf, utf8ByteLength } from '../core/validate.js';
import {
  MAX_PROFILE_CUSTOM_FIELDS,
  MAX_PROFILE_CUSTOM_NAME_BYTES,
  MAX_PROFILE_IDS,
  MAX_PROFILE_STRING_BYTES,
  MAX_PROFILE_UINT,
  PROFILE_ALLOW_TYPES,
  PROFILE_CUSTOM_PREFIX,
  PROFILE_FORBID_TYPES,
  PROFILE_GENDERS,
  type GetProfilesRequest,
  type ProfileCustomField,
  type ProfilePatch,
} from './profile-types.js';

const STRING_FIELDS = ['nick', 'avatar', 'location', 'selfSignature'] as const;
const UINT_FIELDS = ['birthday', 'language', 'level', 'role', 'messageSettings'] as const;

/** True when `key` is `Tag_Profile_Custom_<name>` with a name of 1..8 bytes of letters, digits or `_`. */
export function isProfileCustomKey(key: string): boolean {
  if (!key.startsWith(PROFILE_CUSTOM_PREFIX)) return false;
  const name = key.slice(PROFILE_CUSTOM_PREFIX.length);
  return name.length > 0 && utf8ByteLength(name) <= MAX_PROFILE_CUSTOM_NAME_BYTES && /^[A-Za-z0-9_]+$/.test(name);
}

function readString(r: BodyReader, key: string): string | undefined {
  const v = r.raw(key);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return r.fail(`${r.field(key)} must be a string (got ${kindOf(v)})`, 'ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
  if (utf8ByteLength(v) > MAX_PROFILE_STRING_BYTES) return r.fail(`${r.field(key)} is longer than ${MAX_PROFILE_STRING_BYTES} bytes`, 'ERR_SVR_PROFILE_SIZE_LIMIT');
  return v;
}

function readUint(r: BodyReader, key: string): number | undefined {
  const v = r.raw(key);
  if (v === undefined) return undefined;
  if (!isUint(v) || v > MAX_PROFILE_UINT) return r.fail(`${r.field(key)} must be an integer in 0..${MAX_PROFILE_UINT} (got ${JSON.stringify(v) ?? kindOf(v)})`, 'ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
  return v;
}

function readEnum<T extends string>(r: BodyReader, key: string, allowed: readonly T[]): T | undefined {
  const v = r.raw(key);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return r.fail(`${r.field(key)} must be a string (got ${kindOf(v)})`, 'ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
  return allowed.find((a) => a === v) ?? r.fail(`${r.field(key)} must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`, 'ERR_SVR_PROFILE_VALUE_ERROR');
}

function readCustomFields(r: BodyReader): ProfileCustomField[] | undefined {
  const v = r.raw('profileCustomField');
  if (v === undefined) return undefined;
  const name = r.field('profileCustomField');
  if (!Array.isArray(v)) return r.fail(`${name} must be an array of {key, value} (got ${kindOf(v)})`, 'ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
  if (v.length > MAX_PROFILE_CUSTOM_FIELDS) return r.fail(`${name} holds ${v.length} fields; at most ${MAX_PROFILE_CUSTOM_FIELDS} are allowed`);
  return v.map((item: unknown, i): ProfileCustomField => {
    const at = `${name}[${i}]`;
    if (!isRecord(item)) return r.fail(`${at} must be an object {key, value} (got ${kindOf(item)})`, 'ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
    const { key, value } = item;
    if (typeof key !== 'string' || !isProfileCustomKey(key)) {
      return r.fail(`${at}.key must be ${PROFILE_CUSTOM_PREFIX}<name> with a name of 1..${MAX_PROFILE_CUSTOM_NAME_BYTES} letters, digits or "_" (got ${JSON.stringify(key) ?? kindOf(key)})`, 'ERR_SVR_PROFILE_TAG_NOT_FOUND');
    }
    if (typeof value === 'string') {
      if (utf8ByteLength(value) > MAX_PROFILE_STRING_BYTES) return r.fail(`${at}.value is longer than ${MAX_PROFILE_STRING_BYTES} bytes`, 'ERR_SVR_PROFILE_SIZE_LIMIT');
      return { key, value };
    }
    if (isUint(value) && value <= MAX_PROFILE_UINT) return { key, value };
    return r.fail(`${at}.value must be a string or an integer in 0..${MAX_PROFILE_UINT} (got ${JSON.stringify(value) ?? kindOf(value)})`, 'ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
  });
}

/** Reads the fields of a {@link ProfilePatch}; unknown fields are ignored, none present fails with 40001. */
export function readProfilePatch(r: BodyReader): ProfilePatch {
  const patch: Record<string, unknown> = {};
  for (const key of STRING_FIELDS) {
    const v = readString(r, key);
    if (v !== undefined) patch[key] = v;
  }
  for (const key of UINT_FIELDS) {
    const v = readUint(r, key);
    if (v !== undefined) patch[key] = v;
  }
  const gender = readEnum(r, 'gender', PROFILE_GENDERS);
  if (gender !== undefined) patch['gender'] = gender;
  const allowType = readEnum(r, 'allowType', PROFILE_ALLOW_TYPES);
  if (allowType !== undefined) patch['allowType'] = allowType;
  const adminForbidType = readEnum(r, 'adminForbidType', PROFILE_FORBID_TYPES);
  if (adminForbidType !== undefined) patch['adminForbidType'] = adminForbidType;
  const custom = readCustomFields(r);
  if (custom !== undefined) patch['profileCustomField'] = custom;
  if (Object.keys(patch).length === 0) return r.fail('no profile field to update');
  return patch as ProfilePatch;
}

/** Checks a patch built elsewhere (the REST route's tags) by the rules of `profile.update`. */
export function checkProfilePatch(patch: unknown): ParseResult<ProfilePatch> {
  return runParser(patch, 'ERR_SVR_PROFILE_INVALID_PARAMETERS', readProfilePatch);
}

/** Parses the body of `profile.update`: a {@link ProfilePatch}. */
export function parseUpdateProfileRequest(body: unknown): ParseResult<ProfilePatch> {
  return checkProfilePatch(body);
}

/** Parses the body of `profile.get`: `{ userIDList }`, 1..100 UserIDs (duplicates dropped). */
export function parseGetProfilesRequest(body: unknown): ParseResult<GetProfilesRequest> {
  return runParser(body, 'ERR_SVR_PROFILE_INVALID_PARAMETERS', (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_PROFILE_IDS) }));
}
