/** `store.usage` on SQLite: `daily_active` (one row per day and user) and `daily_peak` (one row per day). */
import { assertConnections, assertUtcDay, type DailyStats, type UsageStore } from '@parley/store';
import { parseRow } from './sqlite-errors.js';
import { describeRowKey, parseDailyStatsRow } from './sqlite-row-codec.js';
import type { SqliteRunner } from './sqlite-runner.js';
import type { SqliteStatements } from './sqlite-statements.js';

/** The {@link UsageStore} of one SQLite connection. */
export class SqliteUsageStore implements UsageStore {
  readonly #run: SqliteRunner;
  readonly #sql: SqliteStatements;

  constructor(run: SqliteRunner, sql: SqliteStatements) {
    this.#run = run;
    this.#sql = sql;
  }

  async recordDailyActive(sdkAppID: number, day: string, userIDs: readonly string[]): Promise<void> {
    this.#run.writeForApp(sdkAppID, () => {
      assertUtcDay(day, 'day');
      for (const userID of userIDs) this.#sql.recordDailyActive.run(sdkAppID, day, userID);
    });
  }

  async recordPeakConnections(sdkAppID: number, day: string, connections: number): Promise<void> {
    this.#run.writeForApp(sdkAppID, () => {
      assertUtcDay(day, 'day');
      assertConnections(connections);
      // A peak of 0 is no activity: no row, so the day stays omitted from the stats.
      if (connections > 0) this.#sql.recordPeak.run(sdkAppID, day, connections);
    });
  }

  async getDailyStats(sdkAppID: number, fromDay: string, toDay: string): Promise<DailyStats[]> {
    return this.#run.read(() => {
      assertUtcDay(fromDay, 'fromDay');
      assertUtcDay(toDay, 'toDay');
      return this.#sql.dailyStats
        .all({ app: sdkAppID, fromDay, toDay })
        .map((row) => parseRow('daily_active/daily_peak', `app ${sdkAppID}, ${describeRowKey(row, 'day')}`, parseDailyStatsRow(row)));
    });
  }
}
