/**
 * The README's walkthrough, followed literally: its code blocks are read from README.md itself (so
 * the document and this test cannot drift) and run against a real `parley serve` on a fresh data
 * directory, in bash and, where it is installed, zsh (macOS's default shell). The only change made
 * to a block is the port: the README says 9000, the test's server listens on a free one.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyUserSig } from '@parley/usersig';
import { waitUntil } from '../support/events.js';
import { cleanUpCli, ensureBuilt, pick, root, serve, tempDir, track, type Served } from '../support/parley-cli.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The fenced block right after `<!-- readme-test: NAME -->`, without its fences. */
function block(name: string): string {
  const m = new RegExp(`<!-- readme-test: ${name.replace('.', '\\.')} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m?.[1]) throw new Error(`README.md has no block marked readme-test: ${name}`);
  return m[1];
}

const SHELLS = ['/bin/bash', '/usr/bin/zsh'].filter((sh) => existsSync(sh));
if (!SHELLS.includes('/usr/bin/zsh')) console.log('README zsh checks skipped: zsh is missing (enable them with: apt-get install -y zsh)');

let server: Served;
/** A folder inside the checkout, as the README says ("save as chat.mjs in this folder"): imports resolve from there. */
let work: string;
/** The `export …` line the banner printed, which the README tells the reader to paste. */
let exportLine: string;
const running: ChildProcessWithoutNullStreams[] = [];

/** The block with the README's server address replaced by the test server's. */
function onTestPort(code: string): string {
  const port = new URL(server.httpUrl).port;
  expect(code).toContain('127.0.0.1:9000');
  return code.replaceAll('127.0.0.1:9000', `127.0.0.1:${port}`);
}

/** Runs shell lines after the pasted export line, as the reader's second terminal would. */
function shell(sh: string, lines: string) {
  return spawnSync(sh, ['-c', `${exportLine}\n${onTestPortIfAny(lines)}`], { cwd: work, encoding: 'utf8', timeout: 30_000 });
}

function onTestPortIfAny(code: string): string {
  return code.includes('127.0.0.1:9000') ? onTestPort(code) : code;
}

/** Starts shell lines that keep running, collecting what they print. */
function background(lines: string): { proc: ChildProcessWithoutNullStreams; out: () => string } {
  const proc = track(spawn('/bin/bash', ['-c', `${exportLine}\nexec ${lines}`], { cwd: work }));
  running.push(proc);
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { proc, out: () => out };
}

beforeAll(async () => {
  ensureBuilt();
  server = await serve(['--data', tempDir('parley-readme-')]);
  exportLine = pick(server.out(), /\n\s+(export SDKAPPID=.*)\n/);
  work = mkdtempSync(join(root, '.readme-test-'));
  writeFileSync(join(work, 'chat.mjs'), onTestPort(block('chat.mjs')));
  writeFileSync(join(work, 'v2tim.mjs'), onTestPort(block('v2tim.mjs')));
}, 120_000);

afterEach(() => {
  for (const p of running.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
});

afterAll(() => {
  cleanUpCli();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the README, followed literally', () => {
  it('starts the server with `npm start`, which runs `parley serve`', () => {
    expect(block('start').trim()).toBe('npm install && npm start');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start']).toMatch(/ serve$/);
  });

  it('has the reader paste an export line of exactly the shape the banner prints', () => {
    const shape = /^export SDKAPPID='\d+' SECRET_KEY='[0-9a-f]{64}'$/;
    expect(block('export').trim()).toMatch(shape);
    expect(exportLine).toMatch(shape);
  });

  it.each(SHELLS)('makes a UserSig for alice with the printed values (%s)', (sh) => {
    const r = shell(sh, block('usersig'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(verifyUserSig({ sdkAppID: server.sdkAppID, key: server.key, userID: 'alice', sig: r.stdout.trim() }).ok).toBe(true);
  });

  it('chats: bob waits, alice sends, bob prints it; a V2TIM client sends too; a second bob kicks the first', async () => {
    const bob = background(block('bob').trim());
    await waitUntil(() => bob.out().includes('bob is online'), 15_000, 'bob to be online');

    const alice = shell('/bin/bash', block('alice'));
    expect(alice.status, alice.stderr).toBe(0);
    expect(alice.stdout).toContain('sent to bob');
    await waitUntil(() => bob.out().includes('alice: Hi Bob!'), 10_000, 'bob to print alice\'s message');

    const v2tim = shell('/bin/bash', 'node v2tim.mjs');
    expect(v2tim.status, v2tim.stderr).toBe(0);
    expect(v2tim.stdout).toContain('carol logged in');
    expect(v2tim.stdout).toMatch(/sent \S+/);
    await waitUntil(() => bob.out().includes('carol: Hi Bob, from V2TIM'), 10_000, 'bob to print carol\'s message');

    const secondBob = background(block('bob').trim());
    await waitUntil(() => bob.out().includes('KICKED_OUT multipleAccount'), 10_000, 'the first bob to be kicked out');
    await waitUntil(() => bob.proc.exitCode !== null, 5_000, 'the first bob to exit');
    await waitUntil(() => secondBob.out().includes('bob is online'), 10_000, 'the second bob to be online');
  }, 60_000);

  it.each(SHELLS)('calls the REST API as the admin: both calls answer OK, bob online, dave offline (%s)', async (sh) => {
    const bob = background(block('bob').trim());
    await waitUntil(() => bob.out().includes('bob is online'), 15_000, 'bob to be online');
    const r = shell(sh, block('rest'));
    expect(r.status, r.stderr).toBe(0);
    const answers = r.stdout.replaceAll('}{', '}\n{').split('\n').map((line) => JSON.parse(line) as { ActionStatus: string; QueryResult?: unknown });
    expect(answers.map((a) => a.ActionStatus)).toEqual(['OK', 'OK']);
    expect(answers[1]?.QueryResult).toEqual([
      { To_Account: 'bob', State: 'Online' },
      { To_Account: 'dave', State: 'Offline' },
    ]);
  }, 60_000);
});
