import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, Command, ErrorCode, Push, type Platform } from '@parley/protocol';
import { genUserSig } from '@parley/usersig';
import { ManualClock } from '../../test-support/manual-clock.js';
import { RawClient } from '../../test-support/raw-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import type { AccountStore, Store } from '@parley/store';
import { openSqliteStore } from '@parley/store-sqlite';

let ts: TestServer | undefined;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await ts?.close();
  ts = undefined;
});

/**
 * A store whose account reads and writes take a while, as a remote database's do: races get room.
 * It is the real SQLite store with its `accounts` part wrapped; every other part is untouched.
 */
async function slowAccountStore(delayMs: number): Promise<Store> {
  const inner = await openSqliteStore({ path: ':memory:' });
  const accounts = new Proxy(inner.accounts, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const fn = (value as (...args: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return fn(...args);
      };
    },
  }) satisfies AccountStore;
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === 'accounts') return accounts;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function connect(t: TestServer): Promise<RawClient> {
  const c = await RawClient.connect(t.wsUrl);
  clients.push(c);
  return c;
}

async function loginAs(t: TestServer, userID: string, platform: Platform = 'Web', extra: Record<string, unknown> = {}) {
  const c = await connect(t);
  const res = await c.request(Command.LOGIN, { SDKAppID: t.app.sdkAppID, userID, userSig: t.sig(userID), platform, ...extra });
  return { c, res };
}

