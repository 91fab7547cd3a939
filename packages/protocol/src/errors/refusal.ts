/**
 * The one shape of a refused operation: `{ ok: false, code, reason, data? }`, where `code` is the
 * registry code the caller answers with and `reason` its message (registry wording plus detail).
 * A UserSig check, a login, a store append and a REST check refuse this way. Parse failures
 * (`ParseFailure`) name the registry error instead of its code, because a parser does not know
 * whether it runs on the server or the client; `ParleyError.of(failure.error, failure.reason)`
 * turns one into an answer.
 */
import { ERRORS, type ErrorName } from './error-codes.js';
import { errorMessage } from './error-message.js';

/** A refused operation. */
export interface Refusal {
  readonly ok: false;
  /** The registry code to answer with. */
  readonly code: number;
  /** The message: the registry's wording, then this occurrence's detail. */
  readonly reason: string;
  /** Machine-readable detail for the answer's body, when there is any. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * A {@link Refusal} with registry error `error`, worded by `errorMessage`.
 * @example refusal('ERR_SVR_GROUP_NOT_FOUND', 'g1') // { ok: false, code: 10010, reason: 'The group does not exist or was dismissed: g1' }
 */
export function refusal(error: ErrorName, detail?: string, data?: Readonly<Record<string, unknown>>): Refusal {
  const def = ERRORS[error];
  return data === undefined ? { ok: false, code: def.code, reason: errorMessage(def, detail) } : { ok: false, code: def.code, reason: errorMessage(def, detail), data };
}
