/**
 * The `Store` seam: everything the server persists. Implementations: `MemoryStore` (in this package,
 * for tests and ephemeral runs), `@parley/store-sqlite` (embedded default) and later PostgreSQL.
 * Every implementation must pass the conformance suite in `@parley/server/testing` (`runStoreSuite`).
 *
 * All methods are async so that networked stores fit; the server keeps hot data (apps, known
 * accounts, sig invalidations) in memory and does not call the store on every frame.
 */
import type { LoginPolicy, Platform } from '@parley/protocol';
import type { GroupStore } from './store-groups.js';
import type { MessageStore } from './store-messages.js';

/** Multi-client login settings of one application. */
export interface LoginSettings {
  /** Which platforms may be online together. @default 'dual' */
  readonly policy: LoginPolicy;
  /** Max concurrent instances per user per platform (Web 1..10, native 1..3). @default 1 each */
  readonly maxInstances: Readonly<Record<Platform, number>>;
}

/** Application status: a suspended app refuses logins (60020) and REST calls. */
export type AppStatus = 'active' | 'suspended';

/** Optional plan limits of an application. */
export interface AppLimits {
  /** Max accounts; auto sign-up and import beyond it fail with 70398. Unset = unlimited. */
  readonly maxAccounts?: number;
  /** Max concurrent connections of the app. Unset = unlimited. */
  readonly maxConnections?: number;
}

/** One application (tenant). */
export interface AppRecord {
  readonly sdkAppID: number;
  /** The secret key UserSigs are signed with (64 hex chars for generated apps; any non-empty string for imported ones). */
  readonly secretKey: string;
  readonly name: string;
  /** Admin UserIDs (≤ 10); REST calls must be signed as one of them. */
  readonly admins: readonly string[];
  readonly status: AppStatus;
  readonly loginSettings: LoginSettings;
  readonly limits: AppLimits;
  /** Creation time, ms since the epoch. */
  readonly createdAt: number;
}

/** Fields of an app that can change after creation. */
export type AppPatch = Partial<Pick<AppRecord, 'name' | 'secretKey' | 'admins' | 'status' | 'loginSettings' | 'limits'>>;

/** One account (user) of an application. */
export interface AccountRecord {
  readonly userID: string;
  readonly nick: string;
  readonly faceUrl: string;
  /** Creation time, ms since the epoch. */
  readonly createdAt: number;
}

/** Input for importing an account. */
export interface AccountInput {
  readonly userID: string;
  readonly nick?: string;
  readonly faceUrl?: string;
}

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

/** Per-day usage of an app. `day` is the UTC date `YYYY-MM-DD`. */
export interface DailyStats {
  readonly day: string;
  /** Distinct users who logged in successfully that day. */
  readonly activeUsers: number;
  /** Highest number of concurrent connections seen that day. */
  readonly peakConnections: number;
}

/**
 * Persistent storage of the server: apps, accounts, sig invalidations and usage here; messages and
 * conversations in {@link MessageStore}; groups in {@link GroupStore}.
 */
export interface Store extends MessageStore, GroupStore {
  /** Creates an app; rejects if the SDKAppID exists. */
  createApp(app: AppRecord): Promise<void>;
  getApp(sdkAppID: number): Promise<AppRecord | undefined>;
  /** All apps, ordered by SDKAppID. */
  listApps(): Promise<AppRecord[]>;
  /** Applies `patch`; returns the updated app, or `undefined` if it does not exist. */
  updateApp(sdkAppID: number, patch: AppPatch): Promise<AppRecord | undefined>;

  /** Creates the accounts that do not exist and updates nick/faceUrl of those that do (when given). */
  importAccounts(sdkAppID: number, accounts: readonly AccountInput[], now: number): Promise<void>;
  /** Creates the accounts that do not exist, leaving others untouched; returns the UserIDs it created. */
  ensureAccounts(sdkAppID: number, userIDs: readonly string[], now: number): Promise<string[]>;
  /** The accounts among `userIDs` that exist. */
  getAccounts(sdkAppID: number, userIDs: readonly string[]): Promise<AccountRecord[]>;
  /** Deletes accounts; returns the UserIDs that existed and were deleted. */
  deleteAccounts(sdkAppID: number, userIDs: readonly string[]): Promise<string[]>;
  countAccounts(sdkAppID: number): Promise<number>;

  /** Records (replaces) a user's sig invalidation. */
  putSigInvalidation(sdkAppID: number, invalidation: SigInvalidation): Promise<void>;
  /** All sig invalidations of an app (loaded once when the app is first used). */
  listSigInvalidations(sdkAppID: number): Promise<SigInvalidation[]>;

  /** Marks users active on `day`; idempotent per (day, user). */
  recordDailyActive(sdkAppID: number, day: string, userIDs: readonly string[]): Promise<void>;
  /** Raises the day's peak to `connections` if it is higher. */
  recordPeakConnections(sdkAppID: number, day: string, connections: number): Promise<void>;
  /** Stats for days in `[fromDay, toDay]`, ordered by day; days without activity are omitted. */
  getDailyStats(sdkAppID: number, fromDay: string, toDay: string): Promise<DailyStats[]>;

  /** Flushes and closes. Further calls reject. */
  close(): Promise<void>;
}
