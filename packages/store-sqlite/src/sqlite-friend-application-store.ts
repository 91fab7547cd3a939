/** `store.friendApplications` on SQLite: `friend_applications` and `friend_application_reads`. */
import { isRecord, isUint } from '@parley/protocol';
import type { FriendApplicationList, FriendApplicationRecord, FriendApplicationStore } from '@parley/store';
import type { SqliteRunner } from './sqlite-runner.js';
import { applicationOf, countOf, type RelationshipStatements } from './sqlite-relationship-rows.js';

/** The {@link FriendApplicationStore} of one SQLite connection. */
export class SqliteFriendApplicationStore implements FriendApplicationStore {
  constructor(
    private readonly run: SqliteRunner,
    private readonly st: RelationshipStatements,
  ) {}

  async list(sdkAppID: number, userID: string): Promise<FriendApplicationList> {
    return this.run.snapshot(() => {
      const row = this.st.readAt.get(sdkAppID, userID);
      const readAt = isRecord(row) && isUint(row['read_at']) ? row['read_at'] : 0;
      return { applications: this.st.listApplications.all(sdkAppID, userID, userID).map(applicationOf), readAt };
    });
  }

  async get(sdkAppID: number, from: string, to: string): Promise<FriendApplicationRecord | undefined> {
    return this.run.read(() => {
      const row = this.st.getApplication.get(sdkAppID, from, to);
      return row === undefined ? undefined : applicationOf(row);
    });
  }

  async put(sdkAppID: number, a: FriendApplicationRecord, maxPending: number): Promise<boolean> {
    return this.run.writeForApp(sdkAppID, () => {
      if (countOf(this.st.countIncoming.get(sdkAppID, a.to, a.from)) >= maxPending) return false;
      this.st.putApplication.run(sdkAppID, a.from, a.to, a.source, a.wording, a.remark, a.groupName, a.addType, a.time);
      return true;
    });
  }

  async delete(sdkAppID: number, from: string, to: string): Promise<boolean> {
    return this.run.writeForApp(sdkAppID, () => this.st.deleteApplication.run(sdkAppID, from, to).changes > 0);
  }

  async markRead(sdkAppID: number, userID: string, now: number): Promise<void> {
    this.run.writeForApp(sdkAppID, () => this.st.putReadAt.run(sdkAppID, userID, now));
  }
}
