/**
 * Options of a bench run, parsed from `unknown` (the CLI's option object) with precise reasons.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { invalid, isRecord, kindOf, valid, type Parsed } from '@parley/protocol';
import { RESULTS_DIR } from './paths.js';
import { SYSTEM_NAMES, type SystemName } from './systems/system-types.js';

/** The workloads: W1 login storm, W2 1:1 messages, W3 group fan-out, W4 kick-out, W5 reconnect storm. */
export const WORKLOAD_NAMES = ['w1', 'w2', 'w3', 'w4', 'w5'] as const;

/** One of {@link WORKLOAD_NAMES}. */
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

/**
 * Systems each workload can run on: W5 needs a resume, which only Parley has (the floor just logs in
 * again); the XMPP client sends 1:1 messages (W2) but does not join rooms (W3).
 */
export const WORKLOAD_SYSTEMS: Readonly<Record<WorkloadName, readonly SystemName[]>> = {
  w1: SYSTEM_NAMES,
  w2: SYSTEM_NAMES,
  w3: ['parley', 'floor'],
  w4: SYSTEM_NAMES,
  w5: ['parley', 'floor'],
};

/** A parsed, complete set of options. */
export interface BenchOptions {
  readonly workloads: readonly WorkloadName[];
  /** Parley first, then the systems given with `--vs`. */
  readonly systems: readonly SystemName[];
  /** N for W1 and W5. @default [1000, 5000]; quick: [50] */
  readonly users: readonly number[];
  /** Users of W4. @default 200; quick: 20 */
  readonly kickUsers: number;
  /** Sender/receiver pairs of W2. @default 100; quick: 20 */
  readonly pairs: number;
  /** Messages per W2 sender. @default 200; quick: 20 */
  readonly messages: number;
  /** Online members of W3's group, one run each. @default [100, 1000]; quick: [50] */
  readonly groupSizes: readonly number[];
  /** Messages the W3 sender sends. @default 20 */
  readonly groupMessages: number;
  /** Logins in flight. @default 200 */
  readonly concurrency: number;
  /** Where results go. @default bench/results/<timestamp> */
  readonly outDir: string;
  readonly quick: boolean;
  /** Run the Node systems (Parley, the floor) under `node --cpu-prof` and summarise the profiles. @default false */
  readonly profile: boolean;
  /** Forced number of load generators. @default one per 15,000 sockets */
  readonly generators: number | undefined;
  /** Pin the server to CPU 0 and the load to CPU 1 with taskset. @default true */
  readonly pin: boolean;
  /** apt-get install ejabberd/prosody when compared with and missing. @default true */
  readonly install: boolean;
  /** Progress on stderr. @default true */
  readonly progress: boolean;
  /** Idle wait before the idle RSS sample, ms. @default 3000 */
  readonly idleSampleMs: number;
  /** Longest wait for a quiet machine before each measured phase, ms. @default 30000; quick: 0 */
  readonly settleMs: number;
}

/** Default N values of W1 and W5. */
export const DEFAULT_USERS = [1000, 5000] as const;

/** Default group sizes of W3. */
export const DEFAULT_GROUP_SIZES = [100, 1000] as const;

/** Largest N accepted (sockets: 15,000 per generator, ~28k ports per source address). */
export const MAX_USERS = 100_000;

/** `2026-11-24T08-01-02Z`: a result folder name that sorts by time. */
export function timestampName(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

function listOf(value: unknown, field: string): Parsed<string[]> {
  if (value === undefined) return valid([]);
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!items || !items.every((x) => typeof x === 'string')) return invalid(`${field} must be a comma-separated list (got ${kindOf(value)})`);
  return valid(items.map((s: string) => s.trim().toLowerCase()).filter((s) => s.length > 0));
}

function positiveInt(value: unknown, field: string, max: number): Parsed<number> {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > max) return invalid(`${field} must be an integer in 1..${max} (got ${JSON.stringify(value)})`);
  return valid(n);
}

function countList(value: unknown, field: string, fallback: number[], max: number): Parsed<number[]> {
  if (value === undefined) return valid(fallback);
  const list = listOf(typeof value === 'number' ? String(value) : value, field);
  if (!list.ok) return list;
  const out: number[] = [];
  for (const u of list.value) {
    const n = positiveInt(u, field, max);
    if (!n.ok) return n;
    out.push(n.value);
  }
  return out.length === 0 ? invalid(`${field} must name at least one N`) : valid(out);
}

function flag(value: unknown, field: string, fallback: boolean): Parsed<boolean> {
  if (value === undefined) return valid(fallback);
  if (typeof value !== 'boolean') return invalid(`${field} must be true or false (got ${kindOf(value)})`);
  return valid(value);
}

/**
 * Parses bench options.
 * @param raw - `{ workload: 'w1'|'w2'|'w3'|'w4'|'w5'|'all', vs?, users?, pairs?, messages?, groupSizes?,
 *   groupMessages?, kickUsers?, concurrency?, out?, quick?,
 *   profile?, generators?, pin?, install?, progress?, idleSampleMs?, settle? (seconds) }`; lists may be
 *   comma-separated strings.
 * @param now - for the default result folder name.
 */
