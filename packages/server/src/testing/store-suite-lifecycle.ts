/** Conformance: closing, and everything surviving a close and reopen of the same storage. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { AccountRecord, AppRecord, SigInvalidation, Store } from '../store/index.js';
import { testAppRecord, testDraft, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

/** One call of every Store method except close, by name. */
const EVERY_CALL: readonly [string, (store: Store) => Promise<unknown>][] = [
  ['createApp', (s) => s.createApp(testAppRecord(2))],
  ['getApp', (s) => s.getApp(1)],
  ['listApps', (s) => s.listApps()],
  ['updateApp', (s) => s.updateApp(1, { name: 'x' })],
  ['importAccounts', (s) => s.importAccounts(1, [{ userID: 'a' }], 0)],
  ['ensureAccounts', (s) => s.ensureAccounts(1, ['a'], 0)],
  ['getAccounts', (s) => s.getAccounts(1, ['a'])],
  ['deleteAccounts', (s) => s.deleteAccounts(1, ['a'])],
  ['countAccounts', (s) => s.countAccounts(1)],
  ['putSigInvalidation', (s) => s.putSigInvalidation(1, { userID: 'a', beforeSec: 1, revokedSigs: [] })],
  ['listSigInvalidations', (s) => s.listSigInvalidations(1)],
  ['recordDailyActive', (s) => s.recordDailyActive(1, '2024-01-01', ['a'])],
  ['recordPeakConnections', (s) => s.recordPeakConnections(1, '2024-01-01', 1)],
  ['getDailyStats', (s) => s.getDailyStats(1, '2024-01-01', '2024-01-02')],
  ['appendMessages', (s) => s.appendMessages(1, [testDraft('a', 'b', 'm')])],
  ['syncInbox', (s) => s.syncInbox(1, 'a', 0, 10)],
  ['getHistory', (s) => s.getHistory(1, 'a', 'C2Cb', { count: 10 })],
  ['getConversations', (s) => s.getConversations(1, 'a')],
  ['updateConversations', (s) => s.updateConversations(1, 'a', [{ conversationID: 'C2Cb', patch: { isPinned: true } }])],
  ['deleteMessages', (s) => s.deleteMessages(1, 'a', 'C2Cb', [1])],
  ['createGroup', (s) => s.createGroup(1, testGroupRecord('g', 'a'), [])],
  ['getGroup', (s) => s.getGroup(1, 'g')],
  ['updateGroup', (s) => s.updateGroup(1, 'g', { name: 'x' })],
  ['deleteGroup', (s) => s.deleteGroup(1, 'g')],
  ['addGroupMembers', (s) => s.addGroupMembers(1, 'g', [testMember('a')], 10)],
  ['removeGroupMembers', (s) => s.removeGroupMembers(1, 'g', ['a'])],
  ['setGroupMemberRole', (s) => s.setGroupMemberRole(1, 'g', 'a', 'Admin')],
  ['getGroupMembers', (s) => s.getGroupMembers(1, 'g', ['a'])],
  ['listGroupMembers', (s) => s.listGroupMembers(1, 'g', 0, 10)],
  ['listJoinedGroups', (s) => s.listJoinedGroups(1, 'a')],
  ['putGroupApplication', (s) => s.putGroupApplication(1, 'g', { userID: 'a', message: '', time: 0 })],
  ['listGroupApplications', (s) => s.listGroupApplications(1, 'g')],
  ['deleteGroupApplication', (s) => s.deleteGroupApplication(1, 'g', 'a')],
];

