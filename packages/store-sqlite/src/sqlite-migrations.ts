/**
 * The schema of the SQLite store as numbered migrations, and the code that brings a database up to
 * date. The applied versions are recorded in `schema_migrations(version, name, applied_at)`.
 * Migrations are append-only: never edit or renumber a released one, add the next number instead.
 */
import { ParleyError, isRecord, isUint } from '@parley/protocol';
import type Database from 'better-sqlite3';

/** One schema step. */
export interface SqliteMigration {
  /** 1, 2, 3, … without gaps. */
  readonly version: number;
  /** Short kebab-case description, recorded with the version. */
  readonly name: string;
  /** The SQL of the step; it runs inside the migration's transaction. */
  readonly sql: string;
}

/** What {@link migrateSqliteDatabase} did. */
export interface SqliteMigrationReport {
  /** Schema version before the call (0 for a fresh database). */
  readonly fromVersion: number;
  /** Schema version after the call. */
  readonly toVersion: number;
  /** Versions applied by this call, ascending. */
  readonly applied: readonly number[];
}

/** The migrations of this version of Parley, in order. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'apps-accounts-sigs-usage',
    // JSON columns (admins, login_settings, limits, revoked_sigs) are TEXT and validated on read.
    sql: `
      CREATE TABLE apps (
        sdk_app_id     INTEGER PRIMARY KEY,
        secret_key     TEXT    NOT NULL,
        name           TEXT    NOT NULL,
        admins         TEXT    NOT NULL,
        status         TEXT    NOT NULL,
        login_settings TEXT    NOT NULL,
        limits         TEXT    NOT NULL,
        created_at     INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE accounts (
        app        INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        user_id    TEXT    NOT NULL,
        nick       TEXT    NOT NULL,
        face_url   TEXT    NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (app, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE sig_invalidations (
        app          INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        user_id      TEXT    NOT NULL,
        before_sec   INTEGER NOT NULL,
        revoked_sigs TEXT    NOT NULL,
        PRIMARY KEY (app, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE daily_active (
        app     INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        day     TEXT    NOT NULL,
        user_id TEXT    NOT NULL,
        PRIMARY KEY (app, day, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE daily_peak (
        app  INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        day  TEXT    NOT NULL,
        peak INTEGER NOT NULL,
        PRIMARY KEY (app, day)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'messages-conversations-groups',
    // messages keeps a rowid: bodies reach 12 KB, too large for a WITHOUT ROWID b-tree. Its small
    // columns come first so that counting and filtering rarely touch the overflow pages of a body.
    // conv is 'c:<lo>:<hi>' for a C2C pair and 'g:<groupID>' for a group. inbox.msg has no foreign
    // key: C2C messages are never deleted, and a key would make deleting group messages scan inbox.
    sql: `
      CREATE TABLE messages (
        id                INTEGER PRIMARY KEY,
        app               INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        conv              TEXT    NOT NULL,
        seq               INTEGER NOT NULL,
        from_user         TEXT    NOT NULL,
        msg_id            TEXT    NOT NULL,
        targeted          INTEGER NOT NULL,
        conv_type         TEXT    NOT NULL,
        to_target         TEXT    NOT NULL,
        time              INTEGER NOT NULL,
        random            INTEGER NOT NULL,
        priority          TEXT    NOT NULL,
        at_users          TEXT    NOT NULL,
        receivers         TEXT    NOT NULL,
        cloud_custom_data TEXT    NOT NULL,
        elements          TEXT    NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX messages_by_conversation ON messages (app, conv, seq);
      CREATE UNIQUE INDEX messages_by_sender ON messages (app, from_user, msg_id);
      CREATE TABLE message_receivers (
        msg     INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        user_id TEXT    NOT NULL,
        PRIMARY KEY (msg, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE conversation_seqs (
        app  INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        conv TEXT    NOT NULL,
        seq  INTEGER NOT NULL,
        PRIMARY KEY (app, conv)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE inbox (
        app     INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        user_id TEXT    NOT NULL,
        seq     INTEGER NOT NULL,
        msg     INTEGER NOT NULL,
        PRIMARY KEY (app, user_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE conversation_states (
        app             INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        user_id         TEXT    NOT NULL,
        conversation_id TEXT    NOT NULL,
        read_seq        INTEGER NOT NULL,
        pinned          INTEGER NOT NULL,
        draft           TEXT    NOT NULL,
        cleared_seq     INTEGER NOT NULL,
        deleted_seq     INTEGER,
        updated_at      INTEGER NOT NULL,
        PRIMARY KEY (app, user_id, conversation_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE deleted_messages (
        app             INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        user_id         TEXT    NOT NULL,
        conversation_id TEXT    NOT NULL,
        seq             INTEGER NOT NULL,
        PRIMARY KEY (app, user_id, conversation_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE chat_groups (
        app            INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        group_id       TEXT    NOT NULL,
        type           TEXT    NOT NULL,
        name           TEXT    NOT NULL,
        introduction   TEXT    NOT NULL,
        notification   TEXT    NOT NULL,
        avatar         TEXT    NOT NULL,
        owner_id       TEXT    NOT NULL,
        create_time    INTEGER NOT NULL,
        max_member_num INTEGER NOT NULL,
        join_option    TEXT    NOT NULL,
        mute_all       INTEGER NOT NULL,
        member_num     INTEGER NOT NULL,
        PRIMARY KEY (app, group_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE group_members (
        app       INTEGER NOT NULL,
        group_id  TEXT    NOT NULL,
        user_id   TEXT    NOT NULL,
        role      TEXT    NOT NULL,
        join_time INTEGER NOT NULL,
        name_card TEXT    NOT NULL,
        PRIMARY KEY (app, group_id, user_id),
        FOREIGN KEY (app, group_id) REFERENCES chat_groups (app, group_id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX group_members_by_user ON group_members (app, user_id, group_id);
      CREATE TABLE group_applications (
        app      INTEGER NOT NULL,
        group_id TEXT    NOT NULL,
        user_id  TEXT    NOT NULL,
        message  TEXT    NOT NULL,
        time     INTEGER NOT NULL,
        PRIMARY KEY (app, group_id, user_id),
        FOREIGN KEY (app, group_id) REFERENCES chat_groups (app, group_id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'account-profiles',
    // The profile beside the account's nick and face_url: a JSON object of the fields set at least
    // once (validated on read), and the time of the last profile update (ms, 0 when never).
    sql: `
      ALTER TABLE accounts ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE accounts ADD COLUMN profile_updated_at INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 4,
    name: 'relationships',
    // The relationship chain: one friends row per direction, friend groups and their members (only
    // friends; a deleted friendship leaves every group of its owner), pending applications with the
    // time each user last read theirs, and the blacklist (the C2C send path asks `blacklist` by its
    // primary key: one indexed lookup).
    sql: `
      CREATE TABLE friends (
        app      INTEGER NOT NULL,
        owner    TEXT    NOT NULL,
        friend   TEXT    NOT NULL,
        remark   TEXT    NOT NULL,
        source   TEXT    NOT NULL,
        wording  TEXT    NOT NULL,
        custom   TEXT    NOT NULL DEFAULT '[]',
        added_at INTEGER NOT NULL,
        PRIMARY KEY (app, owner, friend)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX friends_by_friend ON friends (app, friend);
      CREATE TABLE friend_groups (
        app        INTEGER NOT NULL,
        owner      TEXT    NOT NULL,
        name       TEXT    NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (app, owner, name)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE friend_group_members (
        app    INTEGER NOT NULL,
        owner  TEXT    NOT NULL,
        name   TEXT    NOT NULL,
        friend TEXT    NOT NULL,
        pos    INTEGER NOT NULL,
        PRIMARY KEY (app, owner, name, friend)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX friend_group_members_by_friend ON friend_group_members (app, owner, friend);
      CREATE TABLE friend_applications (
        app        INTEGER NOT NULL,
        from_user  TEXT    NOT NULL,
        to_user    TEXT    NOT NULL,
        source     TEXT    NOT NULL,
        wording    TEXT    NOT NULL,
        remark     TEXT    NOT NULL,
        group_name TEXT    NOT NULL,
        add_type   TEXT    NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (app, from_user, to_user)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX friend_applications_by_to ON friend_applications (app, to_user);
      CREATE TABLE friend_application_reads (
        app     INTEGER NOT NULL,
        user_id TEXT    NOT NULL,
        read_at INTEGER NOT NULL,
        PRIMARY KEY (app, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE blacklist (
        app      INTEGER NOT NULL,
        owner    TEXT    NOT NULL,
        blocked  TEXT    NOT NULL,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (app, owner, blocked)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX blacklist_by_blocked ON blacklist (app, blocked);
    `,
  },
  {
    version: 5,
    name: 'user-status',
    // A user's custom status and the status type last announced to subscribers; and subscription
    // lists, whose rowid is the subscription order (a repeated subscribe deletes and re-inserts, so
    // the earliest entries are the ones dropped past the cap).
    sql: `
      CREATE TABLE user_status (
        app           INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        user_id       TEXT    NOT NULL,
        status_type   INTEGER NOT NULL,
        custom_status TEXT    NOT NULL,
        PRIMARY KEY (app, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE status_subscriptions (
        id         INTEGER PRIMARY KEY,
        app        INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        subscriber TEXT    NOT NULL,
        target     TEXT    NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX status_subscriptions_by_subscriber ON status_subscriptions (app, subscriber, target);
      CREATE INDEX status_subscriptions_by_target ON status_subscriptions (app, target);
    `,
  },
  {
    version: 6,
    name: 'follows',
    // Follow edges, whose rowid orders the lists and is their page cursor; and each user's three
    // counts, changed in the same transaction as the edges so that reading them is one row.
    sql: `
      CREATE TABLE follows (
        id         INTEGER PRIMARY KEY,
        app        INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        follower   TEXT    NOT NULL,
        followee   TEXT    NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX follows_by_follower ON follows (app, follower, followee);
      CREATE INDEX follows_by_followee ON follows (app, followee);
      CREATE TABLE follow_counts (
        app       INTEGER NOT NULL REFERENCES apps (sdk_app_id),
        user_id   TEXT    NOT NULL,
        followers INTEGER NOT NULL,
        following INTEGER NOT NULL,
        mutual    INTEGER NOT NULL,
        PRIMARY KEY (app, user_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'sender-names-and-profile-fields',
    // Messages keep the sender's nick, avatar and group name card as of the send (rows stored
    // before read as ''); apps declare their custom profile fields (Tencent's console list).
    sql: `
      ALTER TABLE messages ADD COLUMN sender_nick TEXT NOT NULL DEFAULT '';
      ALTER TABLE messages ADD COLUMN sender_avatar TEXT NOT NULL DEFAULT '';
      ALTER TABLE messages ADD COLUMN sender_name_card TEXT NOT NULL DEFAULT '';
      CREATE TABLE profile_custom_fields (
        app        INTEGER NOT NULL REFERENCES apps (sdk_app_id) ON DELETE CASCADE,
        name       TEXT    NOT NULL,
        type       TEXT    NOT NULL,
        max_length INTEGER NOT NULL,
        read       TEXT    NOT NULL,
        write      TEXT    NOT NULL,
        position   INTEGER NOT NULL,
        PRIMARY KEY (app, name)
      ) STRICT, WITHOUT ROWID;
    `,
  },
];

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`;

/**
 * Applies the migrations `db` lacks, each in its own `BEGIN IMMEDIATE` transaction, so a failed step
 * leaves no trace and two processes opening the same new file cannot both apply a step.
 * Throws 70500 when the database records a version newer than `migrations` knows (written by a newer
 * Parley), or versions that do not match `migrations`.
 *
 * @param now - Clock for `applied_at`, ms since the epoch. @default Date.now
 */
