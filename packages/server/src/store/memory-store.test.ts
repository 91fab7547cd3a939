import { describe, expect, it } from 'vitest';
import { runStoreSuite, testAppRecord } from '../testing/index.js';
import { MemoryStore } from './memory-store.js';

runStoreSuite('MemoryStore', async () => ({ store: new MemoryStore() }));

describe('MemoryStore', () => {
  it('keeps stores independent of each other', async () => {
    const a = new MemoryStore();
    const b = new MemoryStore();
    await a.createApp(testAppRecord(1));
    expect(await b.listApps()).toStrictEqual([]);
  });

  it('hands out unfrozen private copies that callers may change freely', async () => {
    const store = new MemoryStore();
    await store.createApp(testAppRecord(1));
    const app = await store.getApp(1);
    expect(Object.isFrozen(app)).toBe(false);
    expect(Object.isFrozen(app?.admins)).toBe(false);
  });
});
