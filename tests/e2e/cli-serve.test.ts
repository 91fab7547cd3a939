/**
 * `parley` as an operator runs it: a real `parley serve` process on an empty data directory, the SDK
 * logging in with what it printed, SIGTERM, a restart on the same data, and the migration path of
 * a team that keeps its Tencent SDKAppID, key and business-server code.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Command, ErrorCode } from '@parley/protocol';
import TencentCloudChat, { V2TIMManager } from '@parley/sdk';
import WebSocket from 'ws';
import { waitUntil } from '../support/events.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'packages/cli/dist/bin.js');

beforeAll(() => {
  if (!existsSync(bin)) {
    const built = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-b'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
  }
}, 120_000);

const dirs: string[] = [];
const procs: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const p of procs.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  dirs.push(d);
  return d;
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}

interface Served {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly out: () => string;
  readonly wsUrl: string;
  readonly httpUrl: string;
  readonly sdkAppID: number;
  readonly key: string;
  readonly userSig: string;
  readonly adminSig: string;
}

async function serve(args: string[]): Promise<Served> {
  const proc = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env: { ...process.env, PARLEY_LOG_LEVEL: 'error' } });
  procs.push(proc);
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await waitUntil(() => /Press Ctrl\+C/.test(out) || proc.exitCode !== null, 20_000, 'parley serve to start');
  const pick = (re: RegExp) => {
    const m = re.exec(out);
    if (!m?.[1]) throw new Error(`not found ${re} in:\n${out}`);
    return m[1];
  };
  return {
    proc,
    out: () => out,
    httpUrl: pick(/listening on (http:\/\/\S+)/),
    wsUrl: pick(/WebSocket (ws:\/\/[^\s)]+)/),
    sdkAppID: Number(pick(/SDKAppID:\s+(\d+)/)),
    key: pick(/Secret key:\s+(\S+)/),
    userSig: pick(/UserSig for user "user1"[^\n]*\n\s+(\S+)/),
    adminSig: pick(/Admin UserSig[^\n]*\n\s+(\S+)/),
  };
}

function exited(proc: ChildProcessWithoutNullStreams): Promise<number | null> {
  return proc.exitCode !== null ? Promise.resolve(proc.exitCode) : new Promise((r) => proc.once('exit', (code) => r(code)));
}

describe('parley serve', () => {
  it('on an empty data directory creates one app and prints SDKAppID, key, an admin UserSig and a user UserSig that logs in', async () => {
    const data = tempDir();
    const s = await serve(['--data', data]);
    expect(s.out()).toContain('Created a new application');
    expect(s.key).toMatch(/^[0-9a-f]{64}$/);
    const chat = TencentCloudChat.create({ SDKAppID: s.sdkAppID, server: s.wsUrl, WebSocket, isolated: true })!;
    await chat.login({ userID: 'user1', userSig: s.userSig });
    await waitUntil(() => chat.isReady());
    const rest = await fetch(`${s.httpUrl}/v4/openim/query_online_status?sdkappid=${s.sdkAppID}&identifier=administrator&usersig=${s.adminSig}&random=7&contenttype=json`, {
      method: 'POST',
      body: JSON.stringify({ To_Account: ['user1'] }),
    });
    expect(((await rest.json()) as { QueryResult: unknown[] }).QueryResult).toEqual([{ To_Account: 'user1', State: 'Online' }]);
    await chat.destroy();
  });

  it('on SIGTERM tells clients the server is going away, exits 0, and a restart on the same data keeps the app', async () => {
    const data = tempDir();
    const first = await serve(['--data', data]);
    const chat = TencentCloudChat.create({ SDKAppID: first.sdkAppID, server: first.wsUrl, WebSocket, isolated: true, reconnect: { initialDelayMs: 5_000 } })!;
    const states: string[] = [];
    chat.on(TencentCloudChat.EVENT.NET_STATE_CHANGE, (e: { data?: unknown }) => states.push((e.data as { state: string }).state));
    await chat.login({ userID: 'user1', userSig: first.userSig });
    await waitUntil(() => chat.isReady());
    first.proc.kill('SIGTERM');
    expect(await exited(first.proc)).toBe(0);
    await waitUntil(() => states.includes('connecting') || states.includes('disconnected'), 5000, 'client to notice shutdown');
    await chat.destroy();
    const second = await serve(['--data', data]);
    expect(second.out()).not.toContain('Created a new application');
    expect(second.sdkAppID).toBe(first.sdkAppID);
    expect(second.key).toBe(first.key);
  });

  it('with --app-id and --app-key a Tencent app keeps its SDKAppID, key and business-server code (tls-sig-api-v2)', async () => {
    const data = tempDir();
    const sdkAppID = 1400123456;
    const key = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    const s = await serve(['--data', data, '--app-id', String(sdkAppID), '--app-key', key]);
    expect(s.sdkAppID).toBe(sdkAppID);
    // The business server's code, unchanged: Tencent's own npm package mints the ticket.
    const require = createRequire(join(root, 'packages/usersig/package.json'));
    const TLSSigAPIv2 = require('tls-sig-api-v2') as { Api: new (id: number, key: string) => { genUserSig(user: string, expire: number): string } };
    const userSig = new TLSSigAPIv2.Api(sdkAppID, key).genUserSig('migrated_user', 86_400);
    const manager = new V2TIMManager();
    await manager.initSDK(sdkAppID, 0, undefined, { server: s.wsUrl, WebSocket });
    expect((await manager.login('migrated_user', userSig)).code).toBe(0);
    await manager.unInitSDK();
  });

  it('takes its settings from the environment too', async () => {
    const data = tempDir();
    const proc = spawn(process.execPath, [bin, 'serve'], { env: { ...process.env, PARLEY_DATA: data, PARLEY_PORT: '0', PARLEY_APP_ID: '1400000042' } });
    procs.push(proc);
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await waitUntil(() => out.includes('Press Ctrl+C'), 20_000);
    expect(out).toContain('SDKAppID:   1400000042');
    expect(out).toContain(data);
  });

  it('takes the gateway limits from flags: request rate and burst (60018), frame size (1009), heartbeat bound', async () => {
    const s = await serve(['--data', tempDir(), '--max-requests-per-second', '1', '--request-burst', '3', '--max-frame-bytes', '2048', '--heartbeat-timeout', '12']);
    const ws = new WebSocket(s.wsUrl);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answers: { id: number; code: number; body?: Record<string, unknown> }[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { t: string; id: number; code: number; body?: Record<string, unknown> };
      if (frame.t === 'res') answers.push(frame);
    });
    const send = (id: number, cmd: string, body: Record<string, unknown> = {}) => ws.send(JSON.stringify({ t: 'req', id, cmd, body }));
    send(1, Command.LOGIN, { SDKAppID: s.sdkAppID, userID: 'user1', userSig: s.userSig, platform: 'Web' });
    await waitUntil(() => answers.length === 1, 5000, 'the login answer');
    expect(answers[0]?.code).toBe(0);
    // Clients are told to say hello three times within the dead-connection bound.
    expect(answers[0]?.body?.['helloInterval']).toBe(4);
    // The login took one token of the burst of 3: two more pass at once, the next is refused.
    for (const id of [2, 3, 4]) send(id, Command.HELLO);
    await waitUntil(() => answers.length === 4, 5000, 'three answers');
    expect(answers.slice(1).map((a) => a.code)).toEqual([0, 0, ErrorCode.ERR_SVR_COMM_REQ_FREQ_LIMIT]);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(3000));
    expect(await closed).toBe(1009);
  });

  it('refuses a bad limit, from a flag or the environment, with one clear line', () => {
    const flag = run(['serve', '--data', tempDir(), '--max-frame-bytes', '10']);
    expect(flag.status).not.toBe(0);
    expect(flag.stderr).toContain("option '--max-frame-bytes <n>' argument '10' is invalid. must be a whole number in 1024..104857600");
    const env = run(['serve', '--data', tempDir()], { PARLEY_HEARTBEAT_TIMEOUT: 'soon' });
    expect(env.status).not.toBe(0);
    expect(env.stderr).toContain("value 'soon' from env 'PARLEY_HEARTBEAT_TIMEOUT' is invalid");
    expect(env.stderr).not.toMatch(/\n\s+at /);
  });

  it('serves a page that logs in from a browser with the browser SDK', async () => {
    const s = await serve(['--data', tempDir()]);
    const page = await (await fetch(`${s.httpUrl}/`)).text();
    expect(page).toContain('importmap');
    const sdk = await fetch(`${s.httpUrl}/sdk/index.js`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get('content-type')).toMatch(/javascript/);
    for (const evil of ['/sdk/%2e%2e/%2e%2e/package.json', '/sdk/..%2f..%2fpackage.json', '/sdk/index.ts.bak']) expect((await fetch(`${s.httpUrl}${evil}`)).status).toBe(404);
  });
});

describe('parley CLI arguments', () => {
  it('--help lists the commands', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['serve', 'usersig', 'app']) expect(r.stdout).toContain(cmd);
  });

  it.each([
    [['serve', '--port', 'abc']],
    [['serve', '--port', '70000']],
    [['serve', '--app-id', '-5']],
    [['app', 'show', 'xyz']],
    [['nosuch']],
  ])('%j exits non-zero with a clear error line', (args) => {
    const r = run(args);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/error/i);
  });

  it('app create, list and show manage apps in the data directory', () => {
    const data = tempDir();
    const created = run(['app', 'create', '--data', data, '--app-id', '1400000777', '--name', 'shop']);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/SDKAppID:\s+1400000777/);
    expect(run(['app', 'create', '--data', data, '--app-id', '1400000777']).status).not.toBe(0);
    const list = run(['app', 'list', '--data', data]);
    expect(list.stdout).toMatch(/1400000777\s+active\s+dual\s+shop/);
    const show = run(['app', 'show', '1400000777', '--data', data]);
    expect(show.stdout).toMatch(/Secret key:\s+[0-9a-f]{64}/);
    expect(run(['app', 'show', '1400000778', '--data', data]).status).not.toBe(0);
  });

  it('usersig gen and verify round-trip through the CLI', () => {
    const key = 'k'.repeat(64);
    const gen = run(['usersig', 'gen', '--sdkappid', '1400000001', '--key', key, '--user', 'alice', '--expire', '3600']);
    expect(gen.status).toBe(0);
    const sig = gen.stdout.trim();
    const ok = run(['usersig', 'verify', '--sdkappid', '1400000001', '--key', key, '--user', 'alice', '--sig', sig]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/alice/);
    const wrong = run(['usersig', 'verify', '--sdkappid', '1400000001', '--key', 'x'.repeat(64), '--user', 'alice', '--sig', sig]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/70009/);
  });
});
