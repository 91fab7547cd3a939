/**
 * Copying and checking of store records, shared by the in-memory store. Copies are built field by
 * field from the interface, so extra properties a caller passes never reach storage and every store
 * returns exactly the documented shape.
 */
import { ParleyError, PLATFORMS, isUint, type Platform } from '@parley/protocol';
import type { AccountRecord, AppLimits, AppPatch, AppRecord, LoginSettings, SigInvalidation } from './store.js';

/** A deep, frozen copy of `app` holding only the fields of {@link AppRecord}. */
export function freezeAppRecord(app: AppRecord): AppRecord {
  return Object.freeze({
    sdkAppID: app.sdkAppID,
    secretKey: app.secretKey,
    name: app.name,
    admins: Object.freeze([...app.admins]),
    status: app.status,
    loginSettings: freezeLoginSettings(app.loginSettings),
    limits: freezeLimits(app.limits),
    createdAt: app.createdAt,
  });
}

/** A deep, mutable copy of a stored app, so callers cannot reach the stored object. */
export function copyAppRecord(app: AppRecord): AppRecord {
  return {
    sdkAppID: app.sdkAppID,
    secretKey: app.secretKey,
    name: app.name,
    admins: [...app.admins],
    status: app.status,
    loginSettings: { policy: app.loginSettings.policy, maxInstances: { ...app.loginSettings.maxInstances } },
    limits: { ...app.limits },
    createdAt: app.createdAt,
  };
}

/** `app` with the fields present in `patch` replaced (a field set to `undefined` counts as absent). */
export function patchAppRecord(app: AppRecord, patch: AppPatch): AppRecord {
  return freezeAppRecord({
    ...app,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.secretKey !== undefined ? { secretKey: patch.secretKey } : {}),
    ...(patch.admins !== undefined ? { admins: patch.admins } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.loginSettings !== undefined ? { loginSettings: patch.loginSettings } : {}),
    ...(patch.limits !== undefined ? { limits: patch.limits } : {}),
  });
}

function freezeLoginSettings(settings: LoginSettings): LoginSettings {
  const maxInstances = {} as Record<Platform, number>;
  for (const platform of PLATFORMS) maxInstances[platform] = settings.maxInstances[platform];
  return Object.freeze({ policy: settings.policy, maxInstances: Object.freeze(maxInstances) });
}

function freezeLimits(limits: AppLimits): AppLimits {
  // Absent limits stay absent keys (not `undefined` values), as exactOptionalPropertyTypes demands.
  return Object.freeze({
    ...(limits.maxAccounts !== undefined ? { maxAccounts: limits.maxAccounts } : {}),
    ...(limits.maxConnections !== undefined ? { maxConnections: limits.maxConnections } : {}),
  });
}

/** A frozen copy of an account. */
export function freezeAccount(account: AccountRecord): AccountRecord {
  return Object.freeze({ userID: account.userID, nick: account.nick, faceUrl: account.faceUrl, createdAt: account.createdAt });
}

/** A frozen copy of a sig invalidation. */
export function freezeSigInvalidation(invalidation: SigInvalidation): SigInvalidation {
  return Object.freeze({
    userID: invalidation.userID,
    beforeSec: invalidation.beforeSec,
    revokedSigs: Object.freeze([...invalidation.revokedSigs]),
  });
}

/** A mutable copy of a stored sig invalidation. */
export function copySigInvalidation(invalidation: SigInvalidation): SigInvalidation {
  return { userID: invalidation.userID, beforeSec: invalidation.beforeSec, revokedSigs: [...invalidation.revokedSigs] };
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True if `day` is a real calendar date written `YYYY-MM-DD` (the key of daily stats). */
export function isUtcDay(day: unknown): day is string {
  if (typeof day !== 'string' || !DAY_PATTERN.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * Throws 70402 unless `day` is a `YYYY-MM-DD` date: stats are ranged by string comparison, so a
 * malformed day would silently fall outside every range.
 */
export function assertUtcDay(day: string, field: string): void {
  if (!isUtcDay(day)) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `${field} must be a UTC date YYYY-MM-DD, got ${JSON.stringify(day)}`);
}

/** Throws 70402 unless `connections` is a non-negative safe integer. */
export function assertConnections(connections: number): void {
  if (!isUint(connections)) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `connections must be a non-negative integer, got ${String(connections)}`);
}