export function parseBenchOptions(raw: unknown, now = new Date()): Parsed<BenchOptions> {
  if (!isRecord(raw)) return invalid(`options must be an object (got ${kindOf(raw)})`);
  const wl = listOf(raw['workload'], 'workload');
  if (!wl.ok) return wl;
  if (wl.value.length === 0) return invalid(`workload is required: one of ${WORKLOAD_NAMES.join(', ')} or all`);
  const workloads: WorkloadName[] = [];
  for (const w of wl.value.flatMap((w) => (w === 'all' ? [...WORKLOAD_NAMES] : [w]))) {
    const known = WORKLOAD_NAMES.find((k) => k === w);
    if (!known) return invalid(`unknown workload '${w}': use ${WORKLOAD_NAMES.join(', ')} or all`);
    if (!workloads.includes(known)) workloads.push(known);
  }
  const vs = listOf(raw['vs'], 'vs');
  if (!vs.ok) return vs;
  const systems: SystemName[] = ['parley'];
  for (const s of vs.value) {
    const known = SYSTEM_NAMES.find((k) => k === s);
    if (!known || known === 'parley') return invalid(`unknown system '${s}' in --vs: use ${SYSTEM_NAMES.filter((n) => n !== 'parley').join(', ')}`);
    if (!systems.includes(known)) systems.push(known);
  }
  const quick = flag(raw['quick'], 'quick', false);
  if (!quick.ok) return quick;
  const users = countList(raw['users'], 'users', quick.value ? [50] : [...DEFAULT_USERS], MAX_USERS);
  if (!users.ok) return users;
  // Parley's ChatRoom holds at most 10,000 members including the owner.
  const groupSizes = countList(raw['groupSizes'], 'groupSizes', quick.value ? [50] : [...DEFAULT_GROUP_SIZES], 9_999);
  if (!groupSizes.ok) return groupSizes;
  const pairs = raw['pairs'] === undefined ? valid(quick.value ? 20 : 100) : positiveInt(raw['pairs'], 'pairs', 5_000);
  if (!pairs.ok) return pairs;
  const messages = raw['messages'] === undefined ? valid(quick.value ? 20 : 200) : positiveInt(raw['messages'], 'messages', 100_000);
  if (!messages.ok) return messages;
  const groupMessages = raw['groupMessages'] === undefined ? valid(20) : positiveInt(raw['groupMessages'], 'groupMessages', 10_000);
  if (!groupMessages.ok) return groupMessages;
  const kick = raw['kickUsers'] === undefined ? valid(quick.value ? 20 : 200) : positiveInt(raw['kickUsers'], 'kickUsers', 10_000);
  if (!kick.ok) return kick;
  const concurrency = raw['concurrency'] === undefined ? valid(200) : positiveInt(raw['concurrency'], 'concurrency', 10_000);
  if (!concurrency.ok) return concurrency;
  const generators = raw['generators'] === undefined ? valid(undefined) : positiveInt(raw['generators'], 'generators', 64);
  if (!generators.ok) return generators;
  const idle = raw['idleSampleMs'] === undefined ? valid(3000) : positiveInt(raw['idleSampleMs'], 'idleSampleMs', 600_000);
  if (!idle.ok) return idle;
  let settleMs = quick.value ? 0 : 30_000;
  if (raw['settle'] !== undefined) {
    const secs = typeof raw['settle'] === 'string' && /^\d+$/.test(raw['settle']) ? Number(raw['settle']) : raw['settle'];
    if (typeof secs !== 'number' || !Number.isSafeInteger(secs) || secs < 0 || secs > 3600) return invalid(`settle must be 0..3600 seconds (got ${JSON.stringify(raw['settle'])})`);
    settleMs = secs * 1000;
  }
  const out = raw['out'];
  if (out !== undefined && (typeof out !== 'string' || out.length === 0)) return invalid(`out must be a directory path (got ${kindOf(out)})`);
  const outDir = out === undefined ? join(RESULTS_DIR, timestampName(now)) : isAbsolute(out) ? out : resolve(out);
  const flags: Record<string, Parsed<boolean>> = {
    profile: flag(raw['profile'], 'profile', false),
    pin: flag(raw['pin'], 'pin', true),
    install: flag(raw['install'], 'install', true),
    progress: flag(raw['progress'], 'progress', true),
  };
  for (const f of Object.values(flags)) if (!f.ok) return f;
  const get = (k: string) => {
    const f = flags[k];
    return f !== undefined && f.ok ? f.value : false;
  };
  return valid({
    workloads,
    systems,
    users: users.value,
    pairs: pairs.value,
    messages: messages.value,
    groupSizes: groupSizes.value,
    groupMessages: groupMessages.value,
    kickUsers: kick.value,
    concurrency: concurrency.value,
    outDir,
    quick: quick.value,
    profile: get('profile'),
    generators: generators.value,
    pin: get('pin'),
    install: get('install'),
    progress: get('progress'),
    idleSampleMs: idle.value,
    settleMs,
  });
}
