import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { expectParleyRejection, testAppRecord, testDraft } from '@parley/store/testing';
import { SQLITE_MIGRATIONS, migrateSqliteDatabase, readSqliteSchemaVersion, type SqliteMigration } from './sqlite-migrations.js';
import { openSqliteStore } from './sqlite-store.js';

const LATEST = SQLITE_MIGRATIONS.length;
const T = 1_700_000_000_000;

let dir = '';
let files = 0;
const newDbPath = (): string => join(dir, `migrations-${++files}.db`);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-sqlite-migrations-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open: Database.Database[] = [];
const rawDb = (path = ':memory:'): Database.Database => {
  const db = new Database(path);
  open.push(db);
  return db;
};
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const recorded = (db: Database.Database): unknown[] => db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();

/** Runs `run`, which must throw a ParleyError of `code` whose message matches `message`. */
function expectParleyThrow(run: () => unknown, code: number, message: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  if (!ParleyError.is(thrown)) throw new Error(`expected a ParleyError, got ${String(thrown)}`);
  expect(thrown.code).toBe(code);
  expect(thrown.message).toMatch(message);
}

describe('SQLite migrations', () => {
  it('numbers the shipped migrations 1, 2, 3, … with distinct names', () => {
    expect(SQLITE_MIGRATIONS.map((m) => m.version)).toStrictEqual(SQLITE_MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(SQLITE_MIGRATIONS.map((m) => m.name)).size).toBe(LATEST);
  });

  it('brings a fresh database to the latest version, recording every step', () => {
    const db = rawDb();
    expect(readSqliteSchemaVersion(db)).toBe(0);
    const report = migrateSqliteDatabase(db, SQLITE_MIGRATIONS, () => T);
    expect(report).toStrictEqual({ fromVersion: 0, toVersion: LATEST, applied: SQLITE_MIGRATIONS.map((m) => m.version) });
    expect(recorded(db)).toStrictEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: T })));
    expect(readSqliteSchemaVersion(db)).toBe(LATEST);
  });

  it('creates STRICT tables, WITHOUT ROWID except apps, messages, schema_migrations, status_subscriptions and follows (whose rowids are list orders)', () => {
    const db = rawDb();
    migrateSqliteDatabase(db);
    const tables = db.prepare("SELECT name, wr, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(tables).toStrictEqual([
      { name: 'accounts', wr: 1, strict: 1 },
      { name: 'apps', wr: 0, strict: 1 },
      { name: 'blacklist', wr: 1, strict: 1 },
      { name: 'chat_groups', wr: 1, strict: 1 },
      { name: 'conversation_seqs', wr: 1, strict: 1 },
      { name: 'conversation_states', wr: 1, strict: 1 },
      { name: 'daily_active', wr: 1, strict: 1 },
      { name: 'daily_peak', wr: 1, strict: 1 },
      { name: 'deleted_messages', wr: 1, strict: 1 },
      { name: 'follow_counts', wr: 1, strict: 1 },
      { name: 'follows', wr: 0, strict: 1 },
      { name: 'friend_application_reads', wr: 1, strict: 1 },
      { name: 'friend_applications', wr: 1, strict: 1 },
      { name: 'friend_group_members', wr: 1, strict: 1 },
      { name: 'friend_groups', wr: 1, strict: 1 },
      { name: 'friends', wr: 1, strict: 1 },
      { name: 'group_applications', wr: 1, strict: 1 },
      { name: 'group_members', wr: 1, strict: 1 },
      { name: 'inbox', wr: 1, strict: 1 },
      { name: 'message_receivers', wr: 1, strict: 1 },
      { name: 'messages', wr: 0, strict: 1 },
      { name: 'profile_custom_fields', wr: 1, strict: 1 },
      { name: 'schema_migrations', wr: 0, strict: 1 },
      { name: 'sig_invalidations', wr: 1, strict: 1 },
      { name: 'status_subscriptions', wr: 0, strict: 1 },
      { name: 'user_status', wr: 1, strict: 1 },
    ]);
  });

  it('indexes messages by conversation sequence and by sender message ID, both unique, members by user, status subscriptions by subscriber (unique) and by target, follow edges both ways, and the relationship tables by the other user', () => {
    const db = rawDb();
    migrateSqliteDatabase(db);
    const indexes = db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes).toStrictEqual([
      { name: 'blacklist_by_blocked', tbl_name: 'blacklist' },
      { name: 'follows_by_followee', tbl_name: 'follows' },
      { name: 'follows_by_follower', tbl_name: 'follows' },
      { name: 'friend_applications_by_to', tbl_name: 'friend_applications' },
      { name: 'friend_group_members_by_friend', tbl_name: 'friend_group_members' },
      { name: 'friends_by_friend', tbl_name: 'friends' },
      { name: 'group_members_by_user', tbl_name: 'group_members' },
      { name: 'messages_by_conversation', tbl_name: 'messages' },
      { name: 'messages_by_sender', tbl_name: 'messages' },
      { name: 'status_subscriptions_by_subscriber', tbl_name: 'status_subscriptions' },
      { name: 'status_subscriptions_by_target', tbl_name: 'status_subscriptions' },
    ]);
    const unique = (name: string) => db.prepare('SELECT "unique" FROM pragma_index_list(?) WHERE name = ?').pluck().get('messages', name);
    expect([unique('messages_by_conversation'), unique('messages_by_sender')]).toStrictEqual([1, 1]);
  });

  it('does nothing when run again on an up-to-date database', () => {
    const db = rawDb();
    migrateSqliteDatabase(db, SQLITE_MIGRATIONS, () => T);
    const report = migrateSqliteDatabase(db, SQLITE_MIGRATIONS, () => T + 1);
    expect(report).toStrictEqual({ fromVersion: LATEST, toVersion: LATEST, applied: [] });
    expect(recorded(db)).toStrictEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: T })));
  });

  it('applies only the steps a database lacks', () => {
    const extra: SqliteMigration = { version: LATEST + 1, name: 'test-extra-table', sql: 'CREATE TABLE test_extra (x INTEGER) STRICT;' };
    const db = rawDb();
    migrateSqliteDatabase(db, SQLITE_MIGRATIONS, () => T);
    const report = migrateSqliteDatabase(db, [...SQLITE_MIGRATIONS, extra], () => T + 1);
    expect(report).toStrictEqual({ fromVersion: LATEST, toVersion: LATEST + 1, applied: [LATEST + 1] });
    expect(recorded(db).at(-1)).toStrictEqual({ version: LATEST + 1, name: 'test-extra-table', applied_at: T + 1 });
  });

  it('rolls a failing step back entirely and records nothing for it', () => {
    const failing: SqliteMigration = {
      version: LATEST + 1,
      name: 'test-failing',
      sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);',
    };
    const db = rawDb();
    migrateSqliteDatabase(db);
    expect(() => migrateSqliteDatabase(db, [...SQLITE_MIGRATIONS, failing])).toThrow(/no such table: no_such_table/);
    expect(readSqliteSchemaVersion(db)).toBe(LATEST);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
  });

  it('refuses a database whose schema is newer than this code knows, naming both versions', () => {
    const db = rawDb();
    migrateSqliteDatabase(db);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST + 5, 'from-the-future', T);
    expectParleyThrow(
      () => migrateSqliteDatabase(db),
      ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR,
      new RegExp(`schema is at version ${LATEST + 5}, newer than this version of Parley knows \\(${LATEST}\\).*upgrade Parley`),
    );
  });

  it('refuses a database whose recorded steps differ from the code', () => {
    const db = rawDb();
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run('something-else', T);
    expectParleyThrow(() => migrateSqliteDatabase(db), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR, /records version 1 "something-else"/);
  });

  it('rejects a migration list that is not numbered 1, 2, 3, …', () => {
    const db = rawDb();
    const gap: SqliteMigration[] = [{ version: 2, name: 'two', sql: '' }];
    expectParleyThrow(() => migrateSqliteDatabase(db, gap), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR, /versions must be 1, 2, 3/);
  });
});

