/** The result tables as Markdown, the way docs/BENCHMARKS.md shows them. */
import type { FanoutRun } from '../workloads/fanout-workload.js';
import type { KickRun } from '../workloads/kick-workload.js';
import type { LoginStormRun } from '../workloads/login-storm-workload.js';
import type { PairsRun } from '../workloads/pairs-workload.js';
import type { OutageMessages, ReconnectRun } from '../workloads/reconnect-workload.js';
import { totalCount } from './stats.js';
import type { ProfileSummary } from './profile-summary.js';

const fmt = (n: number | undefined, digits = 2): string => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const errorText = (count: number, errors: Readonly<Record<string, number>>): string =>
  count === 0 ? '0' : `${count} (${Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join(', ')})`;

/** W1 table. */
export function loginStormTable(runs: readonly LoginStormRun[]): string {
  return table(
    ['system', 'N', 'logins/s', 'p50 ms', 'p95 ms', 'p99 ms', 'wall s', 'server CPU s', 'server CPU ms/login', 'of it kernel', 'server CPU util', 'client CPU util', 'other CPU before / during', 'RSS before MB', 'RSS all idle MB', 'RSS/conn KB', 'errors'],
    runs.map((r) => [
      r.system,
      String(r.users),
      fmt(r.loginsPerSec, 0),
      fmt(r.latencyMs.p50, 1),
      fmt(r.latencyMs.p95, 1),
      fmt(r.latencyMs.p99, 1),
      fmt(r.wallSec),
      fmt(r.serverCpuSec),
      fmt(r.serverCpuMsPerLogin, 3),
      `${Math.round(r.serverSysShare * 100)}%`,
      fmt(r.serverCpuUtil),
      fmt(r.clientCpuUtil),
      `${fmt(r.busyCoresBefore)} / ${fmt(r.otherCpuUtil)}`,
      fmt(r.rssBeforeMB, 1),
      fmt(r.rssIdleMB, 1),
      fmt(r.rssPerConnKB, 1),
      errorText(r.errorCount, r.errors),
    ]),
  );
}

/** W2 table. */
export function pairsTable(runs: readonly PairsRun[]): string {
  return table(
    ['system', 'storage', 'pairs × msgs', 'delivered msgs/s', 'p50 / p95 / p99 ms', 'durable ack p50 / p99 ms', 'wall s', 'server CPU µs/msg', 'server CPU util', 'client CPU util', 'lost', 'dups', 'order errors', 'send errors (rate-limited)'],
    runs.map((r) => [
      r.system,
      r.archive,
      `${r.pairs} × ${r.messagesPerSender}`,
      fmt(r.deliveredPerSec, 0),
      `${fmt(r.latencyMs.p50, 1)} / ${fmt(r.latencyMs.p95, 1)} / ${fmt(r.latencyMs.p99, 1)}`,
      r.durableAckMs ? `${fmt(r.durableAckMs.p50, 1)} / ${fmt(r.durableAckMs.p99, 1)}` : 'n/a (no send answer)',
      fmt(r.wallSec, 3),
      fmt(r.serverCpuUsPerMsg, 1),
      fmt(r.serverCpuUtil),
      fmt(r.clientCpuUtil),
      String(r.lost),
      String(r.duplicates),
      String(r.orderViolations),
      `${errorText(Object.values(r.sendErrors).reduce((a, b) => a + b, 0), r.sendErrors)} (${r.rateLimited})`,
    ]),
  );
}

/** W3 table. */
export function fanoutTable(runs: readonly FanoutRun[]): string {
  return table(
    ['system', 'members × msgs', 'deliveries/s', 'last member p50 / p99 ms', 'any member p50 / p99 ms', 'send answer p50 ms', 'wall s', 'server CPU µs/delivery', 'server CPU util', 'client CPU util', 'lost', 'dups', 'order errors', 'setup s'],
    runs.map((r) => [
      r.system,
      `${r.members} × ${r.messages}`,
      fmt(r.deliveriesPerSec, 0),
      `${fmt(r.lastMemberMs.p50, 1)} / ${fmt(r.lastMemberMs.p99, 1)}`,
      `${fmt(r.latencyMs.p50, 1)} / ${fmt(r.latencyMs.p99, 1)}`,
      fmt(r.sendAnswerMs.p50, 2),
      fmt(r.wallSec, 3),
      fmt(r.serverCpuUsPerDelivery, 2),
      fmt(r.serverCpuUtil),
      fmt(r.clientCpuUtil),
      String(r.lost),
      String(r.duplicates),
      String(r.orderViolations),
      fmt(r.setupSec),
    ]),
  );
}

