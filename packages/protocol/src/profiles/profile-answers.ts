/**
 * Parsers of the answers and push of the profile commands (the SDK's side of `profile.*`): every
 * declared field required, unknown fields ignored.
 */
import { MALFORMED_ANSWER, runParser, type BodyReader, type ParseResult } from '../core/parse-kit.js';
import { isUint } from '../core/validate.js';
import { PROFILE_ALLOW_TYPES, PROFILE_FORBID_TYPES, PROFILE_GENDERS, type ProfileCustomField, type ProfileListResponse, type ProfileResponse, type WireProfile } from './profile-types.js';

function readCustomField(r: BodyReader): ProfileCustomField {
  const value = r.raw('value');
  return { key: r.str('key'), value: isUint(value) ? value : r.str('value') };
}

/** Reads a {@link WireProfile}. */
export function readProfile(r: BodyReader): WireProfile {
  return {
    userID: r.str('userID'),
    nick: r.str('nick'),
    avatar: r.str('avatar'),
    gender: r.oneOf('gender', PROFILE_GENDERS),
    birthday: r.uint('birthday'),
    location: r.str('location'),
    selfSignature: r.str('selfSignature'),
    allowType: r.oneOf('allowType', PROFILE_ALLOW_TYPES),
    language: r.uint('language'),
    level: r.uint('level'),
    role: r.uint('role'),
    messageSettings: r.uint('messageSettings'),
    adminForbidType: r.oneOf('adminForbidType', PROFILE_FORBID_TYPES),
    profileCustomField: r.list('profileCustomField', readCustomField),
    lastUpdatedTime: r.uint('lastUpdatedTime'),
  };
}

/** Parses an answer carrying `{profile}` (`profile.get_mine`, `profile.update`). */
export function parseProfileAnswer(body: unknown): ParseResult<ProfileResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ profile: r.object('profile', readProfile) }), 'profile answer');
}

/** Parses the answer of `profile.get`. */
export function parseProfileListAnswer(body: unknown): ParseResult<ProfileListResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ profiles: r.list('profiles', readProfile) }), 'profile list answer');
}

/** Parses the body of the `profile.updated` push. */
export function parseProfilePush(body: unknown): ParseResult<ProfileResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ profile: r.object('profile', readProfile) }), 'profile push');
}
