/** Conformance: appending messages (sequences, dedupe, atomic batches), the C2C inbox and history. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { AppendOutcome, MessageRecord } from '../index.js';
import { testAppRecord, testDraft, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
import { expectParleyRejection, tryMutate, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

/** The stored message of an outcome (fails the test for a refused draft). */
export function stored(outcome: AppendOutcome | undefined): MessageRecord {
  if (!outcome?.ok) throw new Error(`expected a stored message, got ${JSON.stringify(outcome)}`);
  return outcome.message;
}

const seqs = (outcomes: AppendOutcome[]): number[] => outcomes.map((o) => stored(o).seq);
const ids = (messages: readonly MessageRecord[]): string[] => messages.map((m) => m.ID);

/** Registers the message tests against the fixture's store. */
export function describeMessageContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };

  describe('messages.append', () => {
    it('numbers each conversation 1, 2, 3, … in batch order; a C2C pair shares one sequence', async () => {
      await withApps();
      const out = await fx.store.messages.append(APP, [
        testDraft('alice', 'bob', 'a1'),
        testDraft('bob', 'alice', 'b1'),
        testDraft('alice', 'carol', 'a2'),
        testDraft('alice', 'bob', 'a3'),
      ]);
      expect(seqs(out)).toStrictEqual([1, 2, 1, 3]);
      expect(out.every((o) => o.ok && !o.duplicate)).toBe(true);
      expect(seqs(await fx.store.messages.append(APP, [testDraft('bob', 'alice', 'b2')]))).toStrictEqual([4]);
    });

    it('stores every field exactly and returns the stored message', async () => {
      await withApps();
      const draft = testDraft('alice', 'bob', 'full', {
        time: 1_700_000_123,
        random: 4_294_967_295,
        elements: [
          { type: 'TIMTextElem', content: { text: 'héllo "quoted" \\ 🎉 日本' } },
          { type: 'TIMCustomElem', content: { data: '{"k":[1,2]}', description: 'd', extension: 'e' } },
        ],
        cloudCustomData: '{"x":1}',
        priority: 'High',
        nick: 'Alice 🎉',
        avatar: 'https://example.invalid/a.png',
        nameCard: 'card',
      });
      const { syncToSender: _s, ...fields } = draft;
      const message = stored((await fx.store.messages.append(APP, [draft]))[0]);
      expect(message).toStrictEqual({ ...fields, seq: 1 });
      expect((await fx.store.messages.getHistory(APP, 'bob', 'C2Calice', { count: 10 })).messages).toStrictEqual([message]);
      expect((await fx.store.messages.syncInbox(APP, 'bob', 0, 10)).messages).toStrictEqual([message]);
    });

    it("keeps '' for the sender's names a draft leaves out", async () => {
      await withApps();
      const message = stored((await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'plain')]))[0]);
      expect(message).toMatchObject({ nick: '', avatar: '', nameCard: '' });
      expect((await fx.store.messages.getHistory(APP, 'bob', 'C2Calice', { count: 10 })).messages[0]).toMatchObject({ nick: '', avatar: '', nameCard: '' });
    });

    it('stores a resend of (from, ID) once and answers it with the stored message, also within one batch', async () => {
      await withApps();
      const first = stored((await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm1')]))[0]);
      const again = await fx.store.messages.append(APP, [
        testDraft('alice', 'bob', 'm1', { elements: [{ type: 'TIMTextElem', content: { text: 'changed' } }], time: 5 }),
        testDraft('alice', 'bob', 'm2'),
        testDraft('alice', 'bob', 'm2'),
      ]);
      expect(again[0]).toStrictEqual({ ok: true, message: first, duplicate: true });
      expect(again[1]).toMatchObject({ ok: true, duplicate: false, message: { ID: 'm2', seq: 2 } });
      expect(again[2]).toStrictEqual({ ok: true, message: stored(again[1]), duplicate: true });
      expect(ids((await fx.store.messages.getHistory(APP, 'bob', 'C2Calice', { count: 10 })).messages)).toStrictEqual(['m1', 'm2']);
    });

    it('treats the same ID from another sender, or in another app, as a new message', async () => {
      await withApps();
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'same')]);
      const out = await fx.store.messages.append(APP, [testDraft('bob', 'alice', 'same')]);
      expect(out[0]).toMatchObject({ ok: true, duplicate: false, message: { seq: 2 } });
      expect((await fx.store.messages.append(OTHER_APP, [testDraft('alice', 'bob', 'same')]))[0]).toMatchObject({ duplicate: false, message: { seq: 1 } });
    });

    it('refuses a group draft whose group does not exist (10010) and stores the rest of the batch', async () => {
      await withApps();
      await fx.store.groups.create(APP, testGroupRecord('g1', 'alice'), [testMember('alice', 'Owner')]);
      const out = await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'x1'), testGroupDraft('alice', 'nope', 'x2'), testGroupDraft('alice', 'g1', 'x3')]);
      expect(out[1]).toMatchObject({ ok: false, code: ErrorCode.ERR_SVR_GROUP_NOT_FOUND });
      expect([stored(out[0]).seq, stored(out[2]).seq]).toStrictEqual([1, 2]);
      // A refused draft is not remembered: once the group exists, the same ID is stored.
      await fx.store.groups.create(APP, testGroupRecord('nope', 'alice'), [testMember('alice', 'Owner')]);
      expect((await fx.store.messages.append(APP, [testGroupDraft('alice', 'nope', 'x2')]))[0]).toMatchObject({ ok: true, duplicate: false });
    });

    it('gives 20 concurrent batches to one conversation the sequences 1..N without gaps or repeats', async () => {
      await withApps();
      const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 5 + b }, (_, i) => testDraft(i % 2 ? 'alice' : 'bob', i % 2 ? 'bob' : 'alice', `b${b}_${i}`)));
      const results = await Promise.all(batches.map((batch) => fx.store.messages.append(APP, batch)));
      const all = results.flatMap(seqs).sort((a, b) => a - b);
      const total = batches.reduce((n, b) => n + b.length, 0);
      expect(all).toStrictEqual(Array.from({ length: total }, (_, i) => i + 1));
      // Within a batch, sequences follow the batch order without interleaving.
      for (const r of results) expect(seqs(r)).toStrictEqual(seqs(r).map((_, i) => (seqs(r)[0] ?? 0) + i));
    });

    it('stores a batch of 1,000 messages in one call', async () => {
      await withApps();
      const out = await fx.store.messages.append(APP, Array.from({ length: 1000 }, (_, i) => testDraft('alice', 'bob', `m${i}`)));
      expect(seqs(out)).toStrictEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect((await fx.store.messages.syncInbox(APP, 'bob', 0, 500)).messages).toHaveLength(500);
    });

    it('is all or nothing: a draft that cannot be stored makes the whole batch fail', async () => {
      await withApps();
      const poison = testDraft('alice', 'bob', 'bad', { elements: [{ type: 'TIMCustomElem', content: { data: 1n } }] });
      await expect(fx.store.messages.append(APP, [testDraft('alice', 'bob', 'ok1'), poison])).rejects.toThrow();
      expect((await fx.store.messages.getHistory(APP, 'bob', 'C2Calice', { count: 10 })).messages).toStrictEqual([]);
      expect((await fx.store.messages.syncInbox(APP, 'bob', 0, 10)).messages).toStrictEqual([]);
      expect(seqs(await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'ok1')]))).toStrictEqual([1]);
    });

    it('rejects messages for an unknown app (70020)', async () => {
      await expectParleyRejection(fx.store.messages.append(999, [testDraft('a', 'b', 'm')]), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
    });

    it('ignores changes to returned messages', async () => {
      await withApps();
      const message = stored((await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm1')]))[0]);
      tryMutate(() => ((message.elements[0]?.content as Record<string, unknown>)['text'] = 'mutated'));
      tryMutate(() => ((message as { seq: number }).seq = 99));
      expect((await fx.store.messages.getHistory(APP, 'bob', 'C2Calice', { count: 1 })).messages[0]).toMatchObject({ seq: 1, elements: [{ content: { text: 'hello' } }] });
    });
  });

  describe('messages.syncInbox and inboxHead', () => {
    it('gives both participants their C2C messages in commit order, paged by cursor', async () => {
      await withApps();
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'a1'), testDraft('carol', 'bob', 'c1'), testDraft('bob', 'alice', 'b1')]);
      await fx.store.messages.append(APP, [testDraft('alice', 'carol', 'a2')]);
      const first = await fx.store.messages.syncInbox(APP, 'alice', 0, 2);
      expect(ids(first.messages)).toStrictEqual(['a1', 'b1']);
      expect(first.isCompleted).toBe(false);
      const second = await fx.store.messages.syncInbox(APP, 'alice', first.cursor, 2);
      expect(ids(second.messages)).toStrictEqual(['a2']);
      expect(second.isCompleted).toBe(true);
      const end = await fx.store.messages.syncInbox(APP, 'alice', second.cursor, 2);
      expect(end).toStrictEqual({ messages: [], cursor: second.cursor, isCompleted: true });
      expect(ids((await fx.store.messages.syncInbox(APP, 'bob', 0, 10)).messages)).toStrictEqual(['a1', 'c1', 'b1']);
    });

    it('tells the inbox head, from which a sync gives exactly the newest messages', async () => {
      await withApps();
      expect(await fx.store.messages.inboxHead(APP, 'bob')).toBe(0);
      expect(await fx.store.messages.inboxHead(APP + 1, 'bob')).toBe(0);
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm1'), testDraft('carol', 'bob', 'm2')]);
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm3'), testDraft('alice', 'carol', 'other')]);
      const head = await fx.store.messages.inboxHead(APP, 'bob');
      const newest = await fx.store.messages.syncInbox(APP, 'bob', head - 2, 10);
      expect(ids(newest.messages)).toStrictEqual(['m2', 'm3']);
      expect(newest).toMatchObject({ cursor: head, isCompleted: true });
      expect(await fx.store.messages.inboxHead(APP, 'alice')).toBe(head);
    });

    it('leaves a message out of the sender\'s inbox when it is not synced to the sender', async () => {
      await withApps();
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'quiet', { syncToSender: false })]);
      expect((await fx.store.messages.syncInbox(APP, 'alice', 0, 10)).messages).toStrictEqual([]);
      expect(ids((await fx.store.messages.syncInbox(APP, 'bob', 0, 10)).messages)).toStrictEqual(['quiet']);
      expect(await fx.store.conversations.get(APP, 'alice')).toStrictEqual([]);
    });

    it('lists a message to oneself once and never lists group messages', async () => {
      await withApps();
      await fx.store.groups.create(APP, testGroupRecord('g1', 'alice'), [testMember('alice', 'Owner')]);
      await fx.store.messages.append(APP, [testDraft('alice', 'alice', 'self'), testGroupDraft('alice', 'g1', 'grp')]);
      expect(ids((await fx.store.messages.syncInbox(APP, 'alice', 0, 10)).messages)).toStrictEqual(['self']);
    });

    it('answers an empty page for unknown users and apps', async () => {
      await withApps();
      expect(await fx.store.messages.syncInbox(APP, 'nobody', 0, 10)).toStrictEqual({ messages: [], cursor: 0, isCompleted: true });
      expect(await fx.store.messages.syncInbox(999, 'nobody', 3, 10)).toStrictEqual({ messages: [], cursor: 3, isCompleted: true });
    });
  });

  describe('messages.getHistory', () => {
    const tenMessages = async (): Promise<void> => {
      await withApps();
      await fx.store.messages.append(APP, Array.from({ length: 10 }, (_, i) => testDraft(i % 2 ? 'bob' : 'alice', i % 2 ? 'alice' : 'bob', `m${i + 1}`)));
    };
    const page = async (range: { beforeSeq?: number; afterSeq?: number; count: number }) => {
      const p = await fx.store.messages.getHistory(APP, 'alice', 'C2Cbob', range);
      return { seqs: p.messages.map((m) => m.seq), isCompleted: p.isCompleted };
    };

    it('returns the newest page oldest first, then older pages before a sequence', async () => {
      await tenMessages();
      expect(await page({ count: 4 })).toStrictEqual({ seqs: [7, 8, 9, 10], isCompleted: false });
      expect(await page({ beforeSeq: 7, count: 4 })).toStrictEqual({ seqs: [3, 4, 5, 6], isCompleted: false });
      expect(await page({ beforeSeq: 3, count: 4 })).toStrictEqual({ seqs: [1, 2], isCompleted: true });
      expect(await page({ count: 10 })).toStrictEqual({ seqs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], isCompleted: true });
    });

    it('pages by time: the newest messages at or before a time, the oldest at or after it, in sequence order', async () => {
      await withApps();
      // Times need not follow sequences (REST imports choose theirs): 100, 110, 105, 120, 130.
      const times = [100, 110, 105, 120, 130];
      await fx.store.messages.append(APP, times.map((time, i) => testDraft('alice', 'bob', `t${i + 1}`, { time })));
      const byTime = async (range: { untilTime?: number; sinceTime?: number; count: number }) => {
        const p = await fx.store.messages.getHistory(APP, 'alice', 'C2Cbob', range);
        return { seqs: p.messages.map((m) => m.seq), isCompleted: p.isCompleted };
      };
      expect(await byTime({ untilTime: 110, count: 2 })).toStrictEqual({ seqs: [2, 3], isCompleted: false });
      expect(await byTime({ untilTime: 110, count: 3 })).toStrictEqual({ seqs: [1, 2, 3], isCompleted: true });
      expect(await byTime({ untilTime: 99, count: 3 })).toStrictEqual({ seqs: [], isCompleted: true });
      expect(await byTime({ sinceTime: 106, count: 2 })).toStrictEqual({ seqs: [2, 4], isCompleted: false });
      expect(await byTime({ sinceTime: 106, count: 5 })).toStrictEqual({ seqs: [2, 4, 5], isCompleted: true });
      expect(await byTime({ sinceTime: 131, count: 5 })).toStrictEqual({ seqs: [], isCompleted: true });
    });

    it('returns the oldest page after a sequence', async () => {
      await tenMessages();
      expect(await page({ afterSeq: 0, count: 4 })).toStrictEqual({ seqs: [1, 2, 3, 4], isCompleted: false });
      expect(await page({ afterSeq: 6, count: 4 })).toStrictEqual({ seqs: [7, 8, 9, 10], isCompleted: true });
      expect(await page({ afterSeq: 10, count: 4 })).toStrictEqual({ seqs: [], isCompleted: true });
    });

    it('shows the same C2C conversation to both participants', async () => {
      await tenMessages();
      const fromBob = await fx.store.messages.getHistory(APP, 'bob', 'C2Calice', { count: 100 });
      expect(fromBob.messages.map((m) => m.seq)).toStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await fx.store.messages.getHistory(APP, 'carol', 'C2Calice', { count: 100 })).messages).toStrictEqual([]);
    });

    it('shows a targeted group message only to its receivers and its sender', async () => {
      await withApps();
      const members = ['alice', 'bob', 'carol'].map((u) => testMember(u));
      await fx.store.groups.create(APP, testGroupRecord('g1', 'alice'), members);
      await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'all'), testGroupDraft('alice', 'g1', 'secret', { receiverList: ['bob'] })]);
      const seen = async (user: string) => ids((await fx.store.messages.getHistory(APP, user, 'GROUPg1', { count: 10 })).messages);
      expect(await seen('alice')).toStrictEqual(['all', 'secret']);
      expect(await seen('bob')).toStrictEqual(['all', 'secret']);
      expect(await seen('carol')).toStrictEqual(['all']);
    });

    it('rejects a malformed conversation ID (70402)', async () => {
      await withApps();
      await expectParleyRejection(fx.store.messages.getHistory(APP, 'alice', 'bob', { count: 1 }), ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS, /C2C/);
    });
  });
}
