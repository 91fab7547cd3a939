/**
 * `SqliteStore`: the embedded default {@link Store}, one SQLite file in WAL mode through better-sqlite3.
 * better-sqlite3 is synchronous, so each method runs to completion before any other call starts:
 * concurrent calls are serialised without locks, and every write (a whole batch included) is one
 * transaction.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ParleyError, type WireMemberRole } from '@parley/protocol';
import type {
  AccountInput,
  AccountRecord,
  AddMemberResult,
  AppendOutcome,
  AppPatch,
  AppRecord,
  ConversationPatch,
  ConversationView,
  DailyStats,
  GroupApplication,
  GroupMemberRecord,
  GroupPatch,
  GroupRecord,
  GroupView,
  HistoryPage,
  HistoryRange,
  InboxPage,
  JoinedGroup,
  MessageDraft,
  SigInvalidation,
  Store,
} from '@parley/server';
import { prepareGroupStatements } from './sqlite-group-statements.js';
import { SqliteGroups } from './sqlite-groups.js';
import { prepareMessageStatements } from './sqlite-message-statements.js';
import { SqliteMessaging } from './sqlite-messaging.js';
import { migrateSqliteDatabase } from './sqlite-migrations.js';
import { storeError, wrapSqliteErrors } from './sqlite-errors.js';
import { IN_MEMORY_PATH, resolveSqliteStoreConfig, type SqliteStoreConfig } from './sqlite-store-config.js';
import { WalCheckpointer, type CheckpointReport } from './wal-checkpointer.js';
import { prepareSqliteStatements } from './sqlite-statements.js';
import { SqliteTenants } from './sqlite-tenants.js';

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
 * the directory.
 */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #tenants: SqliteTenants;
  readonly #messaging: SqliteMessaging;
  readonly #groups: SqliteGroups;
  /** Runs its argument inside a transaction; called with `.immediate` for every write. */
  readonly #transaction: Database.Transaction<(work: () => void) => void>;
  /** Checkpoints the WAL off the event loop (file databases only). */
  readonly #checkpointer: WalCheckpointer | undefined;
  #closed = false;

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
      this.#tenants = new SqliteTenants(prepareSqliteStatements(db));
      this.#messaging = new SqliteMessaging(prepareMessageStatements(db));
      this.#groups = new SqliteGroups(prepareGroupStatements(db), this.#messaging);
    } catch (error) {
      db.close();
      throw error;
    }
    this.#db = db;
    this.#transaction = db.transaction((work: () => void) => work());
    this.#checkpointer = path === IN_MEMORY_PATH ? undefined : WalCheckpointer.start(db, { path, busyTimeoutMs, intervalMs: checkpointIntervalMs });
  }

  /**
   * Checkpoints the WAL now, on the checkpoint worker: afterwards every commit made before the call
   * is in the database file (unless a reader held an older snapshot). Resolves with the WAL's frame
   * counts. An in-memory store has no WAL and resolves `{ log: 0, checkpointed: 0 }`.
   */
  async checkpoint(): Promise<CheckpointReport> {
    if (this.#closed) throw ParleyError.of('PARLEY_SERVER_SHUTTING_DOWN', 'the store is closed');
    if (this.#checkpointer === undefined) return { log: 0, checkpointed: 0 };
    if (this.#checkpointer.failure !== undefined) {
      const [row] = this.#read(() => this.#db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]);
      return { log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
    }
    return this.#checkpointer.checkpointNow();
  }

  async createApp(app: AppRecord): Promise<void> {
    this.#write(() => this.#tenants.createApp(app));
  }

  async getApp(sdkAppID: number): Promise<AppRecord | undefined> {
    return this.#read(() => this.#tenants.getApp(sdkAppID));
  }

  async listApps(): Promise<AppRecord[]> {
    return this.#read(() => this.#tenants.listApps());
  }

  async updateApp(sdkAppID: number, patch: AppPatch): Promise<AppRecord | undefined> {
    return this.#write(() => this.#tenants.updateApp(sdkAppID, patch));
  }

  async importAccounts(sdkAppID: number, accounts: readonly AccountInput[], now: number): Promise<void> {
    this.#write(() => this.#tenants.importAccounts(sdkAppID, accounts, now));
  }

  async ensureAccounts(sdkAppID: number, userIDs: readonly string[], now: number): Promise<string[]> {
    return this.#write(() => this.#tenants.ensureAccounts(sdkAppID, userIDs, now));
  }

  async getAccounts(sdkAppID: number, userIDs: readonly string[]): Promise<AccountRecord[]> {
    return this.#read(() => this.#tenants.getAccounts(sdkAppID, userIDs));
  }

  async deleteAccounts(sdkAppID: number, userIDs: readonly string[]): Promise<string[]> {
    return this.#write(() => this.#tenants.deleteAccounts(sdkAppID, userIDs));
  }

  async countAccounts(sdkAppID: number): Promise<number> {
    return this.#read(() => this.#tenants.countAccounts(sdkAppID));
  }

  async putSigInvalidation(sdkAppID: number, invalidation: SigInvalidation): Promise<void> {
    this.#write(() => this.#tenants.putSigInvalidation(sdkAppID, invalidation));
  }

  async listSigInvalidations(sdkAppID: number): Promise<SigInvalidation[]> {
    return this.#read(() => this.#tenants.listSigInvalidations(sdkAppID));
  }

  async recordDailyActive(sdkAppID: number, day: string, userIDs: readonly string[]): Promise<void> {
    this.#write(() => this.#tenants.recordDailyActive(sdkAppID, day, userIDs));
  }

  async recordPeakConnections(sdkAppID: number, day: string, connections: number): Promise<void> {
    this.#write(() => this.#tenants.recordPeakConnections(sdkAppID, day, connections));
  }

  async getDailyStats(sdkAppID: number, fromDay: string, toDay: string): Promise<DailyStats[]> {
    return this.#read(() => this.#tenants.getDailyStats(sdkAppID, fromDay, toDay));
  }

  async appendMessages(sdkAppID: number, drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    const result = this.#write(() => {
      this.#assertAppExists(sdkAppID);
      return this.#messaging.append(sdkAppID, drafts);
    });
    result.committed();
    return result.outcomes;
  }

  async syncInbox(sdkAppID: number, userID: string, cursor: number, count: number): Promise<InboxPage> {
    return this.#read(() => this.#messaging.syncInbox(sdkAppID, userID, cursor, count));
  }

  async inboxHead(sdkAppID: number, userID: string): Promise<number> {
    return this.#read(() => this.#messaging.inboxHead(sdkAppID, userID));
  }

  async getHistory(sdkAppID: number, userID: string, conversationID: string, range: HistoryRange): Promise<HistoryPage> {
    return this.#read(() => this.#messaging.history(sdkAppID, userID, conversationID, range));
  }

  async getConversations(sdkAppID: number, userID: string, conversationIDs?: readonly string[]): Promise<ConversationView[]> {
    // One read transaction, so that every view of the list sees the same moment.
    return this.#snapshot(() => (!this.#tenants.hasApp(sdkAppID) ? [] : this.#messaging.conversations(sdkAppID, userID, conversationIDs)));
  }

  async updateConversations(sdkAppID: number, userID: string, patches: readonly { readonly conversationID: string; readonly patch: ConversationPatch }[]): Promise<void> {
    this.#write(() => {
      this.#assertAppExists(sdkAppID);
      this.#messaging.updateConversations(sdkAppID, userID, patches);
    });
  }

  async deleteMessages(sdkAppID: number, userID: string, conversationID: string, seqs: readonly number[]): Promise<void> {
    this.#write(() => {
      this.#assertAppExists(sdkAppID);
      this.#messaging.deleteMessages(sdkAppID, userID, conversationID, seqs);
    });
  }

  async createGroup(sdkAppID: number, group: GroupRecord, members: readonly GroupMemberRecord[]): Promise<GroupView> {
    return this.#write(() => {
      this.#assertAppExists(sdkAppID);
      return this.#groups.create(sdkAppID, group, members);
    });
  }

  async getGroup(sdkAppID: number, groupID: string): Promise<GroupView | undefined> {
    return this.#read(() => this.#groups.get(sdkAppID, groupID));
  }

  async updateGroup(sdkAppID: number, groupID: string, patch: GroupPatch): Promise<GroupView | undefined> {
    return this.#write(() => {
      this.#assertAppExists(sdkAppID);
      return this.#groups.update(sdkAppID, groupID, patch);
    });
  }

  async deleteGroup(sdkAppID: number, groupID: string): Promise<string[] | undefined> {
    return this.#write(() => {
      this.#assertAppExists(sdkAppID);
      return this.#groups.delete(sdkAppID, groupID);
    });
  }

  async addGroupMembers(sdkAppID: number, groupID: string, members: readonly GroupMemberRecord[], limit: number): Promise<AddMemberResult[]> {
    return this.#write(() => {
      this.#assertAppExists(sdkAppID);
      return this.#groups.addMembers(sdkAppID, groupID, members, limit);
    });
  }

  async removeGroupMembers(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<string[]> {
    return this.#write(() => {
      this.#assertAppExists(sdkAppID);
      return this.#groups.removeMembers(sdkAppID, groupID, userIDs);
    });
  }

  async setGroupMemberRole(sdkAppID: number, groupID: string, userID: string, role: WireMemberRole): Promise<boolean> {
    return this.#write(() => {
      this.#assertAppExists(sdkAppID);
      return this.#groups.setRole(sdkAppID, groupID, userID, role);
    });
  }

  async getGroupMembers(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<GroupMemberRecord[]> {
    return this.#read(() => this.#groups.getMembers(sdkAppID, groupID, userIDs));
  }

  async listGroupMembers(sdkAppID: number, groupID: string, offset: number, count: number): Promise<GroupMemberRecord[]> {
    return this.#read(() => this.#groups.listMembers(sdkAppID, groupID, offset, count));
  }

  async listJoinedGroups(sdkAppID: number, userID: string): Promise<JoinedGroup[]> {
    return this.#read(() => this.#groups.listJoined(sdkAppID, userID));
  }

  async putGroupApplication(sdkAppID: number, groupID: string, application: GroupApplication): Promise<void> {
    this.#write(() => {
      this.#assertAppExists(sdkAppID);
      this.#groups.putApplication(sdkAppID, groupID, application);
    });
  }

  async listGroupApplications(sdkAppID: number, groupID: string): Promise<GroupApplication[]> {
    return this.#read(() => this.#groups.listApplications(sdkAppID, groupID));
  }

  async deleteGroupApplication(sdkAppID: number, groupID: string, userID: string): Promise<boolean> {
    return this.#write(() => {
      this.#assertAppExists(sdkAppID);
      return this.#groups.deleteApplication(sdkAppID, groupID, userID);
    });
  }

  /** Runs `PRAGMA optimize` and closes the database; later calls reject with 88505, a second close resolves. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // The worker's connection goes first, so that closing the writer's (the last one) checkpoints
    // whatever is left and removes the WAL file.
    await this.#checkpointer?.stop();
    try {
      wrapSqliteErrors('PRAGMA optimize failed', () => this.#db.pragma('optimize'));
    } finally {
      this.#db.close();
    }
  }

  /** Runs `work` on the open database, turning driver errors into 70500 ParleyErrors. */
  #read<T>(work: () => T): T {
    if (this.#closed) throw ParleyError.of('PARLEY_SERVER_SHUTTING_DOWN', 'the store is closed');
    return wrapSqliteErrors('SQLite store operation failed', work);
  }

  /** Runs several reads in one deferred transaction: they all see the same committed state. */
  #snapshot<T>(work: () => T): T {
    return this.#read(() => {
      let result!: T;
      this.#transaction.deferred(() => {
        result = work();
      });
      return result;
    });
  }

  /**
   * Runs `work` in one `BEGIN IMMEDIATE` transaction: the write lock is taken up front (waiting up to
   * the busy timeout), so a read-then-write never fails half way because another process wrote in
   * between. A throw rolls everything back.
   */
  #write<T>(work: () => T): T {
    return this.#read(() => {
      let result!: T;
      this.#transaction.immediate(() => {
        result = work();
      });
      return result;
    });
  }

  #assertAppExists(sdkAppID: number): void {
    this.#tenants.assertAppExists(sdkAppID);
  }
}
