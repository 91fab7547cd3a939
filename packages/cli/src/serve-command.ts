/**
 * `parley serve`: run the server on the embedded SQLite store with zero configuration. On an empty
 * data directory it creates one application and prints what a newcomer needs to log in.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { genUserSig } from '@parley/usersig';
import { createParleyServer, DEFAULT_GATEWAY_OPTIONS, newAppRecord, type ClientAssets, type GatewayOptions } from '@parley/server';
import type { AppRecord, Store } from '@parley/store';
import { intInRange, parsePort, parseSdkAppID, parseSecretKey } from './cli-args.js';
import { dataDir, openDataStore } from './data-dir.js';
import { DataDirBusyError, lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { browserHost, parleyCommand, serveBanner } from './serve-banner.js';

/** Options of `parley serve` after parsing. */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly data?: string;
  readonly appId?: number;
  readonly appKey?: string;
  readonly logLevel?: string;
  readonly maxRequestsPerSecond: number;
  readonly requestBurst: number;
  readonly maxFrameBytes: number;
  readonly heartbeatTimeout: number;
  readonly loginTimeout: number;
}

/** The gateway options of `parley serve` (seconds on the command line, milliseconds in the server). */
export function serveGatewayOptions(opts: ServeOptions): Partial<GatewayOptions> {
  return {
    maxRequestsPerSecond: opts.maxRequestsPerSecond,
    requestBurst: opts.requestBurst,
    maxFrameBytes: opts.maxFrameBytes,
    heartbeatTimeoutMs: opts.heartbeatTimeout * 1000,
    loginTimeoutMs: opts.loginTimeout * 1000,
  };
}


/**
 * Makes sure the store holds the app the operator asked for: the given SDKAppID/key (created, or its
 * key updated), or — with nothing given — one new app when the store has none.
 * @returns the app to advertise and whether it was just created.
 */
export async function ensureServeApp(store: Store, appId: number | undefined, appKey: string | undefined, now: number): Promise<{ app: AppRecord; created: boolean }> {
  if (appId !== undefined) {
    const existing = await store.apps.get(appId);
    if (!existing) {
      const app = newAppRecord({ sdkAppID: appId, ...(appKey ? { secretKey: appKey } : {}) }, now);
      await store.apps.create(app);
      return { app, created: true };
    }
    if (appKey && existing.secretKey !== appKey) {
      const updated = await store.apps.update(appId, { secretKey: appKey });
      return { app: updated ?? existing, created: false };
    }
    return { app: existing, created: false };
  }
  if (appKey) throw new Error('--app-key needs --app-id');
  const apps = await store.apps.list();
  if (apps[0]) return { app: apps[0], created: false };
  const app = newAppRecord({}, now);
  await store.apps.create(app);
  return { app, created: true };
}

/** Where the built browser SDK lives, so the server can offer it at `/sdk/` (undefined if not built). */
export function findClientAssets(): ClientAssets | undefined {
  try {
    const dir = (spec: string) => dirname(fileURLToPath(import.meta.resolve(spec)));
    return { sdk: dir('@parley/sdk'), protocol: dir('@parley/protocol') };
  } catch {
    return undefined;
  }
}

/** Prints one line and ends the process with exit code 1. */
function fatal(line: string): never {
  process.stderr.write(`parley serve: ${line}\n`);
  process.exit(1);
}

/** Takes the data directory's lock, or exits with the reason when another server holds it. */
function lockOrExit(dir: string): DataDirLock {
  try {
    return lockDataDir(dir);
  } catch (err) {
    if (err instanceof DataDirBusyError) fatal(err.message);
    throw err;
  }
}

