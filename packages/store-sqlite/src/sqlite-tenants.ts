/**
 * Apps, accounts, UserSig invalidations and usage statistics on SQLite. Methods are synchronous and
 * run inside the store's transaction wrappers (`SqliteStore`), so one call is one transaction.
 */
import { ParleyError, isUint } from '@parley/protocol';
import type { AccountInput, AccountRecord, AppPatch, AppRecord, DailyStats, SigInvalidation } from '@parley/server';
import { storeError, parseRow } from './sqlite-errors.js';
import {
  describeRowKey,
  encodeLimits,
  encodeLoginSettings,
  parseAccountRow,
  parseAppRow,
  parseDailyStatsRow,
  parseSigInvalidationRow,
} from './sqlite-row-codec.js';
import type { AppRowParams, SqliteStatements } from './sqlite-statements.js';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function appRowParams(app: AppRecord): AppRowParams {
  return {
    sdkAppID: app.sdkAppID,
    secretKey: app.secretKey,
    name: app.name,
    admins: JSON.stringify([...app.admins]),
    status: app.status,
    loginSettings: encodeLoginSettings(app.loginSettings),
    limits: encodeLimits(app.limits),
    createdAt: app.createdAt,
  };
}

function assertUtcDay(day: string, field: string): void {
  const parsed = typeof day === 'string' && DAY_PATTERN.test(day) ? new Date(`${day}T00:00:00Z`) : undefined;
  // Stats are ranged by string comparison, so only real YYYY-MM-DD dates may become keys.
  if (parsed === undefined || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `${field} must be a UTC date YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
}

/** The tenant part of the SQLite store for one connection. */
export class SqliteTenants {
  readonly #sql: SqliteStatements;

  constructor(sql: SqliteStatements) {
    this.#sql = sql;
  }

  /** True when the app exists. */
  hasApp(sdkAppID: number): boolean {
    return this.#sql.appExists.get(sdkAppID) !== undefined;
  }

  /** Throws 70020 unless the app exists. */
  assertAppExists(sdkAppID: number): void {
    if (!this.hasApp(sdkAppID)) throw ParleyError.of('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', `SDKAppID ${sdkAppID}`);
  }

  createApp(app: AppRecord): void {
    if (this.hasApp(app.sdkAppID)) {
      throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `SDKAppID ${app.sdkAppID} already exists`);
    }
    this.#sql.insertApp.run(appRowParams(app));
  }

  getApp(sdkAppID: number): AppRecord | undefined {
    const row = this.#sql.getApp.get(sdkAppID);
    return row === undefined ? undefined : parseRow('apps', `sdk_app_id ${sdkAppID}`, parseAppRow(row));
  }

  listApps(): AppRecord[] {
    return this.#sql.listApps.all().map((row) => parseRow('apps', describeRowKey(row, 'sdk_app_id'), parseAppRow(row)));
  }

  updateApp(sdkAppID: number, patch: AppPatch): AppRecord | undefined {
    const current = this.getApp(sdkAppID);
    if (current === undefined) return undefined;
    const updated: AppRecord = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.secretKey !== undefined ? { secretKey: patch.secretKey } : {}),
      ...(patch.admins !== undefined ? { admins: patch.admins } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.loginSettings !== undefined ? { loginSettings: patch.loginSettings } : {}),
      ...(patch.limits !== undefined ? { limits: patch.limits } : {}),
    };
    this.#sql.updateApp.run(appRowParams(updated));
    // Re-read so the caller gets exactly what is stored, as a private copy.
    return parseRow('apps', `sdk_app_id ${sdkAppID}`, parseAppRow(this.#sql.getApp.get(sdkAppID)));
  }

  importAccounts(sdkAppID: number, accounts: readonly AccountInput[], now: number): void {
    this.assertAppExists(sdkAppID);
    for (const { userID, nick, faceUrl } of accounts) {
      this.#sql.upsertAccount.run({ app: sdkAppID, userID, nick: nick ?? null, faceUrl: faceUrl ?? null, now });
    }
  }

  ensureAccounts(sdkAppID: number, userIDs: readonly string[], now: number): string[] {
    this.assertAppExists(sdkAppID);
    // A repeated UserID inserts nothing the second time, so it is reported once.
    return userIDs.filter((userID) => this.#sql.insertAccountIfMissing.run(sdkAppID, userID, now).changes === 1);
  }

  getAccounts(sdkAppID: number, userIDs: readonly string[]): AccountRecord[] {
    const found: AccountRecord[] = [];
    for (const userID of new Set(userIDs)) {
      const row = this.#sql.getAccount.get(sdkAppID, userID);
      if (row !== undefined) found.push(parseRow('accounts', `app ${sdkAppID}, user_id ${JSON.stringify(userID)}`, parseAccountRow(row)));
    }
    return found;
  }

  deleteAccounts(sdkAppID: number, userIDs: readonly string[]): string[] {
    return userIDs.filter((userID) => this.#sql.deleteAccount.run(sdkAppID, userID).changes === 1);
  }

  countAccounts(sdkAppID: number): number {
    const count = this.#sql.countAccounts.get(sdkAppID);
    if (!isUint(count)) throw storeError(`count of accounts of app ${sdkAppID} is not a number`);
    return count;
  }

  putSigInvalidation(sdkAppID: number, invalidation: SigInvalidation): void {
    this.assertAppExists(sdkAppID);
    const { userID, beforeSec, revokedSigs } = invalidation;
    this.#sql.putSigInvalidation.run(sdkAppID, userID, beforeSec, JSON.stringify([...revokedSigs]));
  }

  listSigInvalidations(sdkAppID: number): SigInvalidation[] {
    return this.#sql.listSigInvalidations
      .all(sdkAppID)
      .map((row) => parseRow('sig_invalidations', `app ${sdkAppID}, ${describeRowKey(row, 'user_id')}`, parseSigInvalidationRow(row)));
  }

  recordDailyActive(sdkAppID: number, day: string, userIDs: readonly string[]): void {
    this.assertAppExists(sdkAppID);
    assertUtcDay(day, 'day');
    for (const userID of userIDs) this.#sql.recordDailyActive.run(sdkAppID, day, userID);
  }

  recordPeakConnections(sdkAppID: number, day: string, connections: number): void {
    this.assertAppExists(sdkAppID);
    assertUtcDay(day, 'day');
    if (!isUint(connections)) {
      throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `connections must be a non-negative integer, got ${String(connections)}`);
    }
    // A peak of 0 is no activity: no row, so the day stays omitted from the stats.
    if (connections > 0) this.#sql.recordPeak.run(sdkAppID, day, connections);
  }

  getDailyStats(sdkAppID: number, fromDay: string, toDay: string): DailyStats[] {
    assertUtcDay(fromDay, 'fromDay');
    assertUtcDay(toDay, 'toDay');
    return this.#sql.dailyStats
      .all({ app: sdkAppID, fromDay, toDay })
      .map((row) => parseRow('daily_active/daily_peak', `app ${sdkAppID}, ${describeRowKey(row, 'day')}`, parseDailyStatsRow(row)));
  }
}
