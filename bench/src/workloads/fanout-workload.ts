/**
 * W3 group fan-out: one sender, one group of N online members. Parley: a ChatRoom (Meeting) group
 * the sender creates; its members are added by the owner in batches of {@link ADD_BATCH}
 * (`add_group_member`; one join tip per batch instead of one per member, which would push N² tips
 * during setup). The floor: a room every member joins with `{"t":"j"}`. The sender then sends K
 * messages in a closed loop, each after the server answered the previous one (Parley: stored;
 * floor: fanned out). Measured: deliveries/s (N × K / first send → last receipt), latency to the
 * last member per message, loss, duplicates and order.
 *
 * The clients run in the orchestrator process, which is pinned to the load CPU.
 */
import { MessagingCommand, isRecord } from '@parley/protocol';
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

/** Members added per `add_group_member` request (Parley's limit: 500). */
export const ADD_BATCH = 500;

/** One W3 measurement. */
export interface FanoutRun extends DeliveryOutcome {
  readonly workload: 'w3';
  readonly system: string;
  /** Online members besides the sender. */
  readonly members: number;
  readonly messages: number;
  /** members × messages. */
  readonly expected: number;
  /** First send → last receipt, s. */
  readonly wallSec: number;
  readonly deliveriesPerSec: number;
  /** Send → receipt by the last member, per message, ms. */
  readonly lastMemberMs: Distribution;
  /** Send → receipt, every delivery, ms. */
  readonly latencyMs: Distribution;
  /** Send → the server's answer, ms. */
  readonly sendAnswerMs: Distribution;
  /** Sends answered with an error, by code. */
  readonly sendErrors: Record<string, number>;
  readonly serverCpuSec: number;
  readonly serverCpuUsPerDelivery: number;
  readonly serverCpuUtil: number;
  readonly clientCpuUtil: number;
  /** Group creation and joins, s. */
  readonly setupSec: number;
  readonly profile?: ProfileSummary;
}

async function setUpGroup(sys: RunningSystem, sender: ChatConnection, members: readonly ChatConnection[]): Promise<string> {
  if (sys.target.kind === 'floor') {
    await Promise.all(members.map((m) => m.joinRoom('w3')));
    return 'w3';
  }
  const created = await sender.request(MessagingCommand.CREATE_GROUP, { type: 'ChatRoom', name: 'bench w3' });
  const group = created.body['group'];
  if (created.code !== 0 || !isRecord(group) || typeof group['groupID'] !== 'string') throw new Error(`create_group failed: code ${created.code}`);
  const groupID = group['groupID'];
  for (let i = 0; i < members.length; i += ADD_BATCH) {
    const added = await sender.request(MessagingCommand.ADD_MEMBERS, { groupID, userIDList: members.slice(i, i + ADD_BATCH).map((m) => m.user) });
    if (added.code !== 0) throw new Error(`add_group_member failed: code ${added.code}`);
  }
  return groupID;
}

async function measure(ctx: RunContext, sys: RunningSystem, label: string, memberCount: number, messages: number) {
  if (sys.target.kind !== 'parley' && sys.target.kind !== 'floor') throw new Error('W3 runs on Parley and the floor only');
  const names = userNames(memberCount + 1);
  await sys.prepareUsers(names);
  const conns = await connectAll(sys.target, names, Math.min(ctx.concurrency, 100), ctx.loginTimeoutMs);
  try {
    const [sender, ...members] = conns;
    if (!sender) throw new Error('no sender');
    const t0 = performance.now();
    const groupID = await setUpGroup(sys, sender, members);
    // Let the join tips drain before measuring (tips are not text messages and are ignored anyway).
    await sleep(300);
    const setupSec = (performance.now() - t0) / 1000;
    const tracker = new DeliveryTracker();
    const expected = memberCount * messages;
    const bar = new ProgressBar(ctx.out, label, expected);
    let delivered = 0;
    let allIn: () => void = () => undefined;
    const finished = new Promise<void>((r) => (allIn = r));
    for (const m of members) {
      m.onMessage = (msg) => {
        if (tracker.received(m.user, msg.from, msg.text, msg.seq, performance.now()) === undefined) return;
        bar.update(++delivered);
        if (delivered === expected) allIn();
      };
    }
    await waitForQuietMachine(ctx.settleMs);
    const cpu0 = process.cpuUsage();
    const before = sampleServer(sys.pid);
    const fromUs = monoNowUs();
    const answers: number[] = [];
    const sendErrors: Record<string, number> = {};
    for (let n = 1; n <= messages; n++) {
      const at = performance.now();
      tracker.sent(sender.user, n, at);
      const a = await sender.send('GROUP', groupID, `${sender.user}-${n}`, messageText(sender.user, n));
      answers.push(performance.now() - at);
      if (a.code !== 0) sendErrors[String(a.code)] = (sendErrors[String(a.code)] ?? 0) + 1;
    }
    await Promise.race([finished, sleep(30_000 + expected / 10)]);
    await sleep(200);
    const toUs = monoNowUs();
    const after = sampleServer(sys.pid);
    const cpu = process.cpuUsage(cpu0);
    bar.finish(`${delivered}/${expected} delivered`);
    return { tracker, answers, sendErrors, expected, setupSec, before, after, clientCpuSec: (cpu.user + cpu.system) / 1e6, profileWindow: { fromUs, toUs } };
  } finally {
    for (const c of conns) c.close();
  }
}

/** Runs W3 for one system and one group size. */
export async function runFanout(ctx: RunContext, driver: SystemDriver, members: number, messages: number): Promise<FanoutRun> {
  const { result: r, profile } = await withSystem(ctx, driver, `w3-${members}`, 10, (sys) => measure(ctx, sys, `W3 ${driver.name} members=${members}`, members, messages));
  const counts = r.tracker.counts();
  const wallSec = Math.max(0.001, (r.tracker.lastReceivedAt - r.tracker.firstSentAt) / 1000);
  const cpu = r.after.cpuSec - r.before.cpuSec;
  const span = (r.after.at - r.before.at) / 1000;
  return {
    workload: 'w3',
    system: driver.name,
    members,
    messages,
    expected: r.expected,
    ...deliveryOutcome(r.expected, counts),
    wallSec: round(wallSec, 3),
    deliveriesPerSec: round(counts.delivered / wallSec, 0),
    lastMemberMs: roundDistribution(distribution(r.tracker.lastReceiverLatenciesMs()), 3),
    latencyMs: roundDistribution(distribution(r.tracker.latenciesMs), 3),
    sendAnswerMs: roundDistribution(distribution(r.answers), 3),
    sendErrors: r.sendErrors,
    serverCpuSec: round(cpu, 3),
    serverCpuUsPerDelivery: round((cpu * 1e6) / Math.max(1, counts.delivered), 2),
    serverCpuUtil: round(cpu / span, 2),
    clientCpuUtil: round(r.clientCpuSec / span, 2),
    setupSec: round(r.setupSec, 2),
    ...(profile ? { profile } : {}),
  };
}
