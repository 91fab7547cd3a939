/**
 * W4 kick-out latency: users one at a time on an otherwise idle server. Session A logs in, then
 * session B of the same user; A must receive the kick (Parley `stat_forceoffline`, floor `kicked`,
 * XMPP `<conflict/>`) and B never. Measured from B's login answer and from B's login request.
 */
import { GeneratorPool } from '../load/generator-pool.js';
import type { KickSample } from '../load/kick-sequence.js';
import { waitForQuietMachine } from '../proc/quiet-machine.js';
import { monoNowUs, type ProfileSummary } from '../report/profile-summary.js';
import { ProgressBar } from '../report/progress-bar.js';
import { distribution, round, roundDistribution, totalCount, type Distribution } from '../report/stats.js';
import { userNames, type SystemDriver } from '../systems/system-types.js';
import { withSystem, type RunContext } from './run-context.js';

/** One W4 measurement. */
export interface KickRun {
  readonly workload: 'w4';
  readonly system: string;
  readonly users: number;
  /** Users whose older session A received the kick. */
  readonly kicked: number;
  /** Users where the kick hit A and not B (and, for Parley, named B's instance as the cause). */
  readonly victimWasEarliest: number;
  /** Users where the newer session B was kicked (must be 0). */
  readonly newerKicked: number;
  /** Parley: kick pushes whose `newInstanceInfo.instanceID` named B (undefined for systems without it). */
  readonly causeNamedNewer: number | undefined;
  /** Kick at A − B's login answer, ms (negative: A was told before B was answered). */
  readonly kickAfterAnswerMs: Distribution;
  /** Kick at A − B's login request, ms. */
  readonly kickAfterRequestMs: Distribution;
  /** A's TCP/WebSocket close − A's kick, ms. */
  readonly closeAfterKickMs: Distribution;
  /** Close codes seen by A, with counts (WebSocket systems). */
  readonly closeCodes: Record<string, number>;
  readonly errors: Record<string, number>;
  readonly errorCount: number;
  readonly profile?: ProfileSummary;
}

const defined = (xs: readonly (number | undefined)[]): number[] => xs.filter((x): x is number => x !== undefined);

/** Summarises the samples of one W4 run. */
export function summarizeKicks(
  samples: readonly KickSample[],
): Pick<KickRun, 'kicked' | 'victimWasEarliest' | 'newerKicked' | 'causeNamedNewer' | 'kickAfterAnswerMs' | 'kickAfterRequestMs' | 'closeAfterKickMs' | 'closeCodes'> {
  const closeCodes: Record<string, number> = {};
  for (const s of samples) if (s.closeCode !== undefined) closeCodes[String(s.closeCode)] = (closeCodes[String(s.closeCode)] ?? 0) + 1;
  return {
    kicked: samples.filter((s) => s.kicked).length,
    victimWasEarliest: samples.filter((s) => s.kicked && !s.newerKicked && s.causeIsNewer !== false).length,
    newerKicked: samples.filter((s) => s.newerKicked).length,
    causeNamedNewer: samples.some((s) => s.causeIsNewer !== undefined) ? samples.filter((s) => s.causeIsNewer === true).length : undefined,
    kickAfterAnswerMs: roundDistribution(distribution(defined(samples.map((s) => s.afterAnswerMs))), 3),
    kickAfterRequestMs: roundDistribution(distribution(defined(samples.map((s) => s.afterRequestMs))), 3),
    closeAfterKickMs: roundDistribution(distribution(defined(samples.map((s) => s.closeAfterKickMs))), 3),
    closeCodes,
  };
}

/** Runs W4 for one system. */
export async function runKick(ctx: RunContext, driver: SystemDriver, users: number): Promise<KickRun> {
  const names = userNames(users);
  // ejabberd as in peer-bench W3: max_user_sessions 1 (the same resource conflicts anyway).
  const { result, profile } = await withSystem(ctx, driver, `w4-${users}`, 1, async (sys) => {
    await sys.prepareUsers(names);
    const pool = await GeneratorPool.start(1, ctx.pinning, sys.target, names);
    try {
      await waitForQuietMachine(ctx.settleMs);
      const bar = new ProgressBar(ctx.out, `W4 ${driver.name} users=${users}`, users);
      const fromUs = monoNowUs();
      const report = await pool.kick(names, ctx.loginTimeoutMs, 1_000, 60_000 + users * 3_000, (d) => bar.update(d));
      const toUs = monoNowUs();
      const summary = summarizeKicks(report.samples);
      bar.finish(`${summary.kicked}/${users} kicked, p99 ${round(summary.kickAfterAnswerMs.p99, 3)} ms after the answer`);
      return { ...report, profileWindow: { fromUs, toUs } };
    } finally {
      await pool.close();
    }
  });
  const errorCount = totalCount(result.errors);
  return {
    workload: 'w4',
    system: driver.name,
    users,
    ...summarizeKicks(result.samples),
    errors: result.errors,
    errorCount,
    ...(profile ? { profile } : {}),
  };
}
