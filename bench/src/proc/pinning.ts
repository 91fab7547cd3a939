/**
 * CPU pinning with `taskset`, as in peer-bench.md: the server on CPU 0, the load generators (and
 * this orchestrator) on CPU 1, so each server gets exactly one core. Whether pinning happened is
 * recorded in every result.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** What pinning was applied. */
export interface Pinning {
  /** True when servers and generators run under `taskset`. */
  readonly applied: boolean;
  /** CPU list of the server (`taskset -c` syntax), when applied. */
  readonly serverCpus: string;
  /** CPU list of the load generators and the orchestrator, when applied. */
  readonly loadCpus: string;
  /** Why pinning was not applied. */
  readonly reason?: string;
}

const tasksetWorks = (cpus: string): boolean => spawnSync('taskset', ['-c', cpus, 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Decides pinning: applied when asked, `taskset` runs, and the machine has at least 2 CPUs.
 * @param wanted - false to run unpinned (`--no-pin`).
 */
export function detectPinning(wanted: boolean): Pinning {
  const serverCpus = '0';
  const loadCpus = '1';
  if (!wanted) return { applied: false, serverCpus, loadCpus, reason: 'disabled by --no-pin' };
  if (availableParallelism() < 2) return { applied: false, serverCpus, loadCpus, reason: 'fewer than 2 CPUs' };
  if (!tasksetWorks(serverCpus) || !tasksetWorks(loadCpus)) return { applied: false, serverCpus, loadCpus, reason: 'taskset is missing or not permitted' };
  return { applied: true, serverCpus, loadCpus };
}

/** Prefixes a command with `taskset -c <cpus>` for `role` when pinning is applied. */
export function pinnedCommand(p: Pinning, role: 'server' | 'load', cmd: string, args: readonly string[]): { cmd: string; args: string[] } {
  if (!p.applied) return { cmd, args: [...args] };
  return { cmd: 'taskset', args: ['-c', role === 'server' ? p.serverCpus : p.loadCpus, cmd, ...args] };
}

/** Moves this process (all its threads) to the load CPUs; true on success. */
export function pinSelf(p: Pinning): boolean {
  if (!p.applied) return false;
  return spawnSync('taskset', ['-a', '-p', '-c', p.loadCpus, String(process.pid)], { stdio: 'ignore' }).status === 0;
}
