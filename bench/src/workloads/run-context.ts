/** What every workload run needs from the orchestrator, and the start/stop wrapper around a system. */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Pinning } from '../proc/pinning.js';
import { summarizeCpuProfile, type MonoWindow, type ProfileSummary } from '../report/profile-summary.js';
import type { ProgressSink } from '../report/progress-bar.js';
import type { RunningSystem, SystemDriver, SystemStartOptions } from '../systems/system-types.js';

/** Shared settings of one bench invocation. */
export interface RunContext {
  readonly pinning: Pinning;
  /** Temporary root; every system start gets a fresh private directory below it. */
  readonly workRoot: string;
  /** Progress output (stderr), or undefined for silence. */
  readonly out: ProgressSink | undefined;
  /** Logins in flight during storms (peer-bench: 200). */
  readonly concurrency: number;
  /** Forced number of load generators, or undefined to use one per 15,000 sockets. */
  readonly generators: number | undefined;
  /** When set, the Node systems (Parley, the floor) run under `node --cpu-prof`; profiles go here. */
  readonly profileDir: string | undefined;
  /** Wait after the last login before sampling idle RSS, ms (peer-bench: 3 s). */
  readonly idleSampleMs: number;
  /** Per-login timeout, ms. */
  readonly loginTimeoutMs: number;
  /** Longest wait for a quiet machine before each measured phase, ms (0: measure right away). */
  readonly settleMs: number;
}

/** Bytes to MB, with 1 MB = 1024 KB = 1,048,576 bytes (as `/proc` reports kB). */
export const toMB = (bytes: number): number => bytes / 1_048_576;

/**
 * Starts `driver` in a fresh directory, runs `fn`, and always stops it. With profiling on and the
 * system running on Node (Parley, the floor), the CPU profile written at its exit is summarised into `profile`, limited to
 * the `profileWindow` the result names (the measured phase) when it names one. `archive` turns on the
 * XMPP peers' message archive (see {@link SystemStartOptions.archive}).
 */
export async function withSystem<T extends { readonly profileWindow?: MonoWindow }>(
  ctx: RunContext,
  driver: SystemDriver,
  label: string,
  maxUserSessions: number,
  fn: (sys: RunningSystem) => Promise<T>,
  archive = false,
): Promise<{ result: T; profile: ProfileSummary | undefined }> {
  const workDir = mkdtempSync(join(ctx.workRoot, `${driver.name}-`));
  // The XMPP peers run as their own users and must reach their directory inside it.
  chmodSync(workDir, 0o755);
  const cpuProfileDir = ctx.profileDir && (driver.name === 'parley' || driver.name === 'floor') ? join(ctx.profileDir, `${label}-${driver.name}`) : undefined;
  if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
  const sys = await driver.start({ pinning: ctx.pinning, workDir, maxUserSessions, archive, ...(cpuProfileDir ? { cpuProfileDir } : {}) });
  let result: T;
  try {
    result = await fn(sys);
  } finally {
    await sys.stop();
  }
  let profile: ProfileSummary | undefined;
  if (cpuProfileDir) {
    const file = readdirSync(cpuProfileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) profile = summarizeCpuProfile(join(cpuProfileDir, file), result.profileWindow, result.profileWindow ? `measured phase of ${label}` : 'whole run');
  }
  return { result, profile };
}
