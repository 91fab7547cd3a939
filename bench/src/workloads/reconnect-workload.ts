/**
 * W5 reconnect storm (login part): N clients log in (a cold storm, measured like W1), then every
 * connection is dropped at once from the client side and all reconnect, Parley clients resuming
 * with their `instanceID` (`resumed: true` expected). Target (DESIGN.md §6): all back within 2× the
 * cold storm. Message delivery during the outage needs messaging and is not measured yet.
 */
import { GeneratorPool, generatorsFor } from '../load/generator-pool.js';
import type { ProfileSummary } from '../report/profile-summary.js';
import { round } from '../report/stats.js';
import { userNames, type SystemDriver } from '../systems/system-types.js';
import { measureStorm, type StormTotals } from './login-storm-workload.js';
import { withSystem, type RunContext } from './run-context.js';

/** One phase (cold or reconnect) of W5. */
export interface ReconnectPhase extends StormTotals {
  readonly serverCpuSec: number;
  readonly serverCpuMsPerLogin: number;
  /** CPU (in cores) used by processes outside the run meanwhile. */
  readonly otherCpuUtil: number;
  /** CPUs busy in the second before the phase (after waiting for a quiet machine). */
  readonly busyCoresBefore: number;
}

/** One W5 measurement. */
export interface ReconnectRun {
  readonly workload: 'w5';
  readonly system: string;
  readonly users: number;
  readonly concurrency: number;
  readonly generators: number;
  readonly cold: ReconnectPhase;
  /** Drop of all connections → last one back (logged in again / resumed). */
  readonly reconnect: ReconnectPhase;
  /** reconnect.wallSec / cold.wallSec (target ≤ 2). */
  readonly ratio: number;
  /** Parley: reconnects answered `resumed: false` (each one a fresh login, not a resume). */
  readonly notResumed: number | undefined;
  readonly messages: 'not yet measured';
  readonly profile?: ProfileSummary;
}

/** Runs W5 for one system (Parley or the floor) and one N. */
export async function runReconnect(ctx: RunContext, driver: SystemDriver, users: number): Promise<ReconnectRun> {
  const names = userNames(users);
  const generators = ctx.generators ?? generatorsFor(users);
  const { result, profile } = await withSystem(ctx, driver, `w5-${users}`, 10, async (sys) => {
    await sys.prepareUsers(names);
    const pool = await GeneratorPool.start(generators, ctx.pinning, sys.target, names);
    try {
      const cold = await measureStorm(ctx, sys, pool, `W5 ${driver.name} N=${users} cold`, users, false);
      const again = await measureStorm(ctx, sys, pool, `W5 ${driver.name} N=${users} drop+reconnect`, users, true);
      return { cold, again, profileWindow: again.window };
    } finally {
      await pool.close();
    }
  });
  const phase = (p: typeof result.cold): ReconnectPhase => {
    const cpu = p.after.cpuSec - p.before.cpuSec;
    return {
      ...p.totals,
      wallSec: round(p.totals.wallSec, 3),
      clientCpuSec: round(p.totals.clientCpuSec, 2),
      clientSysSec: round(p.totals.clientSysSec, 2),
      serverCpuSec: round(cpu, 2),
      serverCpuMsPerLogin: round((cpu * 1000) / Math.max(1, p.totals.ok), 3),
      otherCpuUtil: p.otherCpuUtil,
      busyCoresBefore: p.busyCoresBefore,
    };
  };
  const cold = phase(result.cold);
  const reconnect = phase(result.again);
  return {
    workload: 'w5',
    system: driver.name,
    users,
    concurrency: ctx.concurrency,
    generators,
    cold,
    reconnect,
    ratio: round(reconnect.wallSec / cold.wallSec, 2),
    notResumed: driver.name === 'parley' ? reconnect.ok - reconnect.resumed : undefined,
    messages: 'not yet measured',
    ...(profile ? { profile } : {}),
  };
}
