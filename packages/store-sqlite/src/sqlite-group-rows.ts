/**
 * Synchronous row work on groups shared by the group, member and application sub-stores of one
 * connection: reading a group, requiring it, and adding members under a limit. It runs inside their
 * transactions, so a limit check and the inserts it allows cannot be split by another call.
 */
import { groupNotFoundError, type AddMemberResult, type GroupMemberRecord, type GroupRecord, type GroupView } from '@parley/store';
import type { SqliteConversationStates } from './sqlite-conversation-states.js';
import type { GroupRowParams, GroupStatements } from './sqlite-group-statements.js';
import { parseGroupRow, parseMemberRow } from './sqlite-message-codec.js';
import { parseRow } from './sqlite-errors.js';

/** The bind values of a `chat_groups` row: the record's own fields, `muteAllMembers` as 0/1. */
export function groupParams(app: number, g: GroupRecord): GroupRowParams {
  return {
    app,
    groupID: g.groupID,
    type: g.type,
    name: g.name,
    introduction: g.introduction,
    notification: g.notification,
    avatar: g.avatar,
    ownerID: g.ownerID,
    createTime: g.createTime,
    maxMemberNum: g.maxMemberNum,
    joinOption: g.joinOption,
    muteAll: g.muteAllMembers ? 1 : 0,
  };
}

/** Group rows of one connection; call inside a unit of work of `SqliteRunner`. */
export class SqliteGroupRows {
  readonly #sql: GroupStatements;
  readonly #states: SqliteConversationStates;

  constructor(sql: GroupStatements, states: SqliteConversationStates) {
    this.#sql = sql;
    this.#states = states;
  }

  /** The group with its member count and sequence, or `undefined`. */
  get(app: number, groupID: string): GroupView | undefined {
    const r = this.#sql.getGroup.get(app, groupID);
    return r === undefined ? undefined : parseRow('chat_groups', `group_id ${JSON.stringify(groupID)}`, parseGroupRow(r));
  }

  /** The group; throws 10010 when it does not exist. */
  require(app: number, groupID: string): GroupView {
    const g = this.get(app, groupID);
    if (g === undefined) throw groupNotFoundError(groupID);
    return g;
  }

  /** A member row parsed into a record (70500 naming the group when corrupt). */
  member(groupID: string, r: unknown): GroupMemberRecord {
    return parseRow('group_members', `group_id ${JSON.stringify(groupID)}`, parseMemberRow(r));
  }

  /** The UserIDs of every member, ordered by UserID. */
  memberIDs(app: number, groupID: string): string[] {
    return this.#sql.listMemberIDs.all(app, groupID).filter((id): id is string => typeof id === 'string');
  }

  /**
   * Adds members while the group has fewer than `limit`; each new member starts with the group read
   * and loses any pending application. Throws 10010 when the group does not exist.
   */
  addMembers(app: number, groupID: string, members: readonly GroupMemberRecord[], limit: number): AddMemberResult[] {
    let count = this.require(app, groupID).memberNum;
    const added = members.map((m): AddMemberResult => {
      if (this.#sql.getMember.get(app, groupID, m.userID) !== undefined) return 'already';
      if (count >= limit) return 'full';
      this.#sql.insertMember.run(app, groupID, m.userID, m.role, m.joinTime, m.nameCard);
      this.#sql.deleteApplication.run(app, groupID, m.userID);
      this.#states.initMemberState(app, m.userID, groupID);
      count++;
      return 'added';
    });
    const n = added.filter((r) => r === 'added').length;
    if (n > 0) this.#sql.adjustMemberNum.run(n, app, groupID);
    return added;
  }
}
