/**
 * Starts a real Parley server on 127.0.0.1:0 over an in-memory SQLite store (`:memory:`) with one
 * app, for tests. Dispose with `await using` or `close()`.
 */
import { genUserSig } from '@parley/usersig';
import { createParleyServer, type ParleyServer, type ParleyServerOptions } from '../src/http/parley-server.js';
import { newAppRecord } from '../src/apps/app-defaults.js';
import type { AppRecord, Store } from '@parley/store';
import { openSqliteStore } from '@parley/store-sqlite';

export interface TestServer extends AsyncDisposable {
  readonly server: ParleyServer;
  readonly store: Store;
  readonly app: AppRecord;
  readonly url: string;
  readonly wsUrl: string;
  /** A UserSig for `userID` (default validity 1 day; `now` in ms). */
  sig(userID: string, expireSeconds?: number, now?: number): string;
  /** A REST URL for `service/command` signed as the app's admin. */
  restUrl(path: string, identifier?: string, sig?: string): string;
  /** POSTs a REST call as admin; returns the parsed envelope. */
  rest(path: string, body: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startTestServer(options: Partial<ParleyServerOptions> & { app?: Partial<AppRecord> } = {}): Promise<TestServer> {
  const store = options.store ?? (await openSqliteStore({ path: ':memory:' }));
  const app: AppRecord = { ...newAppRecord({}, Date.now()), ...options.app };
  await store.apps.create(app);
  const server = createParleyServer({ processMetrics: false, ...options, store, port: 0 });
  const addr = await server.listen();
  const sig = (userID: string, expireSeconds = 86_400, now = Date.now()) =>
    genUserSig({ sdkAppID: app.sdkAppID, key: app.secretKey, userID, expireSeconds, now });
  const restUrl = (path: string, identifier = 'administrator', s = sig(identifier)) =>
    `${addr.url}/v4/${path}?sdkappid=${app.sdkAppID}&identifier=${identifier}&usersig=${encodeURIComponent(s)}&random=${Math.floor(Math.random() * 2 ** 32)}&contenttype=json`;
  const close = async () => {
    await server.close();
    await store.close();
  };
  return {
    server,
    store,
    app,
    url: addr.url,
    wsUrl: addr.wsUrl,
    sig,
    restUrl,
    async rest(path, body) {
      const res = await fetch(restUrl(path), { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
      return (await res.json()) as Record<string, unknown>;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
