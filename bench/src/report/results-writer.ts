/** Writes a run's results: one JSON file per workload and system, a summary, tables and charts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkloadName } from '../bench-options.js';
import type { Pinning } from '../proc/pinning.js';
import type { FanoutRun } from '../workloads/fanout-workload.js';
import type { KickRun } from '../workloads/kick-workload.js';
import type { LoginStormRun } from '../workloads/login-storm-workload.js';
import type { PairsRun } from '../workloads/pairs-workload.js';
import type { ReconnectRun } from '../workloads/reconnect-workload.js';
import { fanoutChart, kickChart, loginStormChart, pairsChart, reconnectChart, renderSvg } from './charts.js';
import type { MachineInfo } from './machine-info.js';
import { fanoutTable, kickTable, loginStormTable, pairsTable, profileTable, reconnectTable } from './markdown-tables.js';

/** A run that could not be measured (a peer that failed to start, a crashed server...). */
export interface RunFailure {
  readonly workload: WorkloadName;
  readonly system: string;
  readonly users: number;
  readonly error: string;
}

/** Everything one bench invocation measured. */
export interface BenchSummary {
  readonly startedAt: string;
  finishedAt: string;
  readonly outDir: string;
  readonly command: string;
  readonly machine: MachineInfo;
  /** CPUs the machine kept busy during 1 s before the run (other users' jobs), in cores. */
  readonly busyCoresAtStart: number;
  /** Longest wait for a quiet machine before each measured phase, s. */
  readonly settleSec: number;
  readonly pinning: Pinning;
  /** True when this process also moved itself to the load CPU. */
  readonly orchestratorPinned: boolean;
  readonly versions: Record<string, string>;
  readonly w1: LoginStormRun[];
  readonly w2: PairsRun[];
  readonly w3: FanoutRun[];
  readonly w4: KickRun[];
  readonly w5: ReconnectRun[];
  readonly failures: RunFailure[];
  readonly files: string[];
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Writes `<workload>-<system>.json` for one workload and system (called as soon as it is done). */
export function writeSystemResult(summary: BenchSummary, workload: WorkloadName, system: string, runs: readonly unknown[]): string {
  mkdirSync(summary.outDir, { recursive: true });
  const name = `${workload}-${system}.json`;
  writeFileSync(join(summary.outDir, name), json({ workload, system, version: summary.versions[system], machine: summary.machine, pinning: summary.pinning, runs }));
  if (!summary.files.includes(name)) summary.files.push(name);
  return name;
}

/** The Markdown report of a summary (tables, failures, profiles). */
export function summaryMarkdown(s: BenchSummary): string {
  const parts = [
    `# Parley bench ${s.startedAt}`,
    '',
    `Command: \`${s.command}\``,
    '',
    `Machine: ${s.machine.cpus} × ${s.machine.cpuModel}${s.machine.virtualized ? ' (virtualized)' : ''}, ${s.machine.memoryGiB} GiB, ${s.machine.os}, kernel ${s.machine.kernel}, Node ${s.machine.node}; open files ${s.machine.openFilesLimit}; ephemeral ports ${s.machine.ephemeralPorts}.`,
    `Machine load before the run: ${s.busyCoresAtStart} CPUs busy; each storm first waits up to ${s.settleSec} s for a quiet second; "other CPU before / during" is the machine's busy CPUs in that second and the CPU processes outside the run used during the storm (in cores).`,
    `Pinning: ${s.pinning.applied ? `server on CPU ${s.pinning.serverCpus}, load generators${s.orchestratorPinned ? ' and orchestrator' : ''} on CPU ${s.pinning.loadCpus} (taskset)` : `not applied (${s.pinning.reason ?? 'unknown'})`}.`,
    '',
    ...Object.entries(s.versions).map(([k, v]) => `- ${k}: ${v}`),
  ];
  if (s.w1.length) parts.push('', '## W1 login storm', '', loginStormTable(s.w1));
  if (s.w2.length) parts.push('', '## W2 1:1 messages (Parley persists every message; XMPP with the archive off and on)', '', pairsTable(s.w2));
  if (s.w3.length) parts.push('', '## W3 group fan-out', '', fanoutTable(s.w3));
  if (s.w4.length) parts.push('', '## W4 kick-out latency', '', kickTable(s.w4));
  if (s.w5.length) parts.push('', '## W5 reconnect storm (Parley: with messages sent during the outage)', '', reconnectTable(s.w5));
  if (s.failures.length) parts.push('', '## Failed runs', '', ...s.failures.map((f) => `- ${f.workload} ${f.system} N=${f.users}: ${f.error.split('\n')[0]}`));
  const profiled = [
    ...s.w1.map((r) => ({ r, n: `N=${r.users}` })),
    ...s.w2.map((r) => ({ r, n: `pairs=${r.pairs}` })),
    ...s.w3.map((r) => ({ r, n: `members=${r.members}` })),
    ...s.w4.map((r) => ({ r, n: `N=${r.users}` })),
    ...s.w5.map((r) => ({ r, n: `N=${r.users}` })),
  ].filter((x) => x.r.profile);
  if (profiled.length) {
    parts.push('', '## CPU profiles (node --cpu-prof, main thread; samples of the measured phase)');
    for (const { r, n } of profiled) parts.push('', `### ${r.workload} ${r.system} ${n}`, '', profileTable(r.profile!));
  }
  return `${parts.join('\n')}\n`;
}

/** Writes summary.json, summary.md and one SVG chart per workload that has results. */
export async function writeSummary(s: BenchSummary): Promise<void> {
  mkdirSync(s.outDir, { recursive: true });
  const charts: [string, () => Promise<string>][] = [];
  if (s.w1.length) charts.push(['w1-login-storm.svg', () => renderSvg(loginStormChart(s.w1))]);
  if (s.w2.length) charts.push(['w2-messages.svg', () => renderSvg(pairsChart(s.w2))]);
  if (s.w3.length) charts.push(['w3-fanout.svg', () => renderSvg(fanoutChart(s.w3))]);
  if (s.w4.length) charts.push(['w4-kick.svg', () => renderSvg(kickChart(s.w4))]);
  if (s.w5.length) charts.push(['w5-reconnect.svg', () => renderSvg(reconnectChart(s.w5))]);
  for (const [name, render] of charts) {
    writeFileSync(join(s.outDir, name), await render());
    if (!s.files.includes(name)) s.files.push(name);
  }
  for (const name of ['summary.md', 'summary.json']) if (!s.files.includes(name)) s.files.push(name);
  writeFileSync(join(s.outDir, 'summary.md'), summaryMarkdown(s));
  writeFileSync(join(s.outDir, 'summary.json'), json(s));
}
