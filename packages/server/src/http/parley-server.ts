/**
 * Assembles one Parley server: a Fastify HTTP server (REST `/v4`, `/healthz`, `/metrics`) and the
 * WebSocket gateway on the same port, over a {@link Store}. The CLI is the only caller that picks a
 * concrete store; tests pass an in-memory SQLite store (`:memory:`). By default the server is a cluster of
 * one node; `cluster` joins it to others (a shared {@link SessionDirectory}, a {@link Broker}).
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { ERRORS } from '@parley/protocol';
import { LoginThrottle, type LoginThrottleOptions } from '../auth/login-throttle.js';
import { SigVerifier } from '../auth/sig-verifier.js';
import type { Broker } from '../cluster/broker.js';
import { LocalBroker } from '../cluster/local-broker.js';
import { AppCache } from '../directories/app-cache.js';
import { GroupDirectory } from '../directories/group-directory.js';
import { AccountService } from '../features/accounts/account-service.js';
import { accountsModule } from '../features/accounts/accounts-module.js';
import { adminModule } from '../features/admin/admin-module.js';
import { conversationsModule } from '../features/conversations/conversations-module.js';
import type { FeatureModule } from '../features/feature-module.js';
import { groupsModule } from '../features/groups/groups-module.js';
import { messagesModule } from '../features/messages/messages-module.js';
import { profilesModule } from '../features/profiles/profiles-module.js';
import { statusModule } from '../features/status/status-module.js';
import { followsModule } from '../features/follows/follows-module.js';
import { relationshipsModule } from '../features/relationships/relationships-module.js';
import { friendAudience } from '../features/relationships/friend-audience.js';
import type { ProfileAudience } from '../features/profiles/profile-port.js';
import { ProfileDirectory } from '../directories/profile-directory.js';
import { CommandKit } from '../gateway/command-kit.js';
import { DEFAULT_GATEWAY_OPTIONS, type GatewayOptions } from '../gateway/gateway-options.js';
import { WsGateway } from '../gateway/ws-gateway.js';
import { ServerMetrics } from '../metrics/server-metrics.js';
import { envelope, registerRestRoutes } from '../rest/rest-router.js';
import { Delivery } from '../sessions/delivery.js';
import { SessionManager, type SessionOptions } from '../sessions/session-manager.js';
import { LocalSessionDirectory } from '../sessions/local-session-directory.js';
import type { SessionDirectory } from '../sessions/session-directory.js';
import { SinkTable } from '../sessions/sink-table.js';
import type { AppRecord, Store } from '@parley/store';
import { systemClock, type Clock } from '../time/clock.js';
import { UsageTracker } from '../usage/usage-tracker.js';
import { registerClientAssets, type ClientAssets } from './client-assets.js';

/** Options of {@link createParleyServer}. Everything but `store` has a default. */
export interface ParleyServerOptions {
  /** Where apps, accounts and statistics live. */
  readonly store: Store;
  /** Interface to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** TCP port; 0 picks a free one. @default 9000 */
  readonly port?: number;
  /** Time source (tests inject a controllable one). @default systemClock */
  readonly clock?: Clock;
  /** Gateway tunables (frame size, login timeout, heartbeat bound, rate limits). */
  readonly gateway?: Partial<GatewayOptions>;
  /** Session tunables (hello interval, resume grace). */
  readonly session?: Partial<SessionOptions>;
  /** Failed-login throttling. */
  readonly throttle?: Partial<LoginThrottleOptions>;
  /** Largest REST body, in bytes. @default 1048576 */
  readonly restBodyLimit?: number;
  /** How long shutdown waits for clients to close before dropping them, in ms. @default 2000 */
  readonly shutdownGraceMs?: number;
  /** Suggested reconnect delay told to clients at shutdown, in ms. @default 1000 */
  readonly reconnectAfterMs?: number;
  /** Log level for the server's pino logger, or `false` for no logging. @default false */
  readonly logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | false;
  /** Collect process metrics (CPU, memory) in `/metrics`. @default true */
  readonly processMetrics?: boolean;
  /** Serve the browser SDK and a "try it" page at `/` from these built directories. @default not served */
  readonly clientAssets?: ClientAssets;
  /** How this server joins other nodes. @default a cluster of one (see {@link ClusterOptions}) */
  readonly cluster?: ClusterOptions;
  /** Who besides the user hears of a profile change. @default everyone who has the user in their friend list (Tencent's PROFILE_UPDATED for friends) */
  readonly profileAudience?: ProfileAudience;
}

