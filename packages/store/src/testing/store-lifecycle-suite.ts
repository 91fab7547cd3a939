/** Conformance: closing, and everything surviving a close and reopen of the same storage. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { AccountRecord, AppRecord, SigInvalidation, Store } from '../index.js';
import { testAppRecord, testDraft, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

/** One call of every method of every sub-store, by `part.method`. */
const EVERY_CALL: readonly [string, (store: Store) => Promise<unknown>][] = [
  ['apps.create', (s) => s.apps.create(testAppRecord(2))],
  ['apps.get', (s) => s.apps.get(1)],
  ['apps.list', (s) => s.apps.list()],
  ['apps.update', (s) => s.apps.update(1, { name: 'x' })],
  ['accounts.import', (s) => s.accounts.import(1, [{ userID: 'a' }], 0)],
  ['accounts.ensure', (s) => s.accounts.ensure(1, ['a'], 0)],
  ['accounts.get', (s) => s.accounts.get(1, ['a'])],
  ['accounts.delete', (s) => s.accounts.delete(1, ['a'])],
  ['accounts.count', (s) => s.accounts.count(1)],
  ['sigInvalidations.put', (s) => s.sigInvalidations.put(1, { userID: 'a', beforeSec: 1, revokedSigs: [] })],
  ['sigInvalidations.list', (s) => s.sigInvalidations.list(1)],
  ['usage.recordDailyActive', (s) => s.usage.recordDailyActive(1, '2024-01-01', ['a'])],
  ['usage.recordPeakConnections', (s) => s.usage.recordPeakConnections(1, '2024-01-01', 1)],
  ['usage.getDailyStats', (s) => s.usage.getDailyStats(1, '2024-01-01', '2024-01-02')],
  ['messages.append', (s) => s.messages.append(1, [testDraft('a', 'b', 'm')])],
  ['messages.syncInbox', (s) => s.messages.syncInbox(1, 'a', 0, 10)],
  ['messages.inboxHead', (s) => s.messages.inboxHead(1, 'a')],
  ['messages.getHistory', (s) => s.messages.getHistory(1, 'a', 'C2Cb', { count: 10 })],
  ['conversations.get', (s) => s.conversations.get(1, 'a')],
  ['conversations.update', (s) => s.conversations.update(1, 'a', [{ conversationID: 'C2Cb', patch: { isPinned: true } }])],
  ['conversations.deleteMessages', (s) => s.conversations.deleteMessages(1, 'a', 'C2Cb', [1])],
  ['groups.create', (s) => s.groups.create(1, testGroupRecord('g', 'a'), [])],
  ['groups.get', (s) => s.groups.get(1, 'g')],
  ['groups.update', (s) => s.groups.update(1, 'g', { name: 'x' })],
  ['groups.delete', (s) => s.groups.delete(1, 'g')],
  ['groupMembers.add', (s) => s.groupMembers.add(1, 'g', [testMember('a')], 10)],
  ['groupMembers.remove', (s) => s.groupMembers.remove(1, 'g', ['a'])],
  ['groupMembers.setRole', (s) => s.groupMembers.setRole(1, 'g', 'a', 'Admin')],
  ['groupMembers.get', (s) => s.groupMembers.get(1, 'g', ['a'])],
  ['groupMembers.list', (s) => s.groupMembers.list(1, 'g', 0, 10)],
  ['groups.listJoined', (s) => s.groups.listJoined(1, 'a')],
  ['groupApplications.put', (s) => s.groupApplications.put(1, 'g', { userID: 'a', message: '', time: 0 })],
  ['groupApplications.list', (s) => s.groupApplications.list(1, 'g')],
  ['groupApplications.delete', (s) => s.groupApplications.delete(1, 'g', 'a')],
];

