/**
 * V2TIM's profile shapes over the web API's: `V2TimUserFullInfo` (react-native-tim-js's names:
 * `nickName`, `faceUrl`, numeric `gender` and `allowType`, `customInfo` keyed by the custom field's
 * name without the `Tag_Profile_Custom_` prefix, values as strings) ↔ Tencent's `Profile`; and a user's
 * status, `V2TimUserStatus`, from the web `UserStatus`.
 */
import { isRecord, PROFILE_CUSTOM_PREFIX } from '@parley/protocol';
import type { Profile, UserStatus } from '../model/message-types.js';
import type { UpdateMyProfileOptions } from '../profiles/profile-api.js';
import { invalidArgument } from '../session/api-args.js';
import type { V2TimUserFullInfo, V2TimUserStatus } from './v2tim-types.js';

/** `V2TIM_GENDER_UNKNOWN` (0), `_MALE` (1), `_FEMALE` (2) by web value. */
const GENDERS = ['Gender_Type_Unknown', 'Gender_Type_Male', 'Gender_Type_Female'] as const;
/** `V2TIM_FRIEND_ALLOW_ANY` (0), `_NEED_CONFIRM` (1), `_DENY_ANY` (2) by web value. */
const ALLOW_TYPES = ['AllowType_Type_AllowAny', 'AllowType_Type_NeedConfirm', 'AllowType_Type_DenyAny'] as const;

const numberOf = (table: readonly string[], value: string): number => Math.max(0, table.indexOf(value));

/** A web `Profile` as V2TIM's `V2TimUserFullInfo`. */
export function userFullInfoOf(profile: Profile): V2TimUserFullInfo {
  return {
    userID: profile.userID,
    nickName: profile.nick,
    faceUrl: profile.avatar,
    selfSignature: profile.selfSignature,
    gender: numberOf(GENDERS, profile.gender),
    allowType: numberOf(ALLOW_TYPES, profile.allowType),
    customInfo: Object.fromEntries(profile.profileCustomField.map((f) => [f.key.startsWith(PROFILE_CUSTOM_PREFIX) ? f.key.slice(PROFILE_CUSTOM_PREFIX.length) : f.key, String(f.value)])),
    role: profile.role,
    level: profile.level,
    birthday: profile.birthday,
  };
}

function enumOf(table: readonly string[], name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const found = typeof value === 'number' ? table[value] : undefined;
  if (found === undefined) throw invalidArgument(`setSelfInfo: ${name} must be one of 0..${table.length - 1} (got ${JSON.stringify(value) ?? 'undefined'})`);
  return found;
}

/** A `V2TimUserFullInfo` as the options of `updateMyProfile` (6017 for a value V2TIM does not define). */
export function profileUpdateOf(info: unknown): UpdateMyProfileOptions {
  if (!isRecord(info)) throw invalidArgument('setSelfInfo: userFullInfo must be an object');
  const options: Record<string, unknown> = {};
  const copy = (from: string, to: string): void => {
    if (info[from] !== undefined) options[to] = info[from];
  };
  copy('nickName', 'nick');
  copy('faceUrl', 'avatar');
  copy('selfSignature', 'selfSignature');
  copy('role', 'role');
  copy('level', 'level');
  copy('birthday', 'birthday');
  const gender = enumOf(GENDERS, 'gender', info['gender']);
  if (gender !== undefined) options['gender'] = gender;
  const allowType = enumOf(ALLOW_TYPES, 'allowType', info['allowType']);
  if (allowType !== undefined) options['allowType'] = allowType;
  const custom = info['customInfo'];
  if (custom !== undefined) {
    if (!isRecord(custom)) throw invalidArgument('setSelfInfo: customInfo must be an object');
    options['profileCustomField'] = Object.entries(custom).map(([name, value]) => ({ key: name.startsWith(PROFILE_CUSTOM_PREFIX) ? name : `${PROFILE_CUSTOM_PREFIX}${name}`, value }));
  }
  return options as UpdateMyProfileOptions;
}

/** A web `UserStatus` as V2TIM's `V2TimUserStatus` (`statusType` is the same number). */
export function v2UserStatusOf(status: UserStatus): V2TimUserStatus {
  return { userID: status.userID, statusType: status.statusType, customStatus: status.customStatus };
}
