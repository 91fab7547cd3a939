/**
 * The error codes a UserSig check can produce. The numbers and names are Tencent Cloud Chat's and match
 * the entries of the same name in Parley's error registry (`@parley/protocol`); they are repeated here
 * because this package depends on Node built-ins only.
 * @packageDocumentation
 */

/** 70001: the UserSig expired (`now_s > TLS.time + TLS.expire`). */
export const ERR_SVR_ACCOUNT_USERSIG_EXPIRED = 70001;
/** 70002: the UserSig is empty (`''`, `undefined` or `null`). */
export const ERR_SVR_ACCOUNT_USERSIG_EMPTY = 70002;
/** 70003: the UserSig is malformed, truncated, not decodable, lacks a field, or its userbuf is not the expected one. */
export const ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED = 70003;
/** 70009: the HMAC does not match: signed with another key, or the signed fields were altered. */
export const ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY = 70009;
/** 70013: `TLS.identifier` is not the UserID that is logging in. */
export const ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID = 70013;
/** 70014: `TLS.sdkappid` is not the application's SDKAppID. */
export const ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID = 70014;
/** 70016: no secret key is configured (the key is empty). */
export const ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND = 70016;

/** Every code above, keyed by its registry name. */
export const USERSIG_ERROR_CODES = {
  ERR_SVR_ACCOUNT_USERSIG_EXPIRED,
  ERR_SVR_ACCOUNT_USERSIG_EMPTY,
  ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID,
  ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND,
} as const;

/** Registry name of a UserSig error code. */
export type UserSigErrorName = keyof typeof USERSIG_ERROR_CODES;

/** One of the UserSig error codes. */
export type UserSigErrorCode = (typeof USERSIG_ERROR_CODES)[UserSigErrorName];

const NAMES: ReadonlyMap<number, UserSigErrorName> = new Map(
  (Object.entries(USERSIG_ERROR_CODES) as [UserSigErrorName, UserSigErrorCode][]).map(([name, code]) => [code, name]),
);

/** Registry name of a UserSig error code, e.g. `70009` → `"ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY"`. */
export function userSigErrorName(code: UserSigErrorCode): UserSigErrorName {
  // Every UserSigErrorCode is in the map by construction.
  return NAMES.get(code) ?? 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED';
}
