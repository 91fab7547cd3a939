/**
 * `store.blacklist` on SQLite: the `blacklist` table. Blocking ends the friendship both ways and
 * drops applications between the two in the same transaction; `blocks` is one primary-key lookup.
 */
import { isRecord, isUint } from '@parley/protocol';
import type { BlacklistEntry, BlacklistStore } from '@parley/store';
import type { SqliteRunner } from './sqlite-runner.js';
import { corruptRowError } from './sqlite-row-codec.js';
import { countOf, dropApplicationsBetween, removeFriendRow, type RelationshipStatements } from './sqlite-relationship-rows.js';

/** The {@link BlacklistStore} of one SQLite connection. */
export class SqliteBlacklistStore implements BlacklistStore {
  constructor(
    private readonly run: SqliteRunner,
    private readonly st: RelationshipStatements,
  ) {}

  async list(sdkAppID: number, owner: string): Promise<BlacklistEntry[]> {
    return this.run.read(() =>
      this.st.listBlocked.all(sdkAppID, owner).map((row) => {
        if (!isRecord(row) || typeof row['blocked'] !== 'string' || !isUint(row['added_at'])) throw corruptRowError('blacklist', owner, 'bad blocked or added_at column');
        return { userID: row['blocked'], addTime: row['added_at'] };
      }),
    );
  }

  async add(sdkAppID: number, owner: string, userIDs: readonly string[], now: number, max: number): Promise<string[] | undefined> {
    return this.run.writeForApp(sdkAppID, () => {
      const fresh = [...new Set(userIDs)].filter((id) => this.st.isBlocked.get(sdkAppID, owner, id) === undefined);
      if (countOf(this.st.countBlocked.get(sdkAppID, owner)) + fresh.length > max) return undefined;
      for (const id of fresh) {
        this.st.insertBlocked.run(sdkAppID, owner, id, now);
        removeFriendRow(this.st, sdkAppID, owner, id);
        removeFriendRow(this.st, sdkAppID, id, owner);
        dropApplicationsBetween(this.st, sdkAppID, owner, id);
      }
      return fresh;
    });
  }

  async remove(sdkAppID: number, owner: string, userIDs: readonly string[]): Promise<string[]> {
    return this.run.writeForApp(sdkAppID, () => [...new Set(userIDs)].filter((id) => this.st.deleteBlocked.run(sdkAppID, owner, id).changes > 0));
  }

  async blocks(sdkAppID: number, owner: string, userID: string): Promise<boolean> {
    return this.run.read(() => this.st.isBlocked.get(sdkAppID, owner, userID) !== undefined);
  }

  async blockedBy(sdkAppID: number, owner: string, userIDs: readonly string[]): Promise<Set<string>> {
    return this.run.read(() => new Set(userIDs.filter((id) => this.st.isBlocked.get(sdkAppID, id, owner) !== undefined)));
  }
}
