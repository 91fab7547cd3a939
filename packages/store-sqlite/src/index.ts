/**
 * `@parley/store-sqlite`: the embedded default Store of Parley, on SQLite (better-sqlite3, WAL mode).
 * @packageDocumentation
 */
export { SqliteStore, openSqliteStore } from './sqlite-store.js';
export { DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_CHECKPOINT_INTERVAL_MS, IN_MEMORY_PATH, resolveSqliteStoreConfig } from './sqlite-store-config.js';
export type { SqliteStoreConfig, ResolvedSqliteStoreConfig } from './sqlite-store-config.js';
export { WalCheckpointer } from './wal-checkpointer.js';
export type { CheckpointReport, WalCheckpointerOptions } from './wal-checkpointer.js';
export { SQLITE_MIGRATIONS, migrateSqliteDatabase, readSqliteSchemaVersion } from './sqlite-migrations.js';
export type { SqliteMigration, SqliteMigrationReport } from './sqlite-migrations.js';