describe('opening a SqliteStore runs the migrations', () => {
  it('migrates a new file once and leaves it alone on reopen', async () => {
    const path = newDbPath();
    const first = await openSqliteStore({ path });
    await first.apps.create(testAppRecord(1));
    await first.close();
    const before = recorded(rawDb(path));
    const second = await openSqliteStore({ path });
    expect(await second.apps.get(1)).toStrictEqual(testAppRecord(1));
    await second.close();
    expect(before).toHaveLength(LATEST);
    expect(recorded(rawDb(path))).toStrictEqual(before);
  });

  it("migration 7 keeps messages stored before it readable, with '' for the sender's names", async () => {
    const path = newDbPath();
    const first = await openSqliteStore({ path });
    await first.apps.create(testAppRecord(1));
    await first.messages.append(1, [testDraft('alice', 'bob', 'old', { nick: 'gone' })]);
    await first.close();
    // Turn the file back into a version-6 database that holds the message row.
    const raw = rawDb(path);
    raw.exec(`ALTER TABLE messages DROP COLUMN sender_nick; ALTER TABLE messages DROP COLUMN sender_avatar; ALTER TABLE messages DROP COLUMN sender_name_card;
      DROP TABLE profile_custom_fields; DELETE FROM schema_migrations WHERE version = 7;`);
    raw.close();
    const second = await openSqliteStore({ path });
    const [message] = (await second.messages.getHistory(1, 'bob', 'C2Calice', { count: 10 })).messages;
    expect(message).toMatchObject({ ID: 'old', nick: '', avatar: '', nameCard: '' });
    await second.close();
  });

  it('refuses to open a file written by a newer schema, with a clear error, and leaves it untouched', async () => {
    const path = newDbPath();
    const store = await openSqliteStore({ path });
    await store.apps.create(testAppRecord(1));
    await store.close();
    const db = rawDb(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST + 1, 'from-the-future', T);
    db.close();
    await expectParleyRejection(
      openSqliteStore({ path }),
      ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR,
      new RegExp(`SQLite database ${path}: the database schema is at version ${LATEST + 1}, newer than this version of Parley knows \\(${LATEST}\\)`),
    );
    const after = rawDb(path);
    expect(readSqliteSchemaVersion(after)).toBe(LATEST + 1);
    expect(after.prepare('SELECT count(*) FROM apps').pluck().get()).toBe(1);
  });
});
