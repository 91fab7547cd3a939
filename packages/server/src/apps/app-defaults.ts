/** Defaults and constructors for applications (tenants). */
import { randomBytes, randomInt } from 'node:crypto';
import { MAX_INSTANCES_LIMIT, PLATFORMS, type Platform } from '@parley/protocol';
import type { AppRecord, LoginSettings } from '@parley/store';

/** Admin UserID every new app gets, as in Tencent's console. */
export const DEFAULT_ADMIN = 'administrator';

/** Max admins per app (Tencent's limit). */
export const MAX_ADMINS = 10;

/** Default login settings: policy `dual`, one instance per platform. */
export const DEFAULT_LOGIN_SETTINGS: LoginSettings = {
  policy: 'dual',
  maxInstances: Object.fromEntries(PLATFORMS.map((p) => [p, 1])) as Record<Platform, number>,
};

/** A new random secret key: 64 lowercase hex characters, like Tencent's console. */
export function generateSecretKey(): string {
  return randomBytes(32).toString('hex');
}

/** A new random SDKAppID in Tencent's range shape (10 digits starting with 14…, below 2^32). */
export function generateSdkAppID(): number {
  return 1_400_000_000 + randomInt(0, 99_999_999);
}

/** Builds a new active app record with defaults for everything not given. */
export function newAppRecord(input: { sdkAppID?: number; secretKey?: string; name?: string; admins?: readonly string[] }, now: number): AppRecord {
  const sdkAppID = input.sdkAppID ?? generateSdkAppID();
  return {
    sdkAppID,
    secretKey: input.secretKey ?? generateSecretKey(),
    name: input.name ?? `app-${sdkAppID}`,
    admins: input.admins && input.admins.length > 0 ? [...input.admins] : [DEFAULT_ADMIN],
    status: 'active',
    loginSettings: DEFAULT_LOGIN_SETTINGS,
    limits: {},
    createdAt: now,
  };
}

/** True if every per-platform limit is within Tencent's bounds (Web 1..10, native 1..3). */
export function isValidMaxInstances(platform: Platform, value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_INSTANCES_LIMIT[platform];
}
