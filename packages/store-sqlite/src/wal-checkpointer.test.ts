/**
 * The WAL of a file store is checkpointed by a worker thread, not by the commits on the event loop:
 * the data reaches the database file, the WAL stays bounded under a steady write load, closing
 * leaves no WAL behind, and a worker that cannot work hands checkpointing back to SQLite.
 */
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAppRecord, testDraft } from '@parley/store/testing';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';
import { WalCheckpointer } from './wal-checkpointer.js';

const APP = 1400000001;
const PAD = 'x'.repeat(200);

let dir: string;
let open: SqliteStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-wal-'));
  open = [];
});

afterEach(async () => {
  for (const store of open) await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function fileStore(checkpointIntervalMs?: number): Promise<{ store: SqliteStore; path: string }> {
  const path = join(dir, 'parley.db');
  const store = await openSqliteStore(checkpointIntervalMs === undefined ? { path } : { path, checkpointIntervalMs });
  open.push(store);
  await store.apps.create(testAppRecord(APP));
  return { store, path };
}

/** One batch of 200 C2C messages between 100 pairs, as a busy server's group commit writes it. */
async function writeBatch(store: SqliteStore, round: number): Promise<void> {
  const drafts = Array.from({ length: 200 }, (_, i) =>
    testDraft(`u${2 * (i % 100)}`, `u${2 * (i % 100) + 1}`, `m${round}-${i}`, { elements: [{ type: 'TIMTextElem', content: { text: PAD } }] }),
  );
  await store.messages.append(APP, drafts);
}

const walSize = (path: string): number => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

describe('WAL checkpoints of a file store', () => {
  it('checkpoint() puts every committed message into the database file itself', async () => {
    const { store, path } = await fileStore(60_000);
    for (let round = 0; round < 5; round++) await writeBatch(store, round);
    const report = await store.checkpoint();
    expect(report.log).toBeGreaterThan(0);
    expect(report.checkpointed).toBe(report.log);
    // The database file alone, without its WAL, holds all 1,000 messages.
    const copy = join(dir, 'copy.db');
    copyFileSync(path, copy);
    const db = new Database(copy, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1000);
    } finally {
      db.close();
    }
  });

  it('commits do not checkpoint: without the worker the WAL only grows', async () => {
    // An hour between checkpoints: the worker never runs one during this test.
    const { store, path } = await fileStore(3_600_000);
    const sizes: number[] = [];
    for (let round = 0; round < 30; round++) {
      await writeBatch(store, round);
      sizes.push(walSize(path));
    }
    // SQLite's own automatic checkpoint would have restarted the WAL after ~4 MB (1,000 pages).
    expect(sizes.every((size, i) => i === 0 || size >= (sizes[i - 1] ?? 0))).toBe(true);
    expect(sizes.at(-1)).toBeGreaterThan(8 * 1024 * 1024);
  });

  it('the worker keeps the WAL bounded under a steady write load', async () => {
    const { store, path } = await fileStore(5);
    let largest = 0;
    for (let round = 0; round < 60; round++) {
      await writeBatch(store, round);
      // Leave the worker a moment between batches, as the event loop does between group commits.
      await sleep(10);
      largest = Math.max(largest, walSize(path));
    }
    // 60 batches write ~50 MB of WAL frames; restarted after each caught-up checkpoint, the file
    // stays a small multiple of one batch. On a loaded 2-core machine the worker can fall a few
    // batches behind (20 MB was seen with three other jobs running), so the bound is half of what
    // an unchecked WAL reaches rather than a tight multiple of one batch.
    expect(largest).toBeLessThan(25 * 1024 * 1024);
  });

  it('closing the store leaves no WAL file behind', async () => {
    const { store, path } = await fileStore();
    await writeBatch(store, 0);
    await store.close();
    open = [];
    expect(existsSync(`${path}-wal`)).toBe(false);
    await expect(store.checkpoint()).rejects.toMatchObject({ code: 88505 });
  });

  it('an in-memory store has no WAL to checkpoint', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    open.push(store);
    expect(await store.checkpoint()).toStrictEqual({ log: 0, checkpointed: 0 });
  });

  it('hands checkpointing back to SQLite when the worker cannot open the database', async () => {
    const path = join(dir, 'writer.db');
    const writer = new Database(path);
    try {
      writer.pragma('journal_mode = WAL');
      const checkpointer = WalCheckpointer.start(writer, { path: join(dir, 'missing.db'), busyTimeoutMs: 100, intervalMs: 5 });
      expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const deadline = Date.now() + 5000;
      while (checkpointer.failure === undefined && Date.now() < deadline) await sleep(5);
      expect(checkpointer.failure).toMatch(/missing\.db|unable to open|not exist/i);
      expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      await expect(checkpointer.checkpointNow()).rejects.toThrow(/checkpointer failed/);
      await checkpointer.stop();
    } finally {
      writer.close();
    }
  });
});
