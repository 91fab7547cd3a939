/**
 * The one wording of an error message: the registry's message, then the detail of this occurrence.
 * Every place that turns a registry entry into text (the error class, the server's error answers,
 * the stores' errors) goes through here, so the wording cannot drift between them.
 */
import { ERRORS, type ErrorName } from './error-codes.js';
import type { ErrorDef } from './error-def.js';

/**
 * `"<registry message>: <detail>"`, or the registry message alone when there is no detail.
 * @param error - a registry name, or its entry (for callers that already looked it up).
 * @example errorMessage('ERR_SVR_GROUP_NOT_FOUND', 'g1') // 'The group does not exist or was dismissed: g1'
 */
export function errorMessage(error: ErrorName | Pick<ErrorDef, 'message'>, detail?: string): string {
  const message = typeof error === 'string' ? ERRORS[error].message : error.message;
  return detail ? `${message}: ${detail}` : message;
}
