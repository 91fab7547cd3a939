/**
 * `profile/portrait_get` and `profile/portrait_set` in Tencent's shapes: `To_Account`/`TagList` →
 * `UserProfileItem: [{ To_Account, ProfileItem: [{ Tag, Value }], ResultCode, ResultInfo }]`, and
 * `From_Account`/`ProfileItem`. Standard tags map to the profile's fields; custom tags are
 * `Tag_Profile_Custom_<name>` and must be declared for the app first, as on Tencent (see
 * `profile-field-routes.ts`). Codes: 40001 for a malformed body or more than 100 accounts, 40003 for
 * an unknown account, 40009 for an unknown or undeclared tag, 40007 for reading a custom tag not
 * readable by `Admin`, 40008 for writing one not writable by `Admin`, and the field codes of
 * `profile.update`.
 */
import { checkProfilePatch, errorMessage, ERRORS, isProfileCustomKey, isRecord, isValidUserID, MAX_PROFILE_IDS, ParleyError, type ProfileCustomField, type ProfilePatch, type WireProfile } from '@parley/protocol';
import { defineRoute, type AnyRestRoute } from '../../rest/rest-route.js';
import type { ProfileService } from './profile-service.js';

/** The standard tags and the profile field each one is. */
const STANDARD_TAGS = {
  Tag_Profile_IM_Nick: 'nick',
  Tag_Profile_IM_Gender: 'gender',
  Tag_Profile_IM_BirthDay: 'birthday',
  Tag_Profile_IM_Location: 'location',
  Tag_Profile_IM_SelfSignature: 'selfSignature',
  Tag_Profile_IM_AllowType: 'allowType',
  Tag_Profile_IM_Language: 'language',
  Tag_Profile_IM_Image: 'avatar',
  Tag_Profile_IM_MsgSettings: 'messageSettings',
  Tag_Profile_IM_AdminForbidType: 'adminForbidType',
  Tag_Profile_IM_Level: 'level',
  Tag_Profile_IM_Role: 'role',
} as const satisfies Record<string, keyof WireProfile>;

type StandardTag = keyof typeof STANDARD_TAGS;

const isStandardTag = (tag: string): tag is StandardTag => Object.hasOwn(STANDARD_TAGS, tag);

/** One `{ Tag, Value }`. */
interface ProfileItem {
  readonly Tag: string;
  readonly Value: string | number;
}

/** A parsed `portrait_get`. */
interface PortraitGet {
  readonly accounts: readonly string[];
  readonly tags: readonly string[];
}

/** One `UserProfileItem` of `portrait_get`. */
interface UserProfileItem {
  readonly To_Account: string;
  readonly ProfileItem: ProfileItem[];
  readonly ResultCode: number;
  readonly ResultInfo: string;
}

/** A parsed `portrait_set`. */
interface PortraitSet {
  readonly userID: string;
  readonly patch: ProfilePatch;
}

const bad = (reason: string, error: 'ERR_SVR_PROFILE_INVALID_PARAMETERS' | 'ERR_SVR_PROFILE_TAG_NOT_FOUND' = 'ERR_SVR_PROFILE_INVALID_PARAMETERS'): never => {
  throw ParleyError.of(error, reason);
};

function bodyOf(body: unknown): Record<string, unknown> {
  return isRecord(body) ? body : bad('the body must be a JSON object');
}

function checkTag(tag: unknown, field: string): string {
  if (typeof tag !== 'string') return bad(`${field} must be a string`);
  if (!isStandardTag(tag) && !isProfileCustomKey(tag)) return bad(`${field} ${JSON.stringify(tag)} is not a profile tag`, 'ERR_SVR_PROFILE_TAG_NOT_FOUND');
  return tag;
}

