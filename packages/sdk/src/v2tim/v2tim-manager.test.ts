/**
 * The V2TIM-style facade: the seed's React Native sample code runs unchanged (except the import),
 * every method resolves `{code, desc, data?}` and never throws or rejects.
 */
import { CloseCode, Command, Push } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeServer } from '../../test-support/fake-server.js';
import { APP_ID, eventually, recordingLogger, sleep } from '../../test-support/sdk-harness.js';
import { LogLevelEnum, TencentImSDKPlugin, V2TIMManager, VERSION, type V2TimSDKListener } from '../index.js';

let server: FakeServer;
const managers: V2TIMManager[] = [];
beforeEach(async () => {
  server = await FakeServer.start();
});
afterEach(async () => {
  for (const m of managers.splice(0)) await m.unInitSDK();
  await server.close();
});

/** A manager initialized against the fake server, with a listener that records its callbacks. */
async function initManager(manager = new V2TIMManager()): Promise<{ manager: V2TIMManager; calls: unknown[][] }> {
  managers.push(manager);
  const calls: unknown[][] = [];
  const listener: V2TimSDKListener = {
    onConnecting: () => calls.push(['onConnecting']),
    onConnectSuccess: () => calls.push(['onConnectSuccess']),
    onConnectFailed: (code, error) => calls.push(['onConnectFailed', code, error]),
    onKickedOffline: () => calls.push(['onKickedOffline']),
    onUserSigExpired: () => calls.push(['onUserSigExpired']),
  };
  const res = await manager.initSDK(APP_ID, LogLevelEnum.V2TIM_LOG_NONE, listener, {
    server: server.url,
    WebSocket,
    logger: recordingLogger(),
    reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
  });
  expect(res).toEqual({ code: 0, desc: 'ok', data: true });
  return { manager, calls };
}

describe('the seed sample code', () => {
  it('runs unchanged against TencentImSDKPlugin.v2TIMManager: login, getLoginUser, getLoginStatus, logout', async () => {
    await initManager(TencentImSDKPlugin.v2TIMManager);
    const userID = 'your_user_id';
    const userSig = 'userSig from your server';
    let loggedIn = false;
    let currentUser = '';
    let statusSeen = -1;

    // --- sample code (seed: "Login and Logout") ---
    const res = await TencentImSDKPlugin.v2TIMManager.login(userID, userSig);
    if (res.code == 0) {
      loggedIn = true;
    }
    const getLoginUserRes = await TencentImSDKPlugin.v2TIMManager.getLoginUser();
    if (getLoginUserRes.code == 0) {
      currentUser = getLoginUserRes.data as string;
    }
    const getLoginStatusRes = await TencentImSDKPlugin.v2TIMManager.getLoginStatus();
    if (getLoginStatusRes.code == 0) {
      const status = getLoginStatusRes.data;
      if (status == 0) {
        statusSeen = 0;
      } else if (status == 1) {
        statusSeen = 1;
      } else if (status == 2) {
        statusSeen = 2;
      }
    }
    const logoutRes = await TencentImSDKPlugin.v2TIMManager.logout();
    // --- end of sample code ---

    expect(loggedIn).toBe(true);
    expect(currentUser).toBe(userID);
    expect(statusSeen).toBe(0);
    expect(logoutRes).toEqual({ code: 0, desc: 'ok' });
  });
});

