/**
 * UserSig generation, byte for byte what Tencent's Node `tls-sig-api-v2` produces for the same inputs
 * and clock (its other generators differ only in JSON layout and compression, see `docs/USERSIG.md`).
 * @packageDocumentation
 */
import { sigHmac } from './sig-hmac.js';
import { encodeUserSig, MAX_SIG_SECONDS } from './usersig-document.js';

/** Default validity of a generated UserSig, in seconds: 180 days, as in Tencent's docs and libraries. */
export const DEFAULT_EXPIRE_SECONDS = 15_552_000;

/** Largest SDKAppID accepted by the generators: Tencent's are unsigned 32-bit (the userbuf stores a u32). */
export const MAX_SDKAPPID = 0xffff_ffff;

/** Inputs of {@link genUserSig}. */
export interface GenUserSigOptions {
  /** The application's SDKAppID, 1..4294967295. */
  readonly sdkAppID: number;
  /** The application's secret key (Tencent's are 64 hex characters); used as UTF-8 bytes. */
  readonly key: string;
  /** The UserID to sign for; any non-empty string (Parley logins accept 1..32 of `[A-Za-z0-9_-]`). */
  readonly userID: string;
  /** Validity after issue, in whole seconds, 0..10^12. @default 15552000 (180 days) */
  readonly expireSeconds?: number;
  /** The issue instant in ms since the epoch; `TLS.time` is its whole second. @default Date.now() */
  readonly now?: number;
  /** Optional `TLS.userbuf` bytes (TRTC PrivateMapKey and other userbuf variants). */
  readonly userBuf?: Uint8Array;
}

/**
 * Generates a UserSig (TLSSigAPIv2).
 * @returns the UserSig string in Tencent's base64 variant.
 * @throws TypeError or RangeError when an input is out of range (a programming error on the
 *   business server, reported with the field's name).
 */
export function genUserSig(options: GenUserSigOptions): string {
  const sdkAppID = checkInteger('sdkAppID', options.sdkAppID, 1, MAX_SDKAPPID);
  const key = checkNonEmptyString('key', options.key);
  const identifier = checkNonEmptyString('userID', options.userID);
  const expire = checkInteger('expireSeconds', options.expireSeconds ?? DEFAULT_EXPIRE_SECONDS, 0, MAX_SIG_SECONDS);
  const time = issueSecond(options.now);
  const userBuf = options.userBuf;
  if (userBuf !== undefined && !(userBuf instanceof Uint8Array)) throw new TypeError('userBuf must be a Uint8Array');
  const fields = userBuf === undefined ? { identifier, sdkAppID, time, expire } : { identifier, sdkAppID, time, expire, userBuf };
  return encodeUserSig(fields, sigHmac(key, fields));
}

/**
 * `TLS.time` for an issue instant: its whole second.
 * @param now - ms since the epoch. @default Date.now()
 */
export function issueSecond(now: number | undefined): number {
  const ms = now ?? Date.now();
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new RangeError('now must be a non-negative number of ms since the epoch');
  return checkInteger('now (in seconds)', Math.floor(ms / 1000), 0, MAX_SIG_SECONDS);
}

/** Returns `value` if it is an integer in `min..max`, else throws naming `name`. */
export function checkInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, not ${typeof value}`);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer ${min}..${max}, got ${value}`);
  return value;
}

/** Returns `value` if it is a non-empty string, else throws naming `name`. */
export function checkNonEmptyString(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, not ${typeof value}`);
  if (value === '') throw new RangeError(`${name} must not be empty`);
  return value;
}
