/**
 * Bulk account creation by in-band registration (XEP-0077), as peer-bench.md did: it writes the
 * same auth store as `ejabberdctl register` / `prosodyctl register`, which would start a VM or a
 * Lua process per user. Several streams in parallel, several registrations per stream.
 */
import { Expect, streamHeader, XmppStream, xmlText } from '../load/xmpp-stream.js';

/** Streams used in parallel. */
const PARALLEL = 16;

/** Per-answer timeout, ms. */
const TIMEOUT_MS = 20_000;

async function registerOnOneStream(host: string, port: number, domain: string, users: readonly string[], password: string): Promise<void> {
  const stream = await XmppStream.open(host, port, '127.0.0.1', TIMEOUT_MS);
  try {
    stream.send(streamHeader(domain));
    await stream.expect(Expect.features, TIMEOUT_MS);
    let n = 0;
    for (const user of users) {
      const id = `reg${++n}`;
      stream.send(`<iq type='set' id='${id}'><query xmlns='jabber:iq:register'><username>${xmlText(user)}</username><password>${xmlText(password)}</password></query></iq>`);
      try {
        await stream.expect(Expect.iqResult(id), TIMEOUT_MS);
      } catch (err) {
        // An account left from an earlier run of the same data dir is fine.
        if (!(err instanceof Error && err.message === 'iq error conflict')) throw new Error(`registering ${user}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    stream.close();
  } catch (err) {
    stream.destroy();
    throw err;
  }
}

/** Registers every user with `password` on the server at `host:port`. */
export async function registerXmppUsers(host: string, port: number, domain: string, users: readonly string[], password: string): Promise<void> {
  const slices: string[][] = Array.from({ length: PARALLEL }, () => []);
  users.forEach((u, i) => slices[i % PARALLEL]!.push(u));
  await Promise.all(slices.filter((s) => s.length > 0).map((s) => registerOnOneStream(host, port, domain, s, password)));
}

/** Resolves once the server answers a stream open with its features, or rejects after `timeoutMs`. */
export async function waitForXmpp(host: string, port: number, domain: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'not tried';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`server exited while starting (${last})`);
    let s: XmppStream | undefined;
    try {
      s = await XmppStream.open(host, port, '127.0.0.1', 2000);
      s.send(streamHeader(domain));
      await s.expect(Expect.features, 2000);
      s.close();
      return;
    } catch (err) {
      s?.destroy();
      last = err instanceof Error ? err.message : String(err);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`XMPP server on ${host}:${port} not ready within ${timeoutMs} ms (${last})`);
}