describe('login', () => {
  it('first login signs up: the account exists afterwards', async () => {
    ts = await startTestServer();
    const before = await ts.rest('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'newbie' }] });
    expect(before['ResultItem']).toEqual([expect.objectContaining({ UserID: 'newbie', AccountStatus: 'NotImported' })]);
    const { res } = await loginAs(ts, 'newbie');
    expect(res.code).toBe(0);
    const after = await ts.rest('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'newbie' }] });
    expect(after['ResultItem']).toEqual([expect.objectContaining({ UserID: 'newbie', AccountStatus: 'Imported' })]);
  });

  it('under a plan limit, concurrent first logins never sign up more accounts than the limit', async () => {
    ts = await startTestServer({ app: { limits: { maxAccounts: 3 } }, store: await slowAccountStore(15) });
    const t = ts;
    // Ten new users and one of them twice, all at once: exactly three accounts may come to exist.
    const users = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n0'];
    const codes = (await Promise.all(users.map((u, i) => loginAs(t, u, i === users.length - 1 ? 'Android' : 'Web')))).map((r) => r.res.code);
    const admitted = new Set(users.filter((_, i) => codes[i] === 0));
    expect(admitted.size).toBe(3);
    expect(codes.filter((c) => c !== 0).every((c) => c === ErrorCode.ERR_SVR_ACCOUNT_COUNT_LIMIT)).toBe(true);
    const check = await t.rest('im_open_login_svc/account_check', { CheckItem: users.slice(0, 10).map((UserID) => ({ UserID })) });
    const imported = (check['ResultItem'] as { UserID: string; AccountStatus: string }[]).filter((r) => r.AccountStatus === 'Imported');
    expect(new Set(imported.map((r) => r.UserID))).toStrictEqual(admitted);
    // An admitted user logs in again, a new one is still refused.
    expect((await loginAs(t, [...admitted][0] ?? '', 'IPad')).res.code).toBe(0);
    expect((await loginAs(t, 'late')).res.code).toBe(ErrorCode.ERR_SVR_ACCOUNT_COUNT_LIMIT);
  });

  it('under a plan limit, a REST delete makes room for a new sign-up, and only one', async () => {
    ts = await startTestServer({ app: { limits: { maxAccounts: 2 } }, store: await slowAccountStore(15) });
    const t = ts;
    expect((await t.rest('im_open_login_svc/multiaccount_import', { Accounts: ['a', 'b'] }))['ErrorCode']).toBe(0);
    expect((await loginAs(t, 'c')).res.code).toBe(ErrorCode.ERR_SVR_ACCOUNT_COUNT_LIMIT);
    const [deleted, ...logins] = await Promise.all([
      t.rest('im_open_login_svc/account_delete', { DeleteItem: [{ UserID: 'a' }] }),
      loginAs(t, 'd'),
      loginAs(t, 'e'),
    ]);
    expect(deleted['ErrorCode']).toBe(0);
    const after = await t.rest('im_open_login_svc/account_check', { CheckItem: ['a', 'b', 'd', 'e'].map((UserID) => ({ UserID })) });
    const imported = (after['ResultItem'] as { AccountStatus: string }[]).filter((r) => r.AccountStatus === 'Imported').length;
    expect(imported).toBeLessThanOrEqual(2);
    expect(logins.filter((l) => l.res.code === 0).length).toBeLessThanOrEqual(1);
  });

  it('answers with server time, instance id, heartbeat interval and sig expiry', async () => {
    ts = await startTestServer({ session: { helloIntervalSec: 7 } });
    const before = Date.now();
    const { res } = await loginAs(ts, 'u1');
    expect(res.body).toMatchObject({ userID: 'u1', helloInterval: 7, resumed: false });
    expect(res.body?.['instanceID']).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(res.body?.['serverTime']).toBeGreaterThanOrEqual(before);
    expect(res.body?.['sigExpireAt']).toBeGreaterThan(Date.now());
  });

  it('an expired ticket at login fails with 70001', async () => {
    ts = await startTestServer();
    const c = await connect(ts);
    const old = genUserSig({ sdkAppID: ts.app.sdkAppID, key: ts.app.secretKey, userID: 'u1', expireSeconds: 60, now: Date.now() - 3_600_000 });
    const res = await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'u1', userSig: old, platform: 'Web' });
    expect(res.code).toBe(ErrorCode.ERR_SVR_ACCOUNT_USERSIG_EXPIRED);
  });

  it.each([
    ['a sig signed with another key', 'wrongkey', 'u1', 'u1', ErrorCode.ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY],
    ['a sig of another user', 'appkey', 'u2', 'u1', ErrorCode.ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID],
    ['garbage', 'garbage', 'u1', 'u1', ErrorCode.ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED],
  ])('refuses %s with its Tencent code', async (_name, kind, sigUser, loginUser, code) => {
    ts = await startTestServer();
    const c = await connect(ts);
    const userSig =
      kind === 'garbage'
        ? 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy'
        : genUserSig({ sdkAppID: ts.app.sdkAppID, key: kind === 'wrongkey' ? 'f'.repeat(64) : ts.app.secretKey, userID: sigUser, expireSeconds: 600 });
    const res = await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: loginUser, userSig, platform: 'Web' });
    expect(res.code).toBe(code);
  });

  it('refuses a sig minted for another app with 70014 and an unknown app with 70020', async () => {
    ts = await startTestServer();
    const c = await connect(ts);
    const otherAppSig = genUserSig({ sdkAppID: ts.app.sdkAppID + 1, key: ts.app.secretKey, userID: 'u1' });
    expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'u1', userSig: otherAppSig })).code).toBe(
      ErrorCode.ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID,
    );
    expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID + 1, userID: 'u1', userSig: otherAppSig })).code).toBe(
      ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND,
    );
  });

  it('a suspended app answers logins with 60020 until it is active again', async () => {
    ts = await startTestServer();
    expect((await ts.rest('parley_admin/set_app_status', { Status: 'suspended' }))['ErrorCode']).toBe(0);
    expect((await loginAs(ts, 'u1')).res.code).toBe(ErrorCode.ERR_SVR_COMM_INVALID_SERVICE);
    expect((await ts.rest('parley_admin/set_app_status', { Status: 'active' }))['ErrorCode']).toBe(0);
    expect((await loginAs(ts, 'u1')).res.code).toBe(0);
  });

  it('throttles repeated failed logins of a user with 70050, leaving other users alone', async () => {
    ts = await startTestServer({ throttle: { maxFailuresPerUser: 3, maxFailuresPerIp: 100 } });
    const c = await connect(ts);
    const bad = genUserSig({ sdkAppID: ts.app.sdkAppID, key: 'f'.repeat(64), userID: 'victim' });
    for (let i = 0; i < 3; i++) {
      expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'victim', userSig: bad })).code).toBe(70009);
    }
    expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'victim', userSig: ts.sig('victim') })).code).toBe(
      ErrorCode.ERR_SVR_ACCOUNT_FREQ_LIMIT,
    );
    expect((await loginAs(ts, 'bystander')).res.code).toBe(0);
  });

  it('throttles an IP that keeps failing logins across many users with 70050', async () => {
    ts = await startTestServer({ throttle: { maxFailuresPerUser: 100, maxFailuresPerIp: 3 } });
    const c = await connect(ts);
    for (let i = 0; i < 3; i++) {
      const bad = genUserSig({ sdkAppID: ts.app.sdkAppID, key: 'f'.repeat(64), userID: `guess${i}` });
      expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: `guess${i}`, userSig: bad })).code).toBe(70009);
    }
    expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'fresh', userSig: ts.sig('fresh') })).code).toBe(
      ErrorCode.ERR_SVR_ACCOUNT_FREQ_LIMIT,
    );
  });

  it('throttling ends after the window', async () => {
    const clock = new ManualClock(Date.now());
    ts = await startTestServer({ clock, throttle: { maxFailuresPerUser: 1, windowMs: 60_000 }, gateway: { loginTimeoutMs: 3_600_000 } });
    const c = await connect(ts);
    const bad = genUserSig({ sdkAppID: ts.app.sdkAppID, key: 'f'.repeat(64), userID: 'u1', now: clock.now() });
    await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'u1', userSig: bad });
    const good = ts.sig('u1', 86_400, clock.now());
    expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'u1', userSig: good })).code).toBe(70050);
    clock.advance(60_001);
    expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'u1', userSig: good })).code).toBe(0);
  });
});

