/** `store.groupMembers` on SQLite: membership rows, the group's member count kept in step. */
import type { AddMemberResult, GroupMemberRecord, GroupMemberStore } from '@parley/store';
import type { WireMemberRole } from '@parley/protocol';
import type { SqliteConversationStates } from './sqlite-conversation-states.js';
import type { GroupStatements } from './sqlite-group-statements.js';
import type { SqliteGroupRows } from './sqlite-group-rows.js';
import type { SqliteRunner } from './sqlite-runner.js';

/** The {@link GroupMemberStore} of one SQLite connection. */
export class SqliteGroupMemberStore implements GroupMemberStore {
  readonly #run: SqliteRunner;
  readonly #sql: GroupStatements;
  readonly #rows: SqliteGroupRows;
  readonly #states: SqliteConversationStates;

  constructor(run: SqliteRunner, sql: GroupStatements, rows: SqliteGroupRows, states: SqliteConversationStates) {
    this.#run = run;
    this.#sql = sql;
    this.#rows = rows;
    this.#states = states;
  }

  async add(sdkAppID: number, groupID: string, members: readonly GroupMemberRecord[], limit: number): Promise<AddMemberResult[]> {
    return this.#run.writeForApp(sdkAppID, () => this.#rows.addMembers(sdkAppID, groupID, members, limit));
  }

  async remove(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<string[]> {
    return this.#run.writeForApp(sdkAppID, () => {
      const removed = [...new Set(userIDs)].filter((userID) => this.#sql.deleteMember.run(sdkAppID, groupID, userID).changes === 1);
      for (const userID of removed) this.#states.forgetState(sdkAppID, userID, `GROUP${groupID}`);
      if (removed.length > 0) this.#sql.adjustMemberNum.run(-removed.length, sdkAppID, groupID);
      return removed;
    });
  }

  async setRole(sdkAppID: number, groupID: string, userID: string, role: WireMemberRole): Promise<boolean> {
    return this.#run.writeForApp(sdkAppID, () => this.#sql.setRole.run(role, sdkAppID, groupID, userID).changes === 1);
  }

  async get(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<GroupMemberRecord[]> {
    return this.#run.read(() =>
      [...new Set(userIDs)].flatMap((userID) => {
        const r = this.#sql.getMember.get(sdkAppID, groupID, userID);
        return r === undefined ? [] : [this.#rows.member(groupID, r)];
      }),
    );
  }

  async list(sdkAppID: number, groupID: string, offset: number, count: number): Promise<GroupMemberRecord[]> {
    return this.#run.read(() => this.#sql.listMembers.all(sdkAppID, groupID, count, offset).map((r) => this.#rows.member(groupID, r)));
  }
}
