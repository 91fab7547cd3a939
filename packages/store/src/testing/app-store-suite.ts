/** Conformance: applications (create, get, list, update) and exact round trips of app records. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, LOGIN_POLICIES } from '@parley/protocol';
import type { AppRecord } from '../index.js';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, tryMutate, type StoreFixture } from './store-suite-context.js';

/** Registers the application tests against the fixture's store. */
export function describeAppContract(fx: StoreFixture): void {
  describe('applications', () => {
    it('returns a created app from apps.get', async () => {
      const app = testAppRecord(1400000001);
      await fx.store.apps.create(app);
      expect(await fx.store.apps.get(1400000001)).toStrictEqual(app);
    });

    it('rejects creating an SDKAppID that exists (70402) and keeps the stored app', async () => {
      const app = testAppRecord(1400000001);
      await fx.store.apps.create(app);
      await expectParleyRejection(
        fx.store.apps.create(testAppRecord(1400000001, { name: 'Impostor', secretKey: 'other' })),
        ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS,
        /1400000001 already exists/,
      );
      expect(await fx.store.apps.get(1400000001)).toStrictEqual(app);
      expect(await fx.store.apps.list()).toHaveLength(1);
    });

    it('returns undefined from apps.get for an unknown SDKAppID', async () => {
      await fx.store.apps.create(testAppRecord(1400000001));
      expect(await fx.store.apps.get(1400000002)).toBeUndefined();
    });

    it('lists no apps when there are none', async () => {
      expect(await fx.store.apps.list()).toStrictEqual([]);
    });

    it('lists apps ordered numerically by SDKAppID, whatever the creation order', async () => {
      // As strings these would sort 10, 1400000001, 9.
      for (const id of [1400000001, 9, 10]) await fx.store.apps.create(testAppRecord(id));
      const apps = await fx.store.apps.list();
      expect(apps.map((app) => app.sdkAppID)).toStrictEqual([9, 10, 1400000001]);
      expect(apps[0]).toStrictEqual(testAppRecord(9));
    });

    it('patches only the given fields and returns the updated app', async () => {
      const app = testAppRecord(1400000001, { limits: { maxAccounts: 100 } });
      await fx.store.apps.create(app);
      const updated = await fx.store.apps.update(1400000001, { name: 'Renamed', status: 'suspended' });
      const expected: AppRecord = { ...app, name: 'Renamed', status: 'suspended' };
      expect(updated).toStrictEqual(expected);
      expect(await fx.store.apps.get(1400000001)).toStrictEqual(expected);
    });

    it('replaces secretKey, admins, loginSettings and limits as whole values', async () => {
      await fx.store.apps.create(testAppRecord(1400000001, { limits: { maxAccounts: 100, maxConnections: 5 } }));
      const patch = {
        secretKey: 'rotated-key',
        admins: ['ops', 'root'],
        loginSettings: { policy: 'single' as const, maxInstances: { Web: 1, Android: 1, IPhone: 1, IPad: 1, Windows: 1, Mac: 1, Linux: 1 } },
        limits: { maxConnections: 7 },
      };
      const updated = await fx.store.apps.update(1400000001, patch);
      const expected: AppRecord = { ...testAppRecord(1400000001), ...patch };
      expect(updated).toStrictEqual(expected);
      expect(await fx.store.apps.get(1400000001)).toStrictEqual(expected);
    });

    it('removes all limits when patched with empty limits', async () => {
      await fx.store.apps.create(testAppRecord(1400000001, { limits: { maxAccounts: 100, maxConnections: 5 } }));
      await fx.store.apps.update(1400000001, { limits: {} });
      expect((await fx.store.apps.get(1400000001))?.limits).toStrictEqual({});
    });

    it('leaves the app unchanged for an empty patch', async () => {
      const app = testAppRecord(1400000001);
      await fx.store.apps.create(app);
      expect(await fx.store.apps.update(1400000001, {})).toStrictEqual(app);
      expect(await fx.store.apps.get(1400000001)).toStrictEqual(app);
    });

    it('returns undefined from apps.update for an unknown SDKAppID and creates nothing', async () => {
      expect(await fx.store.apps.update(1400000001, { name: 'Ghost' })).toBeUndefined();
      expect(await fx.store.apps.get(1400000001)).toBeUndefined();
      expect(await fx.store.apps.list()).toStrictEqual([]);
    });

    it('updates one app without touching the others', async () => {
      await fx.store.apps.create(testAppRecord(1));
      await fx.store.apps.create(testAppRecord(2));
      await fx.store.apps.update(1, { name: 'Changed' });
      expect(await fx.store.apps.get(2)).toStrictEqual(testAppRecord(2));
    });
  });

  describe('app records round-trip exactly', () => {
    const variants: readonly [string, AppRecord][] = [
      ...LOGIN_POLICIES.map((policy): [string, AppRecord] => [
        `login policy ${policy} with a distinct limit on each of the 7 platforms`,
        testAppRecord(100, { loginSettings: { policy, maxInstances: { Web: 7, Android: 3, IPhone: 1, IPad: 2, Windows: 3, Mac: 2, Linux: 1 } } }),
      ]),
      ['no limits', testAppRecord(100, { limits: {} })],
      ['only maxAccounts', testAppRecord(100, { limits: { maxAccounts: 0 } })],
      ['only maxConnections', testAppRecord(100, { limits: { maxConnections: 250_000 } })],
      ['both limits', testAppRecord(100, { limits: { maxAccounts: 1_000_000, maxConnections: 3 } })],
      ['admins in their given (unsorted) order', testAppRecord(100, { admins: ['zed', 'alice', 'mike', 'alice_2'] })],
      ['no admins', testAppRecord(100, { admins: [] })],
      ['a suspended app', testAppRecord(100, { status: 'suspended' })],
      [
        'text with quotes, backslashes, emoji and non-Latin letters',
        testAppRecord(100, { name: `Bob's "chat" \\ 聊天 💬 ', --`, secretKey: 'key with spaces and "quotes"', admins: ['a"b', "c'd"] }),
      ],
      ['the largest safe SDKAppID and createdAt', testAppRecord(Number.MAX_SAFE_INTEGER, { createdAt: Number.MAX_SAFE_INTEGER })],
    ];

    it.each(variants)('%s', async (_label, app) => {
      await fx.store.apps.create(app);
      expect(await fx.store.apps.get(app.sdkAppID)).toStrictEqual(app);
      expect(await fx.store.apps.list()).toStrictEqual([app]);
    });

    it('round-trips a record patched into each variant', async () => {
      await fx.store.apps.create(testAppRecord(100));
      for (const [, variant] of variants.filter(([, app]) => app.sdkAppID === 100)) {
        const { sdkAppID: _id, createdAt: _created, ...patch } = variant;
        expect(await fx.store.apps.update(100, patch)).toStrictEqual(variant);
        expect(await fx.store.apps.get(100)).toStrictEqual(variant);
      }
    });

    it('keeps only the fields of AppRecord, dropping extra properties of the input', async () => {
      const app = testAppRecord(100);
      await fx.store.apps.create({ ...app, extra: 'not stored' } as AppRecord);
      expect(await fx.store.apps.get(100)).toStrictEqual(app);
    });
  });

  describe('stored apps are isolated from callers', () => {
    it('ignores changes to the apps.create argument after the call', async () => {
      const admins = ['alice'];
      const maxInstances = { Web: 1, Android: 1, IPhone: 1, IPad: 1, Windows: 1, Mac: 1, Linux: 1 };
      const limits: { maxAccounts?: number } = { maxAccounts: 5 };
      await fx.store.apps.create(testAppRecord(100, { admins, loginSettings: { policy: 'dual', maxInstances }, limits }));
      admins.push('mallory');
      maxInstances.Web = 9;
      limits.maxAccounts = 6;
      const stored = await fx.store.apps.get(100);
      expect(stored?.admins).toStrictEqual(['alice']);
      expect(stored?.loginSettings.maxInstances.Web).toBe(1);
      expect(stored?.limits).toStrictEqual({ maxAccounts: 5 });
    });

    it('ignores changes to returned records', async () => {
      const app = testAppRecord(100, { limits: { maxAccounts: 5 } });
      await fx.store.apps.create(app);
      const fromGet = await fx.store.apps.get(100);
      const fromList = await fx.store.apps.list();
      const fromUpdate = await fx.store.apps.update(100, {});
      for (const record of [fromGet, fromList[0], fromUpdate]) {
        if (record === undefined) throw new Error('expected a record');
        const writable = record as { -readonly [K in keyof AppRecord]: AppRecord[K] };
        tryMutate(() => (writable.name = 'mutated'));
        tryMutate(() => (record.admins as string[]).push('mallory'));
        tryMutate(() => ((record.loginSettings.maxInstances as Record<string, number>)['Web'] = 9));
        tryMutate(() => ((record.limits as { maxAccounts?: number }).maxAccounts = 9));
      }
      tryMutate(() => fromList.pop());
      expect(await fx.store.apps.get(100)).toStrictEqual(app);
      expect(await fx.store.apps.list()).toStrictEqual([app]);
    });
  });
}
