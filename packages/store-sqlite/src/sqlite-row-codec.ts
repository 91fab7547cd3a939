/**
 * Encoding store records into SQLite columns and parsing rows back into records. A row is never trusted: the file may have been edited,
 * restored from elsewhere or damaged, so every column is checked, JSON columns included, and a bad row
 * becomes an error naming the table, the key and the offending column.
 */
import {
  LOGIN_POLICIES,
  PLATFORMS,
  type ParleyError,
  invalid,
  isRecord,
  isUint,
  valid,
  type LoginPolicy,
  type Parsed,
  type Platform,
} from '@parley/protocol';
import { storeError, type AccountRecord, type AppLimits, type AppRecord, type AppStatus, type DailyStats, type LoginSettings, type SigInvalidation } from '@parley/store';

const APP_STATUSES: readonly AppStatus[] = ['active', 'suspended'];

function isAppStatus(value: unknown): value is AppStatus {
  return (APP_STATUSES as readonly unknown[]).includes(value);
}

function isLoginPolicy(value: unknown): value is LoginPolicy {
  return (LOGIN_POLICIES as readonly unknown[]).includes(value);
}

/** The error for a row that does not parse: 70500 naming table, key and reason. */
export function corruptRowError(table: string, key: string, reason: string): ParleyError {
  return storeError(`corrupt row in SQLite table ${table} (${key}): ${reason}`, { data: { table, key } });
}

/** Parses a row of `apps`. */
export function parseAppRow(row: unknown): Parsed<AppRecord> {
  if (!isRecord(row)) return invalid('the row is missing');
  const { sdk_app_id: sdkAppID, secret_key: secretKey, name, status, created_at: createdAt } = row;
  if (!isUint(sdkAppID)) return invalid('sdk_app_id must be a non-negative integer');
  if (typeof secretKey !== 'string') return invalid('secret_key must be text');
  if (typeof name !== 'string') return invalid('name must be text');
  if (!isAppStatus(status)) return invalid(`status must be one of ${APP_STATUSES.join(', ')}`);
  if (!isUint(createdAt)) return invalid('created_at must be a non-negative integer');
  const admins = parseJsonColumn(row, 'admins', parseStringArray);
  if (!admins.ok) return admins;
  const loginSettings = parseJsonColumn(row, 'login_settings', parseLoginSettings);
  if (!loginSettings.ok) return loginSettings;
  const limits = parseJsonColumn(row, 'limits', parseLimits);
  if (!limits.ok) return limits;
  return valid({
    sdkAppID,
    secretKey,
    name,
    admins: admins.value,
    status,
    loginSettings: loginSettings.value,
    limits: limits.value,
    createdAt,
  });
}

/** Parses a row of `accounts` (columns user_id, nick, face_url, created_at). */
export function parseAccountRow(row: unknown): Parsed<AccountRecord> {
  if (!isRecord(row)) return invalid('the row is missing');
  const { user_id: userID, nick, face_url: faceUrl, created_at: createdAt } = row;
  if (typeof userID !== 'string') return invalid('user_id must be text');
  if (typeof nick !== 'string') return invalid('nick must be text');
  if (typeof faceUrl !== 'string') return invalid('face_url must be text');
  if (!isUint(createdAt)) return invalid('created_at must be a non-negative integer');
  return valid({ userID, nick, faceUrl, createdAt });
}

/** Parses a row of `sig_invalidations` (columns user_id, before_sec, revoked_sigs). */
export function parseSigInvalidationRow(row: unknown): Parsed<SigInvalidation> {
  if (!isRecord(row)) return invalid('the row is missing');
  const { user_id: userID, before_sec: beforeSec } = row;
  if (typeof userID !== 'string') return invalid('user_id must be text');
  if (!isUint(beforeSec)) return invalid('before_sec must be a non-negative integer');
  const revokedSigs = parseJsonColumn(row, 'revoked_sigs', parseStringArray);
  if (!revokedSigs.ok) return revokedSigs;
  return valid({ userID, beforeSec, revokedSigs: revokedSigs.value });
}

