/** Conformance of `store.usage`: daily active users and daily peak connections. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { DailyStats } from '../index.js';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

/** Registers the tests of `store.usage` against the fixture's store. */
export function describeUsageContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };

  describe('daily active users and peak connections', () => {
    const stats = (day: string, activeUsers: number, peakConnections: number): DailyStats => ({ day, activeUsers, peakConnections });

    it('counts distinct users per day, idempotent per (day, user)', async () => {
      await withApps();
      await fx.store.usage.recordDailyActive(APP, '2024-03-01', ['alice', 'bob']);
      await fx.store.usage.recordDailyActive(APP, '2024-03-01', ['bob', 'carol']);
      await fx.store.usage.recordDailyActive(APP, '2024-03-01', ['alice', 'alice']);
      await fx.store.usage.recordDailyActive(APP, '2024-03-02', ['alice']);
      expect(await fx.store.usage.getDailyStats(APP, '2024-03-01', '2024-03-02')).toStrictEqual([stats('2024-03-01', 3, 0), stats('2024-03-02', 1, 0)]);
    });

    it('keeps the highest peak of a day', async () => {
      await withApps();
      for (const peak of [5, 3, 8, 2, 7]) await fx.store.usage.recordPeakConnections(APP, '2024-03-01', peak);
      expect(await fx.store.usage.getDailyStats(APP, '2024-03-01', '2024-03-01')).toStrictEqual([stats('2024-03-01', 0, 8)]);
    });

    it('merges active users and peak of the same day into one entry', async () => {
      await withApps();
      await fx.store.usage.recordPeakConnections(APP, '2024-03-01', 4);
      await fx.store.usage.recordDailyActive(APP, '2024-03-01', ['alice', 'bob']);
      await fx.store.usage.recordDailyActive(APP, '2024-03-02', ['alice']);
      await fx.store.usage.recordPeakConnections(APP, '2024-03-03', 1);
      expect(await fx.store.usage.getDailyStats(APP, '2024-03-01', '2024-03-03')).toStrictEqual([
        stats('2024-03-01', 2, 4),
        stats('2024-03-02', 1, 0),
        stats('2024-03-03', 0, 1),
      ]);
    });

    it('returns the inclusive range ordered by day and omits days without activity', async () => {
      await withApps();
      // Recorded out of order, across a leap day, a month end and a year end.
      for (const day of ['2024-03-10', '2024-03-01', '2024-02-29', '2024-02-28', '2023-12-31', '2024-01-01']) {
        await fx.store.usage.recordDailyActive(APP, day, ['alice']);
      }
      const days = async (from: string, to: string): Promise<string[]> => (await fx.store.usage.getDailyStats(APP, from, to)).map((s) => s.day);
      expect(await days('2024-02-29', '2024-03-09')).toStrictEqual(['2024-02-29', '2024-03-01']);
      expect(await days('2023-12-31', '2024-01-01')).toStrictEqual(['2023-12-31', '2024-01-01']);
      expect(await days('2024-03-10', '2024-03-10')).toStrictEqual(['2024-03-10']);
      expect(await days('2024-03-02', '2024-03-09')).toStrictEqual([]);
      expect(await days('2024-03-10', '2024-02-28')).toStrictEqual([]);
    });

    it('does not create a day for a peak of 0 or an empty user list', async () => {
      await withApps();
      await fx.store.usage.recordPeakConnections(APP, '2024-03-01', 0);
      await fx.store.usage.recordDailyActive(APP, '2024-03-02', []);
      expect(await fx.store.usage.getDailyStats(APP, '2024-03-01', '2024-03-02')).toStrictEqual([]);
    });

    it('keeps usage per app', async () => {
      await withApps();
      await fx.store.usage.recordDailyActive(APP, '2024-03-01', ['alice', 'bob']);
      await fx.store.usage.recordPeakConnections(APP, '2024-03-01', 9);
      await fx.store.usage.recordDailyActive(OTHER_APP, '2024-03-01', ['alice']);
      await fx.store.usage.recordPeakConnections(OTHER_APP, '2024-03-01', 2);
      expect(await fx.store.usage.getDailyStats(APP, '2024-03-01', '2024-03-01')).toStrictEqual([stats('2024-03-01', 2, 9)]);
      expect(await fx.store.usage.getDailyStats(OTHER_APP, '2024-03-01', '2024-03-01')).toStrictEqual([stats('2024-03-01', 1, 2)]);
      expect(await fx.store.usage.getDailyStats(999, '2024-03-01', '2024-03-01')).toStrictEqual([]);
    });

    it('rejects usage writes for an unknown app (70020)', async () => {
      await expectParleyRejection(fx.store.usage.recordDailyActive(999, '2024-03-01', ['alice']), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
      await expectParleyRejection(fx.store.usage.recordPeakConnections(999, '2024-03-01', 1), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
    });

    it('rejects days that are not YYYY-MM-DD calendar dates (70402)', async () => {
      await withApps();
      const invalid = ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS;
      await expectParleyRejection(fx.store.usage.recordDailyActive(APP, '2024-3-1', ['alice']), invalid, /day/);
      await expectParleyRejection(fx.store.usage.recordPeakConnections(APP, '2024-02-30', 1), invalid, /day/);
      await expectParleyRejection(fx.store.usage.getDailyStats(APP, '20240301', '2024-03-02'), invalid, /fromDay/);
      await expectParleyRejection(fx.store.usage.getDailyStats(APP, '2024-03-01', '2024-13-01'), invalid, /toDay/);
      expect(await fx.store.usage.getDailyStats(APP, '2024-01-01', '2024-12-31')).toStrictEqual([]);
    });

    it('rejects a peak that is not a non-negative integer (70402)', async () => {
      await withApps();
      const invalid = ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS;
      for (const peak of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expectParleyRejection(fx.store.usage.recordPeakConnections(APP, '2024-03-01', peak), invalid, /connections/);
      }
      expect(await fx.store.usage.getDailyStats(APP, '2024-03-01', '2024-03-01')).toStrictEqual([]);
    });
  });
}
