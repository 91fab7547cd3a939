/**
 * A load-generator child process. The orchestrator forks it (pinned to the load CPU) and drives it
 * over IPC with {@link GeneratorCommand}s; it keeps its sessions between commands. It exits when
 * the orchestrator disconnects, so it can never outlive a run.
 */
import { FloorWireClient } from './floor-wire-client.js';
import { parseGeneratorCommand, type CatchUpReport, type GeneratorCommand, type GeneratorReply } from './generator-messages.js';
import { runKickSequence } from './kick-sequence.js';
import type { LoadTarget } from './load-target.js';
import { runStorm } from './login-storm.js';
import { ParleyWireClient } from './parley-wire-client.js';
import { SourceAddresses } from './source-addresses.js';
import type { WireClient, WireSession } from './wire-session.js';
import { XmppWireClient } from './xmpp-wire-client.js';

let client: WireClient | undefined;
let users: readonly string[] = [];
let sessions: (WireSession | undefined)[] = [];

const reply = (msg: GeneratorReply): void => {
  process.send?.(msg);
};

function makeClient(target: LoadTarget, list: readonly string[], sources: SourceAddresses): WireClient {
  switch (target.kind) {
    case 'parley':
      return new ParleyWireClient(target, sources, list);
    case 'floor':
      return new FloorWireClient(target, sources);
    case 'xmpp':
      return new XmppWireClient(target, sources);
  }
}

/** Every session catches up at once (W5, after the reconnect storm). */
async function catchUpAll(list: readonly (WireSession | undefined)[], timeoutMs: number): Promise<CatchUpReport> {
  const held: { user: string; from: string; text: string }[] = [];
  const errors: Record<string, number> = {};
  let syncDuplicates = 0;
  let alsoPushed = 0;
  const fail = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);
  await Promise.all(
    list.map(async (s) => {
      if (!s) return fail('no session');
      if (!s.catchUp) return fail('no catch-up on this system');
      try {
        const r = await s.catchUp(timeoutMs);
        for (const m of r.messages) held.push({ user: s.user, from: m.from, text: m.text });
        syncDuplicates += r.syncDuplicates;
        alsoPushed += r.alsoPushed;
      } catch (err) {
        fail(err instanceof Error ? err.message : String(err));
      }
    }),
  );
  return { held, syncDuplicates, alsoPushed, errors };
}

async function handle(cmd: GeneratorCommand): Promise<void> {
  if (cmd.op === 'init') {
    users = cmd.users;
    client = makeClient(cmd.target, cmd.users, new SourceAddresses(cmd.sourceAddresses));
    return reply({ op: 'ready' });
  }
  if (cmd.op === 'drop') {
    for (const s of sessions) s?.terminate();
    sessions = [];
    return reply({ op: 'dropped' });
  }
  if (cmd.op === 'disconnect') {
    for (const s of sessions) s?.terminate();
    return reply({ op: 'disconnected' });
  }
  if (!client) throw new Error(`${cmd.op} before init`);
  if (cmd.op === 'catchup') return reply({ op: 'caughtup', report: await catchUpAll(sessions, cmd.timeoutMs) });
  if (cmd.op === 'storm') {
    const onProgress = (done: number) => reply({ op: 'progress', done });
    const { report, sessions: next } = await runStorm(client, users, { concurrency: cmd.concurrency, timeoutMs: cmd.timeoutMs, onProgress }, cmd.reconnect ? sessions : undefined);
    sessions = next;
    return reply({ op: 'storm', report });
  }
  const report = await runKickSequence(client, cmd.users, cmd.timeoutMs, cmd.waitMs, (done) => reply({ op: 'progress', done }));
  reply({ op: 'kick', report });
}

process.on('message', (raw: unknown) => {
  const cmd = parseGeneratorCommand(raw);
  if (!cmd.ok) return reply({ op: 'failed', error: cmd.reason });
  handle(cmd.value).catch((err: unknown) => reply({ op: 'failed', error: err instanceof Error ? err.stack ?? err.message : String(err) }));
});
process.on('disconnect', () => process.exit(0));
