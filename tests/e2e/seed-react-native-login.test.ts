/**
 * The React Native seed document ("ログインとログアウト", V2TIM API) as a specification: every statement
 * is a test, run between the real SDK's V2TIM facade and a real server over real sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { genUserSig } from '@parley/usersig';
import { ManualClock } from '../../packages/server/test-support/manual-clock.js';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { settle, waitUntil } from '../support/events.js';
import { v2Client, webClient, type V2Client } from '../support/sdk-clients.js';
import { TcpProxy } from '../support/tcp-proxy.js';

let ts: TestServer | undefined;
let proxy: TcpProxy | undefined;
const v2s: V2Client[] = [];
afterEach(async () => {
  for (const c of v2s.splice(0)) await c.manager.unInitSDK();
  await proxy?.close();
  proxy = undefined;
  await ts?.close();
  ts = undefined;
});

async function v2(options: Record<string, unknown> = {}): Promise<V2Client> {
  const c = await v2Client(ts!, options);
  v2s.push(c);
  return c;
}

async function onlineState(userID: string): Promise<unknown> {
  return ((await ts!.rest('openim/query_online_status', { To_Account: [userID] }))['QueryResult'] as unknown[])[0];
}

describe('Login (React Native seed)', () => {
  it('the sample code runs: login(userID, userSig) answers res.code == 0', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    const userID = 'your_user_id';
    const userSig = ts.sig(userID);
    const res = await manager.login(userID, userSig);
    let loggedIn = false;
    if (res.code == 0) loggedIn = true;
    expect(loggedIn).toBe(true);
  });

  it('only the conversation acquisition API may be called before login succeeds; other APIs fail with 6014', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    expect((await manager.getServerTime()).code).toBe(6014);
  });

  it('you do not need to sign up: the first successful login signs the user up', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    expect((await manager.login('first_timer', ts.sig('first_timer'))).code).toBe(0);
    const check = await ts.rest('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'first_timer' }] });
    expect(check['ResultItem']).toEqual([expect.objectContaining({ AccountStatus: 'Imported' })]);
  });

  it.each([['has space'], ['ünïcode'], ['a'.repeat(33)], ['dot.ted']])('a UserID must be up to 32 bytes of a-z, A-Z, 0-9, _ and -: %s is refused', async (userID) => {
    ts = await startTestServer();
    const { manager } = await v2();
    const res = await manager.login(userID, 'sig');
    expect(res.code).not.toBe(0);
    expect([7003, 6017]).toContain(res.code);
  });

  it('a 32-byte UserID with every allowed character class is accepted', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    const userID = 'Az09_-'.padEnd(32, 'x');
    expect((await manager.login(userID, ts.sig(userID))).code).toBe(0);
  });

  it('the UserSig is calculated by the business server: a sig from the app key logs in, one from another key does not', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    const forged = genUserSig({ sdkAppID: ts.app.sdkAppID, key: '0'.repeat(64), userID: 'u1' });
    expect((await manager.login('u1', forged)).code).toBe(70009);
    expect((await manager.login('u1', ts.sig('u1'))).code).toBe(0);
  });

  it('your ticket expires on login: the callback returns 6206 or 70001, and a new userSig logs in', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    const expired = genUserSig({ sdkAppID: ts.app.sdkAppID, key: ts.app.secretKey, userID: 'u1', expireSeconds: 10, now: Date.now() - 60_000 });
    expect([6206, 70001]).toContain((await manager.login('u1', expired)).code);
    expect((await manager.login('u1', ts.sig('u1'))).code).toBe(0);
  });

  it('your ticket expires while the user is online: onUserSigExpired', async () => {
    const clock = new ManualClock(Date.now());
    ts = await startTestServer({ clock });
    const c = await v2();
    expect((await c.manager.login('u1', ts.sig('u1', 120, clock.now()))).code).toBe(0);
    clock.advance(121_000);
    await waitUntil(() => c.calls.includes('onUserSigExpired'));
    expect(c.calls).not.toContain('onKickedOffline');
    expect((await c.manager.getLoginStatus()).data).toBe(2);
  });

  it('a user is kicked offline: onKickedOffline, and the app can call login to log in again', async () => {
    ts = await startTestServer();
    const first = await v2();
    const second = await v2();
    await first.manager.login('alice', ts.sig('alice'));
    await second.manager.login('alice', ts.sig('alice'));
    await waitUntil(() => first.calls.includes('onKickedOffline'));
    expect((await first.manager.login('alice', ts.sig('alice'))).code).toBe(0);
    await waitUntil(() => second.calls.includes('onKickedOffline'));
  });

  it('after the network is disconnected and reconnected, the SDK goes online by itself without login', async () => {
    ts = await startTestServer();
    proxy = await TcpProxy.start(Number(new URL(ts.url).port));
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 2 } });
    const sibling = await v2();
    await sibling.manager.login('bob', ts.sig('bob'));
    const c = await v2({ server: proxy.url, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } });
    expect((await c.manager.login('bob', ts.sig('bob'))).code).toBe(0);
    const connectsBefore = c.calls.filter((x) => x === 'onConnectSuccess').length;
    proxy.drop(true);
    await waitUntil(() => c.calls.includes('onConnecting') && c.calls.lastIndexOf('onConnecting') > c.calls.lastIndexOf('onConnectSuccess'), 5000, 'onConnecting');
    await settle(300);
    proxy.restore();
    await waitUntil(() => c.calls.filter((x) => x === 'onConnectSuccess').length > connectsBefore, 10_000, 'onConnectSuccess');
    expect((await c.manager.getLoginStatus()).data).toBe(0);
    expect((await c.manager.getLoginUser()).data).toBe('bob');
    expect(sibling.calls).not.toContain('onKickedOffline');
    expect(c.calls).not.toContain('onKickedOffline');
    expect(await onlineState('bob')).toEqual({ To_Account: 'bob', State: 'Online' });
  });

  it('when a login process is already running, a repeated login is refused (7501)', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    const first = manager.login('u1', ts.sig('u1'));
    expect((await manager.login('u1', ts.sig('u1'))).code).toBe(7501);
    expect((await first).code).toBe(0);
  });

  it('DAU counts a user once per day on successful login; reconnects and repeated logins do not count again', async () => {
    ts = await startTestServer();
    proxy = await TcpProxy.start(Number(new URL(ts.url).port));
    const a = await v2({ server: proxy.url, reconnect: { initialDelayMs: 30, maxDelayMs: 100 } });
    await a.manager.login('dau1', ts.sig('dau1'));
    proxy.drop();
    await waitUntil(() => a.calls.filter((x) => x === 'onConnectSuccess').length >= 2, 5000, 'reconnect');
    await a.manager.logout();
    await a.manager.login('dau1', ts.sig('dau1'));
    const b = await v2();
    await b.manager.login('dau2', ts.sig('dau2'));
    const failed = await v2();
    await failed.manager.login('dau3', 'not-a-sig');
    const stats = await ts.rest('parley_admin/get_daily_stats', {});
    expect(stats['Days']).toEqual([expect.objectContaining({ ActiveUsers: 2 })]);
  });

  it('only one account per app can be online in one SDK: logging in another account leaves only the last one online', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    await manager.login('alice', ts.sig('alice'));
    await manager.login('bob', ts.sig('bob'));
    expect((await manager.getLoginUser()).data).toBe('bob');
    expect(await onlineState('alice')).toEqual({ To_Account: 'alice', State: 'Offline' });
    expect(await onlineState('bob')).toEqual({ To_Account: 'bob', State: 'Online' });
  });
});

describe('Getting the UserID (React Native seed)', () => {
  it('getLoginUser returns the UserID after a successful login', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    await manager.login('carol', ts.sig('carol'));
    const getLoginUserRes = await manager.getLoginUser();
    let userID = '';
    if (getLoginUserRes.code == 0) userID = getLoginUserRes.data!;
    expect(userID).toBe('carol');
  });

  it('if the login fails, the UserID is empty', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    await manager.login('carol', 'bad-sig');
    expect((await manager.getLoginUser()).data).toBe('');
  });
});

describe('Getting the login status (React Native seed)', () => {
  it('getLoginStatus: 0 logged in, 1 logging in, 2 not logged in', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    const seen: number[] = [(await manager.getLoginStatus()).data!];
    const pending = manager.login('dave', ts.sig('dave'));
    seen.push((await manager.getLoginStatus()).data!);
    await pending;
    seen.push((await manager.getLoginStatus()).data!);
    await manager.logout();
    seen.push((await manager.getLoginStatus()).data!);
    expect(seen).toEqual([2, 1, 0, 2]);
  });

  it('the status sample code branches as documented', async () => {
    ts = await startTestServer();
    const { manager } = await v2();
    await manager.login('dave', ts.sig('dave'));
    const getLoginStatusRes = await manager.getLoginStatus();
    let branch = '';
    if (getLoginStatusRes.code == 0) {
      const status = getLoginStatusRes.data;
      if (status == 0) branch = 'logged in';
      else if (status == 1) branch = 'logging in';
      else if (status == 2) branch = 'not logged in';
    }
    expect(branch).toBe('logged in');
  });
});

describe('Multi-client login and mutual kickout (React Native seed)', () => {
  it('"online on a mobile or desktop platform and the web platform" (dual): a phone and a web page stay online together', async () => {
    ts = await startTestServer();
    const phone = await v2({ platform: 'Android' });
    const web = await v2();
    await phone.manager.login('erin', ts.sig('erin'));
    await web.manager.login('erin', ts.sig('erin'));
    await settle();
    expect(phone.calls).not.toContain('onKickedOffline');
    expect(web.calls).not.toContain('onKickedOffline');
  });

  it('"online on all platforms" (multi): Android, iPhone, Windows, Mac, Linux and web at once', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { Policy: 'multi' });
    const all = [];
    for (const platform of ['Android', 'IPhone', 'IPad', 'Windows', 'Mac', 'Linux', 'Web']) {
      const c = await v2({ platform });
      expect((await c.manager.login('frank', ts.sig('frank'))).code).toBe(0);
      all.push(c);
    }
    await settle();
    for (const c of all) expect(c.calls).not.toContain('onKickedOffline');
  });

  it('Max Login Instances per User per Platform: up to 10 on web and 3 on each native platform, no more', async () => {
    ts = await startTestServer();
    expect((await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 10, Android: 3, IPhone: 3, IPad: 3, Windows: 3, Mac: 3, Linux: 3 } }))['ErrorCode']).toBe(0);
    expect((await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 11 } }))['ErrorCode']).toBe(70402);
    expect((await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Mac: 4 } }))['ErrorCode']).toBe(70402);
    const phones = [];
    for (let i = 0; i < 3; i++) {
      const c = await v2({ platform: 'Android' });
      await c.manager.login('gina', ts.sig('gina'));
      phones.push(c);
    }
    await settle();
    for (const p of phones) expect(p.calls).not.toContain('onKickedOffline');
  });

  it('when the limit is exceeded, the newly logged-in instance kicks out an earlier one, which receives onKickedOffline', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 2 } });
    const [a, b, c] = [await v2(), await v2(), await v2()];
    await a.manager.login('hank', ts.sig('hank'));
    await b.manager.login('hank', ts.sig('hank'));
    await c.manager.login('hank', ts.sig('hank'));
    await waitUntil(() => a.calls.includes('onKickedOffline'));
    await settle();
    expect(b.calls).not.toContain('onKickedOffline');
    expect(c.calls).not.toContain('onKickedOffline');
  });
});

describe('Logout and account switch (React Native seed)', () => {
  it('after logout the app no longer receives anything; then unInitSDK uninitializes the SDK', async () => {
    ts = await startTestServer();
    const c = await v2();
    await c.manager.login('ivy', ts.sig('ivy'));
    const logoutRes = await c.manager.logout();
    expect(logoutRes.code).toBe(0);
    expect(await onlineState('ivy')).toEqual({ To_Account: 'ivy', State: 'Offline' });
    expect((await c.manager.unInitSDK()).code).toBe(0);
    expect((await c.manager.getLoginStatus()).code).toBe(6013);
    v2s.splice(v2s.indexOf(c), 1);
  });

  it('to switch from alice to bob, just log bob in: alice is logged out automatically', async () => {
    ts = await startTestServer();
    const watcher = webClient(ts);
    const { manager } = await v2();
    await manager.login('alice', ts.sig('alice'));
    expect((await manager.login('bob', ts.sig('bob'))).code).toBe(0);
    expect((await manager.getLoginUser()).data).toBe('bob');
    expect(await onlineState('alice')).toEqual({ To_Account: 'alice', State: 'Offline' });
    await watcher.chat.destroy();
  });
});

describe('Concurrency', () => {
  it('many SDK instances of one user logging in at once never leave more online than the policy allows, and the survivors are the latest', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 3 } });
    const clients = await Promise.all(Array.from({ length: 12 }, () => v2()));
    const answers = await Promise.all(clients.map((c) => c.manager.login('racer', ts!.sig('racer'))));
    expect(answers.every((a) => a.code === 0)).toBe(true);
    await settle(300);
    const survivors = clients.filter((c) => !c.calls.includes('onKickedOffline'));
    expect(survivors.length).toBe(3);
    const res = await ts.rest('openim/query_online_status', { To_Account: ['racer'], IsNeedDetail: 1 });
    expect((res['QueryResult'] as { Detail: unknown[] }[])[0]!.Detail).toHaveLength(3);
  });
});