/** Registers the close and restart tests against the fixture's store. */
export function describeLifecycleContract(fx: StoreFixture): void {
  describe('close', () => {
    it.each(EVERY_CALL)('makes %s reject afterwards (88505)', async (_name, call) => {
      await fx.store.createApp(testAppRecord(1));
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
      for (const app of apps) await store.createApp(app);
      await store.updateApp(7, { name: 'Renamed', limits: {} });
      await store.importAccounts(1400000001, [{ userID: 'alice', nick: 'Alice', faceUrl: 'a.png' }, { userID: 'bob' }], 1000);
      await store.ensureAccounts(1400000001, ['carol', 'dave'], 2000);
      await store.deleteAccounts(1400000001, ['dave']);
      await store.ensureAccounts(7, ['alice'], 3000);
      await store.putSigInvalidation(1400000001, { userID: 'alice', beforeSec: 1, revokedSigs: ['old'] });
      await store.putSigInvalidation(1400000001, alice);
      await store.recordDailyActive(1400000001, '2024-03-01', ['alice', 'bob']);
      await store.recordPeakConnections(1400000001, '2024-03-01', 12);
      await store.recordPeakConnections(1400000001, '2024-03-02', 3);
      await store.close();

      const reopened = fx.track(await reopen());
      expect(await reopened.listApps()).toStrictEqual([renamed, apps[1], apps[2]]);
      expect(await reopened.countAccounts(1400000001)).toBe(3);
      const accounts = (await reopened.getAccounts(1400000001, ['alice', 'bob', 'carol', 'dave'])).sort((a, b) => (a.userID < b.userID ? -1 : 1));
      expect(accounts).toStrictEqual<AccountRecord[]>([
        { userID: 'alice', nick: 'Alice', faceUrl: 'a.png', createdAt: 1000 },
        { userID: 'bob', nick: '', faceUrl: '', createdAt: 1000 },
        { userID: 'carol', nick: '', faceUrl: '', createdAt: 2000 },
      ]);
      expect(await reopened.getAccounts(7, ['alice'])).toStrictEqual([{ userID: 'alice', nick: '', faceUrl: '', createdAt: 3000 }]);
      expect(await reopened.listSigInvalidations(1400000001)).toStrictEqual([alice]);
      expect(await reopened.getDailyStats(1400000001, '2024-03-01', '2024-03-31')).toStrictEqual([
        { day: '2024-03-01', activeUsers: 2, peakConnections: 12 },
        { day: '2024-03-02', activeUsers: 0, peakConnections: 3 },
      ]);

      // The reopened store keeps enforcing what it enforced before the restart.
      await expectParleyRejection(reopened.createApp(apps[1] ?? testAppRecord(0)), ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS, /already exists/);
      expect(await reopened.ensureAccounts(1400000001, ['alice', 'erin'], 4000)).toStrictEqual(['erin']);
      await reopened.recordDailyActive(1400000001, '2024-03-01', ['alice', 'carol']);
      await reopened.recordPeakConnections(1400000001, '2024-03-01', 11);
      expect(await reopened.getDailyStats(1400000001, '2024-03-01', '2024-03-01')).toStrictEqual([
        { day: '2024-03-01', activeUsers: 3, peakConnections: 12 },
      ]);
    });

    it('keeps messages, inboxes, conversation states and groups across close and reopen', async ({ skip }) => {
      const { reopen } = fx.harness;
      if (reopen === undefined) return skip('this store keeps nothing across a close');
      const store = fx.store;
      await store.createApp(testAppRecord(1));
      await store.createGroup(1, testGroupRecord('g1', 'alice', { muteAllMembers: true }), [testMember('alice', 'Owner'), testMember('bob', 'Admin')]);
      await store.putGroupApplication(1, 'g1', { userID: 'carol', message: 'please', time: 7 });
      const before = await store.appendMessages(1, [
        testDraft('alice', 'bob', 'c1', { elements: [{ type: 'TIMCustomElem', content: { data: '日本', description: '', extension: 'x' } }] }),
        testGroupDraft('bob', 'g1', 'g1m', { receiverList: ['alice'], atUserList: [] }),
        testDraft('bob', 'alice', 'c2'),
      ]);
      await store.updateConversations(1, 'bob', [{ conversationID: 'C2Calice', patch: { readSeq: 1, isPinned: true, draftText: 'd', updatedAt: 9 } }]);
      await store.deleteMessages(1, 'alice', 'C2Cbob', [1]);
      const bobView = await store.getConversations(1, 'bob');
      const aliceHistory = await store.getHistory(1, 'alice', 'C2Cbob', { count: 10 });
      await store.close();

      const reopened = fx.track(await reopen());
      expect(await reopened.getConversations(1, 'bob')).toStrictEqual(bobView);
      expect(await reopened.getHistory(1, 'alice', 'C2Cbob', { count: 10 })).toStrictEqual(aliceHistory);
      expect((await reopened.syncInbox(1, 'bob', 0, 10)).messages.map((m) => m.ID)).toStrictEqual(['c1', 'c2']);
      expect((await reopened.getHistory(1, 'alice', 'GROUPg1', { count: 10 })).messages).toStrictEqual(before[1]?.ok ? [before[1].message] : []);
      expect(await reopened.getGroup(1, 'g1')).toMatchObject({ muteAllMembers: true, memberNum: 2, seq: 1 });
      expect(await reopened.listGroupApplications(1, 'g1')).toStrictEqual([{ userID: 'carol', message: 'please', time: 7 }]);
      // Sequences and dedupe continue where they were.
      const after = await reopened.appendMessages(1, [testDraft('alice', 'bob', 'c1'), testDraft('alice', 'bob', 'c3')]);
      expect(after.map((o) => (o.ok ? [o.message.seq, o.duplicate] : o.code))).toStrictEqual([[1, true], [3, false]]);
    });

    it('keeps what a reopened store wrote across a second reopen', async ({ skip }) => {
      const { reopen } = fx.harness;
      if (reopen === undefined) return skip('this store keeps nothing across a close');
      await fx.store.createApp(apps[0] ?? testAppRecord(0));
      await fx.store.close();
      const second = fx.track(await reopen());
      await second.ensureAccounts(7, ['alice'], 5);
      await second.close();
      const third = fx.track(await reopen());
      expect(await third.getAccounts(7, ['alice'])).toStrictEqual([{ userID: 'alice', nick: '', faceUrl: '', createdAt: 5 }]);
      expect(await third.getApp(7)).toStrictEqual(apps[0]);
    });
  });
}
