/**
 * `store.userStatus` on SQLite (migration 5): `user_status` holds a user's custom status and last
 * announced status type; `status_subscriptions` the subscription lists, in rowid order.
 */
import { isRecord, USER_STATUS_TYPES, type UserStatusType } from '@parley/protocol';
import { storeError, type UserStatusChange, type UserStatusPatch, type UserStatusRecord, type UserStatusStore } from '@parley/store';
import type Database from 'better-sqlite3';
import type { SqliteRunner } from './sqlite-runner.js';

/** Parses a `user_status` row; throws 70500 naming the row when it is damaged. */
function parseStatusRow(sdkAppID: number, row: unknown): UserStatusRecord {
  if (!isRecord(row)) throw storeError(`user_status row of app ${sdkAppID} is missing`);
  const { user_id: userID, status_type: type, custom_status: customStatus } = row;
  const statusType = USER_STATUS_TYPES.find((t) => t === type);
  if (typeof userID !== 'string' || statusType === undefined || typeof customStatus !== 'string') {
    throw storeError(`user_status row of app ${sdkAppID} has bad user_id, status_type or custom_status columns`);
  }
  return { userID, statusType, customStatus };
}

function targetsOf(rows: readonly unknown[], column: string): string[] {
  return rows.map((row) => {
    const v = isRecord(row) ? row[column] : undefined;
    if (typeof v !== 'string') throw storeError(`status_subscriptions row has a bad ${column} column`);
    return v;
  });
}

/** The {@link UserStatusStore} of one SQLite connection. */
export class SqliteUserStatusStore implements UserStatusStore {
  readonly #run: SqliteRunner;
  readonly #get: Database.Statement<[number, string]>;
  readonly #put: Database.Statement<[number, string, UserStatusType, string]>;
  readonly #unsubscribeOne: Database.Statement<[number, string, string]>;
  readonly #unsubscribeAll: Database.Statement<[number, string]>;
  readonly #subscribe: Database.Statement<[number, string, string]>;
  readonly #trim: Database.Statement<[number, string, number, number, string]>;
  readonly #list: Database.Statement<[number, string]>;
  readonly #subscribers: Database.Statement<[number, string]>;

  constructor(run: SqliteRunner, db: Database.Database) {
    this.#run = run;
    this.#get = db.prepare('SELECT user_id, status_type, custom_status FROM user_status WHERE app = ? AND user_id = ?');
    this.#put = db.prepare('INSERT OR REPLACE INTO user_status (app, user_id, status_type, custom_status) VALUES (?, ?, ?, ?)');
    this.#unsubscribeOne = db.prepare('DELETE FROM status_subscriptions WHERE app = ? AND subscriber = ? AND target = ?');
    this.#unsubscribeAll = db.prepare('DELETE FROM status_subscriptions WHERE app = ? AND subscriber = ?');
    this.#subscribe = db.prepare('INSERT INTO status_subscriptions (app, subscriber, target) VALUES (?, ?, ?)');
    this.#trim = db.prepare(
      'DELETE FROM status_subscriptions WHERE id IN (SELECT id FROM status_subscriptions WHERE app = ? AND subscriber = ? ORDER BY id DESC LIMIT -1 OFFSET ?) AND app = ? AND subscriber = ?',
    );
    this.#list = db.prepare('SELECT target FROM status_subscriptions WHERE app = ? AND subscriber = ? ORDER BY id');
    this.#subscribers = db.prepare('SELECT subscriber FROM status_subscriptions WHERE app = ? AND target = ?');
  }

  async get(sdkAppID: number, userIDs: readonly string[]): Promise<UserStatusRecord[]> {
    return this.#run.snapshot(() => {
      const found: UserStatusRecord[] = [];
      for (const userID of new Set(userIDs)) {
        const row = this.#get.get(sdkAppID, userID);
        if (row !== undefined) found.push(parseStatusRow(sdkAppID, row));
      }
      return found;
    });
  }

  async update(sdkAppID: number, userID: string, patch: UserStatusPatch): Promise<UserStatusChange> {
    return this.#run.writeForApp(sdkAppID, () => {
      const row = this.#get.get(sdkAppID, userID);
      const before = row === undefined ? undefined : parseStatusRow(sdkAppID, row);
      const after: UserStatusRecord = {
        userID,
        statusType: patch.statusType ?? before?.statusType ?? 0,
        customStatus: patch.customStatus ?? before?.customStatus ?? '',
      };
      // A login of a user already online changes nothing: no write then.
      if (before?.statusType !== after.statusType || before.customStatus !== after.customStatus) this.#put.run(sdkAppID, userID, after.statusType, after.customStatus);
      return { before, after };
    });
  }

  async subscribe(sdkAppID: number, subscriber: string, targets: readonly string[], limit: number): Promise<void> {
    this.#run.writeForApp(sdkAppID, () => {
      for (const target of new Set(targets)) {
        this.#unsubscribeOne.run(sdkAppID, subscriber, target);
        this.#subscribe.run(sdkAppID, subscriber, target);
      }
      this.#trim.run(sdkAppID, subscriber, limit, sdkAppID, subscriber);
    });
  }

  async unsubscribe(sdkAppID: number, subscriber: string, targets?: readonly string[]): Promise<void> {
    this.#run.write(() => {
      if (targets === undefined) this.#unsubscribeAll.run(sdkAppID, subscriber);
      else for (const target of targets) this.#unsubscribeOne.run(sdkAppID, subscriber, target);
    });
  }

  async subscriptions(sdkAppID: number, subscriber: string): Promise<string[]> {
    return this.#run.read(() => targetsOf(this.#list.all(sdkAppID, subscriber), 'target'));
  }

  async subscribers(sdkAppID: number, target: string): Promise<string[]> {
    return this.#run.read(() => targetsOf(this.#subscribers.all(sdkAppID, target), 'subscriber'));
  }
}
