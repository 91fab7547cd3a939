/**
 * W5 reconnect storm (login part): N clients log in (a cold storm, measured like W1), then every
 * connection is dropped at once from the client side and all reconnect, Parley clients resuming
 * with their `instanceID` (`resumed: true` expected). Target (docs/BENCHMARKS.md): all back within 2× the
 * cold storm.
 *
 * Messages during the outage (Parley): after the cold storm, {@link OUTAGE_SENDERS} extra,
 * always-connected users are logged in; every client is then disconnected at once, and while all are
 * away the senders send one message to each of K = min(N, {@link MAX_OUTAGE_RECEIVERS}) users
 * (each send answered, so stored). After the reconnect storm every client catches up with
 * `openim.sync` (docs/PROTOCOL.md §16.4) and dedupes by message ID; each of the K messages must then
 * be held exactly once by its receiver. The floor has no store, so it cannot take part.
 */
import { connectAll, type ChatConnection } from '../load/chat-connection.js';
import { DeliveryTracker, messageText } from '../load/delivery-tracker.js';
import { GeneratorPool, generatorsFor } from '../load/generator-pool.js';
import { sleep } from '../proc/child-processes.js';
import type { ProfileSummary } from '../report/profile-summary.js';
import { round } from '../report/stats.js';
import { userNames, type SystemDriver } from '../systems/system-types.js';
import { measureStorm, type StormTotals } from './login-storm-workload.js';
import { withSystem, type RunContext } from './run-context.js';

/** One phase (cold or reconnect) of W5. */
export interface ReconnectPhase extends StormTotals {
  readonly serverCpuSec: number;
  readonly serverCpuMsPerLogin: number;
  /** CPU (in cores) used by processes outside the run meanwhile. */
  readonly otherCpuUtil: number;
  /** CPUs busy in the second before the phase (after waiting for a quiet machine). */
  readonly busyCoresBefore: number;
}

/** Always-connected users that send during the outage. */
export const OUTAGE_SENDERS = 50;

/** Most users that get a message during the outage (K = min(N, this)). */
export const MAX_OUTAGE_RECEIVERS = 500;

/** Wait after disconnecting everyone, before sending, so the server has seen every drop, ms. */
const OUTAGE_SETTLE_MS = 1_000;

/** Code of Parley's per-connection request limit (docs/PROTOCOL.md §11): the send is retried. */
const RATE_LIMITED = 60018;

/** W5 messages sent while every client was away, and their delivery after the reconnect. */
export interface OutageMessages {
  readonly senders: number;
  /** K: users that got one message each. */
  readonly receivers: number;
  /** Sends the server answered with success (stored). */
  readonly sent: number;
  /** Sends refused with another code, by code. */
  readonly sendErrors: Record<string, number>;
  /** Sent messages held by their receiver after catching up (each counted once). */
  readonly delivered: number;
  /** Sent messages their receiver did not hold. */
  readonly lost: number;
  /** Copies of a held message within one client's sync pages (deduped by ID; a server fault). */
  readonly duplicates: number;
  /** Held messages that also came as a push after the resume (expected; deduped by ID). */
  readonly alsoPushed: number;
  /** Held messages naming no sent message. */
  readonly unexpected: number;
  /** Clients that could not catch up, by reason. */
  readonly catchUpErrors: Record<string, number>;
  /** Reconnect storm end → every client caught up, s. */
  readonly catchUpSec: number;
}

/** One W5 measurement. */
export interface ReconnectRun {
  readonly workload: 'w5';
  readonly system: string;
  readonly users: number;
  readonly concurrency: number;
  readonly generators: number;
  readonly cold: ReconnectPhase;
  /**
   * Start of the reconnect storm → last one back (logged in again / resumed). The floor drops all
   * connections at that start; Parley's were dropped before the outage messages were sent.
   */
  readonly reconnect: ReconnectPhase;
  /** reconnect.wallSec / cold.wallSec (target ≤ 2). */
  readonly ratio: number;
  /** Parley: reconnects answered `resumed: false` (each one a fresh login, not a resume). */
  readonly notResumed: number | undefined;
  /** Messages sent during the outage and what the reconnected clients held after catching up. */
  readonly messages: OutageMessages | 'not supported by the floor';
  readonly profile?: ProfileSummary;
}

/**
 * Sends one message to each receiver, spread round-robin over the senders, each sender one send at
 * a time (retrying a rate-limited send), and records each answered send in `tracker`.
 */
