/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, a `.cpuprofile` JSON file) into the functions and
 * files with the most self time, which is what the benchmark report needs to explain a miss.
 */
import { readFileSync } from 'node:fs';
import { isRecord } from '@parley/protocol';

/** One function's share of the profile. */
export interface ProfileEntry {
  /** Function name (`(anonymous)` when it has none; V8's `(garbage collector)`, `(program)`...). */
  readonly name: string;
  /** Script and 1-based line, shortened to the part after `node_modules/` or the repo folder. */
  readonly location: string;
  /** Self time, ms. */
  readonly selfMs: number;
  /** Share of the busy (non-idle) time, %. */
  readonly pct: number;
}

/** A span of the system-wide monotonic clock, in µs (`process.hrtime.bigint() / 1000n`, V8's profile clock). */
export interface MonoWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Now on the monotonic clock V8 stamps profile samples with, in µs. */
export function monoNowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** The summary of one profile. */
export interface ProfileSummary {
  readonly file: string;
  /** What part of the profile is summarised (e.g. "the storm"), or "whole run". */
  readonly scope: string;
  /** Profile duration, ms. */
  readonly totalMs: number;
  /** Time sampled in `(idle)`, ms. */
  readonly idleMs: number;
  /** Everything else, ms. */
  readonly busyMs: number;
  /** Functions by self time, largest first. */
  readonly topFunctions: readonly ProfileEntry[];
  /** Script files by self time, largest first (`name` is the file). */
  readonly topFiles: readonly ProfileEntry[];
}

interface Node {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly line: number;
}

/** Shortens a script URL: `.../node_modules/ws/lib/x.js` → `ws/lib/x.js`, repo paths to `packages/...`. */
export function shortLocation(url: string): string {
  if (url === '') return '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const pk = url.lastIndexOf('/packages/');
  if (pk >= 0) return url.slice(pk + 1);
  return url.replace(/^file:\/\//, '');
}

function parseNodes(raw: unknown): Node[] {
  if (!Array.isArray(raw)) throw new Error('cpu profile has no nodes array');
  return raw.map((n, i) => {
    if (!isRecord(n) || typeof n['id'] !== 'number' || !isRecord(n['callFrame'])) throw new Error(`cpu profile node ${i} is malformed`);
    const cf = n['callFrame'];
    return {
      id: n['id'],
      name: typeof cf['functionName'] === 'string' && cf['functionName'] !== '' ? cf['functionName'] : '(anonymous)',
      url: typeof cf['url'] === 'string' ? cf['url'] : '',
      line: typeof cf['lineNumber'] === 'number' ? cf['lineNumber'] + 1 : 0,
    };
  });
}

/**
 * Reads and summarises a `.cpuprofile` file.
 * @param window - only samples inside this span count (V8 and `process.hrtime` share the clock);
 *   the whole profile when undefined.
 * @param scope - says what the window is, for the report.
 * @param top - how many functions and files to keep. @default 20
 */
export function summarizeCpuProfile(path: string, window?: MonoWindow, scope = 'whole run', top = 20): ProfileSummary {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isRecord(raw)) throw new Error(`${path} is not a cpu profile`);
  const nodes = new Map(parseNodes(raw['nodes']).map((n) => [n.id, n]));
  const samples = raw['samples'];
  const deltas = raw['timeDeltas'];
  if (!Array.isArray(samples) || !Array.isArray(deltas)) throw new Error(`${path} has no samples/timeDeltas`);
  const selfUs = new Map<number, number>();
  let at = typeof raw['startTime'] === 'number' ? raw['startTime'] : 0;
  // timeDeltas[i] is the gap before sample i, so sample i lasted until sample i+1.
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i];
    const before = deltas[i];
    const dt = deltas[i + 1];
    at += typeof before === 'number' ? before : 0;
    if (typeof id !== 'number') continue;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (typeof dt === 'number' && dt > 0 ? dt : 0));
  }
  const byFunction = new Map<string, { name: string; location: string; us: number }>();
  const byFile = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const n = nodes.get(id);
    if (!n) continue;
    totalUs += us;
    if (n.name === '(idle)') {
      idleUs += us;
      continue;
    }
    const file = shortLocation(n.url) || n.name;
    const location = n.url ? `${shortLocation(n.url)}:${n.line}` : '';
    const key = `${n.name}\n${location}`;
    const e = byFunction.get(key) ?? { name: n.name, location, us: 0 };
    e.us += us;
    byFunction.set(key, e);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const pct = (us: number) => (busyUs > 0 ? Math.round((us / busyUs) * 1000) / 10 : 0);
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    file: path,
    scope,
    totalMs: ms(totalUs),
    idleMs: ms(idleUs),
    busyMs: ms(busyUs),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({ name: e.name, location: e.location, selfMs: ms(e.us), pct: pct(e.us) })),
    topFiles: [...byFile.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([file, us]) => ({ name: file, location: file, selfMs: ms(us), pct: pct(us) })),
  };
}
