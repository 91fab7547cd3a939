/**
 * The orchestrator's side of the load generators: forks them (pinned to the load CPU), splits the
 * users and the logins in flight between them, and collects their reports.
 */
import type { ChildProcess } from 'node:child_process';
import { GENERATOR_SCRIPT } from '../paths.js';
import { pinnedCommand, type Pinning } from '../proc/pinning.js';
import { spawnOwned, stopPid } from '../proc/child-processes.js';
import { mergeCounts } from '../report/stats.js';
import { parseGeneratorReply, type CatchUpReport, type GeneratorCommand, type GeneratorReply } from './generator-messages.js';
import type { KickReport } from './kick-sequence.js';
import type { LoadTarget } from './load-target.js';
import type { StormReport } from './login-storm.js';
import { sourceAddressesFor } from './source-addresses.js';

/** Sockets one generator may hold: the fd limit here is 20,000 per process (peer-bench: ~19k usable). */
export const MAX_SOCKETS_PER_GENERATOR = 15_000;

/** Generators needed for `users` sockets (at least 1). */
export function generatorsFor(users: number): number {
  return Math.max(1, Math.ceil(users / MAX_SOCKETS_PER_GENERATOR));
}

/** Splits `total` into `parts` near-equal integer shares (the first ones get the remainder). */
export function shares(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

type ReplyOf<K extends GeneratorReply['op']> = Extract<GeneratorReply, { op: K }>;

class Generator {
  readonly child: ChildProcess;
  #pending: { op: string; resolve: (r: GeneratorReply) => void; reject: (e: Error) => void; onProgress: (done: number) => void } | undefined;
  #exited: Error | undefined;

  constructor(child: ChildProcess) {
    this.child = child;
    child.on('message', (raw: unknown) => {
      const parsed = parseGeneratorReply(raw);
      const p = this.#pending;
      if (!p) return;
      if (!parsed.ok) return this.#settle(new Error(`generator sent a bad reply: ${parsed.reason}`));
      const msg = parsed.value;
      if (msg.op === 'progress') return p.onProgress(msg.done);
      if (msg.op === 'failed') return this.#settle(new Error(`generator failed: ${msg.error}`));
      if (msg.op !== p.op) return this.#settle(new Error(`generator answered ${msg.op}, expected ${p.op}`));
      this.#settle(undefined, msg);
    });
    child.on('exit', (code, signal) => {
      this.#exited = new Error(`generator ${child.pid} exited (${signal ?? code})`);
      this.#settle(this.#exited);
    });
  }

  #settle(err: Error | undefined, msg?: GeneratorReply): void {
    const p = this.#pending;
    if (!p) return;
    this.#pending = undefined;
    if (err) p.reject(err);
    else if (msg) p.resolve(msg);
  }

  request<K extends GeneratorReply['op']>(cmd: GeneratorCommand, expect: K, timeoutMs: number, onProgress: (done: number) => void = () => undefined): Promise<ReplyOf<K>> {
    if (this.#exited) return Promise.reject(this.#exited);
    return new Promise<ReplyOf<K>>((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(new Error(`generator did not answer ${cmd.op} within ${timeoutMs} ms`)), timeoutMs);
      this.#pending = {
        op: expect,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r as ReplyOf<K>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
        onProgress,
      };
      this.child.send(cmd);
    });
  }
}

/** A set of running load generators sharing one target. */
export class GeneratorPool {
  readonly #gens: Generator[];
  /** Users handled by each generator. */
  readonly userCounts: readonly number[];

  private constructor(gens: Generator[], userCounts: number[]) {
    this.#gens = gens;
    this.userCounts = userCounts;
  }

  /** Pids of the generator processes (for client CPU accounting). */
  get pids(): number[] {
    return this.#gens.map((g) => g.child.pid ?? -1);
  }

  /**
   * Forks `count` generators and gives each a contiguous slice of `users`.
   * @param timeoutMs - how long preparing (e.g. minting UserSigs) may take.
   */
  static async start(count: number, pinning: Pinning, target: LoadTarget, users: readonly string[], timeoutMs = 60_000): Promise<GeneratorPool> {
    const sizes = shares(users.length, count);
    const gens: Generator[] = [];
    const pool = new GeneratorPool(gens, sizes);
    try {
      let from = 0;
      for (let i = 0; i < count; i++) {
        const { cmd, args } = pinnedCommand(pinning, 'load', process.execPath, [GENERATOR_SCRIPT]);
        const child = spawnOwned(cmd, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        const gen = new Generator(child);
        gens.push(gen);
        const slice = users.slice(from, from + sizes[i]!);
        from += sizes[i]!;
        await gen.request({ op: 'init', target, users: slice, sourceAddresses: sourceAddressesFor(i) }, 'ready', timeoutMs);
      }
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  /**
   * Runs a storm on every generator at once, `concurrency` logins in flight in total.
   * @param onProgress - total logins finished so far across generators.
   */
  async storm(concurrency: number, loginTimeoutMs: number, reconnect: boolean, deadlineMs: number, onProgress: (done: number) => void): Promise<StormReport[]> {
    const parts = shares(concurrency, this.#gens.length);
    const done = this.#gens.map(() => 0);
    const replies = await Promise.all(
      this.#gens.map((g, i) =>
        g.request({ op: 'storm', concurrency: Math.max(1, parts[i]!), timeoutMs: loginTimeoutMs, reconnect }, 'storm', deadlineMs, (d) => {
          done[i] = d;
          onProgress(done.reduce((a, b) => a + b, 0));
        }),
      ),
    );
    return replies.map((r) => r.report);
  }

  /** Runs W4 for `users` on the first generator (one at a time, so one is enough). */
  async kick(users: readonly string[], loginTimeoutMs: number, waitMs: number, deadlineMs: number, onProgress: (done: number) => void): Promise<KickReport> {
    const first = this.#gens[0];
    if (!first) throw new Error('no generator');
    const r = await first.request({ op: 'kick', users, timeoutMs: loginTimeoutMs, waitMs }, 'kick', deadlineMs, onProgress);
    return r.report;
  }

  /** Drops every session of every generator. */
  async drop(): Promise<void> {
    await Promise.all(this.#gens.map((g) => g.request({ op: 'drop' }, 'dropped', 30_000)));
  }

  /** Drops every session's connection at once, keeping the sessions for a resuming reconnect storm. */
  async disconnect(): Promise<void> {
    await Promise.all(this.#gens.map((g) => g.request({ op: 'disconnect' }, 'disconnected', 30_000)));
  }

  /** Parley (W5): every session of every generator catches up with `openim.sync`; the reports merged. */
  async catchUp(timeoutMs: number): Promise<CatchUpReport> {
    const replies = await Promise.all(this.#gens.map((g) => g.request({ op: 'catchup', timeoutMs }, 'caughtup', timeoutMs + 10_000)));
    const reports = replies.map((r) => r.report);
    return {
      held: reports.flatMap((r) => r.held),
      syncDuplicates: reports.reduce((a, r) => a + r.syncDuplicates, 0),
      alsoPushed: reports.reduce((a, r) => a + r.alsoPushed, 0),
      errors: mergeCounts(reports.map((r) => r.errors)),
    };
  }

  /** Stops the generators (their sessions die with them). */
  async close(): Promise<void> {
    await Promise.all(
      this.#gens.map(async (g) => {
        if (g.child.connected) g.child.disconnect();
        if (g.child.pid !== undefined) await stopPid(g.child.pid, 'SIGTERM', 5_000);
      }),
    );
  }
}
