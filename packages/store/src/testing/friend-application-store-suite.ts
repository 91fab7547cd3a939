/** Conformance: friend applications (both directions, replacement, the pending limit, read time). */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { FriendApplicationRecord } from '../index.js';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const T0 = 1_700_000_000_000;

const application = (from: string, to: string, time = T0, extra: Partial<FriendApplicationRecord> = {}): FriendApplicationRecord => ({
  from,
  to,
  source: 'AddSource_Type_Web',
  wording: 'hello',
  remark: '',
  groupName: '',
  addType: 'Add_Type_Both',
  time,
  ...extra,
});

/** Registers the friend application tests against the fixture's store. */
export function describeFriendApplicationContract(fx: StoreFixture): void {
  describe('friendApplications', () => {
    it('lists both directions newest first, replacing an earlier application of the same pair', async () => {
      await fx.store.apps.create(testAppRecord(APP));
      expect(await fx.store.friendApplications.put(APP, application('alice', 'bob'), 100)).toBe(true);
      await fx.store.friendApplications.put(APP, application('bob', 'carol', T0 + 1), 100);
      await fx.store.friendApplications.put(APP, application('alice', 'bob', T0 + 2, { wording: 'again', remark: 'B', groupName: 'G', addType: 'Add_Type_Single' }), 100);
      expect(await fx.store.friendApplications.list(APP, 'bob')).toStrictEqual({
        applications: [application('alice', 'bob', T0 + 2, { wording: 'again', remark: 'B', groupName: 'G', addType: 'Add_Type_Single' }), application('bob', 'carol', T0 + 1)],
        readAt: 0,
      });
      expect(await fx.store.friendApplications.get(APP, 'bob', 'carol')).toStrictEqual(application('bob', 'carol', T0 + 1));
    });

    it('refuses a new sender once the receiver has the most pending, but lets a sender replace its own', async () => {
      await fx.store.apps.create(testAppRecord(APP));
      await fx.store.friendApplications.put(APP, application('a', 'bob'), 1);
      expect(await fx.store.friendApplications.put(APP, application('c', 'bob'), 1)).toBe(false);
      expect(await fx.store.friendApplications.put(APP, application('a', 'bob', T0 + 5), 1)).toBe(true);
      expect((await fx.store.friendApplications.list(APP, 'bob')).applications.map((a) => a.from)).toStrictEqual(['a']);
    });

    it('deletes one application and records the read time', async () => {
      await fx.store.apps.create(testAppRecord(APP));
      await fx.store.friendApplications.put(APP, application('alice', 'bob'), 100);
      expect(await fx.store.friendApplications.delete(APP, 'alice', 'bob')).toBe(true);
      expect(await fx.store.friendApplications.delete(APP, 'alice', 'bob')).toBe(false);
      await fx.store.friendApplications.markRead(APP, 'bob', T0 + 9);
      expect(await fx.store.friendApplications.list(APP, 'bob')).toStrictEqual({ applications: [], readAt: T0 + 9 });
    });

    it('reads empty for an unknown app and rejects its writes with 70020', async () => {
      expect(await fx.store.friendApplications.list(999, 'bob')).toStrictEqual({ applications: [], readAt: 0 });
      await expectParleyRejection(fx.store.friendApplications.put(999, application('a', 'b'), 100), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
    });
  });
}