/** Registers the close and restart tests against the fixture's store. */
export function describeLifecycleContract(fx: StoreFixture): void {
  describe('close', () => {
    it.each(EVERY_CALL)('makes %s reject afterwards (88505)', async (_name, call) => {
      await fx.store.apps.create(testAppRecord(1));
      await fx.store.close();
      await expectParleyRejection(call(fx.store), ErrorCode.PARLEY_SERVER_SHUTTING_DOWN, /closed/);
    });

    it('resolves when called a second time', async () => {
      await fx.store.close();
      await expect(fx.store.close()).resolves.toBeUndefined();
    });
  });

  describe('survives restart', () => {
    const apps: AppRecord[] = [
      testAppRecord(7, { admins: ['zed', 'alice'], limits: { maxConnections: 10 } }),
      testAppRecord(1400000001, { status: 'suspended', limits: { maxAccounts: 0, maxConnections: 1 } }),
      testAppRecord(1400000002, { name: '聊天 "quoted"', admins: [] }),
    ];
    const renamed: AppRecord = { ...testAppRecord(7, { admins: ['zed', 'alice'], limits: {} }), name: 'Renamed' };
    const alice: SigInvalidation = { userID: 'alice', beforeSec: 1_700_000_001, revokedSigs: ['sig+/1=', 'sig2'] };

    it('keeps apps, accounts, sig invalidations and daily stats across close and reopen', async ({ skip }) => {
      const { reopen } = fx.harness;
      if (reopen === undefined) return skip('this store keeps nothing across a close');
      const store = fx.store;
      for (const app of apps) await store.apps.create(app);
      await store.apps.update(7, { name: 'Renamed', limits: {} });
      await store.accounts.import(1400000001, [{ userID: 'alice', nick: 'Alice', faceUrl: 'a.png' }, { userID: 'bob' }], 1000);
      await store.accounts.ensure(1400000001, ['carol', 'dave'], 2000);
      await store.accounts.delete(1400000001, ['dave']);
      await store.accounts.ensure(7, ['alice'], 3000);
      await store.sigInvalidations.put(1400000001, { userID: 'alice', beforeSec: 1, revokedSigs: ['old'] });
      await store.sigInvalidations.put(1400000001, alice);
      await store.usage.recordDailyActive(1400000001, '2024-03-01', ['alice', 'bob']);
      await store.usage.recordPeakConnections(1400000001, '2024-03-01', 12);
      await store.usage.recordPeakConnections(1400000001, '2024-03-02', 3);
      await store.close();

      const reopened = fx.track(await reopen());
      expect(await reopened.apps.list()).toStrictEqual([renamed, apps[1], apps[2]]);
      expect(await reopened.accounts.count(1400000001)).toBe(3);
      const accounts = (await reopened.accounts.get(1400000001, ['alice', 'bob', 'carol', 'dave'])).sort((a, b) => (a.userID < b.userID ? -1 : 1));
      expect(accounts).toStrictEqual<AccountRecord[]>([
        { userID: 'alice', nick: 'Alice', faceUrl: 'a.png', createdAt: 1000 },
        { userID: 'bob', nick: '', faceUrl: '', createdAt: 1000 },
        { userID: 'carol', nick: '', faceUrl: '', createdAt: 2000 },
      ]);
      expect(await reopened.accounts.get(7, ['alice'])).toStrictEqual([{ userID: 'alice', nick: '', faceUrl: '', createdAt: 3000 }]);
      expect(await reopened.sigInvalidations.list(1400000001)).toStrictEqual([alice]);
      expect(await reopened.usage.getDailyStats(1400000001, '2024-03-01', '2024-03-31')).toStrictEqual([
        { day: '2024-03-01', activeUsers: 2, peakConnections: 12 },
        { day: '2024-03-02', activeUsers: 0, peakConnections: 3 },
      ]);

      // The reopened store keeps enforcing what it enforced before the restart.
      await expectParleyRejection(reopened.apps.create(apps[1] ?? testAppRecord(0)), ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS, /already exists/);
      expect(await reopened.accounts.ensure(1400000001, ['alice', 'erin'], 4000)).toStrictEqual(['erin']);
      await reopened.usage.recordDailyActive(1400000001, '2024-03-01', ['alice', 'carol']);
      await reopened.usage.recordPeakConnections(1400000001, '2024-03-01', 11);
      expect(await reopened.usage.getDailyStats(1400000001, '2024-03-01', '2024-03-01')).toStrictEqual([
        { day: '2024-03-01', activeUsers: 3, peakConnections: 12 },
      ]);
    });

    it('keeps messages, inboxes, conversation states and groups across close and reopen', async ({ skip }) => {
      const { reopen } = fx.harness;
      if (reopen === undefined) return skip('this store keeps nothing across a close');
      const store = fx.store;
      await store.apps.create(testAppRecord(1));
      await store.groups.create(1, testGroupRecord('g1', 'alice', { muteAllMembers: true }), [testMember('alice', 'Owner'), testMember('bob', 'Admin')]);
      await store.groupApplications.put(1, 'g1', { userID: 'carol', message: 'please', time: 7 });
      const before = await store.messages.append(1, [
        testDraft('alice', 'bob', 'c1', { elements: [{ type: 'TIMCustomElem', content: { data: '日本', description: '', extension: 'x' } }] }),
        testGroupDraft('bob', 'g1', 'g1m', { receiverList: ['alice'], atUserList: [] }),
        testDraft('bob', 'alice', 'c2'),
      ]);
      await store.conversations.update(1, 'bob', [{ conversationID: 'C2Calice', patch: { readSeq: 1, isPinned: true, draftText: 'd', updatedAt: 9 } }]);
      await store.conversations.deleteMessages(1, 'alice', 'C2Cbob', [1]);
      const bobView = await store.conversations.get(1, 'bob');
      const aliceHistory = await store.messages.getHistory(1, 'alice', 'C2Cbob', { count: 10 });
      await store.close();

      const reopened = fx.track(await reopen());
      expect(await reopened.conversations.get(1, 'bob')).toStrictEqual(bobView);
      expect(await reopened.messages.getHistory(1, 'alice', 'C2Cbob', { count: 10 })).toStrictEqual(aliceHistory);
      expect((await reopened.messages.syncInbox(1, 'bob', 0, 10)).messages.map((m) => m.ID)).toStrictEqual(['c1', 'c2']);
      expect((await reopened.messages.getHistory(1, 'alice', 'GROUPg1', { count: 10 })).messages).toStrictEqual(before[1]?.ok ? [before[1].message] : []);
      expect(await reopened.groups.get(1, 'g1')).toMatchObject({ muteAllMembers: true, memberNum: 2, seq: 1 });
      expect(await reopened.groupApplications.list(1, 'g1')).toStrictEqual([{ userID: 'carol', message: 'please', time: 7 }]);
      // Sequences and dedupe continue where they were.
      const after = await reopened.messages.append(1, [testDraft('alice', 'bob', 'c1'), testDraft('alice', 'bob', 'c3')]);
      expect(after.map((o) => (o.ok ? [o.message.seq, o.duplicate] : o.code))).toStrictEqual([[1, true], [3, false]]);
    });

    it('keeps what a reopened store wrote across a second reopen', async ({ skip }) => {
      const { reopen } = fx.harness;
      if (reopen === undefined) return skip('this store keeps nothing across a close');
      await fx.store.apps.create(apps[0] ?? testAppRecord(0));
      await fx.store.close();
      const second = fx.track(await reopen());
      await second.accounts.ensure(7, ['alice'], 5);
      await second.close();
      const third = fx.track(await reopen());
      expect(await third.accounts.get(7, ['alice'])).toStrictEqual([{ userID: 'alice', nick: '', faceUrl: '', createdAt: 5 }]);
      expect(await third.apps.get(7)).toStrictEqual(apps[0]);
    });
  });
}
