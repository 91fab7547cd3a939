/**
 * Picks a free TCP port on loopback for servers that cannot be told to use port 0. Ports come from
 * below the ephemeral range (32768+ here), so that a client polling a not-yet-listening server can
 * never be handed the same number as its own source port and connect to itself.
 */
import { createServer } from 'node:net';

/** Lowest and highest port tried. */
const LOW = 20_000;
const HIGH = 32_000;

function tryListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A port in 20000..32000 that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await tryListen(port)) return port;
  }
  throw new Error(`no free port in ${LOW}..${HIGH}`);
}
