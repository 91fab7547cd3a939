/** `store.groupApplications` on SQLite: one row per (group, user), removed with the group (ON DELETE CASCADE). */
import type { GroupApplication, GroupApplicationStore } from '@parley/store';
import type { GroupStatements } from './sqlite-group-statements.js';
import type { SqliteGroupRows } from './sqlite-group-rows.js';
import { parseApplicationRow } from './sqlite-message-codec.js';
import { parseRow } from './sqlite-errors.js';
import type { SqliteRunner } from './sqlite-runner.js';

/** The {@link GroupApplicationStore} of one SQLite connection. */
export class SqliteGroupApplicationStore implements GroupApplicationStore {
  readonly #run: SqliteRunner;
  readonly #sql: GroupStatements;
  readonly #rows: SqliteGroupRows;

  constructor(run: SqliteRunner, sql: GroupStatements, rows: SqliteGroupRows) {
    this.#run = run;
    this.#sql = sql;
    this.#rows = rows;
  }

  async put(sdkAppID: number, groupID: string, application: GroupApplication): Promise<void> {
    this.#run.writeForApp(sdkAppID, () => {
      this.#rows.require(sdkAppID, groupID);
      this.#sql.putApplication.run(sdkAppID, groupID, application.userID, application.message, application.time);
    });
  }

  async list(sdkAppID: number, groupID: string): Promise<GroupApplication[]> {
    return this.#run.read(() =>
      this.#sql.listApplications.all(sdkAppID, groupID).map((r) => parseRow('group_applications', `group_id ${JSON.stringify(groupID)}`, parseApplicationRow(r))),
    );
  }

  async delete(sdkAppID: number, groupID: string, userID: string): Promise<boolean> {
    return this.#run.writeForApp(sdkAppID, () => this.#sql.deleteApplication.run(sdkAppID, groupID, userID).changes === 1);
  }
}