describe('UserSig expiry while online', () => {
  it('ends the session with userSigExpired at expiry time, without waiting for a reconnect', async () => {
    const clock = new ManualClock(Date.now());
    ts = await startTestServer({ clock });
    const c = await connect(ts);
    const sig = genUserSig({ sdkAppID: ts.app.sdkAppID, key: ts.app.secretKey, userID: 'u1', expireSeconds: 60, now: clock.now() });
    expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'u1', userSig: sig })).code).toBe(0);
    clock.advance(59_000);
    expect(c.pushes).toEqual([]);
    clock.advance(2_000);
    const push = await c.nextPush(Push.KICKOUT);
    expect(push.body).toMatchObject({ type: 'userSigExpired' });
    expect((await c.closed).code).toBe(CloseCode.SessionExpired);
  });
});

describe('multi-client policies', () => {
  it('by default a second web login kicks the first with multipleAccount; the second stays online', async () => {
    ts = await startTestServer();
    const first = await loginAs(ts, 'alice');
    const second = await loginAs(ts, 'alice');
    expect(second.res.code).toBe(0);
    const push = await first.c.nextPush(Push.KICKOUT);
    expect(push.body).toMatchObject({ type: 'multipleAccount', kickType: 1, newInstanceInfo: { platform: 'Web', instanceID: second.res.body?.['instanceID'] } });
    expect((await first.c.closed).code).toBe(CloseCode.Kicked);
    expect((await second.c.request(Command.HELLO)).code).toBe(0);
  });

  it('with the web limit set to 3, the 4th web login kicks the first, not the others', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 3 } });
    const pages = [];
    for (let i = 0; i < 4; i++) pages.push(await loginAs(ts, 'bob'));
    expect((await pages[0]!.c.nextPush(Push.KICKOUT)).body['type']).toBe('multipleAccount');
    for (const p of pages.slice(1)) {
      expect((await p.c.request(Command.HELLO)).code).toBe(0);
      expect(p.c.pushes).toEqual([]);
    }
  });

  it('dual (default): web and one native platform stay online together; a second native platform kicks the first with multipleDevice', async () => {
    ts = await startTestServer();
    const web = await loginAs(ts, 'carol', 'Web');
    const android = await loginAs(ts, 'carol', 'Android');
    expect(web.c.pushes).toEqual([]);
    await loginAs(ts, 'carol', 'Mac');
    expect((await android.c.nextPush(Push.KICKOUT)).body).toMatchObject({ type: 'multipleDevice', kickType: 2 });
    expect((await web.c.request(Command.HELLO)).code).toBe(0);
    expect(web.c.pushes).toEqual([]);
  });

  it('single: a login on any other platform kicks the existing one with multipleDevice', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { Policy: 'single' });
    const web = await loginAs(ts, 'dave', 'Web');
    await loginAs(ts, 'dave', 'IPhone');
    expect((await web.c.nextPush(Push.KICKOUT)).body['type']).toBe('multipleDevice');
  });

  it('settings changes take effect for the next login', async () => {
    ts = await startTestServer();
    const a = await loginAs(ts, 'erin', 'Web');
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 2 } });
    await loginAs(ts, 'erin', 'Web');
    await new Promise((r) => setTimeout(r, 50));
    expect(a.c.pushes).toEqual([]);
  });

  it('logout leaves the other instance of the same account online', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 2 } });
    const a1 = await loginAs(ts, 'frank');
    const a2 = await loginAs(ts, 'frank');
    expect((await a1.c.request(Command.LOGOUT)).code).toBe(0);
    expect((await a2.c.request(Command.HELLO)).code).toBe(0);
    const res = await ts.rest('openim/query_online_status', { To_Account: ['frank'], IsNeedDetail: 1 });
    expect(res['QueryResult']).toEqual([{ To_Account: 'frank', State: 'Online', Detail: [{ Platform: 'Web', Status: 'Online' }] }]);
  });

  it('many concurrent logins of one user never leave more instances online than the policy allows', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 3, Android: 2 } });
    const platforms: Platform[] = ['Web', 'Android', 'IPhone', 'Mac'];
    const sockets = await Promise.all(Array.from({ length: 40 }, () => connect(ts!)));
    const answers = await Promise.all(
      sockets.map((c, i) => c.request(Command.LOGIN, { SDKAppID: ts!.app.sdkAppID, userID: 'racer', userSig: ts!.sig('racer'), platform: platforms[i % 4] })),
    );
    expect(answers.every((a) => a.code === 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    const alive = sockets.filter((c) => c.pushes.length === 0);
    const res = await ts.rest('openim/query_online_status', { To_Account: ['racer'], IsNeedDetail: 1 });
    const detail = (res['QueryResult'] as { Detail: { Platform: string }[] }[])[0]!.Detail;
    const web = detail.filter((d) => d.Platform === 'Web').length;
    const natives = detail.filter((d) => d.Platform !== 'Web');
    expect(web).toBeLessThanOrEqual(3);
    expect(new Set(natives.map((d) => d.Platform)).size).toBeLessThanOrEqual(1);
    expect(natives.length).toBeLessThanOrEqual(2);
    expect(alive).toHaveLength(detail.length);
  });
});

