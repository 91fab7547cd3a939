/**
 * SQLite-specific properties of messaging: a batch is one transaction, and every hot query is
 * answered from an index (no table scans), whatever the data size.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import { expectParleyRejection, testAppRecord, testDraft } from '@parley/store/testing';
import { prepareGroupStatements } from './sqlite-group-statements.js';
import { prepareMessageStatements } from './sqlite-message-statements.js';
import { migrateSqliteDatabase } from './sqlite-migrations.js';
import { openSqliteStore } from './sqlite-store.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-sqlite-messaging-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const APP = 1400000001;

describe('SqliteStore messages.append', () => {
  it('writes a batch of 1,000 in one transaction: a failure at its last message leaves none of it', async () => {
    const path = join(dir, 'batch.db');
    const store = await openSqliteStore({ path });
    await store.apps.create(testAppRecord(APP));
    const raw = new Database(path);
    try {
      raw.exec(`CREATE TRIGGER poison BEFORE INSERT ON messages WHEN NEW.msg_id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);
      const batch = Array.from({ length: 999 }, (_, i) => testDraft(i % 2 ? 'alice' : 'bob', i % 2 ? 'bob' : 'alice', `m${i}`));
      await expectParleyRejection(store.messages.append(APP, [...batch, testDraft('alice', 'bob', 'poison')]), ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR, /poisoned/);
      const count = (table: string) => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      expect([count('messages'), count('inbox'), count('conversation_seqs'), count('conversation_states')]).toStrictEqual([0, 0, 0, 0]);

      raw.exec('DROP TRIGGER poison');
      const out = await store.messages.append(APP, [...batch, testDraft('alice', 'bob', 'last')]);
      expect(out.map((o) => (o.ok ? o.message.seq : -1))).toStrictEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect([count('messages'), count('inbox'), count('conversation_seqs')]).toStrictEqual([1000, 2000, 1]);
      expect(raw.prepare('SELECT max(seq) FROM inbox WHERE app = ? AND user_id = ?').pluck().get(APP, 'bob')).toBe(1000);
    } finally {
      raw.close();
      await store.close();
    }
  });
});

describe('SQLite messaging queries', () => {
  const db = new Database(':memory:');
  migrateSqliteDatabase(db);
  const messages = prepareMessageStatements(db);
  const groups = prepareGroupStatements(db);
  const viewer = { app: 1, user: 'u', cid: 'C2Cv', conv: 'c:u:v', cleared: 0, limit: 10 };
  const plan = (statement: { source: string }, params: unknown[] | Record<string, unknown>): string[] => {
    const explain = db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`);
    const rows = Array.isArray(params) ? explain.all(...params) : explain.all(params);
    return rows.map((r) => String((r as { detail: unknown }).detail));
  };

  it.each([
    ['dedupe lookup', messages.findBySender, [1, 'u', 'id']],
    ['inbox sync', messages.syncInbox, [1, 'u', 0, 10]],
    ['newest history page', messages.historyBefore, { ...viewer, before: 100 }],
    ['oldest history page', messages.historyAfter, { ...viewer, after: 0 }],
    ['unread count', messages.unread, { app: 1, user: 'u', cid: 'C2Cv', conv: 'c:u:v', after: 0 }],
    ['inbox position', messages.inboxSeq, [1, 'u']],
    ['C2C conversations of a user', messages.listC2CStates, [1, 'u']],
    ['joined group IDs', messages.joinedGroupIDs, [1, 'u']],
    ['joined groups', groups.listJoined, [1, 'u']],
    ['member page', groups.listMembers, [1, 'g', 10, 0]],
    ['group', groups.getGroup, [1, 'g']],
  ] as const)('answers the %s from indexes, without scanning a table', (_name, statement, params) => {
    const details = plan(statement, params as unknown[] | Record<string, unknown>);
    expect(details.filter((d) => /^SCAN /.test(d)), details.join('\n')).toStrictEqual([]);
    expect(details.some((d) => /USING (INDEX|PRIMARY KEY|COVERING INDEX|INTEGER PRIMARY KEY)/.test(d)), details.join('\n')).toBe(true);
  });
});