export function migrateSqliteDatabase(
  db: Database.Database,
  migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS,
  now: () => number = Date.now,
): SqliteMigrationReport {
  checkMigrationList(db, migrations);
  db.exec(CREATE_MIGRATIONS_TABLE);
  const readApplied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version');
  const record = db.prepare<[number, string, number]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');

  const step = db.transaction((): { from: number; applied?: number } => {
    const from = checkAppliedVersions(db, readApplied.all(), migrations);
    const next = migrations[from];
    if (next === undefined) return { from };
    db.exec(next.sql);
    record.run(next.version, next.name, now());
    return { from, applied: next.version };
  });

  const applied: number[] = [];
  let fromVersion: number | undefined;
  for (;;) {
    const result = step.immediate();
    fromVersion ??= result.from;
    if (result.applied === undefined) return { fromVersion, toVersion: result.from, applied };
    applied.push(result.applied);
  }
}

/** The recorded schema version of `db`: the highest applied migration, 0 when none. */
export function readSqliteSchemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get();
  return isRecord(row) && isUint(row['version']) ? row['version'] : 0;
}

function checkMigrationList(db: Database.Database, migrations: readonly SqliteMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw schemaError(db, `migration #${index} has version ${migration.version}; versions must be 1, 2, 3, … in order`);
    }
  });
}

