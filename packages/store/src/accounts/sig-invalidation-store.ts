/**
 * The sig-invalidation part of the `Store`: what a REST kick revoked, loaded once per app by the
 * server's app cache and checked on every login.
 */

/**
 * REST-kick invalidation of a user's UserSigs: sigs with `TLS.time < beforeSec` are invalid, and so are
 * sigs with `TLS.time === beforeSec` whose HMAC (`TLS.sig`) is listed in `revokedSigs` (those in use at
 * kick time), so a new sig minted in the same second as the kick still works.
 */
export interface SigInvalidation {
  readonly userID: string;
  /** Kick time in whole seconds since the epoch. */
  readonly beforeSec: number;
  /** `TLS.sig` values (base64 HMACs) revoked at `beforeSec`. */
  readonly revokedSigs: readonly string[];
}

/** Sig invalidations, one per user and app. */
export interface SigInvalidationStore {
  /** Records (replaces) a user's sig invalidation. */
  put(sdkAppID: number, invalidation: SigInvalidation): Promise<void>;
  /** All sig invalidations of an app (loaded once when the app is first used). */
  list(sdkAppID: number): Promise<SigInvalidation[]>;
}
