import { Command } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeServer } from '../../test-support/fake-server.js';
import { recordingLogger, sleep } from '../../test-support/sdk-harness.js';
import type { Environment } from '../platform/environment.js';
import { resolveSessionOptions } from '../platform/options.js';
import { SocketLink } from './socket-link.js';

let server: FakeServer;
let env: Environment;
const links: SocketLink[] = [];
beforeEach(async () => {
  server = await FakeServer.start();
  const options = resolveSessionOptions({ logger: recordingLogger(), logLevel: 0 }, 1, true);
  if (!options.ok) throw new Error(options.reason);
  env = options.value.env;
});
afterEach(async () => {
  for (const link of links.splice(0)) link.close(1000);
  await server.close();
});

async function open(): Promise<SocketLink> {
  const link = new SocketLink(server.url, WebSocket, env);
  links.push(link);
  await link.opened;
  return link;
}

describe('SocketLink', () => {
  it('matches answers to requests by id, whatever their order', async () => {
    server.handle('svc.slow', async () => {
      await sleep(40);
      return { code: 0, body: { which: 'slow' } };
    });
    server.handle('svc.fast', () => ({ code: 0, body: { which: 'fast' } }));
    const link = await open();
    const order: string[] = [];
    const slow = link.request('svc.slow', {}, 1000).then((b) => order.push(String(b['which'])));
    const fast = link.request('svc.fast', {}, 1000).then((b) => order.push(String(b['which'])));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('ignores malformed and binary frames from the server and keeps working', async () => {
    const link = await open();
    await server.until(() => server.connections.length === 1, 'connection');
    server.last.sendRaw('not json');
    server.last.sendRaw('{"t":"res","id":"x","code":0}');
    server.last.socket.send(Buffer.from([1, 2, 3]));
    await expect(link.request(Command.HELLO, {}, 1000)).resolves.toHaveProperty('serverTime');
  });

  it('delivers pushes to the attached handlers and counts every frame as activity', async () => {
    const link = await open();
    const pushes: string[] = [];
    link.attach({ onPush: (f) => pushes.push(f.ev), onClose: () => {} });
    const before = link.lastFrameAt;
    await sleep(15);
    server.last.push('svc.event', { a: 1 });
    await sleep(20);
    expect(pushes).toEqual(['svc.event']);
    expect(link.lastFrameAt).toBeGreaterThan(before);
  });

  it('fails requests in flight with 2800 when the socket closes, and reports the close code once', async () => {
    server.handle('svc.never', () => 'silent');
    const link = await open();
    const closes: number[] = [];
    link.attach({ onPush: () => {}, onClose: (code) => closes.push(code) });
    const pending = link.request('svc.never', {}, 5000);
    await server.waitForRequest('svc.never');
    server.last.close(4001, 'bye');
    await expect(pending).rejects.toMatchObject({ code: 2800, data: { closeCode: 4001 } });
    await sleep(10);
    expect(closes).toEqual([4001]);
    await expect(link.request('svc.x', {}, 100)).rejects.toMatchObject({ code: 2800 });
  });

  it('rejects `opened` with 2800 when the server refuses the upgrade', async () => {
    server.refuse = true;
    const link = new SocketLink(server.url, WebSocket, env);
    await expect(link.opened).rejects.toMatchObject({ code: 2800 });
  });

  it('rejects `opened` with 2800 when the WebSocket constructor throws (e.g. a malformed URL)', async () => {
    const link = new SocketLink('ws://exa mple', WebSocket, env);
    await expect(link.opened).rejects.toMatchObject({ code: 2800, message: expect.stringContaining('Cannot open') });
    expect(link.isOpen).toBe(false);
  });
});
