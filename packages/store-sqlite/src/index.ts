/**
 * `@parley/store-sqlite`: the embedded default Store of Parley, on SQLite (better-sqlite3, WAL mode).
 * @packageDocumentation
 */
export { SqliteStore, openSqliteStore } from './sqlite-store.js';
export { DEFAULT_BUSY_TIMEOUT_MS, IN_MEMORY_PATH, resolveSqliteStoreConfig } from './sqlite-store-config.js';
export type { SqliteStoreConfig, ResolvedSqliteStoreConfig } from './sqlite-store-config.js';
export { SQLITE_MIGRATIONS, migrateSqliteDatabase, readSqliteSchemaVersion } from './sqlite-migrations.js';
export type { SqliteMigration, SqliteMigrationReport } from './sqlite-migrations.js';
