/**
 * The Tencent-compatible REST entry: `POST /v4/<service>/<command>?sdkappid=&identifier=&usersig=
 * &random=&contenttype=json`. Every handled outcome, success or error, is HTTP 200 with the
 * `{ActionStatus, ErrorCode, ErrorInfo, ...}` envelope, as Tencent's clients expect.
 */
import { ERRORS, ParleyError, type ErrorName } from '@parley/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppCache, AppState } from '../directories/app-cache.js';
import type { SigVerifier } from '../auth/sig-verifier.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import type { Clock } from '../time/clock.js';
import type { AnyRestRoute } from './rest-route.js';

/** Dependencies of {@link registerRestRoutes}. */
export interface RestDeps {
  readonly apps: AppCache;
  readonly verifier: SigVerifier;
  readonly clock: Clock;
  readonly metrics: ServerMetrics;
  /** Every route served, each path once. */
  readonly routes: readonly AnyRestRoute[];
  readonly onError: (err: unknown, context: string) => void;
}

/** Builds an envelope. */
export function envelope(code: number, info: string, payload: object = {}): Record<string, unknown> {
  return { ActionStatus: code === 0 ? 'OK' : 'FAIL', ErrorCode: code, ErrorInfo: info, ...payload };
}

function failure(name: ErrorName, detail?: string): ParleyError {
  return ParleyError.of(name, detail);
}

type Query = Record<string, unknown>;

function queryString(q: Query, key: string): string | undefined {
  const v = q[key];
  return typeof v === 'string' ? v : undefined;
}

/** Authenticates the URL parameters; returns the app and admin identifier or throws a ParleyError. */
async function authenticate(deps: RestDeps, q: Query, service: string): Promise<{ app: AppState; identifier: string }> {
  const rawApp = queryString(q, 'sdkappid');
  if (rawApp === undefined || rawApp === '') throw failure('ERR_SVR_COMM_SDKAPPID_MISS');
  if (!/^\d{1,10}$/.test(rawApp) || Number(rawApp) === 0 || Number(rawApp) > 0xffff_ffff) throw failure('ERR_SVR_COMM_INVALID_SDKAPPID', rawApp);
  const contentType = queryString(q, 'contenttype');
  if (contentType !== undefined && contentType !== 'json') throw failure('ERR_SVR_COMM_INVALID_HTTP_URL', 'contenttype must be json');
  const identifier = queryString(q, 'identifier');
  if (identifier === undefined || identifier === '') throw failure('ERR_SVR_COMM_INVALID_ID_FORMAT', 'identifier is required');
  const usersig = queryString(q, 'usersig');
  if (usersig === undefined || usersig === '') throw failure('ERR_SVR_ACCOUNT_USERSIG_EMPTY');
  const found = deps.apps.get(Number(rawApp));
  const app = found instanceof Promise ? await found : found;
  if (!app) throw failure('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', rawApp);
  // Operators must still reach parley_admin (e.g. to reactivate) while an app is suspended.
  if (app.app.status !== 'active' && service !== 'parley_admin') throw failure('ERR_SVR_COMM_INVALID_SERVICE');
  const check = deps.verifier.verify(usersig, app.app.sdkAppID, app.app.secretKey, identifier, deps.clock.now());
  if (!check.ok) throw new ParleyError(check.code, check.reason);
  if (!app.app.admins.includes(identifier)) throw failure('ERR_SVR_COMM_ID_NOT_ADMIN', identifier);
  return { app, identifier };
}

/** Registers `/v4/*` on a Fastify instance. The instance must deliver bodies as raw strings. */
export function registerRestRoutes(fastify: FastifyInstance, deps: RestDeps): void {
  const routes = new Map<string, AnyRestRoute>();
  for (const route of deps.routes) {
    if (routes.has(route.path)) throw new Error(`REST route ${route.path} is defined twice`);
    routes.set(route.path, route);
  }
  const handle = async (req: FastifyRequest<{ Params: { service: string; command: string } }>, reply: FastifyReply) => {
    const { service, command } = req.params;
    const key = `${service}/${command}`;
    let result: Record<string, unknown>;
    try {
      const route = routes.get(key);
      if (!route) throw failure('ERR_SVR_COMM_INVALID_RES', key);
      const caller = await authenticate(deps, req.query as Query, service);
      const request = route.parse(parseBody(req.body));
      result = envelope(0, '', await route.handle(caller, request));
    } catch (err) {
      if (ParleyError.is(err)) result = envelope(err.code, err.message);
      else {
        deps.onError(err, `REST ${key}`);
        result = envelope(ERRORS.ERR_SVR_ACCOUNT_INTERNAL_ERROR.code, ERRORS.ERR_SVR_ACCOUNT_INTERNAL_ERROR.message);
      }
    }
    deps.metrics.restCalls.inc({ command: routes.has(key) ? key : 'unknown', code: String(result['ErrorCode']) });
    return reply.code(200).send(result);
  };
  fastify.post('/v4/:service/:command', handle);
  // Tencent documents POST only; other methods get the envelope too rather than a bare 404.
  fastify.all('/v4/*', async (_req, reply) => reply.code(200).send(envelope(ERRORS.ERR_SVR_COMM_INVALID_HTTP_URL.code, `${ERRORS.ERR_SVR_COMM_INVALID_HTTP_URL.message}`)));
}

function parseBody(raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return {};
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw failure('ERR_SVR_COMM_REQ_JSON_PARSE_FAILED');
  }
}
