/**
 * The SQL of groups, members and applications, prepared once per connection. Groups are read
 * together with their message sequence from `conversation_seqs` ('g:' || group_id).
 */
import type Database from 'better-sqlite3';

/** Bind values of a `chat_groups` insert or update. */
export interface GroupRowParams {
  readonly app: number;
  readonly groupID: string;
  readonly type: string;
  readonly name: string;
  readonly introduction: string;
  readonly notification: string;
  readonly avatar: string;
  readonly ownerID: string;
  readonly createTime: number;
  readonly maxMemberNum: number;
  readonly joinOption: string;
  readonly muteAll: number;
}

const GROUP_SELECT = `
  SELECT g.group_id, g.type, g.name, g.introduction, g.notification, g.avatar, g.owner_id, g.create_time,
         g.max_member_num, g.join_option, g.mute_all, g.member_num,
         coalesce((SELECT s.seq FROM conversation_seqs s WHERE s.app = g.app AND s.conv = 'g:' || g.group_id), 0) AS seq
  FROM chat_groups g`;

const MEMBER_COLUMNS = 'user_id, role, join_time, name_card';

/** The prepared statements of the group tables. */
export interface GroupStatements {
  readonly getGroup: Database.Statement<[number, string]>;
  readonly insertGroup: Database.Statement<GroupRowParams>;
  readonly updateGroup: Database.Statement<GroupRowParams>;
  readonly deleteGroup: Database.Statement<[number, string]>;
  readonly adjustMemberNum: Database.Statement<[number, number, string]>;
  readonly insertMember: Database.Statement<[number, string, string, string, number, string]>;
  readonly getMember: Database.Statement<[number, string, string]>;
  readonly deleteMember: Database.Statement<[number, string, string]>;
  readonly setRole: Database.Statement<[string, number, string, string]>;
  readonly listMembers: Database.Statement<[number, string, number, number]>;
  readonly listMemberIDs: Database.Statement<[number, string]>;
  readonly listJoined: Database.Statement<[number, string]>;
  readonly putApplication: Database.Statement<[number, string, string, string, number]>;
  readonly listApplications: Database.Statement<[number, string]>;
  readonly deleteApplication: Database.Statement<[number, string, string]>;
}

/** Prepares the group statements on `db`. */
export function prepareGroupStatements(db: Database.Database): GroupStatements {
  return {
    getGroup: db.prepare<[number, string]>(`${GROUP_SELECT} WHERE g.app = ? AND g.group_id = ?`),
    insertGroup: db.prepare<GroupRowParams>(
      `INSERT INTO chat_groups (app, group_id, type, name, introduction, notification, avatar, owner_id, create_time, max_member_num, join_option, mute_all, member_num)
       VALUES (@app, @groupID, @type, @name, @introduction, @notification, @avatar, @ownerID, @createTime, @maxMemberNum, @joinOption, @muteAll, 0)`,
    ),
    updateGroup: db.prepare<GroupRowParams>(
      `UPDATE chat_groups SET name = @name, introduction = @introduction, notification = @notification, avatar = @avatar,
         owner_id = @ownerID, join_option = @joinOption, mute_all = @muteAll
       WHERE app = @app AND group_id = @groupID`,
    ),
    deleteGroup: db.prepare<[number, string]>('DELETE FROM chat_groups WHERE app = ? AND group_id = ?'),
    adjustMemberNum: db.prepare<[number, number, string]>('UPDATE chat_groups SET member_num = member_num + ? WHERE app = ? AND group_id = ?'),
    insertMember: db.prepare<[number, string, string, string, number, string]>(
      'INSERT INTO group_members (app, group_id, user_id, role, join_time, name_card) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    getMember: db.prepare<[number, string, string]>(`SELECT ${MEMBER_COLUMNS} FROM group_members WHERE app = ? AND group_id = ? AND user_id = ?`),
    deleteMember: db.prepare<[number, string, string]>('DELETE FROM group_members WHERE app = ? AND group_id = ? AND user_id = ?'),
    setRole: db.prepare<[string, number, string, string]>('UPDATE group_members SET role = ? WHERE app = ? AND group_id = ? AND user_id = ?'),
    listMembers: db.prepare<[number, string, number, number]>(
      `SELECT ${MEMBER_COLUMNS} FROM group_members WHERE app = ? AND group_id = ? ORDER BY user_id LIMIT ? OFFSET ?`,
    ),
    listMemberIDs: db.prepare<[number, string]>('SELECT user_id FROM group_members WHERE app = ? AND group_id = ? ORDER BY user_id').pluck(),
    listJoined: db.prepare<[number, string]>(
      `SELECT m.user_id, m.role, m.join_time, m.name_card, g.group_id, g.type, g.name, g.introduction, g.notification, g.avatar,
              g.owner_id, g.create_time, g.max_member_num, g.join_option, g.mute_all, g.member_num,
              coalesce((SELECT s.seq FROM conversation_seqs s WHERE s.app = g.app AND s.conv = 'g:' || g.group_id), 0) AS seq
       FROM group_members m JOIN chat_groups g ON g.app = m.app AND g.group_id = m.group_id
       WHERE m.app = ? AND m.user_id = ? ORDER BY m.group_id`,
    ),
    putApplication: db.prepare<[number, string, string, string, number]>(
      `INSERT INTO group_applications (app, group_id, user_id, message, time) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (app, group_id, user_id) DO UPDATE SET message = excluded.message, time = excluded.time`,
    ),
    listApplications: db.prepare<[number, string]>('SELECT user_id, message, time FROM group_applications WHERE app = ? AND group_id = ? ORDER BY time, user_id'),
    deleteApplication: db.prepare<[number, string, string]>('DELETE FROM group_applications WHERE app = ? AND group_id = ? AND user_id = ?'),
  };
}
