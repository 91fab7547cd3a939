/**
 * "After the user's network is disconnected and then reconnected, you don't need to call the login
 * function, as the IM SDK will automatically go online." Reconnect with jittered exponential
 * backoff and instance resume (protocol rules 4, 8 and 11), against the fake server.
 */
import { CloseCode, Command, EVENT, Push } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../../test-support/fake-server.js';
import WebSocket from 'ws';
import { eventually, newChat, recordEvents, recordingLogger, recordingTimers, sleep } from '../../test-support/sdk-harness.js';
import { Connection } from './connection.js';
import type { ChatInstance } from '../index.js';
import { resolveSessionOptions } from '../platform/options.js';

let server: FakeServer;
const chats: ChatInstance[] = [];
beforeEach(async () => {
  server = await FakeServer.start();
});
afterEach(async () => {
  for (const c of chats.splice(0)) await c.destroy();
  await server.close();
});

async function readyChat(extra: Parameters<typeof newChat>[1] = {}): Promise<ChatInstance> {
  const chat = newChat(server, extra);
  chats.push(chat);
  await chat.login({ userID: 'alice', userSig: 'sig-a' });
  await eventually(() => chat.isReady(), 'SDK_READY');
  return chat;
}

const loginsOf = () => server.requests(Command.LOGIN).map((e) => e.request.body);

