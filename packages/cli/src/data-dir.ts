/** Where `parley` keeps its data, and opening the embedded store there. */
import { join, resolve } from 'node:path';
import type { Store } from '@parley/store';
import { openSqliteStore } from '@parley/store-sqlite';

/** Default data directory, relative to the working directory. Override with `--data` or `PARLEY_DATA`. */
export const DEFAULT_DATA_DIR = '.parley-data';

/** Resolves the data directory from the flag, the environment, or the default. */
export function dataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env['PARLEY_DATA'] ?? DEFAULT_DATA_DIR);
}

/** Opens (creating if needed) the embedded SQLite store of a data directory. */
export function openDataStore(dir: string): Promise<Store> | Store {
  return openSqliteStore({ path: join(dir, 'parley.db') });
}
