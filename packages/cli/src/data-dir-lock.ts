/**
 * One `parley serve` per data directory. Two servers on one embedded database would run split:
 * each keeps its own sessions, so neither kicks the other's instances nor delivers to them live.
 *
 * The lock is an operating-system file lock, taken through SQLite's exclusive locking mode on a
 * small file beside the database. The kernel drops it when the holding process ends in any way,
 * SIGKILL included, so a crashed server never leaves a lock that needs removing by hand (a PID
 * file alone could not tell a dead holder from a reused PID). A second file records who holds the
 * lock, only to name them in the refusal.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The lock file's name inside the data directory. */
export const LOCK_FILE = 'serve.lock';
/** The file naming the lock's holder (PID, host, start time), for the refusal message. */
export const HOLDER_FILE = 'serve.pid';

/** A held data-directory lock. */
export interface DataDirLock {
  /** Releases the lock (idempotent). The process ending releases it too. */
  release(): void;
}

/** Thrown when another live process holds the data directory. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Who holds the lock, as the holder wrote it, or an empty string when unknown. */
function describeHolder(dir: string): string {
  try {
    const holder = JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')) as { pid?: unknown; host?: unknown; since?: unknown };
    const parts = [typeof holder.pid === 'number' ? `pid ${holder.pid}` : '', typeof holder.host === 'string' ? `on ${holder.host}` : '', typeof holder.since === 'string' ? `since ${holder.since}` : ''];
    return parts.filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/**
 * Takes the data directory for this process, creating the directory if needed.
 * @throws DataDirBusyError when another running `parley serve` holds it.
 */
export function lockDataDir(dir: string, now: () => Date = () => new Date()): DataDirLock {
  mkdirSync(dir, { recursive: true });
  // timeout 0: a held lock answers SQLITE_BUSY at once instead of waiting for it.
  const db = new Database(join(dir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; EXCLUSIVE locking mode keeps it until close.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL); DELETE FROM holder;');
    db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
  } catch (err) {
    db.close();
    if (!isBusy(err)) throw err;
    const holder = describeHolder(dir);
    throw new DataDirBusyError(
      `the data directory ${dir} is in use by another parley serve${holder ? ` (${holder})` : ''}; stop that server first, or give this one its own directory with --data <dir>`,
    );
  }
  writeFileSync(join(dir, HOLDER_FILE), `${JSON.stringify({ pid: process.pid, host: hostname(), since: now().toISOString() })}\n`);
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      rmSync(join(dir, HOLDER_FILE), { force: true });
      db.close();
    },
  };
}
