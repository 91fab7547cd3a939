/**
 * Login, logout, repeat login and account switch, against the scripted fake server over real
 * sockets. Test names follow the statements of the seed documents.
 */
import { Command, EVENT } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../../test-support/fake-server.js';
import { APP_ID, eventually, newChat, nextEvent, recordEvents, sleep } from '../../test-support/sdk-harness.js';
import type { ChatInstance } from '../index.js';

let server: FakeServer;
const chats: ChatInstance[] = [];
beforeEach(async () => {
  server = await FakeServer.start();
});
afterEach(async () => {
  for (const chat of chats.splice(0)) await chat.destroy();
  await server.close();
});
function chat(extra: Parameters<typeof newChat>[1] = {}): ChatInstance {
  const c = newChat(server, extra);
  chats.push(c);
  return c;
}

describe('login', () => {
  it('resolves with the login data, then SDK_READY fires after it (never before the promise resolved)', async () => {
    const c = chat();
    const order: string[] = [];
    c.on(EVENT.SDK_READY, () => order.push('SDK_READY'));
    const res = await c.login({ userID: 'alice', userSig: 'sig-a' }).then((r) => {
      order.push('resolved');
      return r;
    });
    // Even an app that awaits a few more times before reacting still sees the resolution first.
    await Promise.resolve();
    order.push('after awaits');
    expect(res).toEqual({
      code: 0,
      data: expect.objectContaining({ actionStatus: 'OK', errorCode: 0, errorInfo: '', repeatLogin: false, userID: 'alice', instanceID: 'inst1', helloInterval: 30 }),
    });
    expect(c.isReady()).toBe(false);
    await eventually(() => c.isReady(), 'SDK_READY');
    expect(order).toEqual(['resolved', 'after awaits', 'SDK_READY']);
    expect(c.getLoginUser()).toBe('alice');
  });

  it('sends wslogin with SDKAppID, userID, userSig, platform and protocol version, and no instanceID', async () => {
    const c = chat({ platform: 'Android' });
    await c.login({ userID: 'alice', userSig: 'sig-a' });
    const { request } = await server.waitForRequest(Command.LOGIN);
    expect(request.body).toEqual({ SDKAppID: APP_ID, userID: 'alice', userSig: 'sig-a', platform: 'Android', version: 1 });
  });

  it('when called again for the logged-in user resolves repeatLogin: true without a server round trip', async () => {
    const c = chat();
    await c.login({ userID: 'alice', userSig: 'sig-a' });
    await nextEvent(c, EVENT.SDK_READY).catch(() => {});
    const again = await c.login({ userID: 'alice', userSig: 'sig-a' });
    expect(again).toEqual({ code: 0, data: { actionStatus: 'OK', errorCode: 0, errorInfo: expect.stringMatching(/already logged in/), repeatLogin: true } });
    expect(server.requests(Command.LOGIN)).toHaveLength(1);
    expect(server.connections).toHaveLength(1);
  });

  it('while a login is in flight rejects with 2025 (repeated login is unnecessary)', async () => {
    server.handle(Command.LOGIN, async (req, _conn, s) => {
      await sleep(50);
      return s.defaultReply(req);
    });
    const c = chat();
    const first = c.login({ userID: 'alice', userSig: 'sig-a' });
    await expect(c.login({ userID: 'alice', userSig: 'sig-a' })).rejects.toMatchObject({ code: 2025 });
    await expect(c.login({ userID: 'bob', userSig: 'sig-b' })).rejects.toMatchObject({ code: 2025 });
    await expect(first).resolves.toMatchObject({ code: 0 });
  });

  it('rejects 2002 without userID, 2003 without userSig, 7003 for a userID that breaks the 32-byte [A-Za-z0-9_-] rule', async () => {
    const c = chat();
    await expect(c.login({ userSig: 'x' } as never)).rejects.toMatchObject({ code: 2002 });
    await expect(c.login({ userID: '', userSig: 'x' })).rejects.toMatchObject({ code: 2002 });
    await expect(c.login(undefined as never)).rejects.toMatchObject({ code: 2002 });
    await expect(c.login({ userID: 'alice' } as never)).rejects.toMatchObject({ code: 2003 });
    await expect(c.login({ userID: 'alice', userSig: '' })).rejects.toMatchObject({ code: 2003 });
    for (const userID of ['a'.repeat(33), 'with space', 'émile', 'a.b', 42]) {
      await expect(c.login({ userID, userSig: 'x' } as never), String(userID)).rejects.toMatchObject({ code: 7003 });
    }
    await expect(c.login({ userID: 'A-z_09'.padEnd(32, 'x'), userSig: 'x' })).resolves.toMatchObject({ code: 0 });
    expect(server.requests(Command.LOGIN)).toHaveLength(1);
  });

  it.each([
    [70001, 'UserSig expired'],
    [70003, 'UserSig verification failed'],
    [70009, 'signed with another key'],
    [70013, 'identifier mismatch'],
    [70014, 'sdkappid mismatch'],
    [70020, 'SDKAppID not found'],
    [60020, 'app suspended'],
    [70050, 'too many failures'],
    [70052, 'sig invalidated by kick'],
  ])('rejects with the server code %i and its message, and the SDK is then not ready with reason 3001', async (code, message) => {
    server.handle(Command.LOGIN, () => ({ code, message }));
    const c = chat();
    const error = await c.login({ userID: 'alice', userSig: 'bad' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, message });
    expect(error).toBeInstanceOf(Error);
    expect(c.isReady()).toBe(false);
    expect(c.getLoginUser()).toBe('');
    await expect(Promise.resolve(c.getServerTime())).rejects.toMatchObject({ code: 3001 });
  });

  it('after a failed login, login may be called again and succeed', async () => {
    let fail = true;
    server.handle(Command.LOGIN, (req, _c, s) => (fail ? { code: 70001, message: 'expired' } : s.defaultReply(req)));
    const c = chat();
    await expect(c.login({ userID: 'alice', userSig: 'old' })).rejects.toMatchObject({ code: 70001 });
    fail = false;
    await expect(c.login({ userID: 'alice', userSig: 'new' })).resolves.toMatchObject({ code: 0 });
    await eventually(() => c.isReady(), 'ready');
  });

  it('rejects with 2800 when the server cannot be reached', async () => {
    const closed = await FakeServer.start();
    const url = closed.url;
    await closed.close();
    const c = chat({ server: url });
    await expect(c.login({ userID: 'alice', userSig: 'x' })).rejects.toMatchObject({ code: 2800 });
    await expect(Promise.resolve(c.getServerTime())).rejects.toMatchObject({ code: 3001 });
  });

  it('rejects with 2801 when no answer arrives within loginTimeoutMs', async () => {
    server.handle(Command.LOGIN, () => 'silent');
    const c = chat({ loginTimeoutMs: 100 });
    const started = Date.now();
    await expect(c.login({ userID: 'alice', userSig: 'x' })).rejects.toMatchObject({ code: 2801 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    await server.until(() => server.last.closeInfo !== undefined, 'the abandoned socket to close');
  });

  it('reports the network state: connecting, then connected', async () => {
    const c = chat();
    const events = recordEvents(c, [EVENT.NET_STATE_CHANGE]);
    await c.login({ userID: 'alice', userSig: 'x' });
    expect(events.map((e) => e.data)).toEqual([{ state: 'connecting' }, { state: 'connected' }]);
  });
});

describe('account switch', () => {
  it('logging in as another user logs the current one out first (wslogout, SDK_NOT_READY), then logs the new one in', async () => {
    const c = chat();
    await c.login({ userID: 'alice', userSig: 'sig-a' });
    await eventually(() => c.isReady(), 'ready');
    const events = recordEvents(c, [EVENT.SDK_READY, EVENT.SDK_NOT_READY]);
    const res = await c.login({ userID: 'bob', userSig: 'sig-b' });
    expect(res.data).toMatchObject({ repeatLogin: false, userID: 'bob' });
    const [aliceConn, bobConn] = server.connections;
    // Messaging sync requests (openim.*, recentcontact.*, ...) also travel on these connections.
    const sessionCmds = (conn: typeof aliceConn) => conn?.requests.map((r) => r.cmd).filter((cmd) => cmd.startsWith('im_open_status.'));
    expect(sessionCmds(aliceConn)).toEqual([Command.LOGIN, Command.LOGOUT]);
    expect(aliceConn?.closeInfo?.code).toBe(1000);
    expect(sessionCmds(bobConn)).toEqual([Command.LOGIN]);
    const logoutAt = server.log.findIndex((e) => e.request.cmd === Command.LOGOUT);
    const bobLoginAt = server.log.findIndex((e) => e.request.cmd === Command.LOGIN && e.request.body['userID'] === 'bob');
    expect(logoutAt).toBeLessThan(bobLoginAt);
    await eventually(() => c.isReady(), 'ready again');
    expect(events.map((e) => e.name)).toEqual([EVENT.SDK_NOT_READY, EVENT.SDK_READY]);
    expect(c.getLoginUser()).toBe('bob');
  });
});

describe('logout', () => {
  it('sends wslogout, closes the socket with 1000, emits SDK_NOT_READY and resolves {code: 0, data: {}}', async () => {
    const c = chat();
    await c.login({ userID: 'alice', userSig: 'x' });
    await eventually(() => c.isReady(), 'ready');
    const events = recordEvents(c, [EVENT.SDK_NOT_READY, EVENT.NET_STATE_CHANGE]);
    await expect(c.logout()).resolves.toEqual({ code: 0, data: {} });
    expect(server.requests(Command.LOGOUT)).toHaveLength(1);
    await server.until(() => server.last.closeInfo !== undefined, 'close');
    expect(server.last.closeInfo?.code).toBe(1000);
    expect(events).toEqual([
      { name: EVENT.SDK_NOT_READY, data: undefined },
      { name: EVENT.NET_STATE_CHANGE, data: { state: 'disconnected' } },
    ]);
    expect(c.isReady()).toBe(false);
    expect(c.getLoginUser()).toBe('');
  });

  it('afterwards, gated APIs reject with 3005 (logged out)', async () => {
    const c = chat();
    await c.login({ userID: 'alice', userSig: 'x' });
    await c.logout();
    await expect(Promise.resolve(c.getServerTime())).rejects.toMatchObject({ code: 3005 });
  });

  it('resolves even when the server refuses wslogout', async () => {
    server.handle(Command.LOGOUT, () => ({ code: 70500, message: 'internal' }));
    const c = chat();
    await c.login({ userID: 'alice', userSig: 'x' });
    await expect(c.logout()).resolves.toEqual({ code: 0, data: {} });
  });

  it('rejects with 2024 when not logged in', async () => {
    const c = chat();
    await expect(c.logout()).rejects.toMatchObject({ code: 2024 });
  });

  it('cancels a login in flight: the login rejects and no session remains', async () => {
    server.handle(Command.LOGIN, async (req, _c, s) => {
      await sleep(50);
      return s.defaultReply(req);
    });
    const c = chat();
    const pending = c.login({ userID: 'alice', userSig: 'x' });
    await server.waitForRequest(Command.LOGIN);
    await expect(c.logout()).resolves.toEqual({ code: 0, data: {} });
    await expect(pending).rejects.toMatchObject({ code: 3005 });
    await sleep(80);
    expect(c.isReady()).toBe(false);
    expect(c.getLoginUser()).toBe('');
  });
});

describe('destroy', () => {
  it('logs out, closes the socket, emits SDK_DESTROY and then drops every handler', async () => {
    const c = chat();
    await c.login({ userID: 'alice', userSig: 'x' });
    await eventually(() => c.isReady(), 'ready');
    const events = recordEvents(c, [EVENT.SDK_NOT_READY, EVENT.SDK_DESTROY]);
    await expect(c.destroy()).resolves.toEqual({ code: 0, data: {} });
    expect(server.requests(Command.LOGOUT)).toHaveLength(1);
    expect(events.map((e) => e.name)).toEqual([EVENT.SDK_NOT_READY, EVENT.SDK_DESTROY]);
    await expect(c.login({ userID: 'alice', userSig: 'x' })).rejects.toMatchObject({ code: 2905 });
  });
});

describe('getServerTime', () => {
  it('returns local time + the offset of the login answer, in milliseconds, refreshed by each hello answer', async () => {
    server.helloInterval = 0.05;
    server.now = () => Date.now() + 3_600_000;
    const c = chat();
    await c.login({ userID: 'alice', userSig: 'x' });
    await eventually(() => c.isReady(), 'ready');
    expect(Math.abs(c.getServerTime() - (Date.now() + 3_600_000))).toBeLessThan(1000);
    server.now = () => Date.now() - 7_200_000;
    const hellos = server.requests(Command.HELLO).length;
    await server.waitForRequest(Command.HELLO, hellos + 2);
    await sleep(20);
    expect(Math.abs(c.getServerTime() - (Date.now() - 7_200_000))).toBeLessThan(1000);
  });

  it('uses the injected clock', async () => {
    let local = 1_000_000;
    server.now = () => 5_000_000;
    const c = chat({ now: () => local });
    await c.login({ userID: 'alice', userSig: 'x' });
    await eventually(() => c.isReady(), 'ready');
    expect(c.getServerTime()).toBe(5_000_000);
    local += 250;
    expect(c.getServerTime()).toBe(5_000_250);
  });
});
