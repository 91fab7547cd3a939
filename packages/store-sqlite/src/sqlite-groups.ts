/**
 * Groups, members and applications on SQLite. Synchronous; the store runs each call in one
 * transaction, so a limit check and the inserts it allows cannot be split by another call.
 */
import { ParleyError, type WireMemberRole } from '@parley/protocol';
import type { AddMemberResult, GroupApplication, GroupMemberRecord, GroupPatch, GroupRecord, GroupView, JoinedGroup } from '@parley/server';
import type { GroupRowParams, GroupStatements } from './sqlite-group-statements.js';
import { parseApplicationRow, parseGroupRow, parseMemberRow } from './sqlite-message-codec.js';
import type { SqliteMessaging } from './sqlite-messaging.js';
import { parseRow } from './sqlite-errors.js';

function groupParams(app: number, g: GroupRecord): GroupRowParams {
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

/** The group part of the SQLite store for one connection. */
export class SqliteGroups {
  readonly #sql: GroupStatements;
  readonly #messaging: SqliteMessaging;

  constructor(sql: GroupStatements, messaging: SqliteMessaging) {
    this.#sql = sql;
    this.#messaging = messaging;
  }

  create(app: number, group: GroupRecord, members: readonly GroupMemberRecord[]): GroupView {
    if (this.#sql.getGroup.get(app, group.groupID) !== undefined) throw ParleyError.of('ERR_SVR_GROUP_GROUPID_IN_USED', group.groupID);
    this.#sql.insertGroup.run(groupParams(app, group));
    this.#add(app, group.groupID, members, Number.MAX_SAFE_INTEGER);
    return this.#require(app, group.groupID);
  }

  get(app: number, groupID: string): GroupView | undefined {
    const r = this.#sql.getGroup.get(app, groupID);
    return r === undefined ? undefined : parseRow('chat_groups', `group_id ${JSON.stringify(groupID)}`, parseGroupRow(r));
  }

  update(app: number, groupID: string, patch: GroupPatch): GroupView | undefined {
    const current = this.get(app, groupID);
    if (current === undefined) return undefined;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    this.#sql.updateGroup.run(groupParams(app, { ...current, ...defined }));
    return this.get(app, groupID);
  }

  delete(app: number, groupID: string): string[] | undefined {
    if (this.#sql.getGroup.get(app, groupID) === undefined) return undefined;
    const members = this.#memberIDs(app, groupID);
    for (const userID of members) this.#messaging.forgetState(app, userID, `GROUP${groupID}`);
    this.#messaging.dropGroupMessages(app, groupID);
    // Members and applications go with the group (ON DELETE CASCADE).
    this.#sql.deleteGroup.run(app, groupID);
    return members;
  }

  addMembers(app: number, groupID: string, members: readonly GroupMemberRecord[], limit: number): AddMemberResult[] {
    this.#require(app, groupID);
    return this.#add(app, groupID, members, limit);
  }

  removeMembers(app: number, groupID: string, userIDs: readonly string[]): string[] {
    const removed = [...new Set(userIDs)].filter((userID) => this.#sql.deleteMember.run(app, groupID, userID).changes === 1);
    for (const userID of removed) this.#messaging.forgetState(app, userID, `GROUP${groupID}`);
    if (removed.length > 0) this.#sql.adjustMemberNum.run(-removed.length, app, groupID);
    return removed;
  }

  setRole(app: number, groupID: string, userID: string, role: WireMemberRole): boolean {
    return this.#sql.setRole.run(role, app, groupID, userID).changes === 1;
  }

  getMembers(app: number, groupID: string, userIDs: readonly string[]): GroupMemberRecord[] {
    return [...new Set(userIDs)].flatMap((userID) => {
      const r = this.#sql.getMember.get(app, groupID, userID);
      return r === undefined ? [] : [this.#member(groupID, r)];
    });
  }

  listMembers(app: number, groupID: string, offset: number, count: number): GroupMemberRecord[] {
    return this.#sql.listMembers.all(app, groupID, count, offset).map((r) => this.#member(groupID, r));
  }

  listJoined(app: number, userID: string): JoinedGroup[] {
    return this.#sql.listJoined.all(app, userID).map((r) => ({
      group: parseRow('chat_groups', `joined by ${JSON.stringify(userID)}`, parseGroupRow(r)),
      member: parseRow('group_members', `user_id ${JSON.stringify(userID)}`, parseMemberRow(r)),
    }));
  }

  putApplication(app: number, groupID: string, application: GroupApplication): void {
    this.#require(app, groupID);
    this.#sql.putApplication.run(app, groupID, application.userID, application.message, application.time);
  }

  listApplications(app: number, groupID: string): GroupApplication[] {
    return this.#sql.listApplications.all(app, groupID).map((r) => parseRow('group_applications', `group_id ${JSON.stringify(groupID)}`, parseApplicationRow(r)));
  }

  deleteApplication(app: number, groupID: string, userID: string): boolean {
    return this.#sql.deleteApplication.run(app, groupID, userID).changes === 1;
  }

  #add(app: number, groupID: string, members: readonly GroupMemberRecord[], limit: number): AddMemberResult[] {
    let count = this.#require(app, groupID).memberNum;
    const added = members.map((m): AddMemberResult => {
      if (this.#sql.getMember.get(app, groupID, m.userID) !== undefined) return 'already';
      if (count >= limit) return 'full';
      this.#sql.insertMember.run(app, groupID, m.userID, m.role, m.joinTime, m.nameCard);
      this.#sql.deleteApplication.run(app, groupID, m.userID);
      this.#messaging.initMemberState(app, m.userID, groupID);
      count++;
      return 'added';
    });
    const n = added.filter((r) => r === 'added').length;
    if (n > 0) this.#sql.adjustMemberNum.run(n, app, groupID);
    return added;
  }

  #memberIDs(app: number, groupID: string): string[] {
    return this.#sql.listMemberIDs.all(app, groupID).filter((id): id is string => typeof id === 'string');
  }

  #member(groupID: string, r: unknown): GroupMemberRecord {
    return parseRow('group_members', `group_id ${JSON.stringify(groupID)}`, parseMemberRow(r));
  }

  #require(app: number, groupID: string): GroupView {
    const g = this.get(app, groupID);
    if (g === undefined) throw ParleyError.of('ERR_SVR_GROUP_NOT_FOUND', groupID);
    return g;
  }
}
