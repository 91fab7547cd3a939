/**
 * WebSocket close codes used by Parley. 1000–1011 are RFC 6455's; 4000–4999 are Parley's own.
 * `docs/PROTOCOL.md` lists when each is used; a test keeps the two in step.
 */
export const CloseCode = {
  /** RFC 6455: normal closure (the client logged out and closed, or `destroy()`). */
  Normal: 1000,
  /** RFC 6455: the server is shutting down; reconnect (resume) after `reconnectAfterMs`. */
  GoingAway: 1001,
  /** RFC 6455: a frame was larger than the server's `maxFrameBytes` (sent by the `ws` library). */
  MessageTooBig: 1009,
  /** RFC 6455: unexpected server error. */
  InternalError: 1011,
  /** No heartbeat (`wshello`) or other traffic within the server's dead-connection bound. */
  HeartbeatTimeout: 4001,
  /** A frame that is not valid JSON, not a request frame, or binary. */
  BadFrame: 4400,
  /** The instance was kicked out (a `stat_forceoffline` push precedes this close). */
  Kicked: 4403,
  /** No successful `wslogin` within the server's login timeout after connecting. */
  LoginTimeout: 4408,
  /** The same instance resumed on a newer socket; this older socket is closed. */
  Replaced: 4409,
  /** The UserSig expired while online (a `stat_forceoffline` push with `userSigExpired` precedes this close). */
  SessionExpired: 4410,
  /** The client sent requests faster than allowed for too long. */
  TooManyRequests: 4429,
} as const;

/** Name of a {@link CloseCode}. */
export type CloseCodeName = keyof typeof CloseCode;
/** Numeric value of a {@link CloseCode}. */
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** Close codes after which a client must not reconnect on its own (the session is over). */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set<number>([
  CloseCode.Normal,
  CloseCode.Kicked,
  CloseCode.Replaced,
  CloseCode.SessionExpired,
]);
