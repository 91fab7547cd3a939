/**
 * Wire shapes of the profile commands (`profile.*`): a user's profile in the fields of Tencent's web
 * SDK `Profile`, the limits Tencent sets on them, and the names of the commands and the push.
 */

/** Wire names of the profile commands and push. */
export const ProfileWireName = {
  GET_MINE: 'profile.get_mine',
  GET: 'profile.get',
  UPDATE: 'profile.update',
  UPDATED: 'profile.updated',
} as const;

/** At most this many UserIDs per `profile.get` (and per REST `portrait_get`). */
export const MAX_PROFILE_IDS = 100;
/** Longest string value of a profile field, in UTF-8 bytes (Tencent's limit for every string tag). */
export const MAX_PROFILE_STRING_BYTES = 500;
/** Prefix of a custom profile field key. */
export const PROFILE_CUSTOM_PREFIX = 'Tag_Profile_Custom_';
/** Longest name after {@link PROFILE_CUSTOM_PREFIX}, in bytes (Tencent's console: a custom field name of at most 8 characters). */
export const MAX_PROFILE_CUSTOM_NAME_BYTES = 8;
/** Most custom fields one `profile.update` (or `portrait_set`) carries; an app declares at most as many (`MAX_PROFILE_FIELD_DECLARATIONS`). */
export const MAX_PROFILE_CUSTOM_FIELDS = 20;
/** Largest unsigned integer field value (uint32). */
export const MAX_PROFILE_UINT = 0xffff_ffff;

/** `TYPES.GENDER_*` values. */
export const PROFILE_GENDERS = ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'] as const;
/** `TYPES.ALLOW_TYPE_*` values. */
export const PROFILE_ALLOW_TYPES = ['AllowType_Type_AllowAny', 'AllowType_Type_NeedConfirm', 'AllowType_Type_DenyAny'] as const;
/** `TYPES.FORBID_TYPE_*` values. */
export const PROFILE_FORBID_TYPES = ['AdminForbid_Type_None', 'AdminForbid_Type_SendOut'] as const;

/** A gender value. */
export type ProfileGender = (typeof PROFILE_GENDERS)[number];
/** A friend-request policy value. */
export type ProfileAllowType = (typeof PROFILE_ALLOW_TYPES)[number];
/** An admin-forbid value. */
export type ProfileForbidType = (typeof PROFILE_FORBID_TYPES)[number];

/** One custom field: `key` is the full tag (`Tag_Profile_Custom_<name>`), `value` a string or a uint32. */
export interface ProfileCustomField {
  readonly key: string;
  readonly value: string | number;
}

/** A user's profile on the wire: the fields of Tencent's web SDK `Profile`. */
export interface WireProfile {
  readonly userID: string;
  readonly nick: string;
  readonly avatar: string;
  readonly gender: ProfileGender;
  /** As Tencent stores it, e.g. `19900101`; 0 when unset. */
  readonly birthday: number;
  readonly location: string;
  readonly selfSignature: string;
  readonly allowType: ProfileAllowType;
  readonly language: number;
  readonly level: number;
  readonly role: number;
  readonly messageSettings: number;
  readonly adminForbidType: ProfileForbidType;
  readonly profileCustomField: readonly ProfileCustomField[];
  /** Last change, seconds since the epoch; 0 when never changed. */
  readonly lastUpdatedTime: number;
}

/** Tencent's defaults of the standard profile fields: what a profile nobody has edited holds. */
export const PROFILE_DEFAULTS: Readonly<Omit<WireProfile, 'userID' | 'nick' | 'avatar' | 'profileCustomField' | 'lastUpdatedTime'>> = Object.freeze({
  gender: 'Gender_Type_Unknown',
  birthday: 0,
  location: '',
  selfSignature: '',
  allowType: 'AllowType_Type_NeedConfirm',
  language: 0,
  level: 0,
  role: 0,
  messageSettings: 0,
  adminForbidType: 'AdminForbid_Type_None',
});

/** The fields `profile.update` may change; at least one is present. Custom fields are set by key; `''` stores an empty string. */
export interface ProfilePatch {
  readonly nick?: string;
  readonly avatar?: string;
  readonly gender?: ProfileGender;
  readonly birthday?: number;
  readonly location?: string;
  readonly selfSignature?: string;
  readonly allowType?: ProfileAllowType;
  readonly language?: number;
  readonly level?: number;
  readonly role?: number;
  readonly messageSettings?: number;
  readonly adminForbidType?: ProfileForbidType;
  readonly profileCustomField?: readonly ProfileCustomField[];
}

/** Request of `profile.get`. */
export interface GetProfilesRequest {
  readonly userIDList: readonly string[];
}

/** Answer of `profile.get_mine` and `profile.update`, and body of the `profile.updated` push. */
export interface ProfileResponse {
  readonly profile: WireProfile;
}

/** Answer of `profile.get`: the profiles of the accounts that exist, in request order. */
export interface ProfileListResponse {
  readonly profiles: readonly WireProfile[];
}
