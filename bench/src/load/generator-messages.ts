/**
 * Messages between the orchestrator and its load-generator child processes (Node IPC). Both sides
 * parse what they receive from `unknown`.
 */
import { invalid, isRecord, isUint, valid, type Parsed } from '@parley/protocol';
import type { KickReport } from './kick-sequence.js';
import { parseLoadTarget, type LoadTarget } from './load-target.js';
import type { StormReport } from './login-storm.js';

/** Orchestrator → generator. */
export type GeneratorCommand =
  /** Prepare a client for `users` (Parley: mint their UserSigs). Answered `ready`. */
  | { readonly op: 'init'; readonly target: LoadTarget; readonly users: readonly string[]; readonly sourceAddresses: readonly string[] }
  /** Log every user in (cold), or drop all sessions at once and log them back in (`reconnect`). Answered `storm`. */
  | { readonly op: 'storm'; readonly concurrency: number; readonly timeoutMs: number; readonly reconnect: boolean }
  /** W4 over `users`, one at a time. Answered `kick`. */
  | { readonly op: 'kick'; readonly users: readonly string[]; readonly timeoutMs: number; readonly waitMs: number }
  /** Drop every session. Answered `dropped`. */
  | { readonly op: 'drop' }
  /** Drop every session's connection but keep the sessions, so a reconnect storm resumes them. Answered `disconnected`. */
  | { readonly op: 'disconnect' }
  /** Parley (W5): every session catches up with `openim.sync`. Answered `caughtup`. */
  | { readonly op: 'catchup'; readonly timeoutMs: number };

/** What the sessions of one generator hold after catching up. */
export interface CatchUpReport {
  /** Every message held, once per receiving user. */
  readonly held: readonly { readonly user: string; readonly from: string; readonly text: string }[];
  readonly syncDuplicates: number;
  readonly alsoPushed: number;
  /** Sessions that could not catch up (no session, a refused sync...), by reason. */
  readonly errors: Record<string, number>;
}

/** Generator → orchestrator. */
export type GeneratorReply =
  | { readonly op: 'ready' }
  | { readonly op: 'progress'; readonly done: number }
  | { readonly op: 'storm'; readonly report: StormReport }
  | { readonly op: 'kick'; readonly report: KickReport }
  | { readonly op: 'dropped' }
  | { readonly op: 'disconnected' }
  | { readonly op: 'caughtup'; readonly report: CatchUpReport }
  | { readonly op: 'failed'; readonly error: string };

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const positive = (v: unknown): v is number => isUint(v) && v > 0;

/** Parses a command received by a generator. */
export function parseGeneratorCommand(raw: unknown): Parsed<GeneratorCommand> {
  if (!isRecord(raw)) return invalid('command must be an object');
  switch (raw['op']) {
    case 'init': {
      const target = parseLoadTarget(raw['target']);
      if (!target.ok) return target;
      if (!isStringArray(raw['users'])) return invalid('init.users must be an array of strings');
      if (!isStringArray(raw['sourceAddresses']) || raw['sourceAddresses'].length === 0) return invalid('init.sourceAddresses must be a non-empty array of strings');
      return valid({ op: 'init', target: target.value, users: raw['users'], sourceAddresses: raw['sourceAddresses'] });
    }
    case 'storm':
      if (!positive(raw['concurrency'])) return invalid('storm.concurrency must be a positive integer');
      if (!positive(raw['timeoutMs'])) return invalid('storm.timeoutMs must be a positive integer');
      if (typeof raw['reconnect'] !== 'boolean') return invalid('storm.reconnect must be a boolean');
      return valid({ op: 'storm', concurrency: raw['concurrency'], timeoutMs: raw['timeoutMs'], reconnect: raw['reconnect'] });
    case 'kick':
      if (!isStringArray(raw['users'])) return invalid('kick.users must be an array of strings');
      if (!positive(raw['timeoutMs'])) return invalid('kick.timeoutMs must be a positive integer');
      if (!positive(raw['waitMs'])) return invalid('kick.waitMs must be a positive integer');
      return valid({ op: 'kick', users: raw['users'], timeoutMs: raw['timeoutMs'], waitMs: raw['waitMs'] });
    case 'drop':
      return valid({ op: 'drop' });
    case 'disconnect':
      return valid({ op: 'disconnect' });
    case 'catchup':
      if (!positive(raw['timeoutMs'])) return invalid('catchup.timeoutMs must be a positive integer');
      return valid({ op: 'catchup', timeoutMs: raw['timeoutMs'] });
    default:
      return invalid(`unknown command op ${String(raw['op'])}`);
  }
}

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const isCounts = (v: unknown): v is Record<string, number> => isRecord(v) && Object.values(v).every((x) => typeof x === 'number');

