/**
 * Prometheus metrics of one server. Each server owns its registry (not prom-client's global one), so
 * several servers in one process (tests, benchmarks) keep separate counts.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** The server's metrics. */
export class ServerMetrics {
  /** The registry `/metrics` renders. */
  readonly registry = new Registry();
  /** Open WebSocket connections (logged in or not). */
  readonly connections = new Gauge({ name: 'parley_connections', help: 'Open WebSocket connections', registers: [this.registry] });
  /** Logged-in instances attached to a socket. */
  readonly onlineInstances = new Gauge({ name: 'parley_online_instances', help: 'Logged-in instances attached to a socket', registers: [this.registry] });
  /** Login attempts by result (`ok`, `resumed` or the error code). */
  readonly logins = new Counter({ name: 'parley_logins_total', help: 'Login attempts by result', labelNames: ['result'] as const, registers: [this.registry] });
  /** Kick-outs by type (`multipleAccount`, `multipleDevice`, `REST_API_Kick`, `userSigExpired`). */
  readonly kicks = new Counter({ name: 'parley_kicks_total', help: 'Kick-outs by type', labelNames: ['type'] as const, registers: [this.registry] });
  /** Successful logins and resumes, pre-bound: the hot path skips label lookups. */
  readonly loginsOk = this.logins.labels('ok');
  readonly loginsResumed = this.logins.labels('resumed');
  /** Distinct users who logged in today (UTC), per app; filled at scrape time by {@link ServerMetrics.onCollectDau}. */
  readonly dau: Gauge<'sdkappid'> = new Gauge({
    name: 'parley_daily_active_users',
    help: 'Distinct users logged in today (UTC) per app',
    labelNames: ['sdkappid'] as const,
    registers: [this.registry],
    collect: (): void => this.#collectDau?.(this.dau),
  });
  #collectDau: ((gauge: Gauge<'sdkappid'>) => void) | undefined;

  /** Sets how the DAU gauge is filled when `/metrics` is scraped (keeps the login path free of metric work). */
  onCollectDau(fill: (gauge: Gauge<'sdkappid'>) => void): void {
    this.#collectDau = fill;
  }
  /** REST calls by command and result code. */
  readonly restCalls = new Counter({ name: 'parley_rest_calls_total', help: 'REST API calls by command and ErrorCode', labelNames: ['command', 'code'] as const, registers: [this.registry] });
  /** Frames refused at the edge, by close code or error code. */
  readonly badFrames = new Counter({ name: 'parley_bad_frames_total', help: 'Frames refused at the edge', labelNames: ['code'] as const, registers: [this.registry] });

  /** @param defaultMetrics - also collect process metrics (CPU, memory, event loop). @default true */
  constructor(defaultMetrics = true) {
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'parley_' });
  }
}
