/**
 * `parley` as an operator runs it: a real `parley serve` process on an empty data directory, the SDK
 * logging in with what it printed, SIGTERM, a restart on the same data, and the migration path of
 * a team that keeps its Tencent SDKAppID, key and business-server code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Command, ErrorCode } from '@parley/protocol';
import TencentCloudChat, { V2TIMManager } from '@parley/sdk';
import { verifyUserSig } from '@parley/usersig';
import WebSocket from 'ws';
import { waitUntil } from '../support/events.js';
import { bin, cleanUpCli, ensureBuilt, exited, pick, root, run, serve, tempDir, track } from '../support/parley-cli.js';

beforeAll(ensureBuilt, 120_000);
afterEach(cleanUpCli);

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
    const proc = track(spawn(process.execPath, [bin, 'serve'], { env: { ...process.env, PARLEY_DATA: data, PARLEY_PORT: '0', PARLEY_APP_ID: '1400000042' } }));
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

describe('parley serve, as the README walks a newcomer through it', () => {
  /** Listens on a free loopback port, as some other program would. */
  async function occupyPort(): Promise<{ port: number; close: () => Promise<void> }> {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as { port: number }).port;
    return { port, close: () => new Promise((resolve) => other.close(() => resolve())) };
  }

  it('on a busy port exits non-zero at once with one line naming the address and how to choose another port', async () => {
    const busy = await occupyPort();
    try {
      const started = Date.now();
      const r = run(['serve', '--data', tempDir(), '--port', String(busy.port)]);
      expect(r.status).toBe(1);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.stderr.trim().split('\n')).toEqual([
        `parley serve: cannot listen on 127.0.0.1:${busy.port}: the address is already in use (another server?); choose another port with --port <n> or PARLEY_PORT=<n>, e.g. --port ${busy.port + 1}`,
      ]);
    } finally {
      await busy.close();
    }
  });

  it('refuses a second server on the same data directory, naming the running one, which keeps serving', async () => {
    const data = tempDir();
    const first = await serve(['--data', data]);
    const second = run(['serve', '--data', data]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`parley serve: the data directory ${data} is in use by another parley serve (pid ${first.proc.pid} on `);
    expect(second.stderr).toContain('--data <dir>');
    expect(second.stdout).toBe('');
    expect((await fetch(`${first.httpUrl}/healthz`)).status).toBe(200);
  });

  it('takes over the data directory of a server that was SIGKILLed, without manual steps', async () => {
    const data = tempDir();
    const first = await serve(['--data', data]);
    first.proc.kill('SIGKILL');
    await exited(first.proc);
    const second = await serve(['--data', data]);
    expect(second.out()).toContain('Press Ctrl+C');
    expect(second.sdkAppID).toBe(first.sdkAppID);
    // And it releases the lock on a clean stop, so a third start works too.
    second.proc.kill('SIGTERM');
    expect(await exited(second.proc)).toBe(0);
    expect((await serve(['--data', data])).sdkAppID).toBe(first.sdkAppID);
  });

  it('prints a try-it URL that logs in as printed', async () => {
    const s = await serve(['--data', tempDir()]);
    expect(s.tryUrl).toBeDefined();
    const url = new URL(s.tryUrl ?? '');
    expect(`${url.protocol}//${url.host}`).toBe(s.httpUrl);
    const q = url.searchParams;
    expect(q.get('sdkappid')).toBe(String(s.sdkAppID));
    expect(q.get('usersig')).toBe(s.userSig);
    const chat = TencentCloudChat.create({ SDKAppID: Number(q.get('sdkappid')), server: s.wsUrl, WebSocket, isolated: true })!;
    await chat.login({ userID: q.get('userid') ?? '', userSig: q.get('usersig') ?? '' });
    await waitUntil(() => chat.isReady(), 5000, 'SDK_READY');
    await chat.destroy();
  });

  it.each([
    ['the checkout (after the README\'s set-up)', root, /^npx parley /],
    ['another folder', '/', /^node '\/.+\/packages\/cli\/dist\/bin\.js' /],
  ])('prints shell lines that run as printed in bash, from %s', async (_where, cwd, shape) => {
    const s = await serve(['--data', tempDir()], { cwd });
    const exportLine = pick(s.out(), /\n\s+(export SDKAPPID=.*)\n/);
    const command = pick(s.out(), /Make more UserSigs with: (.*)\n/);
    expect(command).toMatch(shape);
    const r = spawnSync('bash', ['-c', `${exportLine}\n${command}`], { cwd, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const verdict = verifyUserSig({ sdkAppID: s.sdkAppID, key: s.key, userID: 'alice', sig: r.stdout.trim() });
    expect(verdict.ok).toBe(true);
  });

  it('with two apps in the data directory, says which one the banner shows and how to list the others', async () => {
    const data = tempDir();
    expect(run(['app', 'create', '--data', data, '--app-id', '1400000101', '--name', 'first']).status).toBe(0);
    expect(run(['app', 'create', '--data', data, '--app-id', '1400000102', '--name', 'second']).status).toBe(0);
    const s = await serve(['--data', data, '--app-id', '1400000102']);
    const listLine = pick(s.out(), /Application 1400000102 \(one of 2 in this data directory; list them with: (.*)\):\n/);
    expect(listLine).toBe(`npx parley app list --data '${data}'`);
    const plain = await serve(['--data', tempDir()]);
    expect(plain.out()).toContain('Created a new application:');
    expect(plain.out()).not.toContain('one of');
  });

  it('with --host 0.0.0.0 prints a browser URL on the loopback address, not the wildcard', async () => {
    const s = await serve(['--data', tempDir(), '--host', '0.0.0.0']);
    expect(s.httpUrl).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    expect(s.tryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?sdkappid=/);
    expect((await fetch(new URL(s.tryUrl ?? '').origin + '/healthz')).status).toBe(200);
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

  it('app profile-fields shows and replaces the custom profile field declarations, refusing a bad list', () => {
    const data = tempDir();
    expect(run(['app', 'create', '--data', data, '--app-id', '1400000778']).status).toBe(0);
    expect(run(['app', 'profile-fields', '1400000778', '--data', data]).stdout).toContain('declares no custom profile fields');
    const fields = [
      { Tag: 'Tag_Profile_Custom_Hobby', Type: 'String', MaxLength: 64, Read: ['App', 'Admin'], Write: ['App'] },
      { Tag: 'Tag_Profile_Custom_Score', Type: 'Integer', Read: ['Admin'], Write: ['Admin'] },
    ];
    const set = run(['app', 'profile-fields', '1400000778', '--data', data, '--set', JSON.stringify(fields)]);
    expect(set.status).toBe(0);
    expect(set.stdout).toBe('Tag_Profile_Custom_Hobby\tString(64)\tread App,Admin\twrite App\nTag_Profile_Custom_Score\tInteger\tread Admin\twrite Admin\n');
    const bad = run(['app', 'profile-fields', '1400000778', '--data', data, '--set', JSON.stringify([{ Tag: 'Tag_Profile_Custom_Hobby', Type: 'Float', Read: ['App'], Write: ['App'] }])]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('CustomFields[0].Type must be one of String, Integer');
    expect(run(['app', 'profile-fields', '1400000778', '--data', data, '--set', '[oops']).status).not.toBe(0);
    expect(run(['app', 'profile-fields', '1400000778', '--data', data]).stdout).toContain('Tag_Profile_Custom_Score');
    expect(run(['app', 'profile-fields', '1400000779', '--data', data]).status).not.toBe(0);
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