/** Checks the recorded rows against the known migrations; returns the current version. */
function checkAppliedVersions(db: Database.Database, rows: readonly unknown[], migrations: readonly SqliteMigration[]): number {
  const latest = migrations.length;
  const applied = rows.map((row) => {
    if (!isRecord(row) || !isUint(row['version']) || typeof row['name'] !== 'string') {
      throw schemaError(db, `schema_migrations holds a malformed row ${JSON.stringify(row)}`);
    }
    return { version: row['version'], name: row['name'] };
  });
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > latest) {
    throw schemaError(
      db,
      `the database schema is at version ${newest}, newer than this version of Parley knows (${latest}); ` +
        'it was written by a newer Parley: upgrade Parley, or point it at another database file',
    );
  }
  applied.forEach(({ version, name }, index) => {
    const known = migrations[index];
    if (known === undefined || version !== known.version || name !== known.name) {
      throw schemaError(
        db,
        `schema_migrations records version ${version} "${name}", but this Parley's migration ${index + 1} is ` +
          `"${known?.name ?? '(none)'}": the database was changed outside Parley or by an incompatible build`,
      );
    }
  });
  return applied.length;
}

function schemaError(db: Database.Database, detail: string): ParleyError {
  return ParleyError.of('ERR_SVR_ACCOUNT_INTERNAL_ERROR', `SQLite database ${db.name}: ${detail}`);
}
