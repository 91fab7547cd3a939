/**
 * The SQL of the relationship chain (migration 4), prepared once per connection, and the row work
 * several relationship parts share inside their transactions: reading a friend, ending a friendship
 * (the friend leaves the owner's groups too) and dropping applications between two users.
 */
import { ADD_TYPES, isFriendCustomKey, isRecord, isUint, type AddType, type FriendCustomField } from '@parley/protocol';
import type { FriendApplicationRecord, FriendRecord } from '@parley/store';
import type Database from 'better-sqlite3';
import { corruptRowError } from './sqlite-row-codec.js';

type S<P extends unknown[]> = Database.Statement<P>;

/** The prepared statements of the relationship tables. */
export interface RelationshipStatements {
  readonly listFriends: S<[number, string]>;
  readonly ownersOf: S<[number, string]>;
  readonly getFriend: S<[number, string, string]>;
  readonly countFriends: S<[number, string]>;
  readonly insertFriend: S<[number, string, string, string, string, string, number]>;
  readonly deleteFriend: S<[number, string, string]>;
  readonly updateFriend: S<[string, string, number, string, string]>;
  readonly friendGroupsOf: S<[number, string, string]>;
  readonly listGroups: S<[number, string]>;
  readonly getGroup: S<[number, string, string]>;
  readonly countGroups: S<[number, string]>;
  readonly insertGroup: S<[number, string, string, number]>;
  readonly deleteGroup: S<[number, string, string]>;
  readonly renameGroup: S<[string, number, string, string]>;
  readonly groupMembers: S<[number, string, string]>;
  readonly nextPos: S<[number, string, string]>;
  readonly insertMember: S<[number, string, string, string, number]>;
  readonly deleteMember: S<[number, string, string, string]>;
  readonly deleteGroupMembers: S<[number, string, string]>;
  readonly renameGroupMembers: S<[string, number, string, string]>;
  readonly deleteFriendFromGroups: S<[number, string, string]>;
  readonly listApplications: S<[number, string, string]>;
  readonly getApplication: S<[number, string, string]>;
  readonly countIncoming: S<[number, string, string]>;
  readonly putApplication: S<[number, string, string, string, string, string, string, string, number]>;
  readonly deleteApplication: S<[number, string, string]>;
  readonly readAt: S<[number, string]>;
  readonly putReadAt: S<[number, string, number]>;
  readonly listBlocked: S<[number, string]>;
  readonly isBlocked: S<[number, string, string]>;
  readonly countBlocked: S<[number, string]>;
  readonly insertBlocked: S<[number, string, string, number]>;
  readonly deleteBlocked: S<[number, string, string]>;
}

const FRIEND_COLUMNS = 'friend, remark, source, wording, custom, added_at';
const APPLICATION_COLUMNS = 'from_user, to_user, source, wording, remark, group_name, add_type, created_at';

/** Prepares the relationship statements on `db`. */
export function prepareRelationshipStatements(db: Database.Database): RelationshipStatements {
  return {
    listFriends: db.prepare(`SELECT ${FRIEND_COLUMNS} FROM friends WHERE app = ? AND owner = ? ORDER BY added_at, friend`),
    // friends_by_friend answers it.
    ownersOf: db.prepare('SELECT owner FROM friends WHERE app = ? AND friend = ? ORDER BY owner').pluck(),
    getFriend: db.prepare(`SELECT ${FRIEND_COLUMNS} FROM friends WHERE app = ? AND owner = ? AND friend = ?`),
    countFriends: db.prepare('SELECT count(*) AS n FROM friends WHERE app = ? AND owner = ?'),
    insertFriend: db.prepare("INSERT INTO friends (app, owner, friend, remark, source, wording, custom, added_at) VALUES (?, ?, ?, ?, ?, ?, '[]', ?)"),
    deleteFriend: db.prepare('DELETE FROM friends WHERE app = ? AND owner = ? AND friend = ?'),
    updateFriend: db.prepare('UPDATE friends SET remark = ?, custom = ? WHERE app = ? AND owner = ? AND friend = ?'),
    friendGroupsOf: db.prepare('SELECT name FROM friend_group_members WHERE app = ? AND owner = ? AND friend = ? ORDER BY name'),
    listGroups: db.prepare('SELECT name FROM friend_groups WHERE app = ? AND owner = ? ORDER BY created_at, name'),
    getGroup: db.prepare('SELECT name FROM friend_groups WHERE app = ? AND owner = ? AND name = ?'),
    countGroups: db.prepare('SELECT count(*) AS n FROM friend_groups WHERE app = ? AND owner = ?'),
    insertGroup: db.prepare('INSERT INTO friend_groups (app, owner, name, created_at) VALUES (?, ?, ?, ?)'),
    deleteGroup: db.prepare('DELETE FROM friend_groups WHERE app = ? AND owner = ? AND name = ?'),
    renameGroup: db.prepare('UPDATE friend_groups SET name = ? WHERE app = ? AND owner = ? AND name = ?'),
    groupMembers: db.prepare('SELECT friend FROM friend_group_members WHERE app = ? AND owner = ? AND name = ? ORDER BY pos'),
    nextPos: db.prepare('SELECT coalesce(max(pos), 0) + 1 AS n FROM friend_group_members WHERE app = ? AND owner = ? AND name = ?'),
    insertMember: db.prepare('INSERT OR IGNORE INTO friend_group_members (app, owner, name, friend, pos) VALUES (?, ?, ?, ?, ?)'),
    deleteMember: db.prepare('DELETE FROM friend_group_members WHERE app = ? AND owner = ? AND name = ? AND friend = ?'),
    deleteGroupMembers: db.prepare('DELETE FROM friend_group_members WHERE app = ? AND owner = ? AND name = ?'),
    renameGroupMembers: db.prepare('UPDATE friend_group_members SET name = ? WHERE app = ? AND owner = ? AND name = ?'),
    deleteFriendFromGroups: db.prepare('DELETE FROM friend_group_members WHERE app = ? AND owner = ? AND friend = ?'),
    listApplications: db.prepare(`SELECT ${APPLICATION_COLUMNS} FROM friend_applications WHERE app = ? AND (from_user = ? OR to_user = ?) ORDER BY created_at DESC, from_user, to_user`),
    getApplication: db.prepare(`SELECT ${APPLICATION_COLUMNS} FROM friend_applications WHERE app = ? AND from_user = ? AND to_user = ?`),
    countIncoming: db.prepare('SELECT count(*) AS n FROM friend_applications WHERE app = ? AND to_user = ? AND from_user <> ?'),
    putApplication: db.prepare(
      `INSERT INTO friend_applications (app, ${APPLICATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (app, from_user, to_user) DO UPDATE SET source = excluded.source, wording = excluded.wording, remark = excluded.remark,
         group_name = excluded.group_name, add_type = excluded.add_type, created_at = excluded.created_at`,
    ),
    deleteApplication: db.prepare('DELETE FROM friend_applications WHERE app = ? AND from_user = ? AND to_user = ?'),
    readAt: db.prepare('SELECT read_at FROM friend_application_reads WHERE app = ? AND user_id = ?'),
    putReadAt: db.prepare('INSERT INTO friend_application_reads (app, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT (app, user_id) DO UPDATE SET read_at = excluded.read_at'),
    listBlocked: db.prepare('SELECT blocked, added_at FROM blacklist WHERE app = ? AND owner = ? ORDER BY added_at, blocked'),
    isBlocked: db.prepare('SELECT 1 FROM blacklist WHERE app = ? AND owner = ? AND blocked = ?'),
    countBlocked: db.prepare('SELECT count(*) AS n FROM blacklist WHERE app = ? AND owner = ?'),
    insertBlocked: db.prepare('INSERT INTO blacklist (app, owner, blocked, added_at) VALUES (?, ?, ?, ?)'),
    deleteBlocked: db.prepare('DELETE FROM blacklist WHERE app = ? AND owner = ? AND blocked = ?'),
  };
}

