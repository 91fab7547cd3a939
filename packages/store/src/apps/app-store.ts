/**
 * The apps part of the `Store`: applications (tenants) with their login settings and plan limits.
 */
import type { LoginPolicy, Platform } from '@parley/protocol';

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

/** Applications. Records handed in or out are copies: changing them never changes stored state. */
export interface AppStore {
  /** Creates an app; rejects with 70402 if the SDKAppID exists. Only the fields of {@link AppRecord} are kept. */
  create(app: AppRecord): Promise<void>;
  /** The app, or `undefined` if it does not exist. */
  get(sdkAppID: number): Promise<AppRecord | undefined>;
  /** All apps, ordered by SDKAppID. */
  list(): Promise<AppRecord[]>;
  /** Applies `patch` (see {@link patchAppRecord}); returns the updated app, or `undefined` if it does not exist. */
  update(sdkAppID: number, patch: AppPatch): Promise<AppRecord | undefined>;
}
