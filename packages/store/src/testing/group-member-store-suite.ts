/** Conformance of `store.groupMembers`: limits checked atomically, removal, roles, reads and pages. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { GroupView } from '../index.js';
import { testAppRecord, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

/** Registers the tests of `store.groupMembers` against the fixture's store. */
export function describeGroupMemberContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };
  const createG1 = async (members = ['alice', 'bob']): Promise<GroupView> =>
    fx.store.groups.create(APP, testGroupRecord('g1', 'alice'), members.map((u) => testMember(u, u === 'alice' ? 'Owner' : 'Member')));

  describe('group members', () => {
    it('adds members up to the limit and reports each as added, already a member or refused as full', async () => {
      await withApps();
      await createG1();
      const results = await fx.store.groupMembers.add(APP, 'g1', [testMember('carol'), testMember('bob'), testMember('dave'), testMember('erin')], 3);
      expect(results).toStrictEqual(['added', 'already', 'full', 'full']);
      expect(await fx.store.groups.get(APP, 'g1')).toMatchObject({ memberNum: 3 });
      await expectParleyRejection(fx.store.groupMembers.add(APP, 'nope', [testMember('x')], 10), ErrorCode.ERR_SVR_GROUP_NOT_FOUND, /nope/);
    });

    it('never exceeds the limit under 20 concurrent additions', async () => {
      await withApps();
      await createG1(['alice']);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => fx.store.groupMembers.add(APP, 'g1', [testMember(`u${i}`), testMember(`v${i}`)], 25)));
      expect(results.flat().filter((r) => r === 'added')).toHaveLength(24);
      expect(await fx.store.groups.get(APP, 'g1')).toMatchObject({ memberNum: 25 });
      expect(await fx.store.groupMembers.list(APP, 'g1', 0, 100)).toHaveLength(25);
    });

    it('removes members and reports only those that were members', async () => {
      await withApps();
      await createG1(['alice', 'bob', 'carol']);
      expect((await fx.store.groupMembers.remove(APP, 'g1', ['bob', 'zed', 'bob'])).sort()).toStrictEqual(['bob']);
      expect(await fx.store.groups.get(APP, 'g1')).toMatchObject({ memberNum: 2 });
      expect(await fx.store.groupMembers.get(APP, 'g1', ['bob'])).toStrictEqual([]);
      expect(await fx.store.groups.listJoined(APP, 'bob')).toStrictEqual([]);
      expect(await fx.store.groupMembers.remove(APP, 'nope', ['bob'])).toStrictEqual([]);
    });

    it('forgets a leaving member\'s conversation state, so a rejoin starts fresh', async () => {
      await withApps();
      await createG1();
      await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'a')]);
      await fx.store.conversations.update(APP, 'bob', [{ conversationID: 'GROUPg1', patch: { isPinned: true, clearedSeq: 1 } }]);
      await fx.store.groupMembers.remove(APP, 'g1', ['bob']);
      await fx.store.groupMembers.add(APP, 'g1', [testMember('bob')], 100);
      const [view] = await fx.store.conversations.get(APP, 'bob', ['GROUPg1']);
      expect(view).toMatchObject({ isPinned: false, clearedSeq: 0, readSeq: 1, unreadCount: 0 });
      expect((await fx.store.messages.getHistory(APP, 'bob', 'GROUPg1', { count: 10 })).messages).toHaveLength(1);
    });

    it('sets roles, reads members in input order and pages them by UserID', async () => {
      await withApps();
      await createG1(['alice', 'dave', 'bob', 'carol']);
      expect(await fx.store.groupMembers.setRole(APP, 'g1', 'bob', 'Admin')).toBe(true);
      expect(await fx.store.groupMembers.setRole(APP, 'g1', 'zed', 'Admin')).toBe(false);
      expect((await fx.store.groupMembers.get(APP, 'g1', ['carol', 'zed', 'bob'])).map((m) => [m.userID, m.role])).toStrictEqual([['carol', 'Member'], ['bob', 'Admin']]);
      expect((await fx.store.groupMembers.list(APP, 'g1', 0, 3)).map((m) => m.userID)).toStrictEqual(['alice', 'bob', 'carol']);
      expect((await fx.store.groupMembers.list(APP, 'g1', 3, 3)).map((m) => m.userID)).toStrictEqual(['dave']);
      expect(await fx.store.groupMembers.list(APP, 'g1', 4, 3)).toStrictEqual([]);
      expect(await fx.store.groupMembers.get(APP, 'g1', ['alice'])).toStrictEqual([testMember('alice', 'Owner')]);
    });
  });
}
