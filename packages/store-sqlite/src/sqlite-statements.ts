/**
 * Every SQL statement of the SQLite store, prepared once per connection. Rows come back as `unknown`
 * on purpose: they go through the parsers of `sqlite-row-codec.ts`.
 */
import type Database from 'better-sqlite3';

/** Bind values of an `apps` row. */
export interface AppRowParams {
  readonly sdkAppID: number;
  readonly secretKey: string;
  readonly name: string;
  readonly admins: string;
  readonly status: string;
  readonly loginSettings: string;
  readonly limits: string;
  readonly createdAt: number;
}

/** Bind values of an account upsert; `null` nick/faceUrl keeps the stored value. */
export interface AccountUpsertParams {
  readonly app: number;
  readonly userID: string;
  readonly nick: string | null;
  readonly faceUrl: string | null;
  readonly now: number;
}

/** Bind values of the daily-stats range query. */
export interface DailyStatsParams {
  readonly app: number;
  readonly fromDay: string;
  readonly toDay: string;
}

const APP_COLUMNS = 'sdk_app_id, secret_key, name, admins, status, login_settings, limits, created_at';
const ACCOUNT_COLUMNS = 'user_id, nick, face_url, created_at';

/** The prepared statements of one connection. */
export interface SqliteStatements {
  readonly appExists: Database.Statement<[number]>;
  readonly insertApp: Database.Statement<AppRowParams>;
  readonly updateApp: Database.Statement<AppRowParams>;
  readonly getApp: Database.Statement<[number]>;
  readonly listApps: Database.Statement<[]>;
  readonly upsertAccount: Database.Statement<AccountUpsertParams>;
  readonly insertAccountIfMissing: Database.Statement<[number, string, number]>;
  readonly getAccount: Database.Statement<[number, string]>;
  readonly deleteAccount: Database.Statement<[number, string]>;
  readonly countAccounts: Database.Statement<[number]>;
  readonly putSigInvalidation: Database.Statement<[number, string, number, string]>;
  readonly listSigInvalidations: Database.Statement<[number]>;
  readonly recordDailyActive: Database.Statement<[number, string, string]>;
  readonly recordPeak: Database.Statement<[number, string, number]>;
  readonly dailyStats: Database.Statement<DailyStatsParams>;
}

/** Prepares every statement of the store on `db`. */
export function prepareSqliteStatements(db: Database.Database): SqliteStatements {
  return {
    appExists: db.prepare<[number]>('SELECT 1 FROM apps WHERE sdk_app_id = ?').pluck(),
    insertApp: db.prepare<AppRowParams>(
      `INSERT INTO apps (${APP_COLUMNS})
       VALUES (@sdkAppID, @secretKey, @name, @admins, @status, @loginSettings, @limits, @createdAt)`,
    ),
    updateApp: db.prepare<AppRowParams>(
      `UPDATE apps SET secret_key = @secretKey, name = @name, admins = @admins, status = @status,
         login_settings = @loginSettings, limits = @limits
       WHERE sdk_app_id = @sdkAppID`,
    ),
    getApp: db.prepare<[number]>(`SELECT ${APP_COLUMNS} FROM apps WHERE sdk_app_id = ?`),
    listApps: db.prepare<[]>(`SELECT ${APP_COLUMNS} FROM apps ORDER BY sdk_app_id`),

    upsertAccount: db.prepare<AccountUpsertParams>(
      `INSERT INTO accounts (app, user_id, nick, face_url, created_at)
       VALUES (@app, @userID, coalesce(@nick, ''), coalesce(@faceUrl, ''), @now)
       ON CONFLICT (app, user_id) DO UPDATE SET nick = coalesce(@nick, nick), face_url = coalesce(@faceUrl, face_url)`,
    ),
    insertAccountIfMissing: db.prepare<[number, string, number]>(
      `INSERT INTO accounts (app, user_id, nick, face_url, created_at) VALUES (?, ?, '', '', ?)
       ON CONFLICT (app, user_id) DO NOTHING`,
    ),
    getAccount: db.prepare<[number, string]>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE app = ? AND user_id = ?`),
    deleteAccount: db.prepare<[number, string]>('DELETE FROM accounts WHERE app = ? AND user_id = ?'),
    countAccounts: db.prepare<[number]>('SELECT count(*) FROM accounts WHERE app = ?').pluck(),

    putSigInvalidation: db.prepare<[number, string, number, string]>(
      `INSERT INTO sig_invalidations (app, user_id, before_sec, revoked_sigs) VALUES (?, ?, ?, ?)
       ON CONFLICT (app, user_id) DO UPDATE SET before_sec = excluded.before_sec, revoked_sigs = excluded.revoked_sigs`,
    ),
    listSigInvalidations: db.prepare<[number]>(
      'SELECT user_id, before_sec, revoked_sigs FROM sig_invalidations WHERE app = ? ORDER BY user_id',
    ),

    recordDailyActive: db.prepare<[number, string, string]>(
      'INSERT INTO daily_active (app, day, user_id) VALUES (?, ?, ?) ON CONFLICT (app, day, user_id) DO NOTHING',
    ),
    recordPeak: db.prepare<[number, string, number]>(
      `INSERT INTO daily_peak (app, day, peak) VALUES (?, ?, ?)
       ON CONFLICT (app, day) DO UPDATE SET peak = excluded.peak WHERE excluded.peak > daily_peak.peak`,
    ),
    // Active users and peaks live in separate tables; a day appears if either has a row for it.
    dailyStats: db.prepare<DailyStatsParams>(
      `SELECT day, sum(active) AS active, sum(peak) AS peak FROM (
         SELECT day, count(*) AS active, 0 AS peak FROM daily_active
           WHERE app = @app AND day BETWEEN @fromDay AND @toDay GROUP BY day
         UNION ALL
         SELECT day, 0 AS active, peak FROM daily_peak
           WHERE app = @app AND day BETWEEN @fromDay AND @toDay
       ) GROUP BY day ORDER BY day`,
    ),
  };
}
