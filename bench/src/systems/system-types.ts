/** What every system under test (Parley, the floor, ejabberd, Prosody) offers the workloads. */
import type { LoadTarget } from '../load/load-target.js';
import type { Pinning } from '../proc/pinning.js';

/** Names of the systems a run can compare. */
export const SYSTEM_NAMES = ['parley', 'floor', 'ejabberd', 'prosody'] as const;

/** One of {@link SYSTEM_NAMES}. */
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** How to start a system for one measured run. */
export interface SystemStartOptions {
  readonly pinning: Pinning;
  /** A private, empty directory for this run's data, configs and logs. */
  readonly workDir: string;
  /** ejabberd's `max_user_sessions` (peer-bench: 10, and 1 for the kick test). */
  readonly maxUserSessions: number;
  /**
   * XMPP peers only: archive every message (ejabberd `mod_mam` with `default: always`, Prosody `mam`
   * with `default_archive_policy = true`; bench/peers/*-mam.*), as peer-bench's W2 "mam-on" runs.
   * Default false.
   */
  readonly archive?: boolean;
  /** Node systems only (Parley, floor): write a V8 CPU profile (`node --cpu-prof`) into this directory. */
  readonly cpuProfileDir?: string;
}

/** A started system. */
export interface RunningSystem {
  readonly name: SystemName;
  /** The process whose `/proc` CPU time and RSS are the server's (ejabberd: `beam.smp`). */
  readonly pid: number;
  /** How load generators reach it. */
  readonly target: LoadTarget;
  /**
   * Makes the accounts of `users` exist before the measured part (XMPP: in-band registration;
   * Parley: REST `multiaccount_import`; floor: nothing).
   */
  prepareUsers(users: readonly string[]): Promise<void>;
  /** Stops it by pid and waits until it is gone. */
  stop(): Promise<void>;
}

/** Starts one kind of system. */
export interface SystemDriver {
  readonly name: SystemName;
  /** Version string for the report (package versions, runtime). */
  version(): string;
  start(options: SystemStartOptions): Promise<RunningSystem>;
}

/** Account names used by every workload: `u1`..`uN`. */
export function userNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `u${i + 1}`);
}
