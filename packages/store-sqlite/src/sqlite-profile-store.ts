/**
 * `store.profiles` on SQLite: the profile lives in the `accounts` row (migration 3 added the
 * `profile` JSON column and `profile_updated_at`); `nick` and `face_url` are the account's own
 * columns, so an imported nick is the profile's nick and a profile update is seen by accounts.
 * The JSON column holds only the fields set at least once and is validated on read with the
 * protocol's profile rules.
 */
import { checkProfilePatch, isRecord, isUint, type ProfilePatch } from '@parley/protocol';
import { applyProfilePatch, defaultProfileRecord, storeError, type ProfileNames, type ProfileRecord, type ProfileRecordPatch, type ProfileStore } from '@parley/store';
import type Database from 'better-sqlite3';
import type { SqliteRunner } from './sqlite-runner.js';

const COLUMNS = 'user_id, nick, face_url, profile, profile_updated_at';

/** Parses a row of `accounts` read for its profile; throws 70500 naming the row when it is damaged. */
function parseProfileRow(sdkAppID: number, row: unknown): ProfileRecord {
  const where = `accounts row of app ${sdkAppID}`;
  if (!isRecord(row)) throw storeError(`${where} is missing`);
  const { user_id: userID, nick, face_url: avatar, profile, profile_updated_at: updatedAt } = row;
  if (typeof userID !== 'string' || typeof nick !== 'string' || typeof avatar !== 'string' || typeof profile !== 'string' || !isUint(updatedAt)) {
    throw storeError(`${where} has bad user_id, nick, face_url, profile or profile_updated_at columns`);
  }
  let json: unknown;
  try {
    json = JSON.parse(profile);
  } catch {
    throw storeError(`${where}, user_id ${JSON.stringify(userID)}: profile is not JSON`);
  }
  const base = { ...defaultProfileRecord(userID, nick, avatar), updatedAt };
  // Custom fields are checked one by one: merges may have stored more than one request may send.
  const { profileCustomField, ...fields } = isRecord(json) ? json : { profileCustomField: undefined };
  const custom = Array.isArray(profileCustomField) ? profileCustomField : [];
  const bad = (reason: string): never => {
    throw storeError(`${where}, user_id ${JSON.stringify(userID)}: profile: ${reason}`);
  };
  if (!isRecord(json) || (profileCustomField !== undefined && !Array.isArray(profileCustomField))) return bad('must be a JSON object with an array profileCustomField');
  let record = base;
  if (Object.keys(fields).length > 0) {
    const parsed = checkProfilePatch(fields);
    record = parsed.ok ? applyProfilePatch(record, parsed.value, updatedAt) : bad(parsed.reason);
  }
  for (const field of custom) {
    const parsed = checkProfilePatch({ profileCustomField: [field] });
    record = parsed.ok ? applyProfilePatch(record, parsed.value, updatedAt) : bad(parsed.reason);
  }
  return { ...record, nick, avatar };
}

/** The JSON column of a record: every field but the account's own (`nick`, `avatar`) and the time. */
function profileColumn(record: ProfileRecord): string {
  const { userID: _userID, nick: _nick, avatar: _avatar, updatedAt: _updatedAt, customFields, ...fields } = record;
  const stored: ProfilePatch = { ...fields, ...(customFields.length > 0 ? { profileCustomField: customFields } : {}) };
  return JSON.stringify(stored);
}

/** The {@link ProfileStore} of one SQLite connection. */
export class SqliteProfileStore implements ProfileStore {
  readonly #run: SqliteRunner;
  readonly #get: Database.Statement<[number, string]>;
  readonly #names: Database.Statement<[number, string]>;
  readonly #update: Database.Statement<[string, string, string, number, number, string]>;

  constructor(run: SqliteRunner, db: Database.Database) {
    this.#run = run;
    this.#get = db.prepare<[number, string]>(`SELECT ${COLUMNS} FROM accounts WHERE app = ? AND user_id = ?`);
    this.#names = db.prepare<[number, string]>('SELECT nick, face_url FROM accounts WHERE app = ? AND user_id = ?');
    this.#update = db.prepare<[string, string, string, number, number, string]>(
      'UPDATE accounts SET nick = ?, face_url = ?, profile = ?, profile_updated_at = ? WHERE app = ? AND user_id = ?',
    );
  }

  async get(sdkAppID: number, userIDs: readonly string[]): Promise<ProfileRecord[]> {
    return this.#run.snapshot(() => {
      const found: ProfileRecord[] = [];
      for (const userID of new Set(userIDs)) {
        const row = this.#get.get(sdkAppID, userID);
        if (row !== undefined) found.push(parseProfileRow(sdkAppID, row));
      }
      return found;
    });
  }

  async names(sdkAppID: number, userIDs: readonly string[]): Promise<ProfileNames[]> {
    // Plain keyed reads, no transaction and no profile JSON: this runs on every message send.
    return this.#run.read(() => {
      const found: ProfileNames[] = [];
      for (const userID of new Set(userIDs)) {
        const row = this.#names.get(sdkAppID, userID);
        if (row === undefined) continue;
        const { nick, face_url: avatar } = row as { nick: unknown; face_url: unknown };
        if (typeof nick !== 'string' || typeof avatar !== 'string') throw storeError(`accounts row of app ${sdkAppID}, user_id ${JSON.stringify(userID)} has bad nick or face_url columns`);
        found.push({ userID, nick, avatar });
      }
      return found;
    });
  }

  async update(sdkAppID: number, userID: string, patch: ProfileRecordPatch, now: number): Promise<ProfileRecord | undefined> {
    return this.#run.writeForApp(sdkAppID, () => {
      const row = this.#get.get(sdkAppID, userID);
      if (row === undefined) return undefined;
      const next = applyProfilePatch(parseProfileRow(sdkAppID, row), patch, now);
      this.#update.run(next.nick, next.avatar, profileColumn(next), now, sdkAppID, userID);
      return next;
    });
  }
}