function parsePortraitGet(body: unknown): PortraitGet {
  const b = bodyOf(body);
  const to = b['To_Account'];
  if (!Array.isArray(to) || to.length === 0) return bad('To_Account must be a non-empty array of UserIDs');
  if (to.length > MAX_PROFILE_IDS) return bad(`To_Account holds ${to.length} accounts; at most ${MAX_PROFILE_IDS} are allowed`);
  to.forEach((id, i) => {
    if (!isValidUserID(id)) bad(`To_Account[${i}] is not a valid UserID`);
  });
  const tagList = b['TagList'];
  if (!Array.isArray(tagList) || tagList.length === 0) return bad('TagList must be a non-empty array of tags');
  return { accounts: [...new Set(to as string[])], tags: [...new Set(tagList.map((t, i) => checkTag(t, `TagList[${i}]`)))] };
}

function itemsOf(profile: WireProfile, tags: readonly string[]): ProfileItem[] {
  const custom = new Map(profile.profileCustomField.map((f) => [f.key, f.value]));
  return tags.flatMap((Tag): ProfileItem[] => {
    if (isStandardTag(Tag)) return [{ Tag, Value: profile[STANDARD_TAGS[Tag]] }];
    const Value = custom.get(Tag);
    return Value === undefined ? [] : [{ Tag, Value }];
  });
}

function readPortraitSet(body: unknown): { readonly userID: string; readonly patch: Record<string, unknown> } {
  const b = bodyOf(body);
  const userID = b['From_Account'];
  if (!isValidUserID(userID)) return bad('From_Account must be a valid UserID');
  const items = b['ProfileItem'];
  if (!Array.isArray(items) || items.length === 0) return bad('ProfileItem must be a non-empty array of {Tag, Value}');
  const patch: Record<string, unknown> = {};
  const custom: ProfileCustomField[] = [];
  items.forEach((item: unknown, i) => {
    if (!isRecord(item)) return bad(`ProfileItem[${i}] must be an object {Tag, Value}`);
    const tag = checkTag(item['Tag'], `ProfileItem[${i}].Tag`);
    const value = item['Value'];
    if (isStandardTag(tag)) patch[STANDARD_TAGS[tag]] = value;
    else custom.push({ key: tag, value: value as string | number });
  });
  if (custom.length > 0) patch['profileCustomField'] = custom;
  return { userID, patch };
}

/** Routes of the profile service. */
export function profileRoutes(profiles: ProfileService): AnyRestRoute[] {
  return [
    defineRoute({
      path: 'profile/portrait_get',
      parse: parsePortraitGet,
      handle: async ({ app }, { accounts, tags }): Promise<{ UserProfileItem: UserProfileItem[] }> => {
        const declared = new Map((await profiles.declarations(app.app.sdkAppID)).map((d) => [d.key, d]));
        for (const tag of tags) {
          if (isStandardTag(tag)) continue;
          const d = declared.get(tag);
          if (d === undefined) bad(`TagList: ${tag} is not a declared custom profile field of this app`, 'ERR_SVR_PROFILE_TAG_NOT_FOUND');
          else if (!d.read.includes('admin')) throw ParleyError.of('ERR_SVR_PROFILE_READ_PERMISSION_REQUIRED', `TagList: ${tag} is not readable by the app admin`);
        }
        const found = new Map((await profiles.get(app.app.sdkAppID, accounts, 'admin')).map((p) => [p.userID, p]));
        return {
          UserProfileItem: accounts.map((id): UserProfileItem => {
            const profile = found.get(id);
            return profile === undefined
              ? { To_Account: id, ProfileItem: [], ResultCode: ERRORS.ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND.code, ResultInfo: errorMessage('ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND', id) }
              : { To_Account: id, ProfileItem: itemsOf(profile, tags), ResultCode: 0, ResultInfo: '' };
          }),
        };
      },
    }),
    defineRoute({
      path: 'profile/portrait_set',
      parse: (body: unknown): PortraitSet => {
        const { userID, patch } = readPortraitSet(body);
        const checked = checkProfilePatch(patch);
        if (!checked.ok) throw ParleyError.of(checked.error, checked.reason);
        return { userID, patch: checked.value };
      },
      handle: async ({ app }, { userID, patch }: PortraitSet): Promise<Record<string, never>> => {
        await profiles.updateFor(app.app.sdkAppID, userID, patch);
        return {};
      },
    }),
  ];
}
