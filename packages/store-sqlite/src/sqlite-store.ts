/**
 * `SqliteStore`: the embedded default {@link Store}, one SQLite file in WAL mode through better-sqlite3.
 * It opens the connection, brings the schema up to date, prepares every statement once and
 * assembles the sub-stores; each sub-store runs its own transactions through the shared
 * {@link SqliteRunner}. better-sqlite3 is synchronous, so each call runs to completion before any
 * other starts: concurrent calls are serialised without locks, and every write (a whole batch
 * included) is one transaction.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  storeClosedError,
  storeError,
  type AccountStore,
  type AppStore,
  type ConversationStore,
  type GroupApplicationStore,
  type GroupMemberStore,
  type GroupStore,
  type MessageStore,
  type ProfileStore,
  type UserStatusStore,
  type FollowStore,
  type ProfileFieldStore,
  type SigInvalidationStore,
  type Store,
  type UsageStore,
  type BlacklistStore,
  type FriendApplicationStore,
  type FriendGroupStore,
  type FriendStore,
} from '@parley/store';
import { SqliteAccountStore } from './sqlite-account-store.js';
import { SqliteAppStore } from './sqlite-app-store.js';
import { SqliteConversationStates } from './sqlite-conversation-states.js';
import { SqliteConversationStore } from './sqlite-conversation-store.js';
import { CounterCache } from './sqlite-counter-cache.js';
import { wrapSqliteErrors } from './sqlite-errors.js';
import { SqliteGroupApplicationStore } from './sqlite-group-application-store.js';
import { SqliteGroupMemberStore } from './sqlite-group-member-store.js';
import { SqliteGroupRows } from './sqlite-group-rows.js';
import { prepareGroupStatements } from './sqlite-group-statements.js';
import { SqliteGroupStore } from './sqlite-group-store.js';
import { prepareMessageStatements } from './sqlite-message-statements.js';
import { SqliteMessageStore } from './sqlite-message-store.js';
import { migrateSqliteDatabase } from './sqlite-migrations.js';
import { SqliteRunner } from './sqlite-runner.js';
import { SqliteProfileStore } from './sqlite-profile-store.js';
import { SqliteUserStatusStore } from './sqlite-user-status-store.js';
import { SqliteFollowStore } from './sqlite-follow-store.js';
import { SqliteProfileFieldStore } from './sqlite-profile-field-store.js';
import { SqliteSigInvalidationStore } from './sqlite-sig-invalidation-store.js';
import { prepareSqliteStatements } from './sqlite-statements.js';
import { IN_MEMORY_PATH, resolveSqliteStoreConfig, type SqliteStoreConfig } from './sqlite-store-config.js';
import { SqliteUsageStore } from './sqlite-usage-store.js';
import { WalCheckpointer, type CheckpointReport } from './wal-checkpointer.js';
import { SqliteBlacklistStore } from './sqlite-blacklist-store.js';
import { SqliteFriendApplicationStore } from './sqlite-friend-application-store.js';
import { SqliteFriendGroupStore } from './sqlite-friend-group-store.js';
import { SqliteFriendStore } from './sqlite-friend-store.js';
import { prepareRelationshipStatements } from './sqlite-relationship-rows.js';

/** Size the WAL file is truncated to when it restarts after a complete checkpoint (64 MiB). */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating when missing) the SQLite store at `config.path`, creating the parent directory of a
 * file path first, and brings its schema up to date.
 *
 * @example
 * ```ts
 * const store = await openSqliteStore({ path: '.parley-data/parley.db' });
 * ```
 */
export async function openSqliteStore(config: SqliteStoreConfig): Promise<SqliteStore> {
  const { path } = resolveSqliteStoreConfig(config);
  if (path !== IN_MEMORY_PATH) await mkdir(dirname(resolve(path)), { recursive: true });
  return new SqliteStore(config);
}

/**
 * {@link Store} on a SQLite database. Pragmas: `journal_mode=WAL` (file databases), `synchronous=NORMAL`
 * (a commit survives a process crash; a power loss may lose the last commits but never corrupts),
 * `foreign_keys=ON`, `busy_timeout` from the config. Prefer {@link openSqliteStore}, which also creates
 * the directory. A `:memory:` store keeps nothing across `close()`; tests and ephemeral servers use it.
 */
export class SqliteStore implements Store {
  readonly apps: AppStore;
  readonly accounts: AccountStore;
  readonly sigInvalidations: SigInvalidationStore;
  readonly usage: UsageStore;
  readonly messages: MessageStore;
  readonly conversations: ConversationStore;
  readonly groups: GroupStore;
  readonly groupMembers: GroupMemberStore;
  readonly groupApplications: GroupApplicationStore;
  readonly profiles: ProfileStore;
  readonly userStatus: UserStatusStore;
  readonly follows: FollowStore;
  readonly friends: FriendStore;
  readonly friendApplications: FriendApplicationStore;
  readonly friendGroups: FriendGroupStore;
  readonly blacklist: BlacklistStore;
  readonly profileFields: ProfileFieldStore;
  readonly #db: Database.Database;
  readonly #run: SqliteRunner;
  /** Checkpoints the WAL off the event loop (file databases only). */
  readonly #checkpointer: WalCheckpointer | undefined;