/** W4 table. */
export function kickTable(runs: readonly KickRun[]): string {
  return table(
    ['system', 'users', 'kicked', 'victim = earliest', 'newer kicked', 'kick − new answered, p50 / p99 ms', 'kick − new requested, p50 / p99 ms', 'close after kick, p50 ms', 'errors'],
    runs.map((r) => [
      r.system,
      String(r.users),
      `${r.kicked}/${r.users}`,
      `${r.victimWasEarliest}/${r.users}`,
      String(r.newerKicked),
      `${fmt(r.kickAfterAnswerMs.p50, 3)} / ${fmt(r.kickAfterAnswerMs.p99, 3)}`,
      `${fmt(r.kickAfterRequestMs.p50, 3)} / ${fmt(r.kickAfterRequestMs.p99, 3)}`,
      fmt(r.closeAfterKickMs.p50, 2),
      errorText(r.errorCount, r.errors),
    ]),
  );
}

/** W5 outage messages in one cell: "500 → 500 (0 lost, 0 dups)", plus any failures. */
function outageText(m: OutageMessages): string {
  const extra = [
    m.unexpected ? `${m.unexpected} unexpected` : '',
    totalCount(m.sendErrors) ? `send errors ${errorText(totalCount(m.sendErrors), m.sendErrors)}` : '',
    totalCount(m.catchUpErrors) ? `catch-up errors ${errorText(totalCount(m.catchUpErrors), m.catchUpErrors)}` : '',
  ].filter(Boolean);
  return `${m.sent} → ${m.delivered} (${m.lost} lost, ${m.duplicates} dups${extra.length ? `; ${extra.join('; ')}` : ''})`;
}

/** W5 table. */
export function reconnectTable(runs: readonly ReconnectRun[]): string {
  return table(
    ['system', 'N', 'cold storm s', 'reconnect storm s', 'ratio (target ≤ 2)', 'resumed', 'reconnect p50 / p99 ms', 'server CPU ms/login cold / reconnect', 'errors cold / reconnect', 'outage messages sent → delivered (lost, dups)', 'catch-up s'],
    runs.map((r) => [
      r.system,
      String(r.users),
      fmt(r.cold.wallSec, 3),
      fmt(r.reconnect.wallSec, 3),
      fmt(r.ratio),
      r.notResumed === undefined ? 'n/a (no resume)' : `${r.reconnect.resumed}/${r.users}`,
      `${fmt(r.reconnect.latencyMs.p50, 1)} / ${fmt(r.reconnect.latencyMs.p99, 1)}`,
      `${fmt(r.cold.serverCpuMsPerLogin, 3)} / ${fmt(r.reconnect.serverCpuMsPerLogin, 3)}`,
      `${errorText(r.cold.errorCount, r.cold.errors)} / ${errorText(r.reconnect.errorCount, r.reconnect.errors)}`,
      typeof r.messages === 'string' ? r.messages : outageText(r.messages),
      typeof r.messages === 'string' ? 'n/a' : fmt(r.messages.catchUpSec, 3),
    ]),
  );
}

/** Top self-time functions of a CPU profile. */
export function profileTable(p: ProfileSummary, top = 15): string {
  return [
    `Profile ${p.file}: ${fmt(p.busyMs / 1000)} s busy of ${fmt(p.totalMs / 1000)} s.`,
    '',
    table(
      ['self ms', '% of busy', 'function', 'where'],
      p.topFunctions.slice(0, top).map((e) => [fmt(e.selfMs, 1), fmt(e.pct, 1), `\`${e.name}\``, e.location ? `\`${e.location}\`` : '']),
    ),
    '',
    table(
      ['self ms', '% of busy', 'file'],
      p.topFiles.slice(0, 10).map((e) => [fmt(e.selfMs, 1), fmt(e.pct, 1), `\`${e.name}\``]),
    ),
  ].join('\n');
}