describe('after a network drop', () => {
  it('reconnects by itself and resumes the instance with its instanceID; no login call by the app, no second SDK_READY', async () => {
    const chat = await readyChat();
    const events = recordEvents(chat, [EVENT.NET_STATE_CHANGE, EVENT.SDK_READY, EVENT.SDK_NOT_READY, EVENT.KICKED_OUT]);
    server.dropAll();
    await eventually(() => events.some((e) => (e.data as { state?: string })?.state === 'connected'), 'connected again');
    expect(events).toEqual([
      { name: EVENT.NET_STATE_CHANGE, data: { state: 'connecting' } },
      { name: EVENT.NET_STATE_CHANGE, data: { state: 'connected' } },
    ]);
    expect(loginsOf()).toEqual([
      { SDKAppID: expect.any(Number), userID: 'alice', userSig: 'sig-a', platform: 'Web', version: 1 },
      { SDKAppID: expect.any(Number), userID: 'alice', userSig: 'sig-a', platform: 'Web', version: 1, instanceID: 'inst1' },
    ]);
    expect(chat.isReady()).toBe(true);
    expect(chat.getLoginUser()).toBe('alice');
    await sleep(50);
    expect(events.filter((e) => e.name === EVENT.SDK_READY)).toHaveLength(0);
  });

  it('stays ready while disconnected, and keeps retrying while the server refuses connections', async () => {
    const chat = await readyChat();
    const states = recordEvents(chat, [EVENT.NET_STATE_CHANGE]);
    server.refuse = true;
    server.dropAll();
    await server.until(() => server.refusedCount >= 3, 'three refused attempts');
    expect(chat.isReady()).toBe(true);
    expect(typeof chat.getServerTime()).toBe('number');
    server.refuse = false;
    await eventually(() => states.at(-1)?.data !== undefined && (states.at(-1)?.data as { state: string }).state === 'connected', 'connected');
    expect(states.slice(0, 3).map((e) => (e.data as { state: string }).state)).toEqual(['connecting', 'disconnected', 'connecting']);
    expect(loginsOf().at(-1)).toMatchObject({ instanceID: 'inst1' });
  });

  it('waits with exponential backoff that grows and is jittered (delays taken from the injected timers and random)', async () => {
    // Delays under 10 s run 100× faster; longer ones (login timeout, heartbeat) keep their length.
    const timers = recordingTimers((ms) => (ms >= 10_000 ? ms : Math.ceil(ms / 100)));
    const chat = await readyChat({ timers, random: () => 0.1, reconnect: {} });
    server.refuse = true;
    timers.delays.length = 0;
    server.dropAll();
    await server.until(() => server.refusedCount >= 4, 'four refused attempts', 10_000);
    server.refuse = false;
    await eventually(() => loginsOf().length === 2, 'resumed', 10_000);
    const backoff = timers.delays.filter((ms) => ms > 0 && ms < 10_000);
    // base 500 × 2^attempt, × (0.5 + 0.1) jitter
    expect(backoff.slice(0, 4)).toEqual([300, 600, 1200, 2400]);
    expect(chat.isReady()).toBe(true);
  });

  it('jitter follows the random source: another random value gives other delays', async () => {
    const timers = recordingTimers((ms) => (ms >= 10_000 ? ms : Math.ceil(ms / 100)));
    await readyChat({ timers, random: () => 0.9, reconnect: {} });
    server.refuse = true;
    timers.delays.length = 0;
    server.dropAll();
    await server.until(() => server.refusedCount >= 2, 'two refused attempts', 10_000);
    server.refuse = false;
    await eventually(() => loginsOf().length === 2, 'resumed', 10_000);
    expect(timers.delays.filter((ms) => ms > 0 && ms < 10_000).slice(0, 2)).toEqual([700, 1400]);
  });

  it('uses an injected reconnectPolicy', async () => {
    const asked: number[] = [];
    await readyChat({ reconnectPolicy: { nextDelayMs: (attempt) => (asked.push(attempt), 5) } });
    server.refuse = true;
    server.dropAll();
    await server.until(() => server.refusedCount >= 2, 'two refused attempts');
    server.refuse = false;
    await eventually(() => loginsOf().length === 2, 'resumed');
    expect(asked.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('adopts the new instance when the server no longer knows the old one, and resumes that one next time', async () => {
    const chat = await readyChat();
    server.instances.clear();
    server.dropAll();
    await eventually(() => loginsOf().length === 2, 'second login');
    await eventually(() => server.connections.length === 2 && server.last.isOpen, 'second connection');
    await sleep(20);
    server.dropAll();
    await eventually(() => loginsOf().length === 3, 'third login');
    expect(loginsOf().map((b) => b['instanceID'])).toEqual([undefined, 'inst1', 'inst2']);
    expect(chat.isReady()).toBe(true);
  });
});

describe('a resume the server refuses', () => {
  async function refuseResumeWith(code: number, body?: Record<string, unknown>) {
    const chat = await readyChat();
    server.handle(Command.LOGIN, (req, _c, s) => (req.body['instanceID'] ? { code, message: `refused ${code}`, ...(body ? { body } : {}) } : s.defaultReply(req)));
    const events = recordEvents(chat, [EVENT.KICKED_OUT, EVENT.SDK_NOT_READY, EVENT.ERROR, EVENT.NET_STATE_CHANGE]);
    server.dropAll();
    await eventually(() => events.some((e) => e.name === EVENT.SDK_NOT_READY), 'SDK_NOT_READY');
    await sleep(150); // room for (wrong) further attempts
    return { chat, events };
  }

  it('with 70001 reports KICKED_OUT userSigExpired once and stops (no loop)', async () => {
    const { chat, events } = await refuseResumeWith(70001);
    expect(events.filter((e) => e.name !== EVENT.NET_STATE_CHANGE)).toEqual([
      { name: EVENT.KICKED_OUT, data: { type: 'userSigExpired' } },
      { name: EVENT.SDK_NOT_READY, data: undefined },
    ]);
    expect(server.requests(Command.LOGIN)).toHaveLength(2);
    await expect(Promise.resolve(chat.getServerTime())).rejects.toMatchObject({ code: 3004 });
  });

  it('with 70052 reports KICKED_OUT REST_API_Kick', async () => {
    const { chat, events } = await refuseResumeWith(70052);
    expect(events.find((e) => e.name === EVENT.KICKED_OUT)?.data).toEqual({ type: 'REST_API_Kick' });
    await expect(Promise.resolve(chat.getServerTime())).rejects.toMatchObject({ code: 3006 });
  });

  it('with 88504 reports KICKED_OUT with the type the server names', async () => {
    const { chat, events } = await refuseResumeWith(88504, { type: 'multipleDevice', kickType: 2 });
    expect(events.find((e) => e.name === EVENT.KICKED_OUT)?.data).toEqual({ type: 'multipleDevice' });
    await expect(Promise.resolve(chat.getServerTime())).rejects.toMatchObject({ code: 3002 });
  });

  it('with another login error stops, emits ERROR with the code, and is not ready with reason 3001', async () => {
    const { chat, events } = await refuseResumeWith(70003);
    expect(events.filter((e) => e.name !== EVENT.NET_STATE_CHANGE)).toEqual([
      { name: EVENT.ERROR, data: { code: 70003, message: 'refused 70003' } },
      { name: EVENT.SDK_NOT_READY, data: undefined },
    ]);
    expect(server.requests(Command.LOGIN)).toHaveLength(2);
    expect(events.at(-1)).toEqual({ name: EVENT.NET_STATE_CHANGE, data: { state: 'disconnected' } });
    await expect(Promise.resolve(chat.getServerTime())).rejects.toMatchObject({ code: 3001 });
  });

  it('with a transient server error (88505 shutting down) keeps retrying', async () => {
    const chat = await readyChat();
    let refusals = 0;
    server.handle(Command.LOGIN, (req, _c, s) => (req.body['instanceID'] && refusals++ < 2 ? { code: 88505, message: 'shutting down' } : s.defaultReply(req)));
    server.dropAll();
    await eventually(() => loginsOf().length === 4, 'fourth login (third resume)');
    await eventually(() => server.last.requests.length > 0 && chat.isReady(), 'resumed');
    expect(loginsOf().at(-1)).toMatchObject({ instanceID: 'inst1' });
  });
});

describe('a shutdown push', () => {
  it('makes the client wait reconnectAfterMs plus jitter, then resume', async () => {
    const timers = recordingTimers((ms) => (ms >= 10_000 ? ms : Math.ceil(ms / 100)));
    const chat = await readyChat({ timers, random: () => 0.5 });
    timers.delays.length = 0;
    server.last.push(Push.SHUTDOWN, { reconnectAfterMs: 1000 });
    server.last.close(CloseCode.GoingAway);
    await eventually(() => loginsOf().length === 2, 'resumed');
    // 1000 + 0.5 × (0.5 × max(1000, 500))
    expect(timers.delays.filter((ms) => ms > 0 && ms < 10_000)[0]).toBe(1250);
    expect(loginsOf()[1]).toMatchObject({ instanceID: 'inst1' });
    expect(chat.isReady()).toBe(true);
  });
});

describe('logout while reconnecting', () => {
  it('stops the reconnect loop and resolves', async () => {
    const chat = await readyChat({ reconnect: { initialDelayMs: 50, maxDelayMs: 50 } });
    server.refuse = true;
    server.dropAll();
    await server.until(() => server.refusedCount >= 1, 'a refused attempt');
    await expect(chat.logout()).resolves.toEqual({ code: 0, data: {} });
    const refused = server.refusedCount;
    await sleep(200);
    expect(server.refusedCount).toBe(refused);
  });
});

describe('Connection.request', () => {
  it('sends on the logged-in socket, and fails at once with 2800 while reconnecting (no queue)', async () => {
    const resolved = resolveSessionOptions({ WebSocket, server: server.url, logger: recordingLogger(), reconnect: { initialDelayMs: 200, maxDelayMs: 200 } }, 1, true);
    if (!resolved.ok) throw new Error(resolved.reason);
    const states: string[] = [];
    const connection = new Connection(resolved.value, {
      onPush: () => {},
      onNetState: (state) => states.push(state),
      onResumed: () => {},
      onServerTime: () => {},
      onEnded: () => {},
    });
    try {
      await connection.login({ SDKAppID: 1, userID: 'alice', userSig: 'x', platform: 'Web' });
      await expect(connection.request(Command.HELLO, {})).resolves.toHaveProperty('serverTime');
      server.dropAll();
      await eventually(() => states.at(-1) === 'connecting', 'connecting');
      const started = Date.now();
      await expect(connection.request(Command.HELLO, {})).rejects.toMatchObject({ code: 2800, message: expect.stringContaining('reconnecting') });
      expect(Date.now() - started).toBeLessThan(50);
      await eventually(() => states.at(-1) === 'connected', 'connected');
      await expect(connection.request(Command.HELLO, {})).resolves.toHaveProperty('serverTime');
    } finally {
      connection.stop();
    }
  });
});
