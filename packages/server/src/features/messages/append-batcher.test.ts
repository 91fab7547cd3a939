import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { Store } from '@parley/store';
import { testAppRecord, testDraft } from '@parley/store/testing';
import { openSqliteStore } from '@parley/store-sqlite';
import { AppendBatcher } from './append-batcher.js';

const APP = 1400000001;

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function storeWithApp(): Promise<Store> {
  const store = await openSqliteStore({ path: ':memory:' });
  opened.push(store);
  await store.apps.create(testAppRecord(APP));
  return store;
}

describe('AppendBatcher', () => {
  it('writes the sends of one event-loop turn with one store call, in arrival order', async () => {
    const batcher = new AppendBatcher((await storeWithApp()).messages);
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => batcher.append(APP, testDraft('alice', 'bob', `m${i}`))));
    expect(batcher.batches).toBe(1);
    expect(outcomes.map((o) => (o.ok ? o.message.seq : -1))).toStrictEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('writes at most maxBatch drafts per call', async () => {
    const batcher = new AppendBatcher((await storeWithApp()).messages, 500);
    const outcomes = await Promise.all(Array.from({ length: 1200 }, (_, i) => batcher.append(APP, testDraft('alice', 'bob', `m${i}`))));
    expect(batcher.batches).toBe(3);
    expect(outcomes.map((o) => (o.ok ? o.message.seq : -1))).toStrictEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
  });

  it('keeps writing batches one after another while sends keep arriving', async () => {
    const batcher = new AppendBatcher((await storeWithApp()).messages);
    const first = Array.from({ length: 10 }, (_, i) => batcher.append(APP, testDraft('alice', 'bob', `a${i}`)));
    await new Promise((r) => setImmediate(r));
    const second = Array.from({ length: 10 }, (_, i) => batcher.append(APP, testDraft('alice', 'bob', `b${i}`)));
    const seqs = (await Promise.all([...first, ...second])).map((o) => (o.ok ? o.message.seq : -1));
    expect(seqs).toStrictEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(batcher.batches).toBe(2);
  });

  it('writes each app\'s drafts with its own call', async () => {
    const store = await storeWithApp();
    await store.apps.create(testAppRecord(7));
    const batcher = new AppendBatcher(store.messages);
    const [a, b] = await Promise.all([batcher.append(APP, testDraft('x', 'y', 'm')), batcher.append(7, testDraft('x', 'y', 'm'))]);
    expect([a?.ok && a.duplicate, b?.ok && b.duplicate]).toStrictEqual([false, false]);
    expect(batcher.batches).toBe(2);
  });

  it('fails every send of a batch the store refuses, and goes on with the next batch', async () => {
    const store = await storeWithApp();
    const batcher = new AppendBatcher(store.messages);
    const failing = [batcher.append(999, testDraft('a', 'b', 'x')), batcher.append(999, testDraft('a', 'b', 'y'))];
    for (const p of failing) await expect(p).rejects.toSatisfy((e: unknown) => ParleyError.is(e) && e.code === ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
    expect(await batcher.append(APP, testDraft('a', 'b', 'z'))).toMatchObject({ ok: true });
  });

  it('drains: resolves only after every accepted draft is written', async () => {
    const store = await storeWithApp();
    const batcher = new AppendBatcher(store.messages);
    const sends = Array.from({ length: 5 }, (_, i) => batcher.append(APP, testDraft('alice', 'bob', `m${i}`)));
    await batcher.drain();
    expect((await store.messages.syncInbox(APP, 'bob', 0, 10)).messages).toHaveLength(5);
    await Promise.all(sends);
    await batcher.drain();
  });
});