async function sendDuringOutage(senders: readonly ChatConnection[], receivers: readonly string[], tracker: DeliveryTracker) {
  const sendErrors: Record<string, number> = {};
  let sent = 0;
  await Promise.all(
    senders.map(async (sender, j) => {
      let n = 0;
      for (let k = j; k < receivers.length; k += senders.length) {
        n++;
        const at = performance.now();
        for (;;) {
          const answer = await sender.send('C2C', receivers[k]!, `${sender.user}-${n}`, messageText(sender.user, n));
          if (answer.code === RATE_LIMITED) {
            await sleep(50);
            continue;
          }
          if (answer.code === 0) {
            tracker.sent(sender.user, n, at);
            sent++;
          } else sendErrors[String(answer.code)] = (sendErrors[String(answer.code)] ?? 0) + 1;
          break;
        }
      }
    }),
  );
  return { sent, sendErrors };
}

/** Runs W5 for one system (Parley or the floor) and one N. */
export async function runReconnect(ctx: RunContext, driver: SystemDriver, users: number): Promise<ReconnectRun> {
  const names = userNames(users);
  const generators = ctx.generators ?? generatorsFor(users);
  const senderNames = Array.from({ length: OUTAGE_SENDERS }, (_, i) => `w5s${i + 1}`);
  const receivers = names.slice(0, Math.min(users, MAX_OUTAGE_RECEIVERS));
  const withMessages = driver.name === 'parley';
  const { result, profile } = await withSystem(ctx, driver, `w5-${users}`, 10, async (sys) => {
    await sys.prepareUsers(withMessages ? [...names, ...senderNames] : names);
    const pool = await GeneratorPool.start(generators, ctx.pinning, sys.target, names);
    let senders: ChatConnection[] = [];
    try {
      const cold = await measureStorm(ctx, sys, pool, `W5 ${driver.name} N=${users} cold`, users, false);
      const target = sys.target;
      if (target.kind !== 'parley') {
        const again = await measureStorm(ctx, sys, pool, `W5 ${driver.name} N=${users} drop+reconnect`, users, true);
        return { cold, again, messages: undefined, profileWindow: again.window };
      }
      senders = await connectAll(target, senderNames, OUTAGE_SENDERS, ctx.loginTimeoutMs);
      await pool.disconnect();
      await sleep(OUTAGE_SETTLE_MS);
      const tracker = new DeliveryTracker();
      const outage = await sendDuringOutage(senders, receivers, tracker);
      const again = await measureStorm(ctx, sys, pool, `W5 ${driver.name} N=${users} reconnect (${outage.sent} messages waiting)`, users, true);
      const t0 = performance.now();
      const caught = await pool.catchUp(60_000 + users * 20);
      const catchUpSec = (performance.now() - t0) / 1000;
      for (const h of caught.held) tracker.received(h.user, h.from, h.text, 0, performance.now());
      const counts = tracker.counts();
      const messages: OutageMessages = {
        senders: OUTAGE_SENDERS,
        receivers: receivers.length,
        sent: outage.sent,
        sendErrors: outage.sendErrors,
        delivered: counts.delivered,
        lost: outage.sent - counts.delivered,
        duplicates: caught.syncDuplicates + counts.duplicates,
        alsoPushed: caught.alsoPushed,
        unexpected: counts.unexpected,
        catchUpErrors: caught.errors,
        catchUpSec: round(catchUpSec, 3),
      };
      return { cold, again, messages, profileWindow: again.window };
    } finally {
      for (const s of senders) s.close();
      await pool.close();
    }
  });
  const phase = (p: typeof result.cold): ReconnectPhase => {
    const cpu = p.after.cpuSec - p.before.cpuSec;
    return {
      ...p.totals,
      wallSec: round(p.totals.wallSec, 3),
      clientCpuSec: round(p.totals.clientCpuSec, 2),
      clientSysSec: round(p.totals.clientSysSec, 2),
      serverCpuSec: round(cpu, 2),
      serverCpuMsPerLogin: round((cpu * 1000) / Math.max(1, p.totals.ok), 3),
      otherCpuUtil: p.otherCpuUtil,
      busyCoresBefore: p.busyCoresBefore,
    };
  };
  const cold = phase(result.cold);
  const reconnect = phase(result.again);
  return {
    workload: 'w5',
    system: driver.name,
    users,
    concurrency: ctx.concurrency,
    generators,
    cold,
    reconnect,
    ratio: round(reconnect.wallSec / cold.wallSec, 2),
    notResumed: driver.name === 'parley' ? reconnect.ok - reconnect.resumed : undefined,
    messages: result.messages ?? 'not supported by the floor',
    ...(profile ? { profile } : {}),
  };
}
