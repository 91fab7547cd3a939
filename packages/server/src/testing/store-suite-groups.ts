/** Conformance: groups, members (limits, roles, pages), joined lists, deletion and applications. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { GroupView } from '../store/index.js';
import { testAppRecord, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
import { expectParleyRejection, tryMutate, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

/** Registers the group tests against the fixture's store. */
export function describeGroupContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.createApp(testAppRecord(APP));
    await fx.store.createApp(testAppRecord(OTHER_APP));
  };
  const createG1 = async (members = ['alice', 'bob']): Promise<GroupView> =>
    fx.store.createGroup(APP, testGroupRecord('g1', 'alice'), members.map((u) => testMember(u, u === 'alice' ? 'Owner' : 'Member')));

  describe('groups', () => {
    it('creates a group and returns it with its member count and sequence', async () => {
      await withApps();
      const record = testGroupRecord('g1', 'alice', { type: 'Community', name: '社区 "q"', introduction: 'i', notification: 'n', avatar: 'a', maxMemberNum: 0, joinOption: 'FreeAccess', muteAllMembers: true });
      const created = await fx.store.createGroup(APP, record, [testMember('alice', 'Owner'), testMember('bob')]);
      expect(created).toStrictEqual({ ...record, memberNum: 2, seq: 0 });
      expect(await fx.store.getGroup(APP, 'g1')).toStrictEqual(created);
      expect(await fx.store.getGroup(APP, 'nope')).toBeUndefined();
      expect(await fx.store.getGroup(OTHER_APP, 'g1')).toBeUndefined();
    });

    it('refuses a group ID in use (10021) and keeps the existing group', async () => {
      await withApps();
      const first = await createG1();
      await expectParleyRejection(fx.store.createGroup(APP, testGroupRecord('g1', 'zed'), [testMember('zed', 'Owner')]), ErrorCode.ERR_SVR_GROUP_GROUPID_IN_USED, /g1/);
      expect(await fx.store.getGroup(APP, 'g1')).toStrictEqual(first);
      expect(await fx.store.createGroup(OTHER_APP, testGroupRecord('g1', 'zed'), [])).toMatchObject({ groupID: 'g1', memberNum: 0 });
    });

    it('patches only the given fields', async () => {
      await withApps();
      const before = await createG1();
      const after = await fx.store.updateGroup(APP, 'g1', { name: 'New', muteAllMembers: true, ownerID: '' });
      expect(after).toStrictEqual({ ...before, name: 'New', muteAllMembers: true, ownerID: '' });
      expect(await fx.store.updateGroup(APP, 'nope', { name: 'x' })).toBeUndefined();
    });

    it('tracks the highest message sequence of the group', async () => {
      await withApps();
      await createG1();
      await fx.store.appendMessages(APP, [testGroupDraft('alice', 'g1', 'a'), testGroupDraft('bob', 'g1', 'b')]);
      expect(await fx.store.getGroup(APP, 'g1')).toMatchObject({ seq: 2 });
      expect((await fx.store.listJoinedGroups(APP, 'bob'))[0]?.group.seq).toBe(2);
    });

    it('deletes a group with its members, messages and state, and lets its ID be used again', async () => {
      await withApps();
      await createG1(['alice', 'bob', 'carol']);
      await fx.store.appendMessages(APP, [testGroupDraft('alice', 'g1', 'a'), testGroupDraft('alice', 'g1', 'b')]);
      await fx.store.putGroupApplication(APP, 'g1', { userID: 'dave', message: 'hi', time: 1 });
      expect(await fx.store.deleteGroup(APP, 'g1')).toStrictEqual(['alice', 'bob', 'carol']);
      expect(await fx.store.getGroup(APP, 'g1')).toBeUndefined();
      expect(await fx.store.listJoinedGroups(APP, 'bob')).toStrictEqual([]);
      expect(await fx.store.getConversations(APP, 'bob')).toStrictEqual([]);
      expect(await fx.store.deleteGroup(APP, 'g1')).toBeUndefined();
      await fx.store.createGroup(APP, testGroupRecord('g1', 'zed'), [testMember('zed', 'Owner')]);
      expect(await fx.store.getGroup(APP, 'g1')).toMatchObject({ ownerID: 'zed', memberNum: 1, seq: 0 });
      expect(await fx.store.listGroupApplications(APP, 'g1')).toStrictEqual([]);
      const out = await fx.store.appendMessages(APP, [testGroupDraft('alice', 'g1', 'a')]);
      expect(out[0]).toMatchObject({ ok: true, duplicate: false, message: { seq: 1 } });
      expect((await fx.store.getHistory(APP, 'zed', 'GROUPg1', { count: 10 })).messages.map((m) => m.ID)).toStrictEqual(['a']);
    });

    it('rejects group writes for an unknown app (70020)', async () => {
      await expectParleyRejection(fx.store.createGroup(999, testGroupRecord('g', 'a'), []), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
      await expectParleyRejection(fx.store.addGroupMembers(999, 'g', [testMember('a')], 10), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
      expect(await fx.store.getGroup(999, 'g')).toBeUndefined();
      expect(await fx.store.listJoinedGroups(999, 'a')).toStrictEqual([]);
    });
  });

  describe('group members', () => {
    it('adds members up to the limit and reports each as added, already a member or refused as full', async () => {
      await withApps();
      await createG1();
      const results = await fx.store.addGroupMembers(APP, 'g1', [testMember('carol'), testMember('bob'), testMember('dave'), testMember('erin')], 3);
      expect(results).toStrictEqual(['added', 'already', 'full', 'full']);
      expect(await fx.store.getGroup(APP, 'g1')).toMatchObject({ memberNum: 3 });
      await expectParleyRejection(fx.store.addGroupMembers(APP, 'nope', [testMember('x')], 10), ErrorCode.ERR_SVR_GROUP_NOT_FOUND, /nope/);
    });

    it('never exceeds the limit under 20 concurrent additions', async () => {
      await withApps();
      await createG1(['alice']);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => fx.store.addGroupMembers(APP, 'g1', [testMember(`u${i}`), testMember(`v${i}`)], 25)));
      expect(results.flat().filter((r) => r === 'added')).toHaveLength(24);
      expect(await fx.store.getGroup(APP, 'g1')).toMatchObject({ memberNum: 25 });
      expect(await fx.store.listGroupMembers(APP, 'g1', 0, 100)).toHaveLength(25);
    });

    it('removes members and reports only those that were members', async () => {
      await withApps();
      await createG1(['alice', 'bob', 'carol']);
      expect((await fx.store.removeGroupMembers(APP, 'g1', ['bob', 'zed', 'bob'])).sort()).toStrictEqual(['bob']);
      expect(await fx.store.getGroup(APP, 'g1')).toMatchObject({ memberNum: 2 });
      expect(await fx.store.getGroupMembers(APP, 'g1', ['bob'])).toStrictEqual([]);
      expect(await fx.store.listJoinedGroups(APP, 'bob')).toStrictEqual([]);
      expect(await fx.store.removeGroupMembers(APP, 'nope', ['bob'])).toStrictEqual([]);
    });

    it('forgets a leaving member\'s conversation state, so a rejoin starts fresh', async () => {
      await withApps();
      await createG1();
      await fx.store.appendMessages(APP, [testGroupDraft('alice', 'g1', 'a')]);
      await fx.store.updateConversations(APP, 'bob', [{ conversationID: 'GROUPg1', patch: { isPinned: true, clearedSeq: 1 } }]);
      await fx.store.removeGroupMembers(APP, 'g1', ['bob']);
      await fx.store.addGroupMembers(APP, 'g1', [testMember('bob')], 100);
      const [view] = await fx.store.getConversations(APP, 'bob', ['GROUPg1']);
      expect(view).toMatchObject({ isPinned: false, clearedSeq: 0, readSeq: 1, unreadCount: 0 });
      expect((await fx.store.getHistory(APP, 'bob', 'GROUPg1', { count: 10 })).messages).toHaveLength(1);
    });

    it('sets roles, reads members in input order and pages them by UserID', async () => {
      await withApps();
      await createG1(['alice', 'dave', 'bob', 'carol']);
      expect(await fx.store.setGroupMemberRole(APP, 'g1', 'bob', 'Admin')).toBe(true);
      expect(await fx.store.setGroupMemberRole(APP, 'g1', 'zed', 'Admin')).toBe(false);
      expect((await fx.store.getGroupMembers(APP, 'g1', ['carol', 'zed', 'bob'])).map((m) => [m.userID, m.role])).toStrictEqual([['carol', 'Member'], ['bob', 'Admin']]);
      expect((await fx.store.listGroupMembers(APP, 'g1', 0, 3)).map((m) => m.userID)).toStrictEqual(['alice', 'bob', 'carol']);
      expect((await fx.store.listGroupMembers(APP, 'g1', 3, 3)).map((m) => m.userID)).toStrictEqual(['dave']);
      expect(await fx.store.listGroupMembers(APP, 'g1', 4, 3)).toStrictEqual([]);
      expect(await fx.store.getGroupMembers(APP, 'g1', ['alice'])).toStrictEqual([testMember('alice', 'Owner')]);
    });

    it('lists the groups of a user, ordered by GroupID, with the user\'s membership', async () => {
      await withApps();
      for (const id of ['gb', 'ga', 'gc']) await fx.store.createGroup(APP, testGroupRecord(id, 'alice'), [testMember('alice', 'Owner'), ...(id === 'gc' ? [] : [testMember('bob', 'Admin')])]);
      const joined = await fx.store.listJoinedGroups(APP, 'bob');
      expect(joined.map((j) => [j.group.groupID, j.member.role, j.group.memberNum])).toStrictEqual([['ga', 'Admin', 2], ['gb', 'Admin', 2]]);
      tryMutate(() => ((joined[0]?.group as { name: string }).name = 'mutated'));
      expect((await fx.store.getGroup(APP, 'ga'))?.name).toBe('Group ga');
    });
  });

  describe('join applications', () => {
    it('keeps one application per user, oldest first, until removed or the user is added', async () => {
      await withApps();
      await createG1();
      await fx.store.putGroupApplication(APP, 'g1', { userID: 'carol', message: 'let me in', time: 10 });
      await fx.store.putGroupApplication(APP, 'g1', { userID: 'dave', message: '', time: 11 });
      await fx.store.putGroupApplication(APP, 'g1', { userID: 'erin', message: 'x', time: 12 });
      await fx.store.putGroupApplication(APP, 'g1', { userID: 'carol', message: 'again', time: 13 });
      expect(await fx.store.listGroupApplications(APP, 'g1')).toStrictEqual([
        { userID: 'dave', message: '', time: 11 },
        { userID: 'erin', message: 'x', time: 12 },
        { userID: 'carol', message: 'again', time: 13 },
      ]);
      expect(await fx.store.deleteGroupApplication(APP, 'g1', 'dave')).toBe(true);
      expect(await fx.store.deleteGroupApplication(APP, 'g1', 'dave')).toBe(false);
      await fx.store.addGroupMembers(APP, 'g1', [testMember('erin')], 100);
      expect((await fx.store.listGroupApplications(APP, 'g1')).map((a) => a.userID)).toStrictEqual(['carol']);
      await expectParleyRejection(fx.store.putGroupApplication(APP, 'nope', { userID: 'x', message: '', time: 1 }), ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
      expect(await fx.store.listGroupApplications(APP, 'nope')).toStrictEqual([]);
    });
  });
}
