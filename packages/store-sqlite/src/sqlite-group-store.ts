/**
 * `store.groups` on SQLite. Deleting a group also drops its messages and its members' conversation
 * state through the shared {@link SqliteConversationStates}, in the same transaction.
 */
import {
  groupIDInUseError,
  patchGroupRecord,
  type GroupMemberRecord,
  type GroupPatch,
  type GroupRecord,
  type GroupStore,
  type GroupView,
  type JoinedGroup,
} from '@parley/store';
import type { SqliteConversationStates } from './sqlite-conversation-states.js';
import type { GroupStatements } from './sqlite-group-statements.js';
import { groupParams, type SqliteGroupRows } from './sqlite-group-rows.js';
import { parseGroupRow, parseMemberRow } from './sqlite-message-codec.js';
import { parseRow } from './sqlite-errors.js';
import type { SqliteRunner } from './sqlite-runner.js';

/** The {@link GroupStore} of one SQLite connection. */
export class SqliteGroupStore implements GroupStore {
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

  async create(sdkAppID: number, group: GroupRecord, members: readonly GroupMemberRecord[]): Promise<GroupView> {
    return this.#run.writeForApp(sdkAppID, () => {
      if (this.#sql.getGroup.get(sdkAppID, group.groupID) !== undefined) throw groupIDInUseError(group.groupID);
      this.#sql.insertGroup.run(groupParams(sdkAppID, group));
      this.#rows.addMembers(sdkAppID, group.groupID, members, Number.MAX_SAFE_INTEGER);
      return this.#rows.require(sdkAppID, group.groupID);
    });
  }

  async get(sdkAppID: number, groupID: string): Promise<GroupView | undefined> {
    return this.#run.read(() => this.#rows.get(sdkAppID, groupID));
  }

  async update(sdkAppID: number, groupID: string, patch: GroupPatch): Promise<GroupView | undefined> {
    return this.#run.writeForApp(sdkAppID, () => {
      const current = this.#rows.get(sdkAppID, groupID);
      if (current === undefined) return undefined;
      this.#sql.updateGroup.run(groupParams(sdkAppID, patchGroupRecord(current, patch)));
      return this.#rows.get(sdkAppID, groupID);
    });
  }

  async delete(sdkAppID: number, groupID: string): Promise<string[] | undefined> {
    return this.#run.writeForApp(sdkAppID, () => {
      if (this.#sql.getGroup.get(sdkAppID, groupID) === undefined) return undefined;
      const members = this.#rows.memberIDs(sdkAppID, groupID);
      for (const userID of members) this.#states.forgetState(sdkAppID, userID, `GROUP${groupID}`);
      this.#states.dropGroupMessages(sdkAppID, groupID);
      // Members and applications go with the group (ON DELETE CASCADE).
      this.#sql.deleteGroup.run(sdkAppID, groupID);
      return members;
    });
  }

  async listJoined(sdkAppID: number, userID: string): Promise<JoinedGroup[]> {
    return this.#run.read(() =>
      this.#sql.listJoined.all(sdkAppID, userID).map((r) => ({
        group: parseRow('chat_groups', `joined by ${JSON.stringify(userID)}`, parseGroupRow(r)),
        member: parseRow('group_members', `user_id ${JSON.stringify(userID)}`, parseMemberRow(r)),
      })),
    );
  }
}