/** How a server shares sessions and events with the other nodes of a cluster. */
export interface ClusterOptions {
  /** This node's id, unique in the cluster. @default `node-` and 12 random hex digits */
  readonly nodeID?: string;
  /**
   * Carries pushes, kicks and cache invalidations to the other nodes. The caller closes a broker it
   * passes. @default a `LocalBroker` (one node), closed with the server
   */
  readonly broker?: Broker;
  /** Every node's login instances, with atomic admission under the login policy. @default a `LocalSessionDirectory` */
  readonly sessions?: SessionDirectory;
}

/** A running (or ready to run) server. */
export interface ParleyServer {
  /** Starts listening; resolves with the bound address. */
  listen(): Promise<{ host: string; port: number; url: string; wsUrl: string }>;
  /** Graceful shutdown: stop accepting, tell clients, flush statistics. Does not close the store. */
  close(): Promise<void>;
  /** App administration used by the CLI (create on first start, list, show). */
  readonly apps: {
    create(app: AppRecord): Promise<void>;
    get(sdkAppID: number): Promise<AppRecord | undefined>;
    list(): Promise<AppRecord[]>;
  };
  /** The metrics registry (also served at `/metrics`). */
  readonly metrics: ServerMetrics;
  /** Every REST route served under `POST /v4/`, as `service/command`, in registration order. */
  readonly restRoutes: readonly string[];
  /** The underlying Fastify instance (for `inject()` in tests). */
  readonly http: FastifyInstance;
}

/** Default session options. */
export const DEFAULT_SESSION_OPTIONS: SessionOptions = { helloIntervalSec: 30, resumeGraceMs: 90_000 };

