/**
 * Waiting for a quiet machine. The bench machine may be shared (other jobs, test suites); a storm
 * measured while something else burns CPU says little. Before each measured phase the orchestrator
 * waits, up to a limit, for a second in which the machine is (nearly) idle apart from the run.
 */
import { readFileSync } from 'node:fs';
import { sleep } from './child-processes.js';
import { readMachineCpu } from './proc-stats.js';

/** Outcome of {@link waitForQuietMachine}. */
export interface QuietWait {
  /** How long it waited, ms. */
  readonly waitedMs: number;
  /** CPUs busy in the last second measured (all processes; the run itself is idle then). */
  readonly busyCores: number;
  /** False when the limit passed before a quiet second came. */
  readonly quiet: boolean;
}

/**
 * Waits until one second passes with at most `thresholdCores` CPUs busy, or `maxMs` elapsed.
 * @param maxMs - 0 returns at once after one measurement.
 */
export async function waitForQuietMachine(maxMs: number, thresholdCores = 0.15): Promise<QuietWait> {
  const start = performance.now();
  for (;;) {
    const a = readMachineCpu();
    await sleep(maxMs === 0 ? 200 : 1000);
    const b = readMachineCpu();
    const seconds = (b.totalSec - a.totalSec) / Math.max(1, cpuCount());
    const busyCores = seconds > 0 ? (b.busySec - a.busySec) / seconds : 0;
    const waitedMs = performance.now() - start;
    if (busyCores <= thresholdCores) return { waitedMs, busyCores, quiet: true };
    if (waitedMs >= maxMs) return { waitedMs, busyCores, quiet: false };
  }
}

let cpus: number | undefined;

/** CPUs counted in `/proc/stat` (its first line sums them all). */
function cpuCount(): number {
  cpus ??= Math.max(1, readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d+ /.test(l)).length);
  return cpus;
}