describe('REST kick', () => {
  it('kicks every online instance with REST_API_Kick; the old sig then fails with 70052 and a new sig works', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { Policy: 'multi' });
    const oldSig = ts.sig('gina', 3600);
    const web = await loginAs(ts, 'gina', 'Web', { userSig: oldSig });
    const phone = await loginAs(ts, 'gina', 'IPhone', { userSig: oldSig });
    expect((await ts.rest('im_open_login_svc/kick', { UserID: 'gina' }))['ErrorCode']).toBe(0);
    for (const x of [web, phone]) {
      expect((await x.c.nextPush(Push.KICKOUT)).body).toMatchObject({ type: 'REST_API_Kick', kickType: 3 });
      expect((await x.c.closed).code).toBe(CloseCode.Kicked);
    }
    const retry = await connect(ts);
    expect((await retry.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'gina', userSig: oldSig })).code).toBe(70052);
    const fresh = ts.sig('gina', 7200);
    expect((await retry.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'gina', userSig: fresh })).code).toBe(0);
  });

  it('survives a restart: the invalidation is stored', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    ts = await startTestServer({ store });
    const oldSig = ts.sig('hank', 3600, Date.now() - 5000);
    await ts.rest('im_open_login_svc/kick', { UserID: 'hank' });
    await ts.server.close();
    const { createParleyServer } = await import('../http/parley-server.js');
    const again = createParleyServer({ store, port: 0, processMetrics: false });
    const addr = await again.listen();
    const c = await RawClient.connect(addr.wsUrl);
    clients.push(c);
    expect((await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'hank', userSig: oldSig })).code).toBe(70052);
    await again.close();
  });
});