/** One clear line for a failed listen: which address, why, and what to do about it. */
export function listenFailure(err: unknown, host: string, port: number): string {
  const code = (err as { code?: unknown } | null)?.code;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (code === 'EADDRINUSE') return `cannot listen on ${where}: the address is already in use (another server?); choose another port with --port <n> or PARLEY_PORT=<n>, e.g. --port ${port === 65_535 ? 9001 : port + 1}`;
  if (code === 'EACCES') return `cannot listen on ${where}: permission denied (ports below 1024 need privileges); choose another port with --port <n>`;
  if (code === 'EADDRNOTAVAIL') return `cannot listen on ${where}: this machine has no such address; choose another with --host <address>`;
  return `cannot listen on ${where}: ${err instanceof Error ? err.message : String(err)}`;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug'] as const;

const perSecond = intInRange(1, 1_000_000);
const burst = intInRange(1, 1_000_000);
// A frame must hold a login request; ws caps payloads at 100 MiB.
const frameBytes = intInRange(1024, 100 * 1024 * 1024);
const seconds = intInRange(1, 86_400);

/** Adds the `serve` command. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the Parley server (embedded SQLite store; zero configuration)')
    .addOption(new Option('--host <host>', 'interface to listen on').env('PARLEY_HOST').default('127.0.0.1'))
    .addOption(new Option('--port <port>', 'port to listen on, 0 = any free port').env('PARLEY_PORT').argParser(parsePort).default(9000))
    .addOption(new Option('--data <dir>', 'data directory').env('PARLEY_DATA'))
    .addOption(new Option('--app-id <sdkappid>', 'ensure an app with this SDKAppID, e.g. your Tencent one').env('PARLEY_APP_ID').argParser(parseSdkAppID))
    .addOption(new Option('--app-key <key>', 'secret key for --app-id').env('PARLEY_APP_KEY').argParser(parseSecretKey))
    .addOption(new Option('--log-level <level>', 'server log level').env('PARLEY_LOG_LEVEL').choices(LEVELS).default('warn'))
    .addOption(
      new Option('--max-requests-per-second <n>', 'sustained requests per second per connection; more are refused with 60018')
        .env('PARLEY_MAX_REQUESTS_PER_SECOND')
        .argParser(perSecond)
        .default(DEFAULT_GATEWAY_OPTIONS.maxRequestsPerSecond),
    )
    .addOption(
      new Option('--request-burst <n>', 'requests per connection allowed at once above that rate')
        .env('PARLEY_REQUEST_BURST')
        .argParser(burst)
        .default(DEFAULT_GATEWAY_OPTIONS.requestBurst),
    )
    .addOption(
      new Option('--max-frame-bytes <n>', 'largest WebSocket frame accepted; a larger one closes the socket with 1009')
        .env('PARLEY_MAX_FRAME_BYTES')
        .argParser(frameBytes)
        .default(DEFAULT_GATEWAY_OPTIONS.maxFrameBytes),
    )
    .addOption(
      new Option('--heartbeat-timeout <seconds>', 'silence after which a connection counts as dead (and a dropped instance may still resume)')
        .env('PARLEY_HEARTBEAT_TIMEOUT')
        .argParser(seconds)
        .default(DEFAULT_GATEWAY_OPTIONS.heartbeatTimeoutMs / 1000),
    )
    .addOption(
      new Option('--login-timeout <seconds>', 'time a new connection has to log in')
        .env('PARLEY_LOGIN_TIMEOUT')
        .argParser(seconds)
        .default(DEFAULT_GATEWAY_OPTIONS.loginTimeoutMs / 1000),
    )
    .action(async (opts: ServeOptions) => {
      const level = LEVELS.find((l) => l === opts.logLevel) ?? 'warn';
      // A closed pipe (`parley serve | head`) must not crash the server when it prints later.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
      });
      const dir = dataDir(opts.data);
      const lock = lockOrExit(dir);
      const store = await openDataStore(dir);
      const { app, created } = await ensureServeApp(store, opts.appId, opts.appKey, Date.now());
      const clientAssets = findClientAssets();
      const server = createParleyServer({
        store,
        host: opts.host,
        port: opts.port,
        logLevel: level,
        gateway: serveGatewayOptions(opts),
        ...(clientAssets ? { clientAssets } : {}),
      });
      let addr: Awaited<ReturnType<typeof server.listen>>;
      try {
        addr = await server.listen();
      } catch (err) {
        // Nothing listens, but the store's worker and the server's timers would keep the process alive.
        await store.close().catch(() => undefined);
        lock.release();
        fatal(listenFailure(err, opts.host, opts.port));
      }
      // Before the banner: whoever reads "Press Ctrl+C" may signal at once, and must get a clean stop.
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stdout.write(`${signal}: shutting down\n`);
        void server
          .close()
          .then(() => store.close())
          .then(
            () => {
              lock.release();
              process.exit(0);
            },
            (err: unknown) => {
              process.stderr.write(`shutdown failed: ${String(err)}\n`);
              process.exit(1);
            },
          );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      const userSig = genUserSig({ sdkAppID: app.sdkAppID, key: app.secretKey, userID: 'user1', expireSeconds: 86_400 });
      process.stdout.write(
        serveBanner({
          url: addr.url,
          wsUrl: addr.wsUrl,
          browserUrl: `http://${browserHost(addr.host)}:${addr.port}`,
          tryPage: clientAssets !== undefined,
          dataDir: dir,
          app,
          created,
          appCount: (await store.apps.list()).length,
          user: { userID: 'user1', userSig },
          parleyCommand: parleyCommand(),
        }),
      );
    });
}