/** Parses a row of the daily-stats query (columns day, active, peak). */
export function parseDailyStatsRow(row: unknown): Parsed<DailyStats> {
  if (!isRecord(row)) return invalid('the row is missing');
  const { day, active, peak } = row;
  if (typeof day !== 'string') return invalid('day must be text');
  if (!isUint(active)) return invalid('the active-user count must be a non-negative integer');
  if (!isUint(peak)) return invalid('peak must be a non-negative integer');
  return valid({ day, activeUsers: active, peakConnections: peak });
}

/** The row's key column as text for error messages, or `?` when even that is unreadable. */
export function describeRowKey(row: unknown, column: string): string {
  const value = isRecord(row) ? row[column] : undefined;
  return `${column} ${typeof value === 'number' || typeof value === 'string' ? JSON.stringify(value) : '?'}`;
}

/** Parses a JSON text column with `parse`; reasons name the column. */
export function parseJsonColumn<T>(row: Record<string, unknown>, column: string, parse: (value: unknown, path: string) => Parsed<T>): Parsed<T> {
  const text = row[column];
  if (typeof text !== 'string') return invalid(`${column} must be JSON text`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid(`${column} is not valid JSON`);
  }
  return parse(value, column);
}

/** Parses a JSON array of strings. */
export function parseStringArray(value: unknown, path: string): Parsed<string[]> {
  if (!Array.isArray(value)) return invalid(`${path} must be a JSON array`);
  const items: string[] = [];
  for (const [index, item] of value.entries()) {
    if (typeof item !== 'string') return invalid(`${path}[${index}] must be a string`);
    items.push(item);
  }
  return valid(items);
}

function parseLoginSettings(value: unknown, path: string): Parsed<LoginSettings> {
  if (!isRecord(value)) return invalid(`${path} must be a JSON object`);
  const policy = value['policy'];
  if (!isLoginPolicy(policy)) return invalid(`${path}.policy must be one of ${LOGIN_POLICIES.join(', ')}`);
  const maxInstancesValue = value['maxInstances'];
  if (!isRecord(maxInstancesValue)) return invalid(`${path}.maxInstances must be a JSON object`);
  const maxInstances = {} as Record<Platform, number>;
  for (const platform of PLATFORMS) {
    const limit = maxInstancesValue[platform];
    if (!isUint(limit)) return invalid(`${path}.maxInstances.${platform} must be a non-negative integer`);
    maxInstances[platform] = limit;
  }
  return valid({ policy, maxInstances });
}

function parseLimits(value: unknown, path: string): Parsed<AppLimits> {
  if (!isRecord(value)) return invalid(`${path} must be a JSON object`);
  const { maxAccounts, maxConnections } = value;
  if (maxAccounts !== undefined && !isUint(maxAccounts)) return invalid(`${path}.maxAccounts must be a non-negative integer`);
  if (maxConnections !== undefined && !isUint(maxConnections)) return invalid(`${path}.maxConnections must be a non-negative integer`);
  return valid({
    ...(maxAccounts !== undefined ? { maxAccounts } : {}),
    ...(maxConnections !== undefined ? { maxConnections } : {}),
  });
}

/** The JSON text stored in `apps.login_settings`: the policy and exactly the 7 platform limits. */
export function encodeLoginSettings(settings: LoginSettings): string {
  const maxInstances: Partial<Record<Platform, number>> = {};
  for (const platform of PLATFORMS) maxInstances[platform] = settings.maxInstances[platform];
  return JSON.stringify({ policy: settings.policy, maxInstances });
}

/** The JSON text stored in `apps.limits`: only the limits that are set. */
export function encodeLimits(limits: AppLimits): string {
  return JSON.stringify({
    ...(limits.maxAccounts !== undefined ? { maxAccounts: limits.maxAccounts } : {}),
    ...(limits.maxConnections !== undefined ? { maxConnections: limits.maxConnections } : {}),
  });
}