function parseStormReport(raw: unknown): Parsed<StormReport> {
  if (!isRecord(raw)) return invalid('storm.report must be an object');
  for (const k of ['startedAt', 'endedAt', 'ok', 'resumed', 'clientCpuSec', 'clientSysSec'] as const) {
    if (typeof raw[k] !== 'number') return invalid(`storm.report.${k} must be a number`);
  }
  if (!isNumberArray(raw['latenciesMs'])) return invalid('storm.report.latenciesMs must be an array of numbers');
  if (!isCounts(raw['errors'])) return invalid('storm.report.errors must map strings to numbers');
  return valid(raw as unknown as StormReport);
}

function parseKickReport(raw: unknown): Parsed<KickReport> {
  if (!isRecord(raw)) return invalid('kick.report must be an object');
  if (!Array.isArray(raw['samples']) || !raw['samples'].every((s) => isRecord(s) && typeof s['user'] === 'string' && typeof s['kicked'] === 'boolean')) {
    return invalid('kick.report.samples must be an array of samples');
  }
  if (!isCounts(raw['errors'])) return invalid('kick.report.errors must map strings to numbers');
  return valid(raw as unknown as KickReport);
}

function parseCatchUpReport(raw: unknown): Parsed<CatchUpReport> {
  if (!isRecord(raw)) return invalid('caughtup.report must be an object');
  const held = raw['held'];
  if (!Array.isArray(held) || !held.every((h) => isRecord(h) && typeof h['user'] === 'string' && typeof h['from'] === 'string' && typeof h['text'] === 'string')) {
    return invalid('caughtup.report.held must be an array of { user, from, text }');
  }
  if (!isUint(raw['syncDuplicates']) || !isUint(raw['alsoPushed'])) return invalid('caughtup.report.syncDuplicates and alsoPushed must be integers');
  if (!isCounts(raw['errors'])) return invalid('caughtup.report.errors must map strings to numbers');
  return valid(raw as unknown as CatchUpReport);
}

/** Parses a reply received by the orchestrator. */
export function parseGeneratorReply(raw: unknown): Parsed<GeneratorReply> {
  if (!isRecord(raw)) return invalid('reply must be an object');
  switch (raw['op']) {
    case 'ready':
      return valid({ op: 'ready' });
    case 'dropped':
      return valid({ op: 'dropped' });
    case 'disconnected':
      return valid({ op: 'disconnected' });
    case 'caughtup': {
      const r = parseCatchUpReport(raw['report']);
      return r.ok ? valid({ op: 'caughtup', report: r.value }) : r;
    }
    case 'progress':
      return isUint(raw['done']) ? valid({ op: 'progress', done: raw['done'] }) : invalid('progress.done must be an integer');
    case 'failed':
      return valid({ op: 'failed', error: String(raw['error']) });
    case 'storm': {
      const r = parseStormReport(raw['report']);
      return r.ok ? valid({ op: 'storm', report: r.value }) : r;
    }
    case 'kick': {
      const r = parseKickReport(raw['report']);
      return r.ok ? valid({ op: 'kick', report: r.value }) : r;
    }
    default:
      return invalid(`unknown reply op ${String(raw['op'])}`);
  }
}
