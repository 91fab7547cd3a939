/**
 * The one place the SDK words a server answer it cannot use: every feature unwraps its parsed
 * answers through {@link answerOf}, so a malformed answer fails the call the same way everywhere.
 */
import { ErrorCode, ParleyError, type Parsed } from '@parley/protocol';

/** The error of an answer that does not match the contract (`what` names it, e.g. `'login answer'`). */
export function malformedAnswer(reason: string, what = 'answer'): ParleyError {
  return new ParleyError(ErrorCode.UNCAUGHT_ERROR, `Malformed ${what} from the server: ${reason}`);
}

/**
 * The value of a parsed answer.
 * @throws ParleyError with `UNCAUGHT_ERROR` (2903) when the answer was malformed.
 */
export function answerOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw malformedAnswer(parsed.reason);
  return parsed.value;
}