/** A `count(*) AS n` row's count. */
export function countOf(row: unknown): number {
  return isRecord(row) && isUint(row['n']) ? row['n'] : 0;
}

/** One text column of every row. */
export function column(rows: readonly unknown[], name: string, table: string): string[] {
  return rows.map((row) => {
    const v = isRecord(row) ? row[name] : undefined;
    if (typeof v !== 'string') throw corruptRowError(table, '?', `${name} must be text`);
    return v;
  });
}

function parseCustom(text: string, key: string): FriendCustomField[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corruptRowError('friends', key, 'custom is not JSON');
  }
  if (!Array.isArray(json)) throw corruptRowError('friends', key, 'custom must be a JSON array');
  return json.map((f: unknown) => {
    if (!isRecord(f) || !isFriendCustomKey(f['key']) || typeof f['value'] !== 'string') throw corruptRowError('friends', key, 'custom holds a bad field');
    return { key: f['key'], value: f['value'] };
  });
}

/** Reads a friend of `owner` from its row and its groups. */
export function friendOf(st: RelationshipStatements, app: number, owner: string, row: unknown): FriendRecord {
  if (!isRecord(row)) throw corruptRowError('friends', owner, 'the row is missing');
  const { friend, remark, source, wording, custom, added_at: addTime } = row;
  const key = `${owner} → ${String(friend)}`;
  if (typeof friend !== 'string' || typeof remark !== 'string' || typeof source !== 'string' || typeof wording !== 'string' || typeof custom !== 'string' || !isUint(addTime)) {
    throw corruptRowError('friends', key, 'bad friend, remark, source, wording, custom or added_at column');
  }
  const groupList = column(st.friendGroupsOf.all(app, owner, friend), 'name', 'friend_group_members');
  return { userID: friend, remark, groupList, source, wording, addTime, customFields: parseCustom(custom, key) };
}

/** Reads an application row. */
export function applicationOf(row: unknown): FriendApplicationRecord {
  if (!isRecord(row)) throw corruptRowError('friend_applications', '?', 'the row is missing');
  const { from_user: from, to_user: to, source, wording, remark, group_name: groupName, add_type: addType, created_at: time } = row;
  const isAddType = (v: unknown): v is AddType => (ADD_TYPES as readonly unknown[]).includes(v);
  if (typeof from !== 'string' || typeof to !== 'string' || typeof source !== 'string' || typeof wording !== 'string' || typeof remark !== 'string' || typeof groupName !== 'string' || !isAddType(addType) || !isUint(time)) {
    throw corruptRowError('friend_applications', `${String(from)} → ${String(to)}`, 'bad column');
  }
  return { from, to, source, wording, remark, groupName, addType, time };
}

/** Ends `owner`'s friendship with `friend` (one direction) and takes `friend` out of `owner`'s groups; true when there was one. */
export function removeFriendRow(st: RelationshipStatements, app: number, owner: string, friend: string): boolean {
  st.deleteFriendFromGroups.run(app, owner, friend);
  return st.deleteFriend.run(app, owner, friend).changes > 0;
}

/** Drops the applications between two users, both directions. */
export function dropApplicationsBetween(st: RelationshipStatements, app: number, a: string, b: string): void {
  st.deleteApplication.run(app, a, b);
  st.deleteApplication.run(app, b, a);
}
