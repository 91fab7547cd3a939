import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import { expectParleyRejection, runStoreSuite, testAppRecord } from '@parley/store/testing';
import { openSqliteStore } from './sqlite-store.js';

let dir = '';
let files = 0;
/** A path for a new database file in this test run's temporary directory. */
const newDbPath = (): string => join(dir, `store-${++files}.db`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-sqlite-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

runStoreSuite('SqliteStore (:memory:)', async () => ({ store: await openSqliteStore({ path: ':memory:' }) }));

runStoreSuite('SqliteStore (file)', async () => {
  const path = newDbPath();
  return { store: await openSqliteStore({ path }), reopen: () => openSqliteStore({ path }) };
});

/** Rewrites one column of one row behind the store's back, as damage or a careless edit would. */
function tamper(path: string, sql: string, ...params: unknown[]): void {
  const raw = new Database(path);
  try {
    expect(raw.prepare(sql).run(...params).changes).toBe(1);
  } finally {
    raw.close();
  }
}

describe('SqliteStore on a file', () => {
  it('creates missing parent directories', async () => {
    const path = join(dir, 'nested', 'deeper', 'parley.db');
    const store = await openSqliteStore({ path });
    await store.apps.create(testAppRecord(1));
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('runs in WAL mode', async () => {
    const path = newDbPath();
    const store = await openSqliteStore({ path });
    await store.apps.create(testAppRecord(1));
    expect(existsSync(`${path}-wal`)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await store.close();
  });

  it('reports a path it cannot open as 70500 naming the path', async () => {
    await expectParleyRejection(openSqliteStore({ path: dir }), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR, /cannot open the SQLite database/);
  });

  it('waits busyTimeoutMs for another connection\'s write lock, then fails with SQLITE_BUSY (70500)', async () => {
    const path = newDbPath();
    const store = await openSqliteStore({ path, busyTimeoutMs: 200 });
    await store.apps.create(testAppRecord(1));
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      await expectParleyRejection(store.accounts.ensure(1, ['alice'], 0), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR, /SQLITE_BUSY/);
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.accounts.ensure(1, ['alice'], 0)).toStrictEqual(['alice']);
    await store.close();
  });

  it('shares data with a second store open on the same file', async () => {
    const path = newDbPath();
    const first = await openSqliteStore({ path });
    const second = await openSqliteStore({ path });
    await first.apps.create(testAppRecord(1));
    expect(await second.accounts.ensure(1, ['alice', 'bob'], 0)).toStrictEqual(['alice', 'bob']);
    expect(await first.accounts.ensure(1, ['bob', 'carol'], 0)).toStrictEqual(['carol']);
    await first.close();
    await second.close();
  });
});

describe('SqliteStore in memory', () => {
  it('keeps stores independent of each other', async () => {
    const a = await openSqliteStore({ path: ':memory:' });
    const b = await openSqliteStore({ path: ':memory:' });
    await a.apps.create(testAppRecord(1));
    expect(await b.apps.list()).toStrictEqual([]);
    await a.close();
    await b.close();
  });

  it('hands out unfrozen private copies that callers may change freely', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    await store.apps.create(testAppRecord(1));
    const app = await store.apps.get(1);
    expect(Object.isFrozen(app)).toBe(false);
    expect(Object.isFrozen(app?.admins)).toBe(false);
    await store.close();
  });
});

describe('SqliteStore batches', () => {
  it('writes a batch in one transaction: an entry the driver refuses leaves none of the batch behind', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    await store.apps.create(testAppRecord(1));
    // A value SQLite cannot bind stands in for any failure part way through a batch.
    const unbindable = { userID: 'bad', nick: {} as unknown as string };
    await expectParleyRejection(
      store.accounts.import(1, [{ userID: 'alice' }, { userID: 'bob' }, unbindable], 0),
      ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR,
      /SQLite store operation failed/,
    );
    expect(await store.accounts.count(1)).toBe(0);
    await expectParleyRejection(store.accounts.ensure(1, ['alice', {} as unknown as string], 0), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR);
    expect(await store.accounts.count(1)).toBe(0);
    await store.close();
  });
});

describe('SqliteStore with a corrupt row', () => {
  const APP = 1400000001;
  let path = '';

  beforeAll(async () => {
    path = newDbPath();
    const store = await openSqliteStore({ path });
    await store.apps.create(testAppRecord(APP));
    await store.apps.create(testAppRecord(7));
    await store.sigInvalidations.put(APP, { userID: 'alice', beforeSec: 1, revokedSigs: ['s'] });
    await store.close();
  });

  it.each([
    ['login_settings', "'{not json'", /table apps \(sdk_app_id 1400000001\): login_settings is not valid JSON/],
    ['login_settings', `'{"policy":"dual","maxInstances":{"Web":1}}'`, /table apps \(sdk_app_id 1400000001\): login_settings\.maxInstances\.Android must be a non-negative integer/],
    ['login_settings', `'{"policy":"quad","maxInstances":{}}'`, /login_settings\.policy must be one of single, dual, triple, multi/],
    ['limits', `'{"maxAccounts":-1}'`, /table apps \(sdk_app_id 1400000001\): limits\.maxAccounts must be a non-negative integer/],
    ['admins', `'["ok", 5]'`, /table apps \(sdk_app_id 1400000001\): admins\[1\] must be a string/],
    ['status', "'deleted'", /table apps \(sdk_app_id 1400000001\): status must be one of active, suspended/],
  ])('names the table, key and column when apps.%s holds %s', async (column, value, message) => {
    const copy = join(dir, `corrupt-${++files}.db`);
    const source = new Database(path);
    await source.backup(copy);
    source.close();
    tamper(copy, `UPDATE apps SET ${column} = ${value} WHERE sdk_app_id = ?`, APP);
    const store = await openSqliteStore({ path: copy });
    await expectParleyRejection(store.apps.get(APP), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR, message);
    await expectParleyRejection(store.apps.list(), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR, message);
    await expectParleyRejection(store.apps.update(APP, { name: 'x' }), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR, message);
    // Healthy rows stay readable.
    expect(await store.apps.get(7)).toStrictEqual(testAppRecord(7));
    await store.close();
  });

  it('names the table, app and user of a corrupt sig invalidation', async () => {
    const copy = join(dir, `corrupt-${++files}.db`);
    const source = new Database(path);
    await source.backup(copy);
    source.close();
    tamper(copy, "UPDATE sig_invalidations SET revoked_sigs = '{}' WHERE app = ? AND user_id = 'alice'", APP);
    const store = await openSqliteStore({ path: copy });
    await expectParleyRejection(
      store.sigInvalidations.list(APP),
      ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR,
      /table sig_invalidations \(app 1400000001, user_id "alice"\): revoked_sigs must be a JSON array/,
    );
    await store.close();
  });
});
