/**
 * The web seed document ("Login and Logout", TencentCloudChat web API) as a specification: every
 * statement is a test, run between the real SDK and a real server over real sockets.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat from '@parley/sdk';
import WebSocket from 'ws';
import { genUserSig } from '@parley/usersig';
import { ManualClock } from '../../packages/server/test-support/manual-clock.js';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { settle, waitUntil } from '../support/events.js';
import { webClient, type WebClient } from '../support/sdk-clients.js';

let ts: TestServer | undefined;
const clients: WebClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.chat.destroy().catch(() => undefined);
  await ts?.close();
  ts = undefined;
});

function client(extra: Record<string, unknown> = {}): WebClient {
  const c = webClient(ts!, extra);
  clients.push(c);
  return c;
}

async function loggedIn(userID: string, extra: Record<string, unknown> = {}): Promise<WebClient> {
  const c = client(extra);
  await c.chat.login({ userID, userSig: ts!.sig(userID) });
  await waitUntil(() => c.chat.isReady(), 5000, 'SDK_READY');
  return c;
}

const { EVENT, TYPES } = TencentCloudChat;

describe('Login (web seed)', () => {
  it('users can send and receive only after logging in with UserID and UserSig: the login sample resolves with imResponse.data', async () => {
    ts = await startTestServer();
    const c = client();
    const promise = c.chat.login({ userID: 'your_userID', userSig: ts.sig('your_userID') });
    const imResponse = await promise;
    expect(imResponse.code).toBe(0);
    expect(imResponse.data).toMatchObject({ repeatLogin: false });
  });

  it('after a successful login the app must wait for SDK_READY, which fires only after login() resolved', async () => {
    ts = await startTestServer();
    const c = client();
    const order: string[] = [];
    c.chat.on(EVENT.SDK_READY, () => order.push('SDK_READY'));
    await c.chat.login({ userID: 'u1', userSig: ts.sig('u1') }).then(() => order.push('login resolved'));
    await waitUntil(() => order.length === 2);
    expect(order).toEqual(['login resolved', 'SDK_READY']);
  });

  it('before SDK_READY, interfaces that require authentication fail with 2024', async () => {
    ts = await startTestServer();
    const c = client();
    await expect(c.chat.getServerTime() as unknown as Promise<unknown>).rejects.toMatchObject({ code: 2024 });
    expect(c.chat.isReady()).toBe(false);
    expect(c.chat.getLoginUser()).toBe('');
  });

  it('when repeatLogin is true the account is already logged in, and errorInfo says so', async () => {
    ts = await startTestServer();
    const c = await loggedIn('u1');
    const again = await c.chat.login({ userID: 'u1', userSig: ts.sig('u1') });
    expect(again.data).toMatchObject({ repeatLogin: true });
    expect(typeof (again.data as { errorInfo: unknown }).errorInfo).toBe('string');
  });

  it('a login while a login is in progress fails with 2025', async () => {
    ts = await startTestServer();
    const c = client();
    const first = c.chat.login({ userID: 'u1', userSig: ts.sig('u1') });
    await expect(c.chat.login({ userID: 'u1', userSig: ts.sig('u1') })).rejects.toMatchObject({ code: 2025 });
    await first;
  });

  it('by default multi-instance login is not supported: logging in on another page kicks the other page, which gets KICKED_OUT', async () => {
    ts = await startTestServer();
    const page1 = await loggedIn('alice');
    const page2 = await loggedIn('alice');
    await waitUntil(() => page1.events.includes(`${EVENT.KICKED_OUT}:${TYPES.KICKED_OUT_MULT_ACCOUNT}`));
    expect(page1.chat.isReady()).toBe(false);
    expect(page2.chat.isReady()).toBe(true);
    expect(page2.events).not.toContain(`${EVENT.KICKED_OUT}:${TYPES.KICKED_OUT_MULT_ACCOUNT}`);
  });

  it('with Max Login Instances per User per Platform configured, the same account stays online on several pages', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 3 } });
    const pages = [await loggedIn('bob'), await loggedIn('bob'), await loggedIn('bob')];
    await settle();
    for (const p of pages) expect(p.chat.isReady()).toBe(true);
  });

  it('mini-programs, mini-games, uni-app and React Native count as web instances', async () => {
    ts = await startTestServer();
    const web = await loggedIn('carol');
    await loggedIn('carol', { platform: 'ReactNative' });
    await waitUntil(() => web.events.includes(`${EVENT.KICKED_OUT}:${TYPES.KICKED_OUT_MULT_ACCOUNT}`));
  });

  it('error code 60020 means the service (plan) is not in effect: a suspended app refuses the login', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_app_status', { Status: 'suspended' });
    await expect(client().chat.login({ userID: 'u1', userSig: ts.sig('u1') })).rejects.toMatchObject({ code: 60020 });
  });

  it('error code 2801 is a network timeout: a server that never answers fails the login with 2801', async () => {
    ts = await startTestServer();
    const blackHole = createServer(() => undefined);
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r));
    const port = (blackHole.address() as { port: number }).port;
    const c = client({ server: `ws://127.0.0.1:${port}`, loginTimeoutMs: 300 });
    await expect(c.chat.login({ userID: 'u1', userSig: ts.sig('u1') })).rejects.toMatchObject({ code: 2801 });
    blackHole.close();
  });

  it('an expired UserSig at login fails with 70001', async () => {
    ts = await startTestServer();
    const old = genUserSig({ sdkAppID: ts.app.sdkAppID, key: ts.app.secretKey, userID: 'u1', expireSeconds: 60, now: Date.now() - 3_600_000 });
    await expect(client().chat.login({ userID: 'u1', userSig: old })).rejects.toMatchObject({ code: 70001 });
  });
});

describe('getLoginUser, getServerTime, isReady (web seed)', () => {
  it('getLoginUser returns the logged-in UserID as a string', async () => {
    ts = await startTestServer();
    const c = await loggedIn('dave');
    expect(c.chat.getLoginUser()).toBe('dave');
  });

  it('getServerTime returns a Number close to the server clock (milliseconds)', async () => {
    const clock = new ManualClock(Date.now() + 3_600_000);
    ts = await startTestServer({ clock });
    const c = client();
    await c.chat.login({ userID: 'u1', userSig: ts.sig('u1', 86_400, clock.now()) });
    await waitUntil(() => c.chat.isReady());
    const t = c.chat.getServerTime();
    expect(typeof t).toBe('number');
    expect(Math.abs(t - clock.now())).toBeLessThan(1000);
  });

  it('isReady is a boolean that follows SDK_READY and SDK_NOT_READY', async () => {
    ts = await startTestServer();
    const c = await loggedIn('erin');
    expect(c.chat.isReady()).toBe(true);
    expect(c.events).toContain(EVENT.SDK_READY);
    await c.chat.logout();
    expect(c.chat.isReady()).toBe(false);
    expect(c.events).toContain(EVENT.SDK_NOT_READY);
  });
});

describe('Logout (web seed)', () => {
  it('logout publishes SDK_NOT_READY; the instance is logged out and cannot use authenticated APIs', async () => {
    ts = await startTestServer();
    const c = await loggedIn('frank');
    const res = await c.chat.logout();
    expect(res.code).toBe(0);
    expect(c.events.at(-2) === EVENT.SDK_NOT_READY || c.events.includes(EVENT.SDK_NOT_READY)).toBe(true);
    await expect(c.chat.getServerTime() as unknown as Promise<unknown>).rejects.toMatchObject({ code: 3005 });
    const state = await ts.rest('openim/query_online_status', { To_Account: ['frank'] });
    expect(state['QueryResult']).toEqual([{ To_Account: 'frank', State: 'Offline' }]);
  });

  it('with the Web setting above 1, a1.logout() leaves a2 unaffected', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 2 } });
    const a1 = await loggedIn('gina');
    const a2 = await loggedIn('gina');
    await a1.chat.logout();
    await settle();
    expect(a2.chat.isReady()).toBe(true);
    expect(a2.events.filter((e) => e.startsWith(EVENT.KICKED_OUT))).toEqual([]);
    const state = await ts.rest('openim/query_online_status', { To_Account: ['gina'] });
    expect(state['QueryResult']).toEqual([{ To_Account: 'gina', State: 'Online' }]);
  });

  it('with Online Web Instances 2, a3 logging in forces out a1, the instance that logged in first; a2 and a3 run on', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 2 } });
    const a1 = await loggedIn('hank');
    const a2 = await loggedIn('hank');
    const a3 = await loggedIn('hank');
    await waitUntil(() => a1.events.includes(`${EVENT.KICKED_OUT}:${TYPES.KICKED_OUT_MULT_ACCOUNT}`));
    await settle();
    expect(a2.chat.isReady()).toBe(true);
    expect(a3.chat.isReady()).toBe(true);
    expect(a1.chat.isReady()).toBe(false);
  });
});

describe('Terminating (web seed)', () => {
  it('destroy logs out, disconnects and frees the instance; create then returns a new instance', async () => {
    ts = await startTestServer();
    const opts = { SDKAppID: ts.app.sdkAppID, server: ts.wsUrl, WebSocket };
    const chat = TencentCloudChat.create(opts)!;
    expect(TencentCloudChat.create(opts)).toBe(chat);
    await chat.login({ userID: 'ivy', userSig: ts.sig('ivy') });
    await waitUntil(() => chat.isReady());
    await chat.destroy();
    const state = await ts.rest('openim/query_online_status', { To_Account: ['ivy'] });
    expect(state['QueryResult']).toEqual([{ To_Account: 'ivy', State: 'Offline' }]);
    const fresh = TencentCloudChat.create(opts)!;
    expect(fresh).not.toBe(chat);
    await fresh.destroy();
  });
});

describe('Login settings: KICKED_OUT types (web seed)', () => {
  it('KICKED_OUT_MULT_DEVICE: forced out because the account logged in from another terminal', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { Policy: 'single' });
    const web = await loggedIn('jack');
    await loggedIn('jack', { platform: 'IPhone' });
    await waitUntil(() => web.events.includes(`${EVENT.KICKED_OUT}:${TYPES.KICKED_OUT_MULT_DEVICE}`));
  });

  it('KICKED_OUT_USERSIG_EXPIRED: the signature expired while online', async () => {
    const clock = new ManualClock(Date.now());
    ts = await startTestServer({ clock });
    const c = client();
    await c.chat.login({ userID: 'kim', userSig: ts.sig('kim', 60, clock.now()) });
    await waitUntil(() => c.chat.isReady());
    clock.advance(61_000);
    await waitUntil(() => c.events.includes(`${EVENT.KICKED_OUT}:${TYPES.KICKED_OUT_USERSIG_EXPIRED}`));
    expect(c.chat.isReady()).toBe(false);
  });

  it('KICKED_OUT_REST_API: forcibly logged out by the RESTful API', async () => {
    ts = await startTestServer();
    const c = await loggedIn('lee');
    await ts.rest('im_open_login_svc/kick', { UserID: 'lee' });
    await waitUntil(() => c.events.includes(`${EVENT.KICKED_OUT}:${TYPES.KICKED_OUT_REST_API}`));
  });

  it('the kicked page can log in again after KICKED_OUT', async () => {
    ts = await startTestServer();
    const page1 = await loggedIn('mia');
    await loggedIn('mia');
    await waitUntil(() => page1.events.some((e) => e.startsWith(EVENT.KICKED_OUT)));
    await page1.chat.login({ userID: 'mia', userSig: ts.sig('mia') });
    await waitUntil(() => page1.chat.isReady());
  });
});
