/**
 * `store.profileFields` on SQLite: one `profile_custom_fields` row per declared field (migration 7),
 * `read` and `write` as comma-separated roles, `position` keeping the order the list was given in.
 * Rows are checked on read by the protocol's declaration rules; a bad one throws 70500 naming it.
 */
import { parseProfileFieldDeclarations, type ProfileFieldDeclaration } from '@parley/protocol';
import { storeError, type ProfileFieldStore } from '@parley/store';
import type Database from 'better-sqlite3';
import type { SqliteRunner } from './sqlite-runner.js';

interface FieldRow {
  readonly name: unknown;
  readonly type: unknown;
  readonly max_length: unknown;
  readonly read: unknown;
  readonly write: unknown;
}

const roles = (v: unknown): unknown => (typeof v === 'string' ? v.split(',') : v);

function parseRows(sdkAppID: number, rows: readonly FieldRow[]): ProfileFieldDeclaration[] {
  const fields = rows.map((r) => ({ key: r.name, type: r.type, maxLength: r.max_length, read: roles(r.read), write: roles(r.write) }));
  const parsed = parseProfileFieldDeclarations({ fields });
  if (!parsed.ok) throw storeError(`profile_custom_fields of app ${sdkAppID} hold a bad row: ${parsed.reason}`);
  return parsed.value;
}

/** The {@link ProfileFieldStore} of one SQLite connection. */
export class SqliteProfileFieldStore implements ProfileFieldStore {
  readonly #run: SqliteRunner;
  readonly #list: Database.Statement<[number]>;
  readonly #clear: Database.Statement<[number]>;
  readonly #insert: Database.Statement<[number, string, string, number, string, string, number]>;

  constructor(run: SqliteRunner, db: Database.Database) {
    this.#run = run;
    this.#list = db.prepare<[number]>('SELECT name, type, max_length, read, write FROM profile_custom_fields WHERE app = ? ORDER BY position');
    this.#clear = db.prepare<[number]>('DELETE FROM profile_custom_fields WHERE app = ?');
    this.#insert = db.prepare<[number, string, string, number, string, string, number]>(
      'INSERT INTO profile_custom_fields (app, name, type, max_length, read, write, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  async list(sdkAppID: number): Promise<ProfileFieldDeclaration[]> {
    return this.#run.snapshot(() => parseRows(sdkAppID, this.#list.all(sdkAppID) as FieldRow[]));
  }

  async replace(sdkAppID: number, fields: readonly ProfileFieldDeclaration[]): Promise<void> {
    this.#run.writeForApp(sdkAppID, () => {
      this.#clear.run(sdkAppID);
      fields.forEach((f, i) => this.#insert.run(sdkAppID, f.key, f.type, f.maxLength, f.read.join(','), f.write.join(','), i));
    });
  }
}
