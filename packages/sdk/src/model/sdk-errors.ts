/**
 * How the SDK turns failures into `ParleyError`s, in one place: every feature unwraps its parsed
 * answers through {@link answerOf}, so a malformed answer fails the call the same way everywhere,
 * and anything else thrown becomes a `ParleyError` through {@link toParleyError}.
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

/** Wraps anything thrown into a `ParleyError` (2903 for the unexpected). */
export function toParleyError(error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  return new ParleyError(ErrorCode.UNCAUGHT_ERROR, error instanceof Error ? error.message : String(error), {}, { cause: error });
}
