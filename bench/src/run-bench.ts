/**
 * The bench orchestrator: runs the requested workloads on Parley and the systems it is compared
 * with, one system at a time (each on a fresh server, pinned to its own core), and writes the
 * results. Everything it starts is stopped by pid before it returns, or at exit.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchOptions, WORKLOAD_NAMES, WORKLOAD_SYSTEMS, type BenchOptions, type WorkloadName } from './bench-options.js';
import { missingBuildOutputs } from './paths.js';
import { sleep } from './proc/child-processes.js';
import { detectPinning, pinSelf } from './proc/pinning.js';
import { readMachineCpu } from './proc/proc-stats.js';
import { describeMachine } from './report/machine-info.js';
import { note, type ProgressSink } from './report/progress-bar.js';
import { writeSummary, writeSystemResult, type BenchSummary } from './report/results-writer.js';
import { ejabberdDriver } from './systems/ejabberd-system.js';
import { floorDriver } from './systems/floor-system.js';
import { parleyDriver } from './systems/parley-system.js';
import { ensurePeersInstalled } from './systems/peer-install.js';
import { prosodyDriver } from './systems/prosody-system.js';
import type { SystemDriver, SystemName } from './systems/system-types.js';
import { runFanout } from './workloads/fanout-workload.js';
import { runKick } from './workloads/kick-workload.js';
import { runLoginStorm } from './workloads/login-storm-workload.js';
import { runPairs } from './workloads/pairs-workload.js';
import { runReconnect } from './workloads/reconnect-workload.js';
import type { RunContext } from './workloads/run-context.js';

const DRIVERS: Readonly<Record<SystemName, SystemDriver>> = { parley: parleyDriver, floor: floorDriver, ejabberd: ejabberdDriver, prosody: prosodyDriver };

/** Per-login timeout, ms. */
const LOGIN_TIMEOUT_MS = 20_000;

/** Where the orchestrator writes progress; replaceable for tests. */
export interface RunBenchIO {
  /** Progress and narration (stderr by default). */
  readonly progress?: ProgressSink;
  /** The command line to record in the summary. */
  readonly command?: string;
}

/** Thrown for unusable options or a missing build: the CLI prints the message and exits 2. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

function describeCommand(o: BenchOptions): string {
  const vs = o.systems.filter((s) => s !== 'parley');
  return ['parley bench', o.workloads.length === WORKLOAD_NAMES.length ? 'all' : o.workloads.join(','), vs.length ? `--vs ${vs.join(',')}` : '', `--users ${o.users.join(',')}`, o.quick ? '--quick' : '', o.profile ? '--profile' : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * Runs the bench.
 * @param raw - options as given by the CLI; parsed by {@link parseBenchOptions}.
 * @returns the summary (also written to `outDir`). Runs that failed are listed in `failures`.
 */
export async function runBench(raw: unknown, io: RunBenchIO = {}): Promise<BenchSummary> {
  const parsed = parseBenchOptions(raw);
  if (!parsed.ok) throw new BenchUsageError(parsed.reason);
  const o = parsed.value;
  const missing = missingBuildOutputs();
  if (missing.length) throw new BenchUsageError(`build first (node_modules/.bin/tsc -b packages/cli bench); missing: ${missing.join(', ')}`);
  const out = o.progress ? (io.progress ?? process.stderr) : undefined;
  const pinning = detectPinning(o.pin);
  const orchestratorPinned = pinSelf(pinning);
  const peers = o.systems.filter((s): s is 'ejabberd' | 'prosody' => s === 'ejabberd' || s === 'prosody');
  if (peers.length && o.install) await ensurePeersInstalled(peers, (l) => note(out, l));
  mkdirSync(o.outDir, { recursive: true });
  const idle0 = readMachineCpu();
  await sleep(1000);
  const idle1 = readMachineCpu();
  const busyCoresAtStart = Math.round(((idle1.busySec - idle0.busySec) / ((idle1.totalSec - idle0.totalSec) || 1)) * describeMachine().cpus * 100) / 100;
  if (busyCoresAtStart > 0.2) note(out, `warning: the machine is busy before the run (${busyCoresAtStart} CPUs in use by other processes); numbers will be noisy`);
  const summary: BenchSummary = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    outDir: o.outDir,
    command: io.command ?? describeCommand(o),
    machine: describeMachine(),
    busyCoresAtStart,
    settleSec: o.settleMs / 1000,
    pinning,
    orchestratorPinned,
    versions: Object.fromEntries(o.systems.map((s) => [s, DRIVERS[s].version()])),
    w1: [],
    w2: [],
    w3: [],
    w4: [],
    w5: [],
    failures: [],
    files: [],
  };
  note(out, `parley bench → ${o.outDir} (pinning: ${pinning.applied ? 'server CPU 0, load CPU 1' : pinning.reason})`);
  const workRoot = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  chmodSync(workRoot, 0o755);
  const ctx: RunContext = {
    pinning,
    workRoot,
    out,
    concurrency: o.concurrency,
    generators: o.generators,
    profileDir: o.profile ? join(o.outDir, 'profiles') : undefined,
    idleSampleMs: o.idleSampleMs,
    loginTimeoutMs: LOGIN_TIMEOUT_MS,
    settleMs: o.settleMs,
  };
  const attempt = async <T>(workload: WorkloadName, system: SystemName, users: number, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      summary.failures.push({ workload, system, users, error });
      note(out, `${workload} ${system} N=${users} failed: ${error.split('\n')[0]}`);
      return undefined;
    }
  };
  try {
    for (const workload of o.workloads) {
      for (const system of o.systems.filter((s) => WORKLOAD_SYSTEMS[workload].includes(s))) {
        const driver = DRIVERS[system];
        if (workload === 'w1') {
          const runs = [];
          for (const n of o.users) {
            const r = await attempt(workload, system, n, () => runLoginStorm(ctx, driver, n));
            if (r) runs.push(r);
          }
          summary.w1.push(...runs);
          writeSystemResult(summary, workload, system, runs);
        } else if (workload === 'w2') {
          // XMPP peers run twice, archive off and on (peer-bench's "mam-on"), as separate servers.
          const runs = [];
          for (const archive of system === 'ejabberd' || system === 'prosody' ? [false, true] : [false]) {
            const r = await attempt(workload, system, o.pairs * 2, () => runPairs(ctx, driver, o.pairs, o.messages, archive));
            if (r) runs.push(r);
          }
          summary.w2.push(...runs);
          writeSystemResult(summary, workload, system, runs);
        } else if (workload === 'w3') {
          const runs = [];
          for (const n of o.groupSizes) {
            const r = await attempt(workload, system, n, () => runFanout(ctx, driver, n, o.groupMessages));
            if (r) runs.push(r);
          }
          summary.w3.push(...runs);
          writeSystemResult(summary, workload, system, runs);
        } else if (workload === 'w4') {
          const r = await attempt(workload, system, o.kickUsers, () => runKick(ctx, driver, o.kickUsers));
          if (r) summary.w4.push(r);
          writeSystemResult(summary, workload, system, r ? [r] : []);
        } else {
          const runs = [];
          for (const n of o.users) {
            const r = await attempt(workload, system, n, () => runReconnect(ctx, driver, n));
            if (r) runs.push(r);
          }
          summary.w5.push(...runs);
          writeSystemResult(summary, workload, system, runs);
        }
      }
    }
  } finally {
    rmSync(workRoot, { recursive: true, force: true });
  }
  summary.finishedAt = new Date().toISOString();
  await writeSummary(summary);
  note(out, `results: ${o.outDir}`);
  return summary;
}
