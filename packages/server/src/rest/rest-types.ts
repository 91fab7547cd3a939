/** Shared types of the Tencent-compatible REST layer. */
import type { AppState } from '../directories/app-cache.js';

/** What a REST handler gets: the authenticated app, the admin identifier and the parsed JSON body. */
export interface RestContext {
  readonly app: AppState;
  /** The admin UserID the call was signed as. */
  readonly identifier: string;
  /** The request body, parsed from JSON but not yet validated. */
  readonly body: unknown;
}

/**
 * A REST command handler: returns the payload fields to merge into the `{ActionStatus, ErrorCode,
 * ErrorInfo}` envelope, or throws a `ParleyError` whose code becomes `ErrorCode`.
 */
export type RestHandler = (ctx: RestContext) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** Handlers keyed by `service/command`, e.g. `im_open_login_svc/account_import`. */
export type RestRoutes = ReadonlyMap<string, RestHandler>;
