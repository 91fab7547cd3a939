/** Conformance: blacklists (limit, ending friendships and applications, the send-path lookup). */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const T0 = 1_700_000_000_000;
const LIMITS = { maxFriends: 3000, maxGroups: 32 };

/** Registers the blacklist tests against the fixture's store. */
export function describeBlacklistContract(fx: StoreFixture): void {
  describe('blacklist', () => {
    it('adds the users not yet blocked, in order, and answers the lookups', async () => {
      await fx.store.apps.create(testAppRecord(APP));
      expect(await fx.store.blacklist.add(APP, 'alice', ['bob', 'carol', 'bob'], T0, 1000)).toStrictEqual(['bob', 'carol']);
      expect(await fx.store.blacklist.add(APP, 'alice', ['carol', 'dave'], T0 + 1, 1000)).toStrictEqual(['dave']);
      expect(await fx.store.blacklist.list(APP, 'alice')).toStrictEqual([{ userID: 'bob', addTime: T0 }, { userID: 'carol', addTime: T0 }, { userID: 'dave', addTime: T0 + 1 }]);
      expect(await fx.store.blacklist.blocks(APP, 'alice', 'bob')).toBe(true);
      expect(await fx.store.blacklist.blocks(APP, 'bob', 'alice')).toBe(false);
      expect(await fx.store.blacklist.blockedBy(APP, 'bob', ['alice', 'carol'])).toStrictEqual(new Set(['alice']));
    });

    it('ends the friendship both ways, out of friend groups, and drops applications between the two', async () => {
      await fx.store.apps.create(testAppRecord(APP));
      await fx.store.friends.add(APP, [{ owner: 'alice', friend: 'bob', remark: '', groupName: 'G', source: 'AddSource_Type_Web', wording: '' }, { owner: 'bob', friend: 'alice', remark: '', groupName: '', source: 'AddSource_Type_Web', wording: '' }], T0, LIMITS);
      await fx.store.friendApplications.put(APP, { from: 'bob', to: 'alice', source: 'AddSource_Type_Web', wording: '', remark: '', groupName: '', addType: 'Add_Type_Both', time: T0 }, 100);
      await fx.store.blacklist.add(APP, 'alice', ['bob'], T0, 1000);
      expect(await fx.store.friends.links(APP, 'alice', ['bob'])).toStrictEqual([{ userID: 'bob', inMine: false, inTheirs: false }]);
      expect(await fx.store.friendGroups.list(APP, 'alice')).toStrictEqual([{ name: 'G', userIDList: [] }]);
      expect(await fx.store.friendApplications.get(APP, 'bob', 'alice')).toBeUndefined();
    });

    it('writes nothing past the limit, and removes only blocked users', async () => {
      await fx.store.apps.create(testAppRecord(APP));
      await fx.store.blacklist.add(APP, 'alice', ['bob'], T0, 2);
      expect(await fx.store.blacklist.add(APP, 'alice', ['carol', 'dave'], T0, 2)).toBeUndefined();
      expect(await fx.store.blacklist.list(APP, 'alice')).toStrictEqual([{ userID: 'bob', addTime: T0 }]);
      expect(await fx.store.blacklist.remove(APP, 'alice', ['bob', 'carol'])).toStrictEqual(['bob']);
      expect(await fx.store.blacklist.list(APP, 'alice')).toStrictEqual([]);
    });

    it('reads empty for an unknown app and rejects its writes with 70020', async () => {
      expect(await fx.store.blacklist.list(999, 'alice')).toStrictEqual([]);
      expect(await fx.store.blacklist.blocks(999, 'alice', 'bob')).toBe(false);
      await expectParleyRejection(fx.store.blacklist.add(999, 'alice', ['bob'], T0, 1000), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
    });
  });
}
