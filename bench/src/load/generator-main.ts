/**
 * A load-generator child process. The orchestrator forks it (pinned to the load CPU) and drives it
 * over IPC with {@link GeneratorCommand}s; it keeps its sessions between commands. It exits when
 * the orchestrator disconnects, so it can never outlive a run.
 */
import { FloorWireClient } from './floor-wire-client.js';
import { parseGeneratorCommand, type GeneratorCommand, type GeneratorReply } from './generator-messages.js';
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
  if (!client) throw new Error(`${cmd.op} before init`);
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
