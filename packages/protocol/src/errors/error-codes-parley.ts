/**
 * Parley's own codes, for situations Tencent's protocol has no code for. They live in 88500–88599 and
 * are named `PARLEY_*`. Part of the registry assembled in `error-codes.ts`.
 */
import { SERVER, type ErrorDef } from './error-def.js';

/** Parley-only codes 88501–88505. */
export const PARLEY_ERRORS = {
  PARLEY_UNKNOWN_COMMAND: { code: 88501, message: 'Unknown command', where: SERVER },
  PARLEY_BAD_REQUEST: { code: 88502, message: 'The request body is invalid', where: SERVER },
  PARLEY_ALREADY_LOGGED_IN: { code: 88503, message: 'This connection is already logged in', remediation: 'Log out first, or open another connection.', where: SERVER },
  PARLEY_INSTANCE_KICKED: { code: 88504, message: 'The instance being resumed was kicked out while disconnected', where: SERVER },
  PARLEY_SERVER_SHUTTING_DOWN: { code: 88505, message: 'The server is shutting down', remediation: 'Reconnect; another node or the restarted server will answer.', where: SERVER },
} as const satisfies Record<string, ErrorDef>;