  /** Opens the database synchronously; throws 70402 for bad options and 70500 when it cannot open or migrate. */
  constructor(config: SqliteStoreConfig) {
    const { path, busyTimeoutMs, checkpointIntervalMs } = resolveSqliteStoreConfig(config);
    const db = wrapSqliteErrors(`cannot open the SQLite database ${path}`, () => new Database(path, { timeout: busyTimeoutMs }));
    try {
      const journalMode = db.pragma('journal_mode = WAL', { simple: true });
      // WAL is what makes readers never block the writer and NORMAL sync safe; refuse to run without it.
      if (path !== IN_MEMORY_PATH && journalMode !== 'wal') {
        throw storeError(`SQLite database ${path} cannot use WAL mode (journal_mode is ${String(journalMode)}); put it on a local file system`);
      }
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // After a checkpoint caught up, the WAL file is cut back to this size when it restarts.
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
      wrapSqliteErrors(`cannot migrate the SQLite database ${path}`, () => migrateSqliteDatabase(db));
      const tenantSql = prepareSqliteStatements(db);
      const messageSql = prepareMessageStatements(db);
      const groupSql = prepareGroupStatements(db);
      const run = new SqliteRunner(db, tenantSql.appExists);
      // One cache of committed counters per connection: appends fill it, group changes forget from it.
      const known = new CounterCache();
      const states = new SqliteConversationStates(messageSql, known);
      const groupRows = new SqliteGroupRows(groupSql, states);
      this.apps = new SqliteAppStore(run, tenantSql);
      this.accounts = new SqliteAccountStore(run, tenantSql);
      this.sigInvalidations = new SqliteSigInvalidationStore(run, tenantSql);
      this.usage = new SqliteUsageStore(run, tenantSql);
      this.messages = new SqliteMessageStore(run, messageSql, known, states);
      this.conversations = new SqliteConversationStore(run, messageSql, states);
      this.groups = new SqliteGroupStore(run, groupSql, groupRows, states);
      this.groupMembers = new SqliteGroupMemberStore(run, groupSql, groupRows, states);
      this.groupApplications = new SqliteGroupApplicationStore(run, groupSql, groupRows);
      this.profiles = new SqliteProfileStore(run, db);
      this.userStatus = new SqliteUserStatusStore(run, db);
      this.follows = new SqliteFollowStore(run, db);
      const relationshipSql = prepareRelationshipStatements(db);
      this.friends = new SqliteFriendStore(run, relationshipSql);
      this.friendApplications = new SqliteFriendApplicationStore(run, relationshipSql);
      this.friendGroups = new SqliteFriendGroupStore(run, relationshipSql);
      this.blacklist = new SqliteBlacklistStore(run, relationshipSql);
      this.profileFields = new SqliteProfileFieldStore(run, db);
      this.#run = run;
    } catch (error) {
      db.close();
      throw error;
    }
    this.#db = db;
    this.#checkpointer = path === IN_MEMORY_PATH ? undefined : WalCheckpointer.start(db, { path, busyTimeoutMs, intervalMs: checkpointIntervalMs });
  }

  /**
   * Checkpoints the WAL now, on the checkpoint worker: afterwards every commit made before the call
   * is in the database file (unless a reader held an older snapshot). Resolves with the WAL's frame
   * counts. An in-memory store has no WAL and resolves `{ log: 0, checkpointed: 0 }`.
   */
  async checkpoint(): Promise<CheckpointReport> {
    if (this.#run.closed) throw storeClosedError();
    if (this.#checkpointer === undefined) return { log: 0, checkpointed: 0 };
    if (this.#checkpointer.failure !== undefined) {
      const [row] = this.#run.read(() => this.#db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]);
      return { log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
    }
    return this.#checkpointer.checkpointNow();
  }

  /** Runs `PRAGMA optimize` and closes the database; later calls of any part reject with 88505, a second close resolves. */
  async close(): Promise<void> {
    if (this.#run.closed) return;
    this.#run.close();
    // The worker's connection goes first, so that closing the writer's (the last one) checkpoints
    // whatever is left and removes the WAL file.
    await this.#checkpointer?.stop();
    try {
      wrapSqliteErrors('PRAGMA optimize failed', () => this.#db.pragma('optimize'));
    } finally {
      this.#db.close();
    }
  }
}
