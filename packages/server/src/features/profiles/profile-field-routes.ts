/**
 * `parley_admin/get_profile_custom_fields` and `parley_admin/set_profile_custom_fields`: the app's
 * custom profile fields, what Tencent's console declares ("custom profile fields": name, type,
 * read and write permission). Same envelope and admin auth as every REST route.
 *
 * A field is `{ Tag: "Tag_Profile_Custom_<name>", Type: "String" | "Integer", MaxLength?: 1..500
 * (String; default 500), Read: ["App", "Admin"], Write: ["App", "Admin"] }` (`App`: users through
 * the SDKs, `Admin`: the app admin through REST; one or both). `set` replaces the whole list (at most
 * 20, tags distinct) and answers it; a bad list answers 40001 naming the field.
 */
import { isRecord, parseProfileFieldDeclarations, ParleyError, type ProfileFieldDeclaration, type ProfileFieldRole, type ProfileFieldType } from '@parley/protocol';
import { defineRoute, type AnyRestRoute } from '../../rest/rest-route.js';
import type { ProfileService } from './profile-service.js';

/** A declaration in the REST shape. */
export interface RestProfileField {
  readonly Tag: string;
  readonly Type: 'String' | 'Integer';
  /** String fields only. */
  readonly MaxLength?: number;
  readonly Read: ('App' | 'Admin')[];
  readonly Write: ('App' | 'Admin')[];
}

const TYPE_OUT: Record<ProfileFieldType, RestProfileField['Type']> = { string: 'String', integer: 'Integer' };
const ROLE_OUT: Record<ProfileFieldRole, 'App' | 'Admin'> = { app: 'App', admin: 'Admin' };
const TYPE_IN: Record<string, ProfileFieldType> = { String: 'string', Integer: 'integer' };
const ROLE_IN: Record<string, ProfileFieldRole> = { App: 'app', Admin: 'admin' };

/** A stored declaration in the REST shape. */
export function restProfileField(d: ProfileFieldDeclaration): RestProfileField {
  return {
    Tag: d.key,
    Type: TYPE_OUT[d.type],
    ...(d.type === 'string' ? { MaxLength: d.maxLength } : {}),
    Read: d.read.map((r) => ROLE_OUT[r]),
    Write: d.write.map((r) => ROLE_OUT[r]),
  };
}

// Values outside the tables pass through unchanged, so the protocol's check names them.
const mapIn = (table: Record<string, string>, v: unknown): unknown => (typeof v === 'string' && Object.hasOwn(table, v) ? table[v] : v);
const rolesIn = (v: unknown): unknown => (Array.isArray(v) ? v.map((x) => mapIn(ROLE_IN, x)) : v);

/** Parses `{ CustomFields: [...] }` into checked declarations; 40001 naming the field otherwise. */
export function parseRestProfileFields(body: unknown): ProfileFieldDeclaration[] {
  if (!isRecord(body) || !Array.isArray(body['CustomFields'])) throw ParleyError.of('ERR_SVR_PROFILE_INVALID_PARAMETERS', 'the body must be {"CustomFields": [...]}');
  const fields = body['CustomFields'].map((f: unknown) =>
    isRecord(f) ? { key: f['Tag'], type: mapIn(TYPE_IN, f['Type']), maxLength: f['MaxLength'], read: rolesIn(f['Read']), write: rolesIn(f['Write']) } : f,
  );
  const parsed = parseProfileFieldDeclarations({ fields });
  if (!parsed.ok) {
    // The protocol names its own fields; say them as this body does.
    const reason = parsed.reason.replace(/^fields/, 'CustomFields').replace(/\.key\b/, '.Tag').replace(/\.type\b/, '.Type').replace(/\.maxLength\b/, '.MaxLength').replace(/\.read\b/, '.Read').replace(/\.write\b/, '.Write')
      .replace('string, integer', 'String, Integer')
      .replace('app, admin', 'App, Admin');
    throw ParleyError.of(parsed.error, reason);
  }
  return parsed.value;
}

/** The declaration routes. */
export function profileFieldRoutes(profiles: ProfileService): AnyRestRoute[] {
  return [
    defineRoute({
      path: 'parley_admin/get_profile_custom_fields',
      parse: () => undefined,
      handle: async ({ app }) => ({ CustomFields: (await profiles.declarations(app.app.sdkAppID)).map(restProfileField) }),
    }),
    defineRoute({
      path: 'parley_admin/set_profile_custom_fields',
      parse: parseRestProfileFields,
      handle: async ({ app }, fields) => ({ CustomFields: (await profiles.declare(app.app.sdkAppID, fields)).map(restProfileField) }),
    }),
  ];
}
