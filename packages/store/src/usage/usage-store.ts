/** The usage part of the `Store`: daily active users and the daily peak of concurrent connections. */

/** Per-day usage of an app. `day` is the UTC date `YYYY-MM-DD`. */
export interface DailyStats {
  readonly day: string;
  /** Distinct users who logged in successfully that day. */
  readonly activeUsers: number;
  /** Highest number of concurrent connections seen that day. */
  readonly peakConnections: number;
}

/** Usage statistics. Days must be `YYYY-MM-DD` calendar dates (70402 otherwise, see `assertUtcDay`). */
export interface UsageStore {
  /** Marks users active on `day`; idempotent per (day, user). An empty list creates no day. */
  recordDailyActive(sdkAppID: number, day: string, userIDs: readonly string[]): Promise<void>;
  /**
   * Raises the day's peak to `connections` if it is higher. A peak of 0 creates no day; a value that
   * is not a non-negative integer rejects with 70402.
   */
  recordPeakConnections(sdkAppID: number, day: string, connections: number): Promise<void>;
  /** Stats for days in `[fromDay, toDay]`, ordered by day; days without activity are omitted. */
  getDailyStats(sdkAppID: number, fromDay: string, toDay: string): Promise<DailyStats[]>;
}
