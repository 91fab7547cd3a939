/**
 * Reads CPU time and memory of a process from `/proc`, the way peer-bench.md measured every
 * server: utime+stime of `/proc/<pid>/stat` (all threads) and VmRSS of `/proc/<pid>/status`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** Clock ticks per second of `/proc` CPU times (`getconf CLK_TCK`, normally 100). */
export function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const n = Number(out.stdout?.trim());
    ticksPerSecond = Number.isInteger(n) && n > 0 ? n : 100;
  }
  return ticksPerSecond;
}

/** One `/proc/<pid>/stat` line, split. */
export interface ProcStat {
  readonly pid: number;
  /** Executable name (`comm`), at most 15 characters. */
  readonly comm: string;
  readonly ppid: number;
  /** Session id. */
  readonly sid: number;
  /** User + system CPU time of all threads, in seconds. */
  readonly cpuSec: number;
  /** Of that, kernel time (syscalls; on loopback also the TCP stack work of both ends it triggers), s. */
  readonly sysSec: number;
}

/** Parses `/proc/<pid>/stat`; `undefined` if the process is gone. */
export function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // comm may contain spaces and parentheses: it ends at the last ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const rest = text.slice(close + 2).split(' ');
  const num = (i: number) => Number(rest[i] ?? 'NaN');
  return {
    pid,
    comm: text.slice(open + 1, close),
    ppid: num(1),
    sid: num(3),
    cpuSec: (num(11) + num(12)) / clockTicks(),
    sysSec: num(12) / clockTicks(),
  };
}

/** Resident set size in bytes (`VmRSS`), or `undefined` if the process is gone. */
export function readRssBytes(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds and RSS of a server at one instant. */
export interface ServerSample {
  /** `performance.now()` of the sample, ms. */
  readonly at: number;
  readonly cpuSec: number;
  readonly sysSec: number;
  readonly rssBytes: number;
}

/** Samples CPU and RSS of `pid`; throws if the process is gone (a crashed server must fail the run). */
export function sampleServer(pid: number): ServerSample {
  const stat = readStat(pid);
  const rss = readRssBytes(pid);
  if (!stat || rss === undefined) throw new Error(`server process ${pid} is gone`);
  return { at: performance.now(), cpuSec: stat.cpuSec, sysSec: stat.sysSec, rssBytes: rss };
}

/** Every live process, as parsed stat lines. */
export function listProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) out.push(stat);
  }
  return out;
}

/** The environment of a process as `KEY=value` strings (empty if unreadable). */
export function readEnviron(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').filter((s) => s.length > 0);
  } catch {
    return [];
  }
}

/** True while `/proc/<pid>` exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Whole-machine CPU time from the `cpu` line of `/proc/stat`, in CPU-seconds. */
export interface MachineCpu {
  /** Time not idle and not waiting for I/O, summed over all CPUs. */
  readonly busySec: number;
  /** All time, summed over all CPUs. */
  readonly totalSec: number;
}

/** Reads {@link MachineCpu}. */
export function readMachineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const total = v.slice(0, 8).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busySec: (total - idle) / clockTicks(), totalSec: total / clockTicks() };
}

/** CPU time of several processes added up (processes that are gone count 0), s. */
export function cpuOf(pids: readonly number[]): number {
  return pids.reduce((a, pid) => a + (readStat(pid)?.cpuSec ?? 0), 0);
}
