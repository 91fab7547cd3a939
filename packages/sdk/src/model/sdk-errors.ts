/**
 * How the SDK turns failures into `ParleyError`s, in one place: every answer is parsed by its
 * protocol definition and unwrapped through {@link answerOf} (or {@link parseAnswerWith}), so a
 * malformed answer fails the call the same way everywhere, and anything else thrown becomes a
 * `ParleyError` through {@link toParleyError}.
 */
import { ErrorCode, ERRORS, MALFORMED_ANSWER, ParleyError, type CommandDef, type ParseResult } from '@parley/protocol';

/** The error of an answer that does not match the contract (`what` names it, e.g. `'login answer'`). */
export function malformedAnswer(reason: string, what = 'answer'): ParleyError {
  return new ParleyError(ERRORS[MALFORMED_ANSWER].code, `Malformed ${what} from the server: ${reason}`);
}

/**
 * The value of a parsed answer.
 * @throws ParleyError with `UNCAUGHT_ERROR` (2903) when the answer was malformed.
 */
export function answerOf<T>(parsed: ParseResult<T>, what?: string): T {
  if (!parsed.ok) throw malformedAnswer(parsed.reason, what);
  return parsed.value;
}

/** Parses `body` as the answer of `def`; see {@link answerOf}. */
export function parseAnswerWith<A>(def: Pick<CommandDef<unknown, A>, 'parseAnswer'>, body: unknown, what?: string): A {
  return answerOf(def.parseAnswer(body), what);
}

/** Wraps anything thrown into a `ParleyError` (2903 for the unexpected). */
export function toParleyError(error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  return new ParleyError(ErrorCode.UNCAUGHT_ERROR, error instanceof Error ? error.message : String(error), {}, { cause: error });
}