describe('V2TIMManager', () => {
  it('answers 6013 for any call before initSDK (getVersion excepted)', async () => {
    const m = new V2TIMManager();
    for (const call of [m.login('a', 'b'), m.logout(), m.getLoginUser(), m.getLoginStatus(), m.getServerTime(), m.callExperimentalAPI('x')]) {
      await expect(call).resolves.toMatchObject({ code: 6013 });
    }
    await expect(m.getVersion()).resolves.toEqual({ code: 0, desc: 'ok', data: VERSION });
  });

  it('never throws or rejects: bad arguments become codes', async () => {
    const { manager } = await initManager();
    await expect(manager.login(null as never, null as never)).resolves.toMatchObject({ code: 6017 });
    await expect(manager.login('alice', undefined as never)).resolves.toMatchObject({ code: 6017 });
    await expect(manager.login('bad id!', 'sig')).resolves.toMatchObject({ code: 7003 });
    await expect(manager.logout()).resolves.toMatchObject({ code: 6014 });
    await expect(manager.getServerTime()).resolves.toMatchObject({ code: 6014 });
    const bad = new V2TIMManager();
    await expect(bad.initSDK('nope' as never, 0)).resolves.toMatchObject({ code: 6017 });
    await expect(bad.initSDK(APP_ID, 0, undefined, { server: 42 } as never)).resolves.toMatchObject({ code: 6017, desc: expect.stringContaining('server') });
    await expect(bad.initSDK(APP_ID, 0, undefined, 'options' as never)).resolves.toMatchObject({ code: 6017 });
    expect(() => manager.addListener(null as never)).not.toThrow();
    expect(() => manager.removeListener()).not.toThrow();
  });

  it('getLoginStatus goes 2 (logged out) → 1 (logging in) → 0 (logged in) → 2 after logout', async () => {
    server.handle(Command.LOGIN, async (req, _c, s) => {
      await sleep(50);
      return s.defaultReply(req);
    });
    const { manager } = await initManager();
    await expect(manager.getLoginStatus()).resolves.toEqual({ code: 0, desc: 'ok', data: 2 });
    const login = manager.login('alice', 'sig');
    await server.waitForRequest(Command.LOGIN);
    await expect(manager.getLoginStatus()).resolves.toMatchObject({ data: 1 });
    await expect(login).resolves.toEqual({ code: 0, desc: 'ok' });
    await expect(manager.getLoginStatus()).resolves.toMatchObject({ data: 0 });
    await manager.logout();
    await expect(manager.getLoginStatus()).resolves.toMatchObject({ data: 2 });
  });

  it('answers 7501 to a login while another login is in progress', async () => {
    server.handle(Command.LOGIN, async (req, _c, s) => {
      await sleep(50);
      return s.defaultReply(req);
    });
    const { manager } = await initManager();
    const first = manager.login('alice', 'sig');
    await expect(manager.login('alice', 'sig')).resolves.toMatchObject({ code: 7501 });
    await expect(first).resolves.toMatchObject({ code: 0 });
  });

  it('answers 70001 when the UserSig has expired at login; getLoginUser is then empty', async () => {
    server.handle(Command.LOGIN, () => ({ code: 70001, message: 'UserSig expired' }));
    const { manager } = await initManager();
    await expect(manager.login('alice', 'old')).resolves.toEqual({ code: 70001, desc: 'UserSig expired' });
    await expect(manager.getLoginUser()).resolves.toEqual({ code: 0, desc: 'ok', data: '' });
  });

  it('resolves login once the SDK is ready, so the server time is available right away, in whole seconds', async () => {
    server.now = () => 1_700_000_123_456;
    const { manager } = await initManager();
    await manager.login('alice', 'sig');
    const res = await manager.getServerTime();
    expect(res.code).toBe(0);
    expect(Number.isInteger(res.data)).toBe(true);
    expect(Math.abs((res.data ?? 0) - 1_700_000_123)).toBeLessThanOrEqual(2);
  });

  it('a repeated login of the same user succeeds without a server round trip', async () => {
    const { manager } = await initManager();
    await manager.login('alice', 'sig');
    await expect(manager.login('alice', 'sig')).resolves.toEqual({ code: 0, desc: 'ok' });
    expect(server.requests(Command.LOGIN)).toHaveLength(1);
  });

  it('switches accounts by logging the current user out first', async () => {
    const { manager } = await initManager();
    await manager.login('alice', 'sig-a');
    await manager.login('bob', 'sig-b');
    const sessionLog = server.log.filter((e) => e.request.cmd.startsWith('im_open_status.') && e.request.cmd !== Command.HELLO);
    expect(sessionLog.map((e) => `${e.request.cmd}:${String(e.request.body['userID'] ?? '')}`)).toEqual([
      `${Command.LOGIN}:alice`,
      `${Command.LOGOUT}:`,
      `${Command.LOGIN}:bob`,
    ]);
    await expect(manager.getLoginUser()).resolves.toMatchObject({ data: 'bob' });
  });

  it('reports onConnecting and onConnectSuccess at login, and again around an automatic reconnect', async () => {
    const { manager, calls } = await initManager();
    await manager.login('alice', 'sig');
    expect(calls).toEqual([['onConnecting'], ['onConnectSuccess']]);
    server.dropAll();
    await eventually(() => calls.length === 4, 'reconnect callbacks');
    expect(calls.slice(2)).toEqual([['onConnecting'], ['onConnectSuccess']]);
    await expect(manager.getLoginStatus()).resolves.toMatchObject({ data: 0 });
  });

  it('reports onConnectFailed(code, error) when a connection attempt fails', async () => {
    const { manager, calls } = await initManager();
    await manager.login('alice', 'sig');
    server.refuse = true;
    server.dropAll();
    await eventually(() => calls.some((c) => c[0] === 'onConnectFailed'), 'onConnectFailed');
    expect(calls.find((c) => c[0] === 'onConnectFailed')).toEqual(['onConnectFailed', 2800, expect.any(String)]);
    server.refuse = false;
    await eventually(() => calls.at(-1)?.[0] === 'onConnectSuccess', 'reconnected');
  });

  it.each([
    ['multipleAccount', 1, 'onKickedOffline'],
    ['multipleDevice', 2, 'onKickedOffline'],
    ['REST_API_Kick', 3, 'onKickedOffline'],
    ['userSigExpired', 4, 'onUserSigExpired'],
  ])('a %s kick calls %s', async (type, kickType, callback) => {
    const { manager, calls } = await initManager();
    await manager.login('alice', 'sig');
    server.last.push(Push.KICKOUT, { type, kickType });
    server.last.close(type === 'userSigExpired' ? CloseCode.SessionExpired : CloseCode.Kicked);
    await eventually(() => calls.some((c) => c[0] === callback), callback);
    const kicks = calls.filter((c) => c[0] === 'onKickedOffline' || c[0] === 'onUserSigExpired');
    expect(kicks).toEqual([[callback]]);
    await expect(manager.getLoginStatus()).resolves.toMatchObject({ data: 2 });
    await expect(manager.login('alice', 'new-sig')).resolves.toMatchObject({ code: 0 });
  });

  it('a listener that throws does not break the SDK or the other listeners', async () => {
    const { manager, calls } = await initManager();
    manager.addListener({
      onConnecting: () => {
        throw new Error('app bug');
      },
    });
    await expect(manager.login('alice', 'sig')).resolves.toMatchObject({ code: 0 });
    expect(calls).toEqual([['onConnecting'], ['onConnectSuccess']]);
  });

  it('removeListener stops the callbacks; unInitSDK logs out and releases the SDK', async () => {
    const { manager, calls } = await initManager();
    manager.removeListener();
    await manager.login('alice', 'sig');
    expect(calls).toEqual([]);
    await expect(manager.unInitSDK()).resolves.toEqual({ code: 0, desc: 'ok' });
    expect(server.requests(Command.LOGOUT)).toHaveLength(1);
    await expect(manager.getLoginStatus()).resolves.toMatchObject({ code: 6013 });
  });

  it('callExperimentalAPI resolves code 0', async () => {
    const { manager } = await initManager();
    await expect(manager.callExperimentalAPI('anything', { a: 1 })).resolves.toEqual({ code: 0, desc: 'ok', data: {} });
  });
});
