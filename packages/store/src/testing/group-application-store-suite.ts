/** Conformance of `store.groupApplications`: one application per user, oldest first, removed on join. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { GroupView } from '../index.js';
import { testAppRecord, testGroupRecord, testMember } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

/** Registers the tests of `store.groupApplications` against the fixture's store. */
export function describeGroupApplicationContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };
  const createG1 = async (members = ['alice', 'bob']): Promise<GroupView> =>
    fx.store.groups.create(APP, testGroupRecord('g1', 'alice'), members.map((u) => testMember(u, u === 'alice' ? 'Owner' : 'Member')));

  describe('join applications', () => {
    it('keeps one application per user, oldest first, until removed or the user is added', async () => {
      await withApps();
      await createG1();
      await fx.store.groupApplications.put(APP, 'g1', { userID: 'carol', message: 'let me in', time: 10 });
      await fx.store.groupApplications.put(APP, 'g1', { userID: 'dave', message: '', time: 11 });
      await fx.store.groupApplications.put(APP, 'g1', { userID: 'erin', message: 'x', time: 12 });
      await fx.store.groupApplications.put(APP, 'g1', { userID: 'carol', message: 'again', time: 13 });
      expect(await fx.store.groupApplications.list(APP, 'g1')).toStrictEqual([
        { userID: 'dave', message: '', time: 11 },
        { userID: 'erin', message: 'x', time: 12 },
        { userID: 'carol', message: 'again', time: 13 },
      ]);
      expect(await fx.store.groupApplications.delete(APP, 'g1', 'dave')).toBe(true);
      expect(await fx.store.groupApplications.delete(APP, 'g1', 'dave')).toBe(false);
      await fx.store.groupMembers.add(APP, 'g1', [testMember('erin')], 100);
      expect((await fx.store.groupApplications.list(APP, 'g1')).map((a) => a.userID)).toStrictEqual(['carol']);
      await expectParleyRejection(fx.store.groupApplications.put(APP, 'nope', { userID: 'x', message: '', time: 1 }), ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
      expect(await fx.store.groupApplications.list(APP, 'nope')).toStrictEqual([]);
    });
  });
}
