/**
 * UserSig verification, in the order of Tencent's Go `verify` as laid down for Parley: decode,
 * SDKAppID, identifier, HMAC, expiry, then the userbuf when the caller expects one.
 * @packageDocumentation
 */
import { timingSafeEqual } from 'node:crypto';
import { sigHmac } from './sig-hmac.js';
import { decodeStandardBase64 } from './tencent-base64.js';
import {
  ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED,
  ERR_SVR_ACCOUNT_USERSIG_EXPIRED,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID,
  ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND,
  type UserSigErrorCode,
} from './usersig-codes.js';
import { decodeUserSig, type UserSigFields } from './usersig-document.js';

/** Inputs of {@link verifyUserSig}. Typed loosely on purpose: any value is answered, none throws. */
export interface VerifyUserSigOptions {
  /** The UserSig presented by the client. */
  readonly sig: unknown;
  /** The application's SDKAppID. */
  readonly sdkAppID: number;
  /** The application's secret key; empty means no key is configured (70016). */
  readonly key: string;
  /** The UserID that is logging in (or the REST `identifier`). */
  readonly userID: string;
  /** The instant to check expiry at, ms since the epoch. @default Date.now() (also used for a non-finite value) */
  readonly now?: number;
  /** When given, the sig must carry exactly this `TLS.userbuf` (e.g. a room permission), else 70003. */
  readonly expectedUserBuf?: Uint8Array;
}

/**
 * Outcome of {@link verifyUserSig}. On failure, `fields` holds what was decoded when decoding got
 * that far. With 70014, 70013 and 70009 those fields are not authenticated (the HMAC was not checked,
 * or did not match): show them, never trust them.
 */
export type UserSigVerification =
  | { readonly ok: true; readonly fields: UserSigFields }
  | { readonly ok: false; readonly code: UserSigErrorCode; readonly reason: string; readonly fields?: UserSigFields };

/** A caller-supplied value for a message; never throws (unlike String() on a null-prototype object). */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return `a value of type ${typeof value}`;
}

function fail(code: UserSigErrorCode, reason: string, fields?: UserSigFields): UserSigVerification {
  return fields === undefined ? { ok: false, code, reason } : { ok: false, code, reason, fields };
}

/**
 * Verifies a UserSig for an application and a UserID. Never throws, whatever the inputs.
 *
 * Checks, first failure wins: empty key → 70016; empty sig → 70002; malformed (see `decodeUserSig`)
 * → 70003; `TLS.sdkappid` ≠ `sdkAppID` → 70014; `TLS.identifier` ≠ `userID` → 70013; HMAC mismatch
 * (another key, or altered fields; compared in constant time) → 70009; expired (`floor(now / 1000) >
 * TLS.time + TLS.expire`; the last second itself is still valid) → 70001; `expectedUserBuf` given and
 * not equal to `TLS.userbuf` → 70003.
 */
export function verifyUserSig(options: VerifyUserSigOptions): UserSigVerification {
  // A JavaScript caller may pass anything, even no object; missing fields then fail their checks.
  const { key, sdkAppID, userID, now, expectedUserBuf }: Partial<VerifyUserSigOptions> = typeof options === 'object' && options !== null ? options : {};
  if (typeof key !== 'string' || key === '') return fail(ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND, 'No secret key is configured for the application');
  const decoded = decodeUserSig(typeof options === 'object' && options !== null ? options.sig : undefined);
  if (!decoded.ok) return fail(decoded.code, decoded.reason);
  const fields = decoded.fields;

  if (fields.sdkAppID !== sdkAppID) {
    return fail(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID, `The UserSig is for SDKAppID ${fields.sdkAppID}, not ${show(sdkAppID)}`, fields);
  }
  if (fields.identifier !== userID) {
    return fail(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID, `The UserSig is for UserID ${show(fields.identifier)}, not ${show(userID)}`, fields);
  }
  // decodeUserSig checked TLS.sig is canonical base64; only its length can still be wrong.
  const given = decodeStandardBase64(fields.hmac) ?? Buffer.alloc(0);
  const expected = sigHmac(key, fields);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY, "The UserSig's HMAC does not match: signed with another key, or altered", fields);
  }
  const nowMs = typeof now === 'number' && Number.isFinite(now) ? now : Date.now();
  if (Math.floor(nowMs / 1000) > fields.time + fields.expire) {
    return fail(ERR_SVR_ACCOUNT_USERSIG_EXPIRED, `The UserSig expired at ${new Date(fields.expireAt).toISOString()}`, fields);
  }
  if (expectedUserBuf !== undefined) {
    if (!(expectedUserBuf instanceof Uint8Array)) return fail(ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, 'expectedUserBuf must be a Uint8Array', fields);
    if (fields.userBuf === undefined) return fail(ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, 'The UserSig carries no userbuf, and one is required', fields);
    if (!Buffer.from(fields.userBuf).equals(expectedUserBuf)) return fail(ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, "The UserSig's userbuf is not the expected one", fields);
  }
  return { ok: true, fields };
}
