/** A description of the machine a run happened on, for the report. */
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

/** What the report says about the machine. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly kernel: string;
  readonly os: string;
  readonly node: string;
  /** `/proc/cpuinfo` says the CPU runs under a hypervisor. */
  readonly virtualized: boolean;
  readonly openFilesLimit: string;
  readonly ephemeralPorts: string;
}

const read = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Reads the machine description from the OS. */
export function describeMachine(): MachineInfo {
  const osRelease = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(read('/etc/os-release'))?.[1] ?? 'unknown';
  const limits = /^Max open files\s+(\S+)\s+(\S+)/m.exec(read('/proc/self/limits'));
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    // Not availableParallelism(): the orchestrator may already be pinned to one CPU.
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    os: osRelease,
    node: process.version,
    virtualized: /\bhypervisor\b/.test(read('/proc/cpuinfo')),
    openFilesLimit: limits ? `${limits[1]} soft / ${limits[2]} hard` : 'unknown',
    ephemeralPorts: read('/proc/sys/net/ipv4/ip_local_port_range').trim().replace(/\s+/, '-'),
  };
}
