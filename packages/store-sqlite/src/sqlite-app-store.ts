/** `store.apps` on SQLite: the `apps` table, one JSON column each for admins, login settings and limits. */
import { appExistsError, patchAppRecord, type AppPatch, type AppRecord, type AppStore } from '@parley/store';
import { parseRow } from './sqlite-errors.js';
import { describeRowKey, encodeLimits, encodeLoginSettings, parseAppRow } from './sqlite-row-codec.js';
import type { SqliteRunner } from './sqlite-runner.js';
import type { AppRowParams, SqliteStatements } from './sqlite-statements.js';

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

/** The {@link AppStore} of one SQLite connection. */
export class SqliteAppStore implements AppStore {
  readonly #run: SqliteRunner;
  readonly #sql: SqliteStatements;

  constructor(run: SqliteRunner, sql: SqliteStatements) {
    this.#run = run;
    this.#sql = sql;
  }

  async create(app: AppRecord): Promise<void> {
    this.#run.write(() => {
      if (this.#run.hasApp(app.sdkAppID)) throw appExistsError(app.sdkAppID);
      this.#sql.insertApp.run(appRowParams(app));
    });
  }

  async get(sdkAppID: number): Promise<AppRecord | undefined> {
    return this.#run.read(() => this.#get(sdkAppID));
  }

  async list(): Promise<AppRecord[]> {
    return this.#run.read(() => this.#sql.listApps.all().map((row) => parseRow('apps', describeRowKey(row, 'sdk_app_id'), parseAppRow(row))));
  }

  async update(sdkAppID: number, patch: AppPatch): Promise<AppRecord | undefined> {
    return this.#run.write(() => {
      const current = this.#get(sdkAppID);
      if (current === undefined) return undefined;
      this.#sql.updateApp.run(appRowParams(patchAppRecord(current, patch)));
      // Re-read so the caller gets exactly what is stored, as a private copy.
      return parseRow('apps', `sdk_app_id ${sdkAppID}`, parseAppRow(this.#sql.getApp.get(sdkAppID)));
    });
  }

  #get(sdkAppID: number): AppRecord | undefined {
    const row = this.#sql.getApp.get(sdkAppID);
    return row === undefined ? undefined : parseRow('apps', `sdk_app_id ${sdkAppID}`, parseAppRow(row));
  }
}
