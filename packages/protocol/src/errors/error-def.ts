/**
 * The shape of one error-registry entry. Kept apart from the tables so each table file can use it
 * without importing the assembled registry.
 */

/**
 * Which side reports a code, following Tencent's classification:
 * - `SDK`: raised locally by the client SDK (web or V2TIM facade);
 * - `server`: answered by the server on the WebSocket protocol;
 * - `REST`: answered by the server in a REST `/v4/...` response's `ErrorCode`.
 */
export type ErrorSite = 'SDK' | 'server' | 'REST';

/** One registry entry. */
export interface ErrorDef {
  /** The numeric code sent on the wire and in REST `ErrorCode`. */
  readonly code: number;
  /** One-line description of what went wrong. */
  readonly message: string;
  /** What the caller should do about it, when that is not obvious. */
  readonly remediation?: string;
  /** Where the code is reported (see {@link ErrorSite}); listed in `docs/ERRORS.md`. */
  readonly where: readonly ErrorSite[];
}

/** Reported by the client SDK. */
export const SDK: readonly ErrorSite[] = ['SDK'];
/** Reported by the server on the WebSocket protocol. */
export const SERVER: readonly ErrorSite[] = ['server'];
/** Reported by the server's REST API. */
export const REST: readonly ErrorSite[] = ['REST'];
/** Reported by the server on both the WebSocket protocol and the REST API. */
export const SERVER_REST: readonly ErrorSite[] = ['server', 'REST'];
/** Reported by the SDK locally and by the server on the WebSocket protocol. */
export const SDK_SERVER: readonly ErrorSite[] = ['SDK', 'server'];
