/**
 * W2 1:1 messages (peer-bench.md method): P pairs, each sender sends M messages to its partner in a
 * closed loop with at most {@link WINDOW} unacknowledged, where a message counts as acknowledged
 * when the partner has it. Parley stores every message before answering the send (persistence on);
 * the answer's delay is recorded too. The floor forwards `{"t":"m"}` verbatim. ejabberd and Prosody
 * get `<message type='chat'>` to the partner's bare JID after initial presence, once with the
 * message archive off and once on (peer-bench's "mam-on", the fair comparison with Parley).
 *
 * The clients run in the orchestrator process, which is pinned to the load CPU.
 */
import { connectAll, type ChatConnection } from '../load/chat-connection.js';
import { DeliveryTracker, deliveryOutcome, messageText, type DeliveryOutcome } from '../load/delivery-tracker.js';
import { sleep } from '../proc/child-processes.js';
import { sampleServer } from '../proc/proc-stats.js';
import { waitForQuietMachine } from '../proc/quiet-machine.js';
import { monoNowUs, type ProfileSummary } from '../report/profile-summary.js';
import { ProgressBar } from '../report/progress-bar.js';
import { distribution, round, roundDistribution, type Distribution } from '../report/stats.js';
import { userNames, type RunningSystem, type SystemDriver } from '../systems/system-types.js';
import { withSystem, type RunContext } from './run-context.js';

/** Unacknowledged messages a sender may have (peer-bench: 10). */
export const WINDOW = 10;

/** Code of Parley's per-connection request limit (docs/PROTOCOL.md §11): the send is retried. */
const RATE_LIMITED = 60018;

/** One W2 measurement. */
export interface PairsRun extends DeliveryOutcome {
  readonly workload: 'w2';
  readonly system: string;
  readonly pairs: number;
  /** Messages per sender. */
  readonly messagesPerSender: number;
  /**
   * Where messages are stored: Parley `sqlite` (every message), the floor `none`, XMPP `off` or
   * `mam` (the server's message archive on for every message).
   */
  readonly archive: 'sqlite' | 'none' | 'off' | 'mam';
  readonly sent: number;
  /** First send → last receipt, s. */
  readonly wallSec: number;
  readonly deliveredPerSec: number;
  /** Send → receipt at the partner, ms. */
  readonly latencyMs: Distribution;
  /** Parley: send → the server's answer (the message is durable), ms; undefined for the floor. */
  readonly durableAckMs: Distribution | undefined;
  /** Sends refused with 60018 (request rate limit) and retried. */
  readonly rateLimited: number;
  /** Sends answered with another error, by code. */
  readonly sendErrors: Record<string, number>;
  readonly serverCpuSec: number;
  readonly serverCpuUsPerMsg: number;
  /** Server CPU seconds / wall seconds. */
  readonly serverCpuUtil: number;
  /** Load (this process) CPU seconds / wall seconds. */
  readonly clientCpuUtil: number;
  readonly profile?: ProfileSummary;
}

