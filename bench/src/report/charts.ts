/**
 * One SVG chart per workload, drawn with Vega-Lite compiled to Vega and rendered headless (no
 * canvas, no browser) by Vega's SVG string renderer.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { FanoutRun } from '../workloads/fanout-workload.js';
import type { KickRun } from '../workloads/kick-workload.js';
import type { LoginStormRun } from '../workloads/login-storm-workload.js';
import type { PairsRun } from '../workloads/pairs-workload.js';
import type { ReconnectRun } from '../workloads/reconnect-workload.js';

/** Parley's performance targets (docs/BENCHMARKS.md, "Against the targets") drawn as red rules. */
export const TARGETS = { loginsPerSec: 5000, cpuMsPerLogin: 0.33, rssPerConnKB: 16, kickP99Ms: 5, reconnectRatio: 2, msgsPerSec: 20_000, msgP99Ms: 50, cpuUsPerMsg: 40, fanoutPerSec: 200_000 } as const;

/** Renders a Vega-Lite spec to an SVG string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

type Row = Record<string, string | number>;

/** One panel of a horizontal concatenation, as Vega-Lite types it. */
type Panel = Extract<TopLevelSpec, { hconcat: unknown }>['hconcat'][number];

function barWithTarget(rows: readonly Row[], field: string, title: string, target: number | undefined, x: string, offset: string): Panel {
  const bars = {
    data: { values: [...rows] },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: x, type: 'nominal', title: null, sort: null, axis: { labelAngle: 0 } },
      xOffset: { field: offset, type: 'nominal', sort: null },
      color: { field: offset, type: 'nominal', sort: null, title: offset },
      y: { field, type: 'quantitative', title },
    },
  } satisfies Panel;
  if (target === undefined) return { width: 220, height: 220, layer: [bars] };
  const rule = {
    data: { values: [{ target }] },
    mark: { type: 'rule', color: '#d62728', strokeDash: [6, 3], strokeWidth: 2 },
    encoding: { y: { field: 'target', type: 'quantitative' } },
  } satisfies Panel;
  return { width: 220, height: 220, layer: [bars, rule] };
}

/** Panels side by side under one title (every chart of the bench has this shape). */
function sideBySide(title: string, panels: Panel[]): TopLevelSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: title, anchor: 'start' }, hconcat: panels };
}

/** W1: logins/s, server CPU ms per login and RSS per idle connection, per system and N. */
export function loginStormChart(runs: readonly LoginStormRun[]): TopLevelSpec {
  const rows = runs.map((r) => ({ system: r.system, N: `N=${r.users}`, loginsPerSec: r.loginsPerSec, cpu: r.serverCpuMsPerLogin, rss: r.rssPerConnKB }));
  return sideBySide('W1 login storm (200 in flight); red: Parley target', [
    barWithTarget(rows, 'loginsPerSec', 'logins/s', TARGETS.loginsPerSec, 'system', 'N'),
    barWithTarget(rows, 'cpu', 'server CPU ms per login', TARGETS.cpuMsPerLogin, 'system', 'N'),
    barWithTarget(rows, 'rss', 'RSS per idle connection, KB', TARGETS.rssPerConnKB, 'system', 'N'),
  ]);
}

/** W2: delivered msgs/s, p99 latency and server CPU µs per message, per system. */
export function pairsChart(runs: readonly PairsRun[]): TopLevelSpec {
  const rows = runs.map((r) => ({ system: r.archive === 'mam' ? `${r.system} +mam` : r.system, run: `${r.pairs} pairs`, rate: r.deliveredPerSec, p99: r.latencyMs.p99, cpu: r.serverCpuUsPerMsg }));
  return sideBySide('W2 1:1 messages (closed loop, 10 unacked per sender); red: Parley target', [
    barWithTarget(rows, 'rate', 'delivered msgs/s', TARGETS.msgsPerSec, 'system', 'run'),
    barWithTarget(rows, 'p99', 'p99 send → receipt, ms', TARGETS.msgP99Ms, 'system', 'run'),
    barWithTarget(rows, 'cpu', 'server CPU µs per message', TARGETS.cpuUsPerMsg, 'system', 'run'),
  ]);
}

/** W3: deliveries/s and latency to the last member, per system and group size. */
export function fanoutChart(runs: readonly FanoutRun[]): TopLevelSpec {
  const rows = runs.map((r) => ({ system: r.system, N: `N=${r.members}`, rate: r.deliveriesPerSec, last: r.lastMemberMs.p99 }));
  return sideBySide('W3 group fan-out (one sender, closed loop); red: Parley target', [
    barWithTarget(rows, 'rate', 'deliveries/s', TARGETS.fanoutPerSec, 'system', 'N'),
    barWithTarget(rows, 'last', 'p99 send → last member, ms', undefined, 'system', 'N'),
  ]);
}

/** W4: kick latency p50/p99 after the new login's answer and after its request. */
export function kickChart(runs: readonly KickRun[]): TopLevelSpec {
  const rows: Row[] = [];
  for (const r of runs) {
    rows.push({ system: r.system, stat: 'p50', basis: 'answer', ms: r.kickAfterAnswerMs.p50 }, { system: r.system, stat: 'p99', basis: 'answer', ms: r.kickAfterAnswerMs.p99 });
    rows.push({ system: r.system, stat: 'p50', basis: 'request', ms: r.kickAfterRequestMs.p50 }, { system: r.system, stat: 'p99', basis: 'request', ms: r.kickAfterRequestMs.p99 });
  }
  return sideBySide('W4 kick-out latency (old session told); red: Parley p99 target (from the answer)', [
    barWithTarget(rows.filter((r) => r['basis'] === 'answer'), 'ms', 'ms after the new login was answered', TARGETS.kickP99Ms, 'system', 'stat'),
    barWithTarget(rows.filter((r) => r['basis'] === 'request'), 'ms', 'ms after the new login was requested', undefined, 'system', 'stat'),
  ]);
}

/** W5: cold storm vs drop-and-reconnect time, per system and N. */
export function reconnectChart(runs: readonly ReconnectRun[]): TopLevelSpec {
  const rows: Row[] = runs.flatMap((r) => [
    { run: `${r.system} N=${r.users}`, phase: 'cold login storm', seconds: r.cold.wallSec },
    { run: `${r.system} N=${r.users}`, phase: 'drop + reconnect', seconds: r.reconnect.wallSec },
    { run: `${r.system} N=${r.users}`, phase: '2 x cold (target)', seconds: 2 * r.cold.wallSec },
  ]);
  return sideBySide('W5 reconnect storm: all back vs cold login storm (target: at most 2 x cold)', [{ ...barWithTarget(rows, 'seconds', 'seconds until all N are logged in', undefined, 'run', 'phase'), width: 120 * Math.max(1, runs.length) }]);
}
