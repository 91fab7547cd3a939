/** Options of the SQLite store and their defaults. */
import { ParleyError, isUint } from '@parley/protocol';

/** Options of {@link SqliteStore} / `openSqliteStore`. */
export interface SqliteStoreConfig {
  /**
   * Database file path, or `':memory:'` for a private in-memory database that is lost on close.
   * `openSqliteStore` creates the parent directory of a file path when it is missing.
   */
  readonly path: string;
  /**
   * How long a statement waits for another connection's lock before failing with SQLITE_BUSY, in
   * milliseconds. @default 5000
   */
  readonly busyTimeoutMs?: number;
  /**
   * Time between two WAL checkpoints of the checkpoint worker (file databases), in milliseconds.
   * Larger values batch more commits per checkpoint; the WAL grows by whatever is written meanwhile.
   * @default 200
   */
  readonly checkpointIntervalMs?: number;
}

/** {@link SqliteStoreConfig} with every default applied. */
export interface ResolvedSqliteStoreConfig {
  readonly path: string;
  readonly busyTimeoutMs: number;
  readonly checkpointIntervalMs: number;
}

/** Default of {@link SqliteStoreConfig.busyTimeoutMs}, in milliseconds. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** The path that selects an in-memory database. */
export const IN_MEMORY_PATH = ':memory:';

/** Default of {@link SqliteStoreConfig.checkpointIntervalMs}, in milliseconds. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 200;

// A Node timer holds at most 2^31 - 1 ms.
const MAX_CHECKPOINT_INTERVAL_MS = 2 ** 31 - 1;

// SQLite stores the busy timeout in a C int.
const MAX_BUSY_TIMEOUT_MS = 2 ** 31 - 1;

/** Applies defaults and checks `config`; throws 70402 naming the offending option. */
export function resolveSqliteStoreConfig(config: SqliteStoreConfig): ResolvedSqliteStoreConfig {
  // An empty path would make better-sqlite3 open an anonymous temporary file: never what a caller meant.
  if (typeof config.path !== 'string' || config.path.length === 0) {
    throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', 'SQLite store path must be a non-empty file path or ":memory:"');
  }
  const busyTimeoutMs = config.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!isUint(busyTimeoutMs) || busyTimeoutMs > MAX_BUSY_TIMEOUT_MS) {
    throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `busyTimeoutMs must be an integer in 0..${MAX_BUSY_TIMEOUT_MS}, got ${String(busyTimeoutMs)}`);
  }
  const checkpointIntervalMs = config.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
  if (!isUint(checkpointIntervalMs) || checkpointIntervalMs < 1 || checkpointIntervalMs > MAX_CHECKPOINT_INTERVAL_MS) {
    throw ParleyError.of(
      'ERR_SVR_ACCOUNT_INVALID_PARAMETERS',
      `checkpointIntervalMs must be an integer in 1..${MAX_CHECKPOINT_INTERVAL_MS}, got ${String(checkpointIntervalMs)}`,
    );
  }
  return { path: config.path, busyTimeoutMs, checkpointIntervalMs };
}
