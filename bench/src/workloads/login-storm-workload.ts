/**
 * W1 login storm: N distinct users, `concurrency` logins in flight, all stay connected. A login is
 * TCP connect + upgrade/stream setup + the system's login answer (Parley: `wslogin` answered).
 * Server CPU comes from `/proc/<pid>/stat`, RSS from `/proc/<pid>/status`; idle RSS is sampled
 * `idleSampleMs` after the last login with all N connected (peer-bench.md method).
 */
import { GeneratorPool, generatorsFor } from '../load/generator-pool.js';
import type { StormReport } from '../load/login-storm.js';
import { sleep } from '../proc/child-processes.js';
import { cpuOf, readMachineCpu, sampleServer } from '../proc/proc-stats.js';
import { waitForQuietMachine } from '../proc/quiet-machine.js';
import { monoNowUs, type ProfileSummary } from '../report/profile-summary.js';
import { ProgressBar } from '../report/progress-bar.js';
import { distribution, mergeCounts, round, roundDistribution, totalCount, type Distribution } from '../report/stats.js';
import { userNames, type RunningSystem, type SystemDriver } from '../systems/system-types.js';
import { toMB, withSystem, type RunContext } from './run-context.js';

/** Aggregate of the generators' reports for one storm. */
export interface StormTotals {
  readonly ok: number;
  readonly resumed: number;
  readonly errors: Record<string, number>;
  readonly errorCount: number;
  /** First connect (or drop) → last answer across generators, s. */
  readonly wallSec: number;
  readonly latencyMs: Distribution;
  readonly clientCpuSec: number;
  /** Of that, kernel time, s. */
  readonly clientSysSec: number;
}

/** Adds up the reports of all generators of one storm. */
export function totalsOf(reports: readonly StormReport[]): StormTotals {
  const start = Math.min(...reports.map((r) => r.startedAt));
  const end = Math.max(...reports.map((r) => r.endedAt));
  const errors = mergeCounts(reports.map((r) => r.errors));
  return {
    ok: reports.reduce((a, r) => a + r.ok, 0),
    resumed: reports.reduce((a, r) => a + r.resumed, 0),
    errors,
    errorCount: totalCount(errors),
    wallSec: (end - start) / 1000,
    latencyMs: roundDistribution(distribution(reports.flatMap((r) => r.latenciesMs))),
    clientCpuSec: reports.reduce((a, r) => a + r.clientCpuSec, 0),
    clientSysSec: reports.reduce((a, r) => a + r.clientSysSec, 0),
  };
}

/** One W1 measurement. */
export interface LoginStormRun {
  readonly workload: 'w1';
  readonly system: string;
  readonly users: number;
  readonly concurrency: number;
  readonly generators: number;
  readonly ok: number;
  readonly errors: Record<string, number>;
  readonly errorCount: number;
  readonly wallSec: number;
  readonly loginsPerSec: number;
  /** Connect start → login answer, ms. */
  readonly latencyMs: Distribution;
  readonly serverCpuSec: number;
  readonly serverCpuMsPerLogin: number;
  /** Share of the server CPU spent in the kernel (system time), 0..1. */
  readonly serverSysShare: number;
  /** Server CPU seconds / wall seconds (1.0 = one core saturated). */
  readonly serverCpuUtil: number;
  /** Load generators' CPU seconds / wall seconds. */
  readonly clientCpuUtil: number;
  /** CPU (in cores) that processes outside the run used during the storm; above ~0.1 the run was disturbed. */
  readonly otherCpuUtil: number;
  /** CPUs busy in the second before the storm, after waiting up to `settleMs` for a quiet machine. */
  readonly busyCoresBefore: number;
  readonly rssBeforeMB: number;
  readonly rssAfterStormMB: number;
  /** RSS `idleSampleMs` after the last login, all N connected. */
  readonly rssIdleMB: number;
  /** (idle RSS − RSS before) / N, KB. */
  readonly rssPerConnKB: number;
  /** Account creation before the storm (registration / import), s. */
  readonly prepareSec: number;
  readonly profile?: ProfileSummary;
}

/**
 * Measures one storm of `users` logins on a started system: cold, or (`reconnect`) after dropping
 * every session of the pool at once. Waits for a quiet machine first (up to `ctx.settleMs`). The
 * pool's sessions stay connected afterwards. W1 uses it once, W5 twice.
 */
