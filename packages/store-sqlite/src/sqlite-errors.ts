/** Errors of the SQLite store: every driver error becomes a 70500 `ParleyError` with the cause kept. */
import { ParleyError, type Parsed } from '@parley/protocol';
import { storeError } from '@parley/store';
import { corruptRowError } from './sqlite-row-codec.js';

/** The parsed row, or a 70500 naming the table and key of a corrupt one. */
export function parseRow<T>(table: string, key: string, parsed: Parsed<T>): T {
  if (!parsed.ok) throw corruptRowError(table, key, parsed.reason);
  return parsed.value;
}

/** Runs `work`; a ParleyError passes through, any other error becomes 70500 with the driver error as cause. */
export function wrapSqliteErrors<T>(context: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (ParleyError.is(error)) throw error;
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? `${error.code}: ` : '';
    throw storeError(`${context}: ${code}${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
