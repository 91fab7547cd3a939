/** Conformance of `store.sigInvalidations`: one invalidation per user and app, stored exactly. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { SigInvalidation } from '../index.js';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, tryMutate, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

const byUserID = (a: SigInvalidation, b: SigInvalidation): number => (a.userID < b.userID ? -1 : a.userID > b.userID ? 1 : 0);

/** Registers the tests of `store.sigInvalidations` against the fixture's store. */
export function describeSigInvalidationContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };

  describe('sig invalidations', () => {
    const alice: SigInvalidation = { userID: 'alice', beforeSec: 1_700_000_000, revokedSigs: ['b64+/sig1==', 'zz9', 'aa1'] };

    it('lists nothing for an app without invalidations or an unknown app', async () => {
      await withApps();
      expect(await fx.store.sigInvalidations.list(APP)).toStrictEqual([]);
      expect(await fx.store.sigInvalidations.list(999)).toStrictEqual([]);
    });

    it('lists a stored invalidation exactly, revoked sigs in their given order', async () => {
      await withApps();
      await fx.store.sigInvalidations.put(APP, alice);
      expect(await fx.store.sigInvalidations.list(APP)).toStrictEqual([alice]);
    });

    it('replaces the previous invalidation of the same user', async () => {
      await withApps();
      await fx.store.sigInvalidations.put(APP, alice);
      const later: SigInvalidation = { userID: 'alice', beforeSec: 1_700_000_100, revokedSigs: [] };
      await fx.store.sigInvalidations.put(APP, later);
      expect(await fx.store.sigInvalidations.list(APP)).toStrictEqual([later]);
    });

    it('keeps one invalidation per user and lists every user of the app', async () => {
      await withApps();
      const bob: SigInvalidation = { userID: 'bob', beforeSec: 5, revokedSigs: ['x'] };
      await fx.store.sigInvalidations.put(APP, bob);
      await fx.store.sigInvalidations.put(APP, alice);
      expect((await fx.store.sigInvalidations.list(APP)).sort(byUserID)).toStrictEqual([alice, bob]);
    });

    it('keeps invalidations per app', async () => {
      await withApps();
      await fx.store.sigInvalidations.put(APP, alice);
      const otherAlice: SigInvalidation = { userID: 'alice', beforeSec: 9, revokedSigs: ['other'] };
      await fx.store.sigInvalidations.put(OTHER_APP, otherAlice);
      expect(await fx.store.sigInvalidations.list(APP)).toStrictEqual([alice]);
      expect(await fx.store.sigInvalidations.list(OTHER_APP)).toStrictEqual([otherAlice]);
    });

    it('rejects an invalidation for an unknown app (70020)', async () => {
      await expectParleyRejection(fx.store.sigInvalidations.put(999, alice), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
    });

    it('is isolated from changes to the argument and to listed results', async () => {
      await withApps();
      const revokedSigs = ['s1'];
      await fx.store.sigInvalidations.put(APP, { userID: 'alice', beforeSec: 1, revokedSigs });
      revokedSigs.push('s2');
      const [listed] = await fx.store.sigInvalidations.list(APP);
      if (listed === undefined) throw new Error('expected an invalidation');
      tryMutate(() => (listed.revokedSigs as string[]).push('s3'));
      tryMutate(() => ((listed as { beforeSec: number }).beforeSec = 2));
      expect(await fx.store.sigInvalidations.list(APP)).toStrictEqual([{ userID: 'alice', beforeSec: 1, revokedSigs: ['s1'] }]);
    });
  });
}
