/**
 * Protocol rule 5: the client sends wshello every helloInterval seconds; a connection silent for
 * two intervals is dead, and the client closes it and reconnects (resuming the instance).
 */
import { Command, EVENT } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../../test-support/fake-server.js';
import { eventually, newChat, recordEvents, sleep } from '../../test-support/sdk-harness.js';
import type { ChatInstance } from '../index.js';

let server: FakeServer;
let chat: ChatInstance;
beforeEach(async () => {
  server = await FakeServer.start();
  server.helloInterval = 0.05; // 50 ms
  chat = newChat(server);
  await chat.login({ userID: 'alice', userSig: 'x' });
  await eventually(() => chat.isReady(), 'SDK_READY');
});
afterEach(async () => {
  await chat.destroy();
  await server.close();
});

describe('the heartbeat', () => {
  it('sends wshello every helloInterval from the login answer', async () => {
    const start = server.requests(Command.HELLO).length;
    await sleep(280);
    const sent = server.requests(Command.HELLO).length - start;
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(sent).toBeLessThanOrEqual(7);
    expect(server.requests(Command.HELLO).every((e) => e.connection === server.connections[0])).toBe(true);
  });

  it('detects a silent server (no answer, no frame for two intervals), closes with 4001 and resumes on a new socket', async () => {
    const events = recordEvents(chat, [EVENT.NET_STATE_CHANGE, EVENT.SDK_NOT_READY]);
    const silent = server.last;
    silent.silent = true;
    const cutAt = Date.now();
    await silent.closed;
    const detectedAfter = Date.now() - cutAt;
    expect(silent.closeInfo?.code).toBe(4001);
    expect(detectedAfter).toBeGreaterThanOrEqual(90);
    expect(detectedAfter).toBeLessThan(1000);
    await eventually(() => server.connections.length === 2 && server.requests(Command.LOGIN).length === 2, 'resume');
    expect(server.requests(Command.LOGIN)[1]?.request.body['instanceID']).toBe('inst1');
    await eventually(() => events.length >= 2, 'net state events');
    expect(events.map((e) => e.data)).toEqual([{ state: 'connecting' }, { state: 'connected' }]);
    expect(chat.isReady()).toBe(true);
  });

  it('counts any frame as a sign of life (pushes keep a connection whose hellos go unanswered alive)', async () => {
    server.handle(Command.HELLO, () => 'silent');
    const conn = server.last;
    const timer = setInterval(() => conn.push('im_open_status.noop', {}), 20);
    await sleep(300);
    clearInterval(timer);
    expect(conn.isOpen).toBe(true);
    expect(server.connections).toHaveLength(1);
  });
});
