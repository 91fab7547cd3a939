/**
 * How every SQLite sub-store touches the database: reads, snapshots and write transactions on the
 * one connection, with driver errors turned into 70500 and calls after `close()` refused (88505).
 * The sub-stores share one runner, so transactions stay a backend matter: a part that changes
 * another part's rows (deleting a group drops its messages) does it inside its own transaction.
 *
 * better-sqlite3 is synchronous, so each unit of work runs to completion before any other call
 * starts: concurrent calls are serialised without locks.
 */
import type Database from 'better-sqlite3';
import { appNotFoundError, storeClosedError } from '@parley/store';
import { wrapSqliteErrors } from './sqlite-errors.js';

/** Runs units of work on one SQLite connection. Created by `SqliteStore`, shared by its sub-stores. */
export class SqliteRunner {
  /** Runs its argument inside a transaction; called with `.immediate` for writes, `.deferred` for snapshots. */
  readonly #transaction: Database.Transaction<(work: () => void) => void>;
  readonly #appExists: Database.Statement<[number]>;
  #closed = false;

  /** `appExists` answers a row for an existing SDKAppID (it backs {@link SqliteRunner.hasApp}). */
  constructor(db: Database.Database, appExists: Database.Statement<[number]>) {
    this.#transaction = db.transaction((work: () => void) => work());
    this.#appExists = appExists;
  }

  /** True once {@link SqliteRunner.close} was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Refuses every later unit of work with 88505 (the store closes the connection itself). */
  close(): void {
    this.#closed = true;
  }

  /** Runs `work` on the open database, turning driver errors into 70500 ParleyErrors. */
  read<T>(work: () => T): T {
    if (this.#closed) throw storeClosedError();
    return wrapSqliteErrors('SQLite store operation failed', work);
  }

  /** Runs several reads in one deferred transaction: they all see the same committed state. */
  snapshot<T>(work: () => T): T {
    return this.read(() => {
      let result!: T;
      this.#transaction.deferred(() => {
        result = work();
      });
      return result;
    });
  }

  /**
   * Runs `work` in one `BEGIN IMMEDIATE` transaction: the write lock is taken up front (waiting up to
   * the busy timeout), so a read-then-write never fails half way because another process wrote in
   * between. A throw rolls everything back.
   */
  write<T>(work: () => T): T {
    return this.read(() => {
      let result!: T;
      this.#transaction.immediate(() => {
        result = work();
      });
      return result;
    });
  }

  /**
   * {@link SqliteRunner.write} for data stored under an app: rejects with 70020 unless the app
   * exists, checked inside the same transaction so the app cannot vanish in between.
   */
  writeForApp<T>(sdkAppID: number, work: () => T): T {
    return this.write(() => {
      if (!this.hasApp(sdkAppID)) throw appNotFoundError(sdkAppID);
      return work();
    });
  }

  /** True when the app exists; call inside a unit of work. */
  hasApp(sdkAppID: number): boolean {
    return this.#appExists.get(sdkAppID) !== undefined;
  }
}
