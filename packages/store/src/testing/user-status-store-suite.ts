/** Conformance: user statuses (custom status, last status type) and subscription lists with their cap. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

/** Registers the user-status tests against the fixture's store. */
export function describeUserStatusContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };

  describe('userStatus.update and get', () => {
    it('starts a record at status 0 with no custom status, keeps the fields a patch leaves out and reports before and after', async () => {
      await withApps();
      const first = await fx.store.userStatus.update(APP, 'alice', { customStatus: 'busy' });
      expect(first).toStrictEqual({ before: undefined, after: { userID: 'alice', statusType: 0, customStatus: 'busy' } });
      const second = await fx.store.userStatus.update(APP, 'alice', { statusType: 1 });
      expect(second).toStrictEqual({ before: { userID: 'alice', statusType: 0, customStatus: 'busy' }, after: { userID: 'alice', statusType: 1, customStatus: 'busy' } });
      expect(await fx.store.userStatus.get(APP, ['bob', 'alice', 'alice'])).toStrictEqual([{ userID: 'alice', statusType: 1, customStatus: 'busy' }]);
      expect(await fx.store.userStatus.get(OTHER_APP, ['alice'])).toStrictEqual([]);
    });

    it('rejects a write for an unknown app with 70020 and reads nothing for it', async () => {
      await expectParleyRejection(fx.store.userStatus.update(999, 'alice', { customStatus: 'x' }), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
      await expectParleyRejection(fx.store.userStatus.subscribe(999, 'alice', ['bob'], 10), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
      expect(await fx.store.userStatus.get(999, ['alice'])).toStrictEqual([]);
      expect(await fx.store.userStatus.subscribers(999, 'alice')).toStrictEqual([]);
    });
  });

  describe('userStatus subscriptions', () => {
    it('keeps each list in subscription order, moves a repeated target to the end and finds the subscribers of a target', async () => {
      await withApps();
      await fx.store.userStatus.subscribe(APP, 'bob', ['alice', 'carol'], 10);
      await fx.store.userStatus.subscribe(APP, 'dave', ['alice'], 10);
      await fx.store.userStatus.subscribe(APP, 'bob', ['alice'], 10);
      await fx.store.userStatus.subscribe(OTHER_APP, 'erin', ['alice'], 10);
      expect(await fx.store.userStatus.subscriptions(APP, 'bob')).toStrictEqual(['carol', 'alice']);
      expect((await fx.store.userStatus.subscribers(APP, 'alice')).sort()).toStrictEqual(['bob', 'dave']);
    });

    it('drops the earliest subscriptions beyond the limit', async () => {
      await withApps();
      await fx.store.userStatus.subscribe(APP, 'bob', ['u1', 'u2', 'u3'], 3);
      await fx.store.userStatus.subscribe(APP, 'bob', ['u4', 'u5'], 3);
      expect(await fx.store.userStatus.subscriptions(APP, 'bob')).toStrictEqual(['u3', 'u4', 'u5']);
      expect(await fx.store.userStatus.subscribers(APP, 'u1')).toStrictEqual([]);
    });

    it('unsubscribes some targets, or every one', async () => {
      await withApps();
      await fx.store.userStatus.subscribe(APP, 'bob', ['u1', 'u2', 'u3'], 10);
      await fx.store.userStatus.subscribe(APP, 'carol', ['u1'], 10);
      await fx.store.userStatus.unsubscribe(APP, 'bob', ['u2', 'nobody']);
      expect(await fx.store.userStatus.subscriptions(APP, 'bob')).toStrictEqual(['u1', 'u3']);
      await fx.store.userStatus.unsubscribe(APP, 'bob');
      expect(await fx.store.userStatus.subscriptions(APP, 'bob')).toStrictEqual([]);
      expect(await fx.store.userStatus.subscribers(APP, 'u1')).toStrictEqual(['carol']);
    });
  });
}
