/**
 * Building blocks of the messaging request parsers: a parse result that names the registry error a
 * server should answer with, and field readers that produce such results.
 */
import type { ErrorName } from '../errors/error-codes.js';
import { isValidUserID } from '../tencent/constants.js';
import { isRecord, isUint, kindOf, utf8ByteLength, valid, type Invalid, type Valid } from './validate.js';

/** A failed messaging parse: the reason plus the registry error the server answers with. */
export interface MessagingInvalid extends Invalid {
  /** Registry name of the error to answer with, e.g. `PARLEY_BAD_REQUEST` or `ERR_SVR_GROUP_INVALID_GROUPID`. */
  readonly error: ErrorName;
}

/** Result of a messaging request parser. */
export type MessagingParsed<T> = Valid<T> | MessagingInvalid;

/** Builds a {@link MessagingInvalid}. */
export function refuse(error: ErrorName, reason: string): MessagingInvalid {
  return { ok: false, reason, error };
}

/** Thrown inside a parser to stop at the first bad field; caught by {@link runParser}. */
class FieldError extends Error {
  constructor(readonly failure: MessagingInvalid) {
    super(failure.reason);
  }
}

/**
 * Reads the fields of one request body, failing with `error` (the command's "invalid parameter"
 * code) unless a reader is told otherwise.
 */
export class BodyReader {
  readonly #body: Record<string, unknown>;
  readonly #error: ErrorName;

  constructor(body: Record<string, unknown>, error: ErrorName) {
    this.#body = body;
    this.#error = error;
  }

  /** Stops the parse with `reason` (and `error`, default the reader's). */
  fail(reason: string, error: ErrorName = this.#error): never {
    throw new FieldError(refuse(error, reason));
  }

  /** The raw value of `key`. */
  raw(key: string): unknown {
    return this.#body[key];
  }

  /** A required string of at most `maxBytes` UTF-8 bytes (and at least `minBytes`). */
  string(key: string, maxBytes: number, minBytes = 0): string {
    const v = this.#body[key];
    if (typeof v !== 'string') return this.fail(`${key} is required and must be a string (got ${kindOf(v)})`);
    const bytes = utf8ByteLength(v);
    if (bytes > maxBytes) return this.fail(`${key} is longer than ${maxBytes} bytes`);
    if (bytes < minBytes) return this.fail(`${key} must not be empty`);
    return v;
  }

  /** An optional string of at most `maxBytes` UTF-8 bytes. */
  optionalString(key: string, maxBytes: number): string | undefined {
    return this.#body[key] === undefined ? undefined : this.string(key, maxBytes);
  }

  /** An optional boolean. */
  optionalBoolean(key: string): boolean | undefined {
    const v = this.#body[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') return this.fail(`${key} must be a boolean (got ${kindOf(v)})`);
    return v;
  }

  /** A required boolean. */
  boolean(key: string): boolean {
    const v = this.optionalBoolean(key);
    return v === undefined ? this.fail(`${key} is required and must be a boolean`) : v;
  }

  /** An optional integer in `min..max`. */
  optionalInt(key: string, min: number, max: number): number | undefined {
    const v = this.#body[key];
    if (v === undefined) return undefined;
    if (!isUint(v) || v < min || v > max) return this.fail(`${key} must be an integer in ${min}..${max} (got ${JSON.stringify(v) ?? kindOf(v)})`);
    return v;
  }

  /** A required integer in `min..max`. */
  int(key: string, min: number, max: number): number {
    const v = this.optionalInt(key, min, max);
    return v === undefined ? this.fail(`${key} is required and must be an integer in ${min}..${max}`) : v;
  }

  /** An optional value from `allowed`. */
  optionalOneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.#body[key];
    if (v === undefined) return undefined;
    const found = allowed.find((a) => a === v);
    return found ?? this.fail(`${key} must be one of ${allowed.join(', ')} (got ${JSON.stringify(v) ?? kindOf(v)})`);
  }

  /**
   * A list of UserIDs with `min..max` entries, duplicates removed (first occurrence kept). `extra`
   * lists further accepted values (e.g. the @-all marker). Too many entries fail with `countError`.
   */
  userIDs(key: string, min: number, max: number, countError: ErrorName = this.#error, extra: readonly string[] = []): string[] {
    const v = this.#body[key];
    if (!Array.isArray(v)) return this.fail(`${key} must be an array of UserIDs (got ${kindOf(v)})`);
    if (v.length > max) return this.fail(`${key} holds ${v.length} entries; at most ${max} are allowed`, countError);
    if (v.length < min) return this.fail(`${key} must hold at least ${min} UserID${min === 1 ? '' : 's'}`);
    v.forEach((id, i) => {
      if (!isValidUserID(id) && !(typeof id === 'string' && extra.includes(id))) {
        this.fail(`${key}[${i}] must be a UserID of 1..32 letters, digits, "_" or "-" (got ${JSON.stringify(id) ?? kindOf(id)})`);
      }
    });
    return [...new Set(v as string[])];
  }

  /** An optional list of UserIDs; see {@link BodyReader.userIDs}. */
  optionalUserIDs(key: string, max: number, countError: ErrorName = this.#error, extra: readonly string[] = []): string[] | undefined {
    return this.#body[key] === undefined ? undefined : this.userIDs(key, 0, max, countError, extra);
  }
}

/**
 * Runs `read` over `body` (which must be a JSON object); the first failing field becomes the result.
 * @param error - the registry error for invalid fields of this command.
 */
export function runParser<T>(body: unknown, error: ErrorName, read: (r: BodyReader) => T): MessagingParsed<T> {
  if (!isRecord(body)) return refuse(error, `the body must be an object (got ${kindOf(body)})`);
  try {
    return valid(read(new BodyReader(body, error)));
  } catch (err) {
    if (err instanceof FieldError) return err.failure;
    throw err;
  }
}
