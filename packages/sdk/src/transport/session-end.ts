/**
 * Decides how a logged-in session ends when the connection cannot simply be resumed: which
 * failures of a resume login, and which terminal close codes, are kick-outs (and of which type),
 * which are plain failures, and which are transient (retry with backoff).
 */
import {
  CloseCode,
  ErrorCode,
  isRecord,
  KickedOutType,
  ParleyError,
  SessionPushes,
  type KickedOutTypeValue,
} from '@parley/protocol';

/** Why a session that was logged in cannot continue. */
export type SessionEnd =
  | { readonly kind: 'kicked'; readonly type: KickedOutTypeValue }
  | { readonly kind: 'failed'; readonly error: ParleyError };

/**
 * Login answers worth retrying with backoff during a resume, because they describe the server's
 * state, not the session's: shutting down, overloaded, internal error or timeout, rate limited.
 */
export const TRANSIENT_LOGIN_CODES: ReadonlySet<number> = new Set<number>([
  ErrorCode.PARLEY_SERVER_SHUTTING_DOWN,
  ErrorCode.OPEN_SERVICE_OVERLOAD_ERROR,
  ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR,
  ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_TIMEOUT,
  ErrorCode.ERR_SVR_COMM_REQ_FREQ_LIMIT,
  ErrorCode.ERR_SVR_COMM_REQ_FREQ_LIMIT_EX,
]);

/**
 * Classifies a failed resume (`wslogin` with `instanceID` after a reconnect). Returns `undefined`
 * when the failure is transient (network, timeout, {@link TRANSIENT_LOGIN_CODES}) and the client
 * should try again later.
 */
export function classifyResumeFailure(error: unknown): SessionEnd | undefined {
  if (!(error instanceof ParleyError)) {
    return { kind: 'failed', error: new ParleyError(ErrorCode.UNCAUGHT_ERROR, `Resume failed: ${String(error)}`, {}, { cause: error }) };
  }
  if (error.code === ErrorCode.NETWORK_ERROR || error.code === ErrorCode.NETWORK_TIMEOUT) return undefined;
  if (TRANSIENT_LOGIN_CODES.has(error.code)) return undefined;
  switch (error.code) {
    case ErrorCode.ERR_SVR_ACCOUNT_USERSIG_EXPIRED:
      return { kind: 'kicked', type: KickedOutType.USERSIG_EXPIRED };
    case ErrorCode.ERR_SVR_ACCOUNT_INVALID_USERSIG:
      return { kind: 'kicked', type: KickedOutType.REST_API };
    case ErrorCode.PARLEY_INSTANCE_KICKED: {
      const push = SessionPushes.kickout.parseBody(isRecord(error.data) ? error.data : {});
      // The server always names the type; an older or foreign server may not, and "another login" is the usual cause.
      return { kind: 'kicked', type: push.ok ? push.value.type : KickedOutType.MULT_ACCOUNT };
    }
    default:
      return { kind: 'failed', error };
  }
}

/**
 * Maps a terminal close (one the client must not reconnect after) that arrived without the kick
 * push that normally precedes it.
 */
export function classifyTerminalClose(code: number, reason: string): SessionEnd {
  if (code === CloseCode.SessionExpired) return { kind: 'kicked', type: KickedOutType.USERSIG_EXPIRED };
  if (code === CloseCode.Kicked) return { kind: 'kicked', type: KickedOutType.MULT_ACCOUNT };
  const detail = code === CloseCode.Replaced ? 'this instance resumed on another connection' : 'the server ended the session';
  return {
    kind: 'failed',
    error: new ParleyError(ErrorCode.NETWORK_ERROR, `Disconnected: ${detail} (close code ${code}${reason ? `: ${reason}` : ''})`, { closeCode: code }),
  };
}
