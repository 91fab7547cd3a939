/**
 * Custom profile fields an app declares before its users may set them, as Tencent's console
 * requires (Chat console, "custom profile fields"): each `Tag_Profile_Custom_<name>` has a type
 * (string or integer), a longest string value, and who may read and who may write it: the app's
 * users through the SDKs (`app`), the app admin through REST (`admin`), or both (Tencent: "App
 * 可读 / App 管理员可读", one or more of each). Writing a field that is not declared answers 40009
 * (ERR_SVR_PROFILE_TAG_NOT_FOUND), writing without the permission 40008, reading (REST
 * `portrait_get` asking for the tag) without it 40007; a value of the other type 40610, one longer
 * than the declared length 40601.
 */
import { runParser, type BodyReader, type ParseResult } from '../core/parse-kit.js';
import { isUint, utf8ByteLength } from '../core/validate.js';
import type { ErrorName } from '../errors/error-codes.js';
import { isProfileCustomKey } from './profile-parse.js';
import { MAX_PROFILE_STRING_BYTES, MAX_PROFILE_UINT, PROFILE_CUSTOM_PREFIX, type ProfileCustomField } from './profile-types.js';

/** Value types of a custom profile field. */
export const PROFILE_FIELD_TYPES = ['string', 'integer'] as const;
/** Who may read or write a field: `app` = the app's users through the SDKs, `admin` = the app admin through REST. */
export const PROFILE_FIELD_ROLES = ['app', 'admin'] as const;
/** Most custom profile fields one app declares (Parley's limit, as it was per user before declarations). */
export const MAX_PROFILE_FIELD_DECLARATIONS = 20;

/** A custom field's value type. */
export type ProfileFieldType = (typeof PROFILE_FIELD_TYPES)[number];
/** A reader or writer of a custom field. */
export type ProfileFieldRole = (typeof PROFILE_FIELD_ROLES)[number];

/** One declared custom profile field. */
export interface ProfileFieldDeclaration {
  /** The full tag, `Tag_Profile_Custom_<name>` (name: 1..8 letters, digits or `_`). */
  readonly key: string;
  readonly type: ProfileFieldType;
  /** `string`: longest value in UTF-8 bytes, 1..500; `integer`: 0 (values are uint32). */
  readonly maxLength: number;
  /** Who may read the field (one or both roles, each once). */
  readonly read: readonly ProfileFieldRole[];
  /** Who may write the field (one or both roles, each once). */
  readonly write: readonly ProfileFieldRole[];
}

function readRoles(r: BodyReader, key: string): ProfileFieldRole[] {
  const roles = r.strings(key);
  if (roles.length === 0) return r.fail(`${r.field(key)} must name at least one of ${PROFILE_FIELD_ROLES.join(', ')}`);
  const out: ProfileFieldRole[] = [];
  for (const role of roles) {
    const known = PROFILE_FIELD_ROLES.find((x) => x === role);
    if (known === undefined) return r.fail(`${r.field(key)} holds ${JSON.stringify(role)}; use ${PROFILE_FIELD_ROLES.join(', ')}`);
    if (!out.includes(known)) out.push(known);
  }
  return out;
}

function readDeclaration(r: BodyReader): ProfileFieldDeclaration {
  const key = r.str('key');
  if (!isProfileCustomKey(key)) return r.fail(`${r.field('key')} must be ${PROFILE_CUSTOM_PREFIX}<name> with a name of 1..8 letters, digits or "_" (got ${JSON.stringify(key)})`);
  const type = r.oneOf('type', PROFILE_FIELD_TYPES);
  const given = r.raw('maxLength');
  let maxLength = 0;
  if (type === 'string') {
    maxLength = given === undefined ? MAX_PROFILE_STRING_BYTES : r.uint('maxLength');
    if (maxLength < 1 || maxLength > MAX_PROFILE_STRING_BYTES) return r.fail(`${r.field('maxLength')} must be 1..${MAX_PROFILE_STRING_BYTES} bytes (got ${maxLength})`);
  } else if (given !== undefined && given !== 0) {
    return r.fail(`${r.field('maxLength')} applies to string fields only`);
  }
  return { key, type, maxLength, read: readRoles(r, 'read'), write: readRoles(r, 'write') };
}

/**
 * Checks an app's whole list `{fields: [...]}`: at most {@link MAX_PROFILE_FIELD_DECLARATIONS}, keys
 * distinct; `maxLength` of a string field defaults to 500. Fails with 40001.
 */
export function parseProfileFieldDeclarations(body: unknown): ParseResult<ProfileFieldDeclaration[]> {
  return runParser(body, 'ERR_SVR_PROFILE_INVALID_PARAMETERS', (r) => {
    const fields = r.list('fields', readDeclaration);
    if (fields.length > MAX_PROFILE_FIELD_DECLARATIONS) return r.fail(`an app declares at most ${MAX_PROFILE_FIELD_DECLARATIONS} custom profile fields (got ${fields.length})`);
    const seen = new Set<string>();
    for (const f of fields) {
      if (seen.has(f.key)) return r.fail(`${f.key} is declared twice`);
      seen.add(f.key);
    }
    return fields;
  });
}

/** Why a write of custom fields is refused: the registry error and a reason naming the field. */
export interface ProfileFieldRefusal {
  readonly error: ErrorName;
  readonly reason: string;
}

/**
 * Checks custom field values against the app's declarations for a writer: 40009 for an undeclared
 * key, 40008 when `writer` may not write it, 40610 for a value of the other type, 40601 for a string
 * longer than declared. `undefined` when every field may be written.
 */
export function checkCustomFieldWrite(declarations: readonly ProfileFieldDeclaration[], fields: readonly ProfileCustomField[], writer: ProfileFieldRole): ProfileFieldRefusal | undefined {
  const byKey = new Map(declarations.map((d) => [d.key, d]));
  for (const { key, value } of fields) {
    const d = byKey.get(key);
    if (d === undefined) return { error: 'ERR_SVR_PROFILE_TAG_NOT_FOUND', reason: `${key} is not a declared custom profile field of this app` };
    if (!d.write.includes(writer)) return { error: 'ERR_SVR_PROFILE_WRITE_PERMISSION_REQUIRED', reason: `${key} may be written by ${d.write.join(' and ')} only` };
    if (d.type === 'integer') {
      if (!isUint(value) || value > MAX_PROFILE_UINT) return { error: 'ERR_SVR_PROFILE_INVALID_VALUE_FORMAT', reason: `${key} is an integer field (got ${JSON.stringify(value)})` };
    } else if (typeof value !== 'string') {
      return { error: 'ERR_SVR_PROFILE_INVALID_VALUE_FORMAT', reason: `${key} is a string field (got ${JSON.stringify(value)})` };
    } else if (utf8ByteLength(value) > d.maxLength) {
      return { error: 'ERR_SVR_PROFILE_SIZE_LIMIT', reason: `${key} is at most ${d.maxLength} bytes (got ${utf8ByteLength(value)})` };
    }
  }
  return undefined;
}

/** The fields of `fields` that `reader` may read under the app's declarations (undeclared ones are hidden). */
export function readableCustomFields(declarations: readonly ProfileFieldDeclaration[], fields: readonly ProfileCustomField[], reader: ProfileFieldRole): ProfileCustomField[] {
  const readable = new Set(declarations.filter((d) => d.read.includes(reader)).map((d) => d.key));
  return fields.filter((f) => readable.has(f.key));
}
