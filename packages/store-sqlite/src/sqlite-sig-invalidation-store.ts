/** `store.sigInvalidations` on SQLite: one row per (app, user), the revoked sigs as a JSON array. */
import type { SigInvalidation, SigInvalidationStore } from '@parley/store';
import { parseRow } from './sqlite-errors.js';
import { describeRowKey, parseSigInvalidationRow } from './sqlite-row-codec.js';
import type { SqliteRunner } from './sqlite-runner.js';
import type { SqliteStatements } from './sqlite-statements.js';

/** The {@link SigInvalidationStore} of one SQLite connection. */
export class SqliteSigInvalidationStore implements SigInvalidationStore {
  readonly #run: SqliteRunner;
  readonly #sql: SqliteStatements;

  constructor(run: SqliteRunner, sql: SqliteStatements) {
    this.#run = run;
    this.#sql = sql;
  }

  async put(sdkAppID: number, invalidation: SigInvalidation): Promise<void> {
    const { userID, beforeSec, revokedSigs } = invalidation;
    this.#run.writeForApp(sdkAppID, () => this.#sql.putSigInvalidation.run(sdkAppID, userID, beforeSec, JSON.stringify([...revokedSigs])));
  }

  async list(sdkAppID: number): Promise<SigInvalidation[]> {
    return this.#run.read(() =>
      this.#sql.listSigInvalidations
        .all(sdkAppID)
        .map((row) => parseRow('sig_invalidations', `app ${sdkAppID}, ${describeRowKey(row, 'user_id')}`, parseSigInvalidationRow(row))),
    );
  }
}