async function measure(ctx: RunContext, sys: RunningSystem, label: string, pairs: number, perSender: number) {
  const names = userNames(pairs * 2);
  await sys.prepareUsers(names);
  const sendErrors: Record<string, number> = {};
  // An XMPP error bounce names no message; it is counted, and the message shows up as lost.
  const bounced = () => (sendErrors['xmpp-error'] = (sendErrors['xmpp-error'] ?? 0) + 1);
  const conns = await connectAll(sys.target, names, Math.min(ctx.concurrency, 100), ctx.loginTimeoutMs, bounced);
  try {
    const tracker = new DeliveryTracker();
    const acks: number[] = [];
    let rateLimited = 0;
    const total = pairs * perSender;
    const bar = new ProgressBar(ctx.out, label, total);
    let allDone: () => void = () => undefined;
    const finished = new Promise<void>((r) => (allDone = r));
    const senders = conns.filter((_, i) => i % 2 === 0);
    const partnerOf = (i: number): ChatConnection => conns[i * 2 + 1]!;
    // Each sender keeps WINDOW sends open; a receipt (or a refused send) frees a slot.
    const loops = senders.map((sender, i) => {
      let next = 1;
      let open = 0;
      let settled = 0;
      const pump = () => {
        while (open < WINDOW && next <= perSender) {
          const n = next++;
          open++;
          const at = performance.now();
          tracker.sent(sender.user, n, at);
          void sendOne(n, at);
        }
      };
      const sendOne = async (n: number, at: number): Promise<void> => {
        for (;;) {
          const answer = await sender.send('C2C', partnerOf(i).user, `${sender.user}-${n}`, messageText(sender.user, n));
          if (answer.code === RATE_LIMITED) {
            rateLimited++;
            await sleep(50);
            continue;
          }
          if (sys.target.kind === 'parley' && answer.code === 0) acks.push(performance.now() - at);
          if (answer.code !== 0) {
            sendErrors[String(answer.code)] = (sendErrors[String(answer.code)] ?? 0) + 1;
            release();
          }
          return;
        }
      };
      const release = () => {
        open--;
        settled++;
        if (settled === perSender) done++;
        if (done === senders.length) allDone();
        pump();
      };
      return { pump, release };
    });
    let done = 0;
    let delivered = 0;
    conns.forEach((c, idx) => {
      if (idx % 2 === 0) return;
      const loop = loops[(idx - 1) / 2]!;
      c.onMessage = (m) => {
        if (tracker.received(c.user, m.from, m.text, m.seq, performance.now()) === undefined) return;
        bar.update(++delivered);
        loop.release();
      };
    });
    await waitForQuietMachine(ctx.settleMs);
    const cpu0 = process.cpuUsage();
    const before = sampleServer(sys.pid);
    const fromUs = monoNowUs();
    for (const l of loops) l.pump();
    const deadline = sleep(30_000 + total * 2);
    await Promise.race([finished, deadline]);
    // Let late duplicates show up before judging.
    await sleep(200);
    const toUs = monoNowUs();
    const after = sampleServer(sys.pid);
    const cpu = process.cpuUsage(cpu0);
    const counts = tracker.counts();
    bar.finish(`${counts.delivered}/${total} delivered`);
    return { tracker, counts, acks, sendErrors, rateLimited, total, before, after, clientCpuSec: (cpu.user + cpu.system) / 1e6, profileWindow: { fromUs, toUs } };
  } finally {
    for (const c of conns) c.close();
  }
}

/** Runs W2 for one system; `archive` turns on an XMPP peer's message archive (default off). */
export async function runPairs(ctx: RunContext, driver: SystemDriver, pairs: number, perSender: number, archive = false): Promise<PairsRun> {
  const label = `W2 ${driver.name}${archive ? ' +mam' : ''} pairs=${pairs}`;
  const { result: r, profile } = await withSystem(ctx, driver, `w2-${pairs}`, 10, (sys) => measure(ctx, sys, label, pairs, perSender), archive);
  const wallSec = Math.max(0.001, (r.tracker.lastReceivedAt - r.tracker.firstSentAt) / 1000);
  const cpu = r.after.cpuSec - r.before.cpuSec;
  return {
    workload: 'w2',
    system: driver.name,
    pairs,
    messagesPerSender: perSender,
    archive: driver.name === 'parley' ? 'sqlite' : driver.name === 'floor' ? 'none' : archive ? 'mam' : 'off',
    sent: r.total,
    ...deliveryOutcome(r.total, r.counts),
    wallSec: round(wallSec, 3),
    deliveredPerSec: round(r.counts.delivered / wallSec, 0),
    latencyMs: roundDistribution(distribution(r.tracker.latenciesMs), 3),
    durableAckMs: driver.name === 'parley' ? roundDistribution(distribution(r.acks), 3) : undefined,
    rateLimited: r.rateLimited,
    sendErrors: r.sendErrors,
    serverCpuSec: round(cpu, 3),
    serverCpuUsPerMsg: round((cpu * 1e6) / Math.max(1, r.counts.delivered), 1),
    serverCpuUtil: round(cpu / ((r.after.at - r.before.at) / 1000), 2),
    clientCpuUtil: round(r.clientCpuSec / ((r.after.at - r.before.at) / 1000), 2),
    ...(profile ? { profile } : {}),
  };
}