describe('resume after a network drop', () => {
  it('re-attaches the same instance without kicking the account\'s other instances', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 2 } });
    const a = await loginAs(ts, 'ivy');
    const b = await loginAs(ts, 'ivy');
    const instanceID = a.res.body?.['instanceID'];
    a.c.socket.terminate();
    await a.c.closed;
    const again = await connect(ts);
    const res = await again.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'ivy', userSig: ts.sig('ivy'), instanceID });
    expect(res.code).toBe(0);
    expect(res.body).toMatchObject({ instanceID, resumed: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(b.c.pushes).toEqual([]);
  });

  it('a dropped instance still counts toward the policy, and if kicked meanwhile its resume is told why (88504)', async () => {
    ts = await startTestServer();
    const a = await loginAs(ts, 'jack');
    const instanceID = a.res.body?.['instanceID'];
    a.c.socket.terminate();
    await a.c.closed;
    await loginAs(ts, 'jack');
    const again = await connect(ts);
    const res = await again.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'jack', userSig: ts.sig('jack'), instanceID });
    expect(res.code).toBe(ErrorCode.PARLEY_INSTANCE_KICKED);
    expect(res.body).toEqual({ type: 'multipleAccount', kickType: 1 });
  });

  it('an unknown instance id is treated as a fresh login', async () => {
    ts = await startTestServer();
    const { res } = await loginAs(ts, 'kim', 'Web', { instanceID: 'not-known-here' });
    expect(res.code).toBe(0);
    expect(res.body).toMatchObject({ resumed: false });
    expect(res.body?.['instanceID']).not.toBe('not-known-here');
  });

  it('resuming on a new socket while the old one is half-open closes the old one with 4409', async () => {
    ts = await startTestServer();
    const a = await loginAs(ts, 'lee');
    const again = await connect(ts);
    const res = await again.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'lee', userSig: ts.sig('lee'), instanceID: a.res.body?.['instanceID'] });
    expect(res.body).toMatchObject({ resumed: true });
    expect((await a.c.closed).code).toBe(CloseCode.Replaced);
  });

  it('a resume with a ticket invalidated by a REST kick fails with 70052', async () => {
    ts = await startTestServer();
    const sig = ts.sig('mia', 3600);
    const a = await loginAs(ts, 'mia', 'Web', { userSig: sig });
    a.c.socket.terminate();
    await a.c.closed;
    await ts.rest('im_open_login_svc/kick', { UserID: 'mia' });
    const again = await connect(ts);
    const res = await again.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'mia', userSig: sig, instanceID: a.res.body?.['instanceID'] });
    expect(res.code).toBe(70052);
  });
});
