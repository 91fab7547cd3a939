/**
 * "When a user is kicked offline, the event KICKED_OUT is triggered"; the SDK logs out internally,
 * does not reconnect, and the app may log in again.
 */
import { CloseCode, Command, EVENT, KICK_TYPE_NUMBER, Push, TYPES, type KickedOutTypeValue } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../../test-support/fake-server.js';
import { eventually, newChat, recordEvents, sleep } from '../../test-support/sdk-harness.js';
import type { ChatInstance } from '../index.js';

let server: FakeServer;
let chat: ChatInstance;
beforeEach(async () => {
  server = await FakeServer.start();
  chat = newChat(server);
  await chat.login({ userID: 'alice', userSig: 'x' });
  await eventually(() => chat.isReady(), 'SDK_READY');
});
afterEach(async () => {
  await chat.destroy();
  await server.close();
});

const cases: [KickedOutTypeValue, number, number][] = [
  [TYPES.KICKED_OUT_MULT_ACCOUNT, 3003, CloseCode.Kicked],
  [TYPES.KICKED_OUT_MULT_DEVICE, 3002, CloseCode.Kicked],
  [TYPES.KICKED_OUT_USERSIG_EXPIRED, 3004, CloseCode.SessionExpired],
  [TYPES.KICKED_OUT_REST_API, 3006, CloseCode.Kicked],
];

describe('a kick-out push', () => {
  it.each(cases)('of type %s emits KICKED_OUT {type}, then SDK_NOT_READY; gated APIs then reject with %i', async (type, reason, closeCode) => {
    const events = recordEvents(chat, [EVENT.KICKED_OUT, EVENT.SDK_NOT_READY, EVENT.SDK_READY]);
    const conn = server.last;
    conn.push(Push.KICKOUT, { type, kickType: KICK_TYPE_NUMBER[type] });
    conn.close(closeCode);
    await eventually(() => events.length >= 2, 'kick events');
    expect(events).toEqual([
      { name: EVENT.KICKED_OUT, data: { type } },
      { name: EVENT.SDK_NOT_READY, data: undefined },
    ]);
    expect(chat.isReady()).toBe(false);
    expect(chat.getLoginUser()).toBe('');
    await expect(Promise.resolve(chat.getServerTime())).rejects.toMatchObject({ code: reason });
  });

  it('is handled as an internal logout: no wslogout is sent and no reconnect follows', async () => {
    server.last.push(Push.KICKOUT, { type: 'multipleAccount', kickType: 1 });
    server.last.close(CloseCode.Kicked);
    await eventually(() => !chat.isReady(), 'not ready');
    await sleep(300); // several reconnect backoffs (20 ms initial in these tests)
    expect(server.connections).toHaveLength(1);
    expect(server.requests(Command.LOGOUT)).toHaveLength(0);
    await expect(chat.logout()).rejects.toMatchObject({ code: 2024 });
  });

  it('leaves the app free to call login again, which then succeeds', async () => {
    server.last.push(Push.KICKOUT, { type: 'multipleDevice', kickType: 2 });
    await eventually(() => !chat.isReady(), 'not ready');
    const res = await chat.login({ userID: 'alice', userSig: 'x' });
    expect(res.data).toMatchObject({ repeatLogin: false });
    expect(server.requests(Command.LOGIN).at(-1)?.request.body['instanceID']).toBeUndefined();
    await eventually(() => chat.isReady(), 'ready again');
  });

  it('that is malformed is ignored; the kick close that follows still ends the session', async () => {
    const events = recordEvents(chat, [EVENT.KICKED_OUT, EVENT.SDK_NOT_READY]);
    server.last.push(Push.KICKOUT, { type: 'bogus' });
    await sleep(30);
    expect(chat.isReady()).toBe(true);
    server.last.close(CloseCode.Kicked);
    await eventually(() => events.length >= 2, 'kick events');
    expect(events.map((e) => e.data)).toEqual([{ type: 'multipleAccount' }, undefined]);
  });
});

describe('a terminal close without a kick push', () => {
  it('4410 reports KICKED_OUT userSigExpired', async () => {
    const events = recordEvents(chat, [EVENT.KICKED_OUT]);
    server.last.close(CloseCode.SessionExpired);
    await eventually(() => events.length === 1, 'KICKED_OUT');
    expect(events[0]?.data).toEqual({ type: 'userSigExpired' });
  });

  it('4409 (replaced) ends the session with an ERROR and no reconnect', async () => {
    const events = recordEvents(chat, [EVENT.ERROR, EVENT.SDK_NOT_READY]);
    server.last.close(CloseCode.Replaced);
    await eventually(() => events.length === 2, 'error + not ready');
    expect(events[0]).toMatchObject({ name: EVENT.ERROR, data: { code: 2800 } });
    await sleep(100);
    expect(server.connections).toHaveLength(1);
    await expect(Promise.resolve(chat.getServerTime())).rejects.toMatchObject({ code: 3001 });
  });
});
