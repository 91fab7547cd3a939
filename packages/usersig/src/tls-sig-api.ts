/**
 * A drop-in for the npm package `tls-sig-api-v2`: same class name, constructor and methods, same
 * output. A business server switches with `import { Api } from '@parley/usersig'`. Adds
 * verification, which Tencent's Node package lacks.
 * @packageDocumentation
 */
import { genPrivateMapKey, genPrivateMapKeyWithStringRoomID } from './private-map-key.js';
import { DEFAULT_EXPIRE_SECONDS, genUserSig } from './usersig-generator.js';
import { verifyUserSig, type UserSigVerification } from './usersig-verifier.js';

/**
 * Reads a number that JavaScript callers of Tencent's package may pass as a decimal string (e.g.
 * straight from an environment variable); Tencent's package accepts both and signs the same text.
 */
function integerArg(name: string, value: number | string): number {
  if (typeof value === 'string') {
    if (!/^\d{1,16}$/.test(value)) throw new RangeError(`${name} must be a decimal integer, got ${JSON.stringify(value)}`);
    return Number(value);
  }
  return value;
}

/** UserSig generator and verifier for one application, API-compatible with `tls-sig-api-v2`'s `Api`. */
export class Api {
  /** The application's SDKAppID, as given. */
  readonly sdkappid: number | string;
  /** The application's secret key, as given. */
  readonly key: string;
  readonly #clock: () => number;

  /**
   * @param sdkappid - the SDKAppID (a number, or a decimal string as Tencent's package allows).
   * @param key - the secret key (used as UTF-8 bytes). Inputs are checked when a method is called.
   * @param clock - Parley addition: the clock for issue and expiry times, ms since the epoch.
   *   @default Date.now (as Tencent's package)
   */
  constructor(sdkappid: number | string, key: string, clock: () => number = Date.now) {
    this.sdkappid = sdkappid;
    this.key = key;
    this.#clock = clock;
  }

  #now(): number {
    return this.#clock();
  }

  /**
   * Generates a UserSig for `userid`, valid for `expire` seconds.
   * @param expire - validity in seconds. @default 15552000 (180 days)
   * @throws TypeError or RangeError for out-of-range input.
   */
  genUserSig(userid: string, expire: number | string = DEFAULT_EXPIRE_SECONDS): string {
    return this.genSig(userid, expire);
  }

  /**
   * Generates a UserSig, with an optional `TLS.userbuf` (Tencent's lower-level entry point).
   * @param expire - validity in seconds. @default 15552000 (180 days)
   * @param userBuf - bytes to carry in `TLS.userbuf`; `null` or absent for none.
   */
  genSig(userid: string, expire: number | string = DEFAULT_EXPIRE_SECONDS, userBuf?: Uint8Array | null): string {
    return genUserSig({
      sdkAppID: integerArg('sdkappid', this.sdkappid),
      key: this.key,
      userID: String(userid),
      expireSeconds: integerArg('expire', expire),
      now: this.#now(),
      ...(userBuf === null || userBuf === undefined ? {} : { userBuf }),
    });
  }

  /**
   * Generates a TRTC PrivateMapKey for the numeric room `roomid`.
   * @param expire - validity in seconds (Tencent suggests 300).
   * @param privilegeMap - `PRIVILEGE` bits; 255 = all.
   */
  genPrivateMapKey(userid: string, expire: number | string, roomid: number, privilegeMap: number): string {
    return genPrivateMapKey({
      sdkAppID: integerArg('sdkappid', this.sdkappid),
      key: this.key,
      userID: String(userid),
      expireSeconds: integerArg('expire', expire),
      now: this.#now(),
      roomID: roomid,
      privilegeMap,
    });
  }

  /**
   * Generates a TRTC PrivateMapKey for the string room `roomstr`.
   * @param expire - validity in seconds (Tencent suggests 300).
   * @param privilegeMap - `PRIVILEGE` bits; 255 = all.
   */
  genPrivateMapKeyWithStringRoomID(userid: string, expire: number | string, roomstr: string, privilegeMap: number): string {
    return genPrivateMapKeyWithStringRoomID({
      sdkAppID: integerArg('sdkappid', this.sdkappid),
      key: this.key,
      userID: String(userid),
      expireSeconds: integerArg('expire', expire),
      now: this.#now(),
      roomStr: roomstr,
      privilegeMap,
    });
  }

  /**
   * Verifies `usersig` for `userid` against this application (see the functional `verifyUserSig`).
   * Never throws.
   * @param now - instant to check expiry at, ms since the epoch. @default this clock
   */
  verifyUserSig(userid: string, usersig: string, now: number = this.#now()): UserSigVerification {
    return this.#verify(userid, usersig, now, undefined);
  }

  /**
   * Verifies a userbuf-carrying sig (e.g. a PrivateMapKey) and requires its userbuf to equal `userBuf`.
   * Never throws.
   * @param now - instant to check expiry at, ms since the epoch. @default this clock
   */
  verifyUserSigWithBuf(userid: string, usersig: string, userBuf: Uint8Array, now: number = this.#now()): UserSigVerification {
    return this.#verify(userid, usersig, now, userBuf);
  }

  #verify(userID: string, sig: string, now: number, expectedUserBuf: Uint8Array | undefined): UserSigVerification {
    const raw = this.sdkappid;
    // Never throws: a malformed configured SDKAppID simply matches no sig (NaN equals nothing).
    const sdkAppID = typeof raw === 'string' && /^\d{1,16}$/.test(raw) ? Number(raw) : typeof raw === 'number' ? raw : Number.NaN;
    return verifyUserSig({ sig, sdkAppID, key: this.key, userID, now, ...(expectedUserBuf === undefined ? {} : { expectedUserBuf }) });
  }
}
