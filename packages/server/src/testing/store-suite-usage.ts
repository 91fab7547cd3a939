/** Conformance: sig invalidations, daily active users and daily peak connections. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { DailyStats, SigInvalidation } from '../store/index.js';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, tryMutate, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

const byUserID = (a: SigInvalidation, b: SigInvalidation): number => (a.userID < b.userID ? -1 : a.userID > b.userID ? 1 : 0);

/** Registers the sig-invalidation and daily-usage tests against the fixture's store. */
export function describeUsageContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.createApp(testAppRecord(APP));
    await fx.store.createApp(testAppRecord(OTHER_APP));
  };

  describe('sig invalidations', () => {
    const alice: SigInvalidation = { userID: 'alice', beforeSec: 1_700_000_000, revokedSigs: ['b64+/sig1==', 'zz9', 'aa1'] };

    it('lists nothing for an app without invalidations or an unknown app', async () => {
      await withApps();
      expect(await fx.store.listSigInvalidations(APP)).toStrictEqual([]);
      expect(await fx.store.listSigInvalidations(999)).toStrictEqual([]);
    });

    it('lists a stored invalidation exactly, revoked sigs in their given order', async () => {
      await withApps();
      await fx.store.putSigInvalidation(APP, alice);
      expect(await fx.store.listSigInvalidations(APP)).toStrictEqual([alice]);
    });

    it('replaces the previous invalidation of the same user', async () => {
      await withApps();
      await fx.store.putSigInvalidation(APP, alice);
      const later: SigInvalidation = { userID: 'alice', beforeSec: 1_700_000_100, revokedSigs: [] };
      await fx.store.putSigInvalidation(APP, later);
      expect(await fx.store.listSigInvalidations(APP)).toStrictEqual([later]);
    });

    it('keeps one invalidation per user and lists every user of the app', async () => {
      await withApps();
      const bob: SigInvalidation = { userID: 'bob', beforeSec: 5, revokedSigs: ['x'] };
      await fx.store.putSigInvalidation(APP, bob);
      await fx.store.putSigInvalidation(APP, alice);
      expect((await fx.store.listSigInvalidations(APP)).sort(byUserID)).toStrictEqual([alice, bob]);
    });

    it('keeps invalidations per app', async () => {
      await withApps();
      await fx.store.putSigInvalidation(APP, alice);
      const otherAlice: SigInvalidation = { userID: 'alice', beforeSec: 9, revokedSigs: ['other'] };
      await fx.store.putSigInvalidation(OTHER_APP, otherAlice);
      expect(await fx.store.listSigInvalidations(APP)).toStrictEqual([alice]);
      expect(await fx.store.listSigInvalidations(OTHER_APP)).toStrictEqual([otherAlice]);
    });

    it('rejects an invalidation for an unknown app (70020)', async () => {
      await expectParleyRejection(fx.store.putSigInvalidation(999, alice), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
    });

    it('is isolated from changes to the argument and to listed results', async () => {
      await withApps();
      const revokedSigs = ['s1'];
      await fx.store.putSigInvalidation(APP, { userID: 'alice', beforeSec: 1, revokedSigs });
      revokedSigs.push('s2');
      const [listed] = await fx.store.listSigInvalidations(APP);
      if (listed === undefined) throw new Error('expected an invalidation');
      tryMutate(() => (listed.revokedSigs as string[]).push('s3'));
      tryMutate(() => ((listed as { beforeSec: number }).beforeSec = 2));
      expect(await fx.store.listSigInvalidations(APP)).toStrictEqual([{ userID: 'alice', beforeSec: 1, revokedSigs: ['s1'] }]);
    });
  });

  describe('daily active users and peak connections', () => {
    const stats = (day: string, activeUsers: number, peakConnections: number): DailyStats => ({ day, activeUsers, peakConnections });

    it('counts distinct users per day, idempotent per (day, user)', async () => {
      await withApps();
      await fx.store.recordDailyActive(APP, '2024-03-01', ['alice', 'bob']);
      await fx.store.recordDailyActive(APP, '2024-03-01', ['bob', 'carol']);
      await fx.store.recordDailyActive(APP, '2024-03-01', ['alice', 'alice']);
      await fx.store.recordDailyActive(APP, '2024-03-02', ['alice']);
      expect(await fx.store.getDailyStats(APP, '2024-03-01', '2024-03-02')).toStrictEqual([stats('2024-03-01', 3, 0), stats('2024-03-02', 1, 0)]);
    });

    it('keeps the highest peak of a day', async () => {
      await withApps();
      for (const peak of [5, 3, 8, 2, 7]) await fx.store.recordPeakConnections(APP, '2024-03-01', peak);
      expect(await fx.store.getDailyStats(APP, '2024-03-01', '2024-03-01')).toStrictEqual([stats('2024-03-01', 0, 8)]);
    });

    it('merges active users and peak of the same day into one entry', async () => {
      await withApps();
      await fx.store.recordPeakConnections(APP, '2024-03-01', 4);
      await fx.store.recordDailyActive(APP, '2024-03-01', ['alice', 'bob']);
      await fx.store.recordDailyActive(APP, '2024-03-02', ['alice']);
      await fx.store.recordPeakConnections(APP, '2024-03-03', 1);
      expect(await fx.store.getDailyStats(APP, '2024-03-01', '2024-03-03')).toStrictEqual([
        stats('2024-03-01', 2, 4),
        stats('2024-03-02', 1, 0),
        stats('2024-03-03', 0, 1),
      ]);
    });

    it('returns the inclusive range ordered by day and omits days without activity', async () => {
      await withApps();
      // Recorded out of order, across a leap day, a month end and a year end.
      for (const day of ['2024-03-10', '2024-03-01', '2024-02-29', '2024-02-28', '2023-12-31', '2024-01-01']) {
        await fx.store.recordDailyActive(APP, day, ['alice']);
      }
      const days = async (from: string, to: string): Promise<string[]> => (await fx.store.getDailyStats(APP, from, to)).map((s) => s.day);
      expect(await days('2024-02-29', '2024-03-09')).toStrictEqual(['2024-02-29', '2024-03-01']);
      expect(await days('2023-12-31', '2024-01-01')).toStrictEqual(['2023-12-31', '2024-01-01']);
      expect(await days('2024-03-10', '2024-03-10')).toStrictEqual(['2024-03-10']);
      expect(await days('2024-03-02', '2024-03-09')).toStrictEqual([]);
      expect(await days('2024-03-10', '2024-02-28')).toStrictEqual([]);
    });

    it('does not create a day for a peak of 0 or an empty user list', async () => {
      await withApps();
      await fx.store.recordPeakConnections(APP, '2024-03-01', 0);
      await fx.store.recordDailyActive(APP, '2024-03-02', []);
      expect(await fx.store.getDailyStats(APP, '2024-03-01', '2024-03-02')).toStrictEqual([]);
    });

    it('keeps usage per app', async () => {
      await withApps();
      await fx.store.recordDailyActive(APP, '2024-03-01', ['alice', 'bob']);
      await fx.store.recordPeakConnections(APP, '2024-03-01', 9);
      await fx.store.recordDailyActive(OTHER_APP, '2024-03-01', ['alice']);
      await fx.store.recordPeakConnections(OTHER_APP, '2024-03-01', 2);
      expect(await fx.store.getDailyStats(APP, '2024-03-01', '2024-03-01')).toStrictEqual([stats('2024-03-01', 2, 9)]);
      expect(await fx.store.getDailyStats(OTHER_APP, '2024-03-01', '2024-03-01')).toStrictEqual([stats('2024-03-01', 1, 2)]);
      expect(await fx.store.getDailyStats(999, '2024-03-01', '2024-03-01')).toStrictEqual([]);
    });

    it('rejects usage writes for an unknown app (70020)', async () => {
      await expectParleyRejection(fx.store.recordDailyActive(999, '2024-03-01', ['alice']), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
      await expectParleyRejection(fx.store.recordPeakConnections(999, '2024-03-01', 1), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
    });

    it('rejects days that are not YYYY-MM-DD calendar dates (70402)', async () => {
      await withApps();
      const invalid = ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS;
      await expectParleyRejection(fx.store.recordDailyActive(APP, '2024-3-1', ['alice']), invalid, /day/);
      await expectParleyRejection(fx.store.recordPeakConnections(APP, '2024-02-30', 1), invalid, /day/);
      await expectParleyRejection(fx.store.getDailyStats(APP, '20240301', '2024-03-02'), invalid, /fromDay/);
      await expectParleyRejection(fx.store.getDailyStats(APP, '2024-03-01', '2024-13-01'), invalid, /toDay/);
      expect(await fx.store.getDailyStats(APP, '2024-01-01', '2024-12-31')).toStrictEqual([]);
    });

    it('rejects a peak that is not a non-negative integer (70402)', async () => {
      await withApps();
      const invalid = ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS;
      for (const peak of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expectParleyRejection(fx.store.recordPeakConnections(APP, '2024-03-01', peak), invalid, /connections/);
      }
      expect(await fx.store.getDailyStats(APP, '2024-03-01', '2024-03-01')).toStrictEqual([]);
    });
  });
}
