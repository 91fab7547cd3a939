/**
 * Checkpoints the WAL of a database file from a worker thread, so that the event loop never waits
 * for a checkpoint's fsyncs. SQLite's automatic checkpoint runs inside the COMMIT of whichever write
 * crosses the threshold (1,000 pages): on the event loop, that commit then blocks for two fsyncs,
 * which under a message load made commits 2× slower in wall time. Here the writer's connection
 * has `wal_autocheckpoint = 0`, and a second connection in a worker runs a PASSIVE checkpoint
 * every `checkpointIntervalMs` (200 ms by default): it copies committed pages into the database file
 * without taking the write lock, so commits go on meanwhile. When a checkpoint has caught up, the
 * next commit starts the WAL over from its beginning, so the WAL stays bounded.
 *
 * If the worker fails (it cannot open the file, a checkpoint throws), the writer's connection goes
 * back to automatic checkpoints: slower commits, never an unbounded WAL.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's own automatic checkpoint threshold, in WAL pages, restored when the worker fails. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** What the worker reports back. */
type WorkerReport =
  | { readonly type: 'checkpoint'; readonly id: number | null; readonly log: number; readonly checkpointed: number }
  | { readonly type: 'failed'; readonly message: string };

/** The result of one checkpoint: WAL frames in the log and how many of them are in the database file. */
export interface CheckpointReport {
  readonly log: number;
  readonly checkpointed: number;
}

// The worker is plain CommonJS passed as a string: it runs the same way from the TypeScript sources
// (tests) and from dist, and it loads the driver from the path the main thread resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let timer;
function fail(err) {
  clearInterval(timer);
  parentPort.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  try { db && db.close(); } catch {}
  parentPort.close();
}
function checkpoint(id) {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  if (id !== null) parentPort.postMessage({ type: 'checkpoint', id, log: row.log, checkpointed: row.checkpointed });
}
try {
  db = new Database(workerData.path, { fileMustExist: true, timeout: workerData.busyTimeoutMs });
  // The checkpoint syncs the WAL before copying it and the database file after, as the writer's would.
  db.pragma('synchronous = NORMAL');
  timer = setInterval(() => { try { checkpoint(null); } catch (err) { fail(err); } }, workerData.intervalMs);
} catch (err) {
  fail(err);
}
parentPort.on('message', (msg) => {
  if (typeof msg === 'number') { try { checkpoint(msg); } catch (err) { fail(err); } return; }
  if (msg !== 'stop') return;
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.close();
});
`;

/** Options of {@link WalCheckpointer.start}. */
export interface WalCheckpointerOptions {
  /** Database file (not `:memory:`), already in WAL mode. */
  readonly path: string;
  /** Busy timeout of the worker's connection, in milliseconds. */
  readonly busyTimeoutMs: number;
  /** Time between checkpoints, in milliseconds. */
  readonly intervalMs: number;
}

/** A worker thread that checkpoints one database's WAL; see the module comment. */
export class WalCheckpointer {
  readonly #worker: Worker;
  readonly #writer: Database.Database;
  readonly #exited: Promise<void>;
  #failure: string | undefined;
  #stopping = false;
  readonly #waiters = new Map<number, { resolve: (report: CheckpointReport) => void; reject: (err: Error) => void }>();
  #nextRequest = 1;

  private constructor(writer: Database.Database, options: WalCheckpointerOptions) {
    this.#writer = writer;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, path: options.path, busyTimeoutMs: options.busyTimeoutMs, intervalMs: options.intervalMs },
    });
    // A store someone forgot to close must not keep the process alive.
    this.#worker.unref();
    this.#worker.on('message', (report: WorkerReport) => this.#onReport(report));
    this.#worker.on('error', (err) => this.#fallBack(err.message));
    this.#exited = new Promise((resolve) =>
      this.#worker.once('exit', () => {
        // A worker gone without being asked to stop must not leave the WAL unchecked.
        if (!this.#stopping) this.#fallBack('the checkpoint worker exited');
        this.#rejectWaiters('the WAL checkpointer stopped');
        resolve();
      }),
    );
  }

  /** Turns off the automatic checkpoint of `writer` and starts the worker. */
  static start(writer: Database.Database, options: WalCheckpointerOptions): WalCheckpointer {
    writer.pragma('wal_autocheckpoint = 0');
    return new WalCheckpointer(writer, options);
  }

  /** Why the worker stopped checkpointing (the writer checkpoints itself since), or undefined while it works. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Asks for a checkpoint now; resolves with its result (for tests and shutdown). Rejects once the worker has failed. */
  checkpointNow(): Promise<CheckpointReport> {
    if (this.#failure !== undefined) return Promise.reject(new Error(`the WAL checkpointer failed: ${this.#failure}`));
    if (this.#stopping) return Promise.reject(new Error('the WAL checkpointer stopped'));
    const id = this.#nextRequest++;
    this.#worker.ref();
    return new Promise<CheckpointReport>((resolve, reject) => {
      this.#waiters.set(id, { resolve, reject });
      this.#worker.postMessage(id);
    }).finally(() => {
      if (this.#waiters.size === 0 && !this.#stopping) this.#worker.unref();
    });
  }

  /** Stops the worker and waits until its connection is closed. */
  async stop(): Promise<void> {
    this.#stopping = true;
    // Waiting for the exit must keep the process alive, unlike the idle worker.
    this.#worker.ref();
    this.#worker.postMessage('stop');
    await this.#exited;
  }

  #onReport(report: WorkerReport): void {
    if (report.type === 'failed') {
      this.#fallBack(report.message);
      return;
    }
    if (report.id === null) return;
    this.#waiters.get(report.id)?.resolve({ log: report.log, checkpointed: report.checkpointed });
    this.#waiters.delete(report.id);
  }

  #rejectWaiters(reason: string): void {
    for (const { reject } of this.#waiters.values()) reject(new Error(reason));
    this.#waiters.clear();
  }

  #fallBack(reason: string): void {
    if (this.#failure !== undefined) return;
    this.#failure = reason;
    this.#rejectWaiters(`the WAL checkpointer failed: ${reason}`);
    if (this.#writer.open) this.#writer.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  }
}
