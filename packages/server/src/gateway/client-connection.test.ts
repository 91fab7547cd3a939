/**
 * Write batching of a connection: frames sent to one socket in the same tick are held back with
 * the TCP socket's `cork` and leave together once the tick's promise continuations are done.
 * The socket and the TCP peer are recording fakes, so the order of events is exact.
 */
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { ClientConnection, type TcpPeer } from './client-connection.js';
import { DEFAULT_GATEWAY_OPTIONS } from './gateway-options.js';
import { TickWriteBatch } from './tick-write-batch.js';

function recordingConnection(
  batch = new TickWriteBatch(),
  log: string[] = [],
  name = '',
): { conn: ClientConnection; log: string[] } {
  const socket = { send: (data: string) => log.push(`${name}send ${data}`) } as unknown as WebSocket;
  const peer: TcpPeer = { cork: () => log.push(`${name}cork`), uncork: () => log.push(`${name}uncork`) };
  return { conn: new ClientConnection(socket, peer, 0, DEFAULT_GATEWAY_OPTIONS, batch), log };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ClientConnection write batching', () => {
  it('sends every frame of one tick inside one cork, flushed after the tick', async () => {
    const { conn, log } = recordingConnection();
    conn.sendEncoded('a');
    conn.send({ t: 'push', ev: 'x.y', body: {} });
    conn.sendEncoded('c');
    expect(log).toStrictEqual(['cork', 'send a', 'send {"t":"push","ev":"x.y","body":{}}', 'send c']);
    await nextTurn();
    expect(log.at(-1)).toBe('uncork');
    expect(log.filter((e) => e === 'cork')).toHaveLength(1);
  });

  it('includes frames sent from promise continuations of the same tick (a commit resolving many sends)', async () => {
    const { conn, log } = recordingConnection();
    const committed = Promise.resolve();
    const answers = [1, 2, 3].map(async (n) => {
      await committed;
      await null;
      conn.sendEncoded(`answer ${n}`);
    });
    await Promise.all(answers);
    await nextTurn();
    expect(log).toStrictEqual(['cork', 'send answer 1', 'send answer 2', 'send answer 3', 'uncork']);
  });

  it('corks again for frames of a later tick', async () => {
    const { conn, log } = recordingConnection();
    conn.sendEncoded('first');
    await nextTurn();
    conn.sendEncoded('second');
    await nextTurn();
    expect(log).toStrictEqual(['cork', 'send first', 'uncork', 'cork', 'send second', 'uncork']);
  });

  it('flushes every connection of the gateway in one pass after the tick, in the order they were first written', async () => {
    const batch = new TickWriteBatch();
    const log: string[] = [];
    const a = recordingConnection(batch, log, 'a:').conn;
    const b = recordingConnection(batch, log, 'b:').conn;
    b.sendEncoded('1');
    a.sendEncoded('2');
    b.sendEncoded('3');
    await nextTurn();
    expect(log).toStrictEqual(['b:cork', 'b:send 1', 'a:cork', 'a:send 2', 'b:send 3', 'b:uncork', 'a:uncork']);
  });

  it('sends nothing, and corks nothing, once closing', async () => {
    const { conn, log } = recordingConnection();
    conn.markClosed();
    conn.sendEncoded('late');
    await nextTurn();
    expect(log).toStrictEqual([]);
  });
});