/** Creates a Parley server. Nothing listens until `listen()`. */
export function createParleyServer(options: ParleyServerOptions): ParleyServer {
  const clock = options.clock ?? systemClock;
  const store = options.store;
  const gatewayOptions: GatewayOptions = { ...DEFAULT_GATEWAY_OPTIONS, ...options.gateway };
  const sessionOptions: SessionOptions = {
    ...DEFAULT_SESSION_OPTIONS,
    // Clients are told to say hello three times per dead-connection bound, so one lost hello never
    // gets a live connection closed; the grace for a resume is the same bound.
    helloIntervalSec: Math.max(1, Math.floor(gatewayOptions.heartbeatTimeoutMs / 3000)),
    resumeGraceMs: gatewayOptions.heartbeatTimeoutMs,
    ...options.session,
  };
  const metrics = new ServerMetrics(options.processMetrics ?? true);
  const nodeID = options.cluster?.nodeID ?? `node-${randomBytes(6).toString('hex')}`;
  const broker = options.cluster?.broker ?? new LocalBroker();
  const directory = options.cluster?.sessions ?? new LocalSessionDirectory();
  const sinks = new SinkTable();
  const apps = new AppCache(store, broker);
  const verifier = new SigVerifier();
  const usage = new UsageTracker(store.usage, clock, undefined, { broker, nodeID });
  metrics.onCollectDau((gauge) => {
    gauge.reset();
    for (const [app, count] of usage.activeTodayByApp()) gauge.set({ sdkappid: String(app) }, count);
  });
  // Senders' names, cached for the send path; account writes and profile updates keep it true.
  const profileNames = new ProfileDirectory(store, broker);
  const accounts = new AccountService({ accounts: store.accounts, broker, clock, onAccountsWritten: (app, ids) => profileNames.forget(app, ids) });
  const sessions = new SessionManager({
    apps,
    clock,
    verifier,
    throttle: new LoginThrottle(options.throttle),
    directory,
    sinks,
    broker,
    nodeID,
    usage,
    metrics,
    accounts,
    options: sessionOptions,
    // A closure: `onError` logs through the HTTP server, created below.
    onError: (err, context) => onError(err, context),
  });

  const http = Fastify({
    logger: options.logLevel ? { level: options.logLevel } : false,
    bodyLimit: options.restBodyLimit ?? 1_048_576,
    // Tencent's REST clients send JSON with assorted content types (or none): take every body as text.
    forceCloseConnections: true,
  });
  const onError = (err: unknown, context: string) => http.log.error({ err }, `unexpected error in ${context}`);
  http.removeAllContentTypeParsers();
  http.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  http.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (!req.url.startsWith('/v4/')) return reply.code(err.statusCode ?? 500).send({ error: err.message });
    const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    if (!tooLarge) onError(err, `HTTP ${req.url}`);
    const def = tooLarge ? ERRORS.ERR_SVR_COMM_REQ_JSON_PARSE_FAILED : ERRORS.ERR_SVR_ACCOUNT_INTERNAL_ERROR;
    return reply.code(200).send(envelope(def.code, tooLarge ? 'request body too large' : def.message));
  });

  // The parts the features share; each feature owns the rest of what it needs.
  const delivery = new Delivery(sinks, broker);
  const groupDirectory = new GroupDirectory(store, broker);
  const profiles = profilesModule({ store, clock, delivery, names: profileNames, audience: options.profileAudience ?? friendAudience(store.friends) });
  const relationships = relationshipsModule({ store, clock, delivery, apps, accounts, profiles: profiles.port });
  const messages = messagesModule({ store, apps, clock, delivery, accounts, groups: groupDirectory, profiles: profileNames, blacklist: relationships.blacklist });
  const features: readonly FeatureModule[] = [
    accountsModule({ accounts, sessions }),
    messages,
    conversationsModule({ store, clock, delivery, messages: messages.port }),
    groupsModule({ store, clock, delivery, accounts, directory: groupDirectory, messages: messages.port }),
    profiles,
    relationships,
    statusModule({ statuses: store.userStatus, apps, accounts, sessions, delivery, onError }),
    followsModule({ follows: store.follows, apps, accounts, delivery, clock }),
    adminModule({ apps, store, usage, clock }),
  ];
  const routes = features.flatMap((f) => f.routes?.() ?? []);
  registerRestRoutes(http, { apps, verifier, clock, metrics, routes, onError });

  const gateway = new WsGateway({ sessions, metrics, clock, options: gatewayOptions, onError });
  gateway.attach(http.server);
  const kit = new CommandKit(gateway, sinks);
  for (const feature of features) feature.commands?.(kit);

  const startedAt = clock.now();
  http.get('/healthz', async () => ({ status: 'ok', uptimeMs: clock.now() - startedAt, connections: gateway.connectionCount }));
  http.get('/metrics', async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  if (options.clientAssets) registerClientAssets(http, options.clientAssets);

  let closing: Promise<void> | undefined;
  return {
    http,
    metrics,
    restRoutes: routes.map((r) => r.path),
    apps: {
      create: (app) => apps.create(app),
      get: async (id) => (await apps.get(id))?.app,
      list: () => store.apps.list(),
    },
    async listen() {
      const host = options.host ?? '127.0.0.1';
      await http.listen({ host, port: options.port ?? 9000 });
      const addr = http.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : options.port ?? 9000;
      const shown = host.includes(':') ? `[${host}]` : host;
      return { host, port, url: `http://${shown}:${port}`, wsUrl: `ws://${shown}:${port}` };
    },
    close() {
      closing ??= (async () => {
        gateway.shutdown(options.reconnectAfterMs ?? 1000);
        sessions.stop();
        for (const feature of features) feature.stop?.();
        delivery.stop();
        groupDirectory.stop();
        profileNames.stop();
        apps.stop();
        const deadline = Date.now() + (options.shutdownGraceMs ?? 2000);
        while (gateway.connectionCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        gateway.terminateAll();
        for (const feature of features) await feature.drain?.().catch((err: unknown) => onError(err, `${feature.name} flush`));
        await usage.flush().catch((err: unknown) => onError(err, 'usage flush'));
        usage.stop();
        if (options.cluster?.broker === undefined) await broker.close();
        await http.close();
      })();
      return closing;
    },
  };
}
