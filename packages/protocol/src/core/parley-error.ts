import { describeError, ERRORS, type ErrorName } from '../errors/error-codes.js';
import { errorMessage } from '../errors/error-message.js';

/**
 * The one error class of Parley: `code` from the registry, a `message`, and `data` (defaults to `{}`),
 * matching the shape of Tencent's `imError`. Server, SDK and CLI all throw or reject with this.
 */
export class ParleyError extends Error {
  /** Registry code (see `ERRORS`). */
  readonly code: number;
  /** Extra machine-readable detail; `{}` when there is none. */
  readonly data: Record<string, unknown>;

  constructor(code: number, message?: string, data?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message ?? describeError(code)?.message ?? `Error ${code}`, options);
    this.name = 'ParleyError';
    this.code = code;
    this.data = data ?? {};
  }

  /** Builds an error from a registry name, e.g. `ParleyError.of('USER_NOT_LOGGED_IN')`. */
  static of(name: ErrorName, detail?: string, data?: Record<string, unknown>): ParleyError {
    const def = ERRORS[name];
    return new ParleyError(def.code, errorMessage(def, detail), data);
  }

  /** Remediation text from the registry, if any. */
  get remediation(): string | undefined {
    return describeError(this.code)?.remediation;
  }

  /** True if `value` looks like a ParleyError (also across package copies). */
  static is(value: unknown): value is ParleyError {
    return value instanceof ParleyError || (value instanceof Error && typeof (value as { code?: unknown }).code === 'number' && 'data' in value);
  }
}
