/** Conformance of `store.groups`: creation, patches, sequences, deletion (with members, messages and state) and joined lists. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { GroupView } from '../index.js';
import { testAppRecord, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
import { expectParleyRejection, tryMutate, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

/** Registers the tests of `store.groups` against the fixture's store. */
export function describeGroupContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };
  const createG1 = async (members = ['alice', 'bob']): Promise<GroupView> =>
    fx.store.groups.create(APP, testGroupRecord('g1', 'alice'), members.map((u) => testMember(u, u === 'alice' ? 'Owner' : 'Member')));

  describe('groups', () => {
    it('creates a group and returns it with its member count and sequence', async () => {
      await withApps();
      const record = testGroupRecord('g1', 'alice', { type: 'Community', name: '社区 "q"', introduction: 'i', notification: 'n', avatar: 'a', maxMemberNum: 0, joinOption: 'FreeAccess', muteAllMembers: true });
      const created = await fx.store.groups.create(APP, record, [testMember('alice', 'Owner'), testMember('bob')]);
      expect(created).toStrictEqual({ ...record, memberNum: 2, seq: 0 });
      expect(await fx.store.groups.get(APP, 'g1')).toStrictEqual(created);
      expect(await fx.store.groups.get(APP, 'nope')).toBeUndefined();
      expect(await fx.store.groups.get(OTHER_APP, 'g1')).toBeUndefined();
    });

    it('refuses a group ID in use (10021) and keeps the existing group', async () => {
      await withApps();
      const first = await createG1();
      await expectParleyRejection(fx.store.groups.create(APP, testGroupRecord('g1', 'zed'), [testMember('zed', 'Owner')]), ErrorCode.ERR_SVR_GROUP_GROUPID_IN_USED, /g1/);
      expect(await fx.store.groups.get(APP, 'g1')).toStrictEqual(first);
      expect(await fx.store.groups.create(OTHER_APP, testGroupRecord('g1', 'zed'), [])).toMatchObject({ groupID: 'g1', memberNum: 0 });
    });

    it('patches only the given fields', async () => {
      await withApps();
      const before = await createG1();
      const after = await fx.store.groups.update(APP, 'g1', { name: 'New', muteAllMembers: true, ownerID: '' });
      expect(after).toStrictEqual({ ...before, name: 'New', muteAllMembers: true, ownerID: '' });
      expect(await fx.store.groups.update(APP, 'nope', { name: 'x' })).toBeUndefined();
    });

    it('tracks the highest message sequence of the group', async () => {
      await withApps();
      await createG1();
      await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'a'), testGroupDraft('bob', 'g1', 'b')]);
      expect(await fx.store.groups.get(APP, 'g1')).toMatchObject({ seq: 2 });
      expect((await fx.store.groups.listJoined(APP, 'bob'))[0]?.group.seq).toBe(2);
    });

    it('deletes a group with its members, messages and state, and lets its ID be used again', async () => {
      await withApps();
      await createG1(['alice', 'bob', 'carol']);
      await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'a'), testGroupDraft('alice', 'g1', 'b')]);
      await fx.store.groupApplications.put(APP, 'g1', { userID: 'dave', message: 'hi', time: 1 });
      expect(await fx.store.groups.delete(APP, 'g1')).toStrictEqual(['alice', 'bob', 'carol']);
      expect(await fx.store.groups.get(APP, 'g1')).toBeUndefined();
      expect(await fx.store.groups.listJoined(APP, 'bob')).toStrictEqual([]);
      expect(await fx.store.conversations.get(APP, 'bob')).toStrictEqual([]);
      expect(await fx.store.groups.delete(APP, 'g1')).toBeUndefined();
      await fx.store.groups.create(APP, testGroupRecord('g1', 'zed'), [testMember('zed', 'Owner')]);
      expect(await fx.store.groups.get(APP, 'g1')).toMatchObject({ ownerID: 'zed', memberNum: 1, seq: 0 });
      expect(await fx.store.groupApplications.list(APP, 'g1')).toStrictEqual([]);
      const out = await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'a')]);
      expect(out[0]).toMatchObject({ ok: true, duplicate: false, message: { seq: 1 } });
      expect((await fx.store.messages.getHistory(APP, 'zed', 'GROUPg1', { count: 10 })).messages.map((m) => m.ID)).toStrictEqual(['a']);
    });

    it('rejects group writes for an unknown app (70020)', async () => {
      await expectParleyRejection(fx.store.groups.create(999, testGroupRecord('g', 'a'), []), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
      await expectParleyRejection(fx.store.groupMembers.add(999, 'g', [testMember('a')], 10), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
      expect(await fx.store.groups.get(999, 'g')).toBeUndefined();
      expect(await fx.store.groups.listJoined(999, 'a')).toStrictEqual([]);
    });

    it('lists the groups of a user, ordered by GroupID, with the user\'s membership', async () => {
      await withApps();
      for (const id of ['gb', 'ga', 'gc']) await fx.store.groups.create(APP, testGroupRecord(id, 'alice'), [testMember('alice', 'Owner'), ...(id === 'gc' ? [] : [testMember('bob', 'Admin')])]);
      const joined = await fx.store.groups.listJoined(APP, 'bob');
      expect(joined.map((j) => [j.group.groupID, j.member.role, j.group.memberNum])).toStrictEqual([['ga', 'Admin', 2], ['gb', 'Admin', 2]]);
      tryMutate(() => ((joined[0]?.group as { name: string }).name = 'mutated'));
      expect((await fx.store.groups.get(APP, 'ga'))?.name).toBe('Group ga');
    });
  });
}
