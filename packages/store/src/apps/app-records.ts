/**
 * Record helpers for apps, shared by every backend so a patch means the same everywhere. Copies are
 * built field by field from the interface, so extra properties a caller passes never reach storage.
 */
import { PLATFORMS, type Platform } from '@parley/protocol';
import type { AppLimits, AppPatch, AppRecord, LoginSettings } from './app-store.js';

/**
 * A deep, frozen copy of `app` holding only the fields of {@link AppRecord}: `loginSettings` keeps
 * exactly the platforms of `PLATFORMS`, `limits` only the limits that are set.
 */
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

/**
 * `app` with the fields present in `patch` replaced as whole values (a field set to `undefined`
 * counts as absent), as a frozen copy (see {@link freezeAppRecord}).
 */
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