export async function measureStorm(ctx: RunContext, sys: RunningSystem, pool: GeneratorPool, label: string, users: number, reconnect: boolean) {
  const settle = await waitForQuietMachine(ctx.settleMs);
  const bar = new ProgressBar(ctx.out, label, users);
  const ours = () => cpuOf(pool.pids) + process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
  const machine0 = readMachineCpu();
  const ours0 = ours();
  const before = sampleServer(sys.pid);
  const fromUs = monoNowUs();
  const deadline = 60_000 + users * 20;
  const reports = await pool.storm(ctx.concurrency, ctx.loginTimeoutMs, reconnect, deadline, (d) => bar.update(d));
  const toUs = monoNowUs();
  const after = sampleServer(sys.pid);
  const machine1 = readMachineCpu();
  const ours1 = ours();
  const totals = totalsOf(reports);
  // CPU the rest of the machine used meanwhile (other users' jobs): a disturbed run shows here.
  const otherCpuSec = machine1.busySec - machine0.busySec - (after.cpuSec - before.cpuSec) - (ours1 - ours0);
  const otherCpuUtil = round(Math.max(0, otherCpuSec) / Math.max(0.001, (after.at - before.at) / 1000), 2);
  bar.finish(`${totals.ok}/${users} in ${totals.wallSec.toFixed(2)} s${totals.errorCount ? `, ${totals.errorCount} errors` : ''}${otherCpuUtil > 0.1 ? `; other processes used ${otherCpuUtil} CPU meanwhile` : ''}`);
  return { before, after, totals, otherCpuUtil, busyCoresBefore: round(settle.busyCores, 2), window: { fromUs, toUs } };
}

/** Runs W1 for one system and one N. */
export async function runLoginStorm(ctx: RunContext, driver: SystemDriver, users: number): Promise<LoginStormRun> {
  const names = userNames(users);
  const generators = ctx.generators ?? generatorsFor(users);
  const { result, profile } = await withSystem(ctx, driver, `w1-${users}`, 10, async (sys) => {
    const t0 = performance.now();
    await sys.prepareUsers(names);
    const prepareSec = (performance.now() - t0) / 1000;
    const pool = await GeneratorPool.start(generators, ctx.pinning, sys.target, names);
    try {
      const { before, after, totals, otherCpuUtil, busyCoresBefore, window } = await measureStorm(ctx, sys, pool, `W1 ${driver.name} N=${users}`, users, false);
      await sleep(ctx.idleSampleMs);
      const idle = sampleServer(sys.pid);
      return { prepareSec, before, after, idle, totals, otherCpuUtil, busyCoresBefore, profileWindow: window };
    } finally {
      await pool.close();
    }
  });
  const { totals, before, after, idle, prepareSec, otherCpuUtil, busyCoresBefore } = result;
  const cpu = after.cpuSec - before.cpuSec;
  return {
    workload: 'w1',
    system: driver.name,
    users,
    concurrency: ctx.concurrency,
    generators,
    ok: totals.ok,
    errors: totals.errors,
    errorCount: totals.errorCount,
    wallSec: round(totals.wallSec, 3),
    loginsPerSec: round(totals.ok / totals.wallSec, 0),
    latencyMs: totals.latencyMs,
    serverCpuSec: round(cpu, 2),
    serverCpuMsPerLogin: round((cpu * 1000) / Math.max(1, totals.ok), 3),
    serverSysShare: round((after.sysSec - before.sysSec) / Math.max(0.001, cpu), 2),
    serverCpuUtil: round(cpu / totals.wallSec, 2),
    clientCpuUtil: round(totals.clientCpuSec / totals.wallSec, 2),
    otherCpuUtil,
    busyCoresBefore,
    rssBeforeMB: round(toMB(before.rssBytes), 1),
    rssAfterStormMB: round(toMB(after.rssBytes), 1),
    rssIdleMB: round(toMB(idle.rssBytes), 1),
    rssPerConnKB: round((idle.rssBytes - before.rssBytes) / 1024 / Math.max(1, totals.ok), 1),
    prepareSec: round(prepareSec, 2),
    ...(profile ? { profile } : {}),
  };
}
