/**
 * `store.accounts` on SQLite. The login path reads accounts through {@link SqliteAccountStore.get}
 * (one indexed lookup per UserID) and signs users up through {@link SqliteAccountStore.ensure}
 * (one `INSERT OR IGNORE` per UserID, batched by the server).
 */
import { isUint } from '@parley/protocol';
import { storeError, type AccountInput, type AccountRecord, type AccountStore } from '@parley/store';
import { parseRow } from './sqlite-errors.js';
import { parseAccountRow } from './sqlite-row-codec.js';
import type { SqliteRunner } from './sqlite-runner.js';
import type { SqliteStatements } from './sqlite-statements.js';

/** The {@link AccountStore} of one SQLite connection. */
export class SqliteAccountStore implements AccountStore {
  readonly #run: SqliteRunner;
  readonly #sql: SqliteStatements;

  constructor(run: SqliteRunner, sql: SqliteStatements) {
    this.#run = run;
    this.#sql = sql;
  }

  async import(sdkAppID: number, accounts: readonly AccountInput[], now: number): Promise<void> {
    this.#run.writeForApp(sdkAppID, () => {
      for (const { userID, nick, faceUrl } of accounts) {
        this.#sql.upsertAccount.run({ app: sdkAppID, userID, nick: nick ?? null, faceUrl: faceUrl ?? null, now });
      }
    });
  }

  async ensure(sdkAppID: number, userIDs: readonly string[], now: number): Promise<string[]> {
    // A repeated UserID inserts nothing the second time, so it is reported once.
    return this.#run.writeForApp(sdkAppID, () => userIDs.filter((userID) => this.#sql.insertAccountIfMissing.run(sdkAppID, userID, now).changes === 1));
  }

  async get(sdkAppID: number, userIDs: readonly string[]): Promise<AccountRecord[]> {
    return this.#run.read(() => {
      const found: AccountRecord[] = [];
      for (const userID of new Set(userIDs)) {
        const row = this.#sql.getAccount.get(sdkAppID, userID);
        if (row !== undefined) found.push(parseRow('accounts', `app ${sdkAppID}, user_id ${JSON.stringify(userID)}`, parseAccountRow(row)));
      }
      return found;
    });
  }

  async delete(sdkAppID: number, userIDs: readonly string[]): Promise<string[]> {
    return this.#run.write(() => userIDs.filter((userID) => this.#sql.deleteAccount.run(sdkAppID, userID).changes === 1));
  }

  async count(sdkAppID: number): Promise<number> {
    return this.#run.read(() => {
      const count = this.#sql.countAccounts.get(sdkAppID);
      if (!isUint(count)) throw storeError(`count of accounts of app ${sdkAppID} is not a number`);
      return count;
    });
  }
}
