/**
 * Typed REST route definitions. A feature describes each Tencent-style command once: its path, a
 * parser from the raw JSON body to a typed request, and a handler from that request to a typed
 * response payload. The router (`rest-router.ts`) adds the URL authentication and the
 * `{ActionStatus, ErrorCode, ErrorInfo}` envelope around every route alike.
 */
import type { AppState } from '../directories/app-cache.js';

/** Who a REST call runs for: the authenticated app and the admin UserID the call was signed as. */
export interface RestCaller {
  readonly app: AppState;
  /** The admin UserID the call was signed as (`identifier` in the URL). */
  readonly identifier: string;
}

/**
 * One REST command. `parse` runs after authentication on the JSON body (`{}` when the body is
 * empty) and throws a `ParleyError` with Tencent's code for a bad body; `handle` returns the payload
 * fields merged into the envelope, or throws a `ParleyError` whose code becomes `ErrorCode`.
 */
export interface RestRoute<Req, Res extends object> {
  /** `service/command`, e.g. `im_open_login_svc/account_import` (served at `POST /v4/<path>`). */
  readonly path: string;
  /** The typed request of a raw JSON body; throws the Tencent error of a bad one. */
  parse(body: unknown): Req;
  /** Serves a parsed request. */
  handle(caller: RestCaller, request: Req): Res | Promise<Res>;
}

/** A route of any request and response type, as the router holds them. */
export type AnyRestRoute = RestRoute<unknown, object>;

/** Defines a route (an identity function that lets TypeScript infer the request and response types). */
export function defineRoute<Req, Res extends object>(route: RestRoute<Req, Res>): RestRoute<Req, Res> {
  return route;
}
