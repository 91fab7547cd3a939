/**
 * UserSig verification with a cache: a login storm that reuses tickets (reconnects, many tabs) does
 * HMAC + inflate once per distinct sig. Only the key-dependent part (decode, HMAC) is cached; the
 * cheap per-login checks (identifier, expiry) run every time, in Tencent's order.
 */
import { refusal, type ErrorName, type Refusal } from '@parley/protocol';
import { verifyUserSig } from '@parley/usersig';

/** Decoded, HMAC-verified fields of a UserSig. */
export interface VerifiedSig {
  readonly identifier: string;
  readonly sdkAppID: number;
  /** Issue time, whole seconds since the epoch (`TLS.time`). */
  readonly time: number;
  /** Expiry, ms since the epoch (`(TLS.time + TLS.expire) * 1000`). */
  readonly expireAt: number;
  /** `TLS.sig` (base64 HMAC), identifies the ticket for revocation. */
  readonly hmac: string;
}

/**
 * First millisecond at which a sig with expiry `expireAt` (ms, a whole second) counts as expired.
 * Tencent compares whole seconds (`now_s > time + expire`), so the last valid second is inclusive.
 */
export function expiryInstant(expireAt: number): number {
  return expireAt + 1000;
}

/** Outcome of {@link SigVerifier.verify}. */
export type SigCheck = { readonly ok: true; readonly sig: VerifiedSig } | Refusal;

interface CacheEntry {
  readonly key: string;
  readonly sig: VerifiedSig;
}

/** Verifies UserSigs for an app, caching successful decodes (LRU). */
export class SigVerifier {
  readonly #cache = new Map<string, CacheEntry>();
  readonly #maxEntries: number;

  /** @param maxEntries - cache capacity in sigs. @default 100000 */
  constructor(maxEntries = 100_000) {
    this.#maxEntries = maxEntries;
  }

  /** Cached sigs. */
  get size(): number {
    return this.#cache.size;
  }

  /**
   * Verifies `sig` for `userID` of app `sdkAppID` signed with `key`, at time `now` (ms).
   * Never throws.
   */
  verify(sig: string, sdkAppID: number, key: string, userID: string, now: number): SigCheck {
    if (key.length === 0) return fail('ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND');
    if (sig.length === 0) return fail('ERR_SVR_ACCOUNT_USERSIG_EMPTY');
    const cacheKey = `${sdkAppID}\n${sig}`;
    const hit = this.#cache.get(cacheKey);
    if (hit && hit.key === key) {
      this.#cache.delete(cacheKey);
      this.#cache.set(cacheKey, hit);
      if (hit.sig.identifier !== userID) return fail('ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID');
      if (now >= expiryInstant(hit.sig.expireAt)) return fail('ERR_SVR_ACCOUNT_USERSIG_EXPIRED');
      return { ok: true, sig: hit.sig };
    }
    const result = verifyUserSig({ sig, sdkAppID, key, userID, now });
    if (!result.ok) return { ok: false, code: result.code, reason: result.reason };
    const f = result.fields;
    const verified: VerifiedSig = { identifier: f.identifier, sdkAppID: f.sdkAppID, time: f.time, expireAt: f.expireAt, hmac: f.hmac };
    this.#cache.set(cacheKey, { key, sig: verified });
    if (this.#cache.size > this.#maxEntries) {
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
    return { ok: true, sig: verified };
  }

  /** Drops every cached sig (e.g. after an app's key changed). */
  clear(): void {
    this.#cache.clear();
  }
}

const fail = (name: ErrorName): SigCheck => refusal(name);
