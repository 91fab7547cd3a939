/**
 * Several real Parley servers in one process, as the nodes of one cluster: one shared store, one
 * shared session directory and one {@link MemoryBus}, each node on its own port (127.0.0.1:0). Clients
 * connect to whichever node a test picks. Dispose with `await using` or `close()`.
 */
import { genUserSig } from '@parley/usersig';
import { newAppRecord } from '../src/apps/app-defaults.js';
import { createParleyServer, type ParleyServer, type ParleyServerOptions } from '../src/http/parley-server.js';
import { LocalSessionDirectory } from '../src/sessions/local-session-directory.js';
import type { SessionDirectory } from '../src/sessions/session-directory.js';
import type { AppRecord, Store } from '@parley/store';
import { openSqliteStore } from '@parley/store-sqlite';
import { MemoryBus } from '../src/testing/memory-bus.js';

/** One node of a {@link TestCluster}. */
export interface TestNode {
  readonly nodeID: string;
  readonly server: ParleyServer;
  readonly app: AppRecord;
  readonly wsUrl: string;
  /** A UserSig for `userID` (valid for a day by default). */
  sig(userID: string, expireSeconds?: number): string;
  /** POSTs a REST call to this node as the app's admin; returns the parsed envelope. */
  rest(path: string, body: unknown): Promise<Record<string, unknown>>;
}

/** Nodes sharing a store, a directory and a bus. */
export interface TestCluster extends AsyncDisposable {
  readonly nodes: readonly TestNode[];
  readonly store: Store;
  readonly bus: MemoryBus;
  readonly app: AppRecord;
  close(): Promise<void>;
}

/**
 * Starts `count` nodes (named `node-a`, `node-b`, …) over one new in-memory SQLite store with one app.
 * @param directory - the shared session directory. @default a new `LocalSessionDirectory`
 */
export async function startTestCluster(count: number, options: Partial<ParleyServerOptions> = {}, directory: SessionDirectory = new LocalSessionDirectory()): Promise<TestCluster> {
  const store = await openSqliteStore({ path: ':memory:' });
  const app: AppRecord = newAppRecord({}, Date.now());
  await store.apps.create(app);
  const bus = new MemoryBus();
  const sessions = directory;
  const brokers = Array.from({ length: count }, () => bus.broker());
  const sig = (userID: string, expireSeconds = 86_400) => genUserSig({ sdkAppID: app.sdkAppID, key: app.secretKey, userID, expireSeconds });
  const nodes: TestNode[] = [];
  for (const [i, broker] of brokers.entries()) {
    const nodeID = `node-${String.fromCharCode(97 + i)}`;
    const server = createParleyServer({ processMetrics: false, ...options, store, port: 0, cluster: { nodeID, broker, sessions } });
    const addr = await server.listen();
    const rest = async (path: string, body: unknown) => {
      const url = `${addr.url}/v4/${path}?sdkappid=${app.sdkAppID}&identifier=administrator&usersig=${encodeURIComponent(sig('administrator'))}&random=${i}&contenttype=json`;
      const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
      return (await res.json()) as Record<string, unknown>;
    };
    nodes.push({ nodeID, server, app, wsUrl: addr.wsUrl, sig, rest });
  }
  const close = async () => {
    for (const n of nodes) await n.server.close();
    for (const b of brokers) await b.close();
    await store.close();
  };
  return { nodes, store, bus, app, close, [Symbol.asyncDispose]: close };
}
