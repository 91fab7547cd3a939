/**
 * The one parse kit of the protocol, for both directions: field readers that turn `unknown` wire
 * bodies into typed values, and the one failure shape every parser returns. Request parsers (run by
 * the server) and answer and push parsers (run by the SDK) are written with the same
 * {@link BodyReader}, so a bad field reads the same way whichever side meets it.
 */
import type { ErrorName } from '../errors/error-codes.js';
import { isValidUserID } from '../tencent/constants.js';
import { isRecord, isUint, kindOf, utf8ByteLength, valid, type Invalid, type Parsed, type Valid } from './validate.js';

/**
 * A failed parse: the reason, naming the field, plus the registry error the receiving side reports
 * (the server answers it; the SDK fails the call with it).
 */
export interface ParseFailure extends Invalid {
  /** Registry name of the error, e.g. `PARLEY_BAD_REQUEST` or `ERR_SVR_GROUP_INVALID_GROUPID`. */
  readonly error: ErrorName;
}

/** The result of every protocol parser: `{ ok: true, value }` or a {@link ParseFailure}. */
export type ParseResult<T> = Valid<T> | ParseFailure;

/** The name the messaging parsers introduced for {@link ParseFailure}; kept for existing callers. */
export type MessagingInvalid = ParseFailure;

/** The name the messaging parsers introduced for {@link ParseResult}; kept for existing callers. */
export type MessagingParsed<T> = ParseResult<T>;

/** The registry error of an answer or push that breaks the contract: the SDK's "unexpected internal error" (2903). */
export const MALFORMED_ANSWER: ErrorName = 'UNCAUGHT_ERROR';

/** Builds a {@link ParseFailure}. */
export function refuse(error: ErrorName, reason: string): ParseFailure {
  return { ok: false, reason, error };
}

/** Lifts a {@link Parsed} (which names no error) into a {@link ParseResult} failing with `error`. */
export function withError<T>(parsed: Parsed<T>, error: ErrorName): ParseResult<T> {
  return parsed.ok ? parsed : refuse(error, parsed.reason);
}

/** Thrown inside a parser to stop at the first bad field; caught by {@link runParser}. */
class FieldError extends Error {
  constructor(readonly failure: ParseFailure) {
    super(failure.reason);
  }
}

/**
 * Reads the fields of one JSON object, failing with `error` unless a reader is told otherwise.
 * Readers of nested objects carry a path (`sync answer.messages[3]`) so a reason names the field
 * exactly; the top of a request body has no path, so its reasons name the bare key.
 */
export class BodyReader {
  readonly #body: Record<string, unknown>;
  readonly #error: ErrorName;
  readonly #path: string;

  constructor(body: Record<string, unknown>, error: ErrorName, path = '') {
    this.#body = body;
    this.#error = error;
    this.#path = path;
  }

  /** The full name of `key` in reasons: `key` at the top of a request, `path.key` below. */
  field(key: string): string {
    return this.#path === '' ? key : `${this.#path}.${key}`;
  }

  /** Stops the parse with `reason` (and `error`, default the reader's). */
  fail(reason: string, error: ErrorName = this.#error): never {
    throw new FieldError(refuse(error, reason));
  }

  /** A reader of `value` at `path`, failing with this reader's error. */
  child(value: unknown, path: string): BodyReader {
    if (!isRecord(value)) return this.fail(`${path} must be an object (got ${kindOf(value)})`);
    return new BodyReader(value, this.#error, path);
  }

  /** The raw value of `key`. */
  raw(key: string): unknown {
    return this.#body[key];
  }

  /** True when `key` is present (not `undefined`). */
  has(key: string): boolean {
    return this.#body[key] !== undefined;
  }

  // Request readers: limits and defaults, the client's input is checked against the server's rules.

  /** A required string of at most `maxBytes` UTF-8 bytes (and at least `minBytes`). */
  string(key: string, maxBytes: number, minBytes = 0): string {
    const v = this.#body[key];
    if (typeof v !== 'string') return this.fail(`${this.field(key)} is required and must be a string (got ${kindOf(v)})`);
    const bytes = utf8ByteLength(v);
    if (bytes > maxBytes) return this.fail(`${this.field(key)} is longer than ${maxBytes} bytes`);
    if (bytes < minBytes) return this.fail(`${this.field(key)} must not be empty`);
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
    if (typeof v !== 'boolean') return this.fail(`${this.field(key)} must be a boolean (got ${kindOf(v)})`);
    return v;
  }

  /** A required boolean. */
  boolean(key: string): boolean {
    const v = this.optionalBoolean(key);
    return v === undefined ? this.fail(`${this.field(key)} is required and must be a boolean`) : v;
  }

  /** An optional integer in `min..max`. */
  optionalInt(key: string, min: number, max: number): number | undefined {
    const v = this.#body[key];
    if (v === undefined) return undefined;
    if (!isUint(v) || v < min || v > max) return this.fail(`${this.field(key)} must be an integer in ${min}..${max} (got ${JSON.stringify(v) ?? kindOf(v)})`);
    return v;
  }

  /** A required integer in `min..max`. */
  int(key: string, min: number, max: number): number {
    const v = this.optionalInt(key, min, max);
    return v === undefined ? this.fail(`${this.field(key)} is required and must be an integer in ${min}..${max}`) : v;
  }

  /** An optional value from `allowed`. */
  optionalOneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.#body[key];
    if (v === undefined) return undefined;
    const found = allowed.find((a) => a === v);
    return found ?? this.fail(`${this.field(key)} must be one of ${allowed.join(', ')} (got ${JSON.stringify(v) ?? kindOf(v)})`);
  }

  /**
   * A list of UserIDs with `min..max` entries, duplicates removed (first occurrence kept). `extra`
   * lists further accepted values (e.g. the @-all marker). Too many entries fail with `countError`.
   */
  userIDs(key: string, min: number, max: number, countError: ErrorName = this.#error, extra: readonly string[] = []): string[] {
    const v = this.#body[key];
    const name = this.field(key);
    if (!Array.isArray(v)) return this.fail(`${name} must be an array of UserIDs (got ${kindOf(v)})`);
    if (v.length > max) return this.fail(`${name} holds ${v.length} entries; at most ${max} are allowed`, countError);
    if (v.length < min) return this.fail(`${name} must hold at least ${min} UserID${min === 1 ? '' : 's'}`);
    v.forEach((id, i) => {
      if (!isValidUserID(id) && !(typeof id === 'string' && extra.includes(id))) {
        this.fail(`${name}[${i}] must be a UserID of 1..32 letters, digits, "_" or "-" (got ${JSON.stringify(id) ?? kindOf(id)})`);
      }
    });
    return [...new Set(v as string[])];
  }

  /** An optional list of UserIDs; see {@link BodyReader.userIDs}. */
  optionalUserIDs(key: string, max: number, countError: ErrorName = this.#error, extra: readonly string[] = []): string[] | undefined {
    return this.#body[key] === undefined ? undefined : this.userIDs(key, 0, max, countError, extra);
  }

  // Answer and push readers: the server's output is checked against the contract's types only;
  // every declared field is required and unknown fields are ignored (docs/PROTOCOL.md §13).

  #expected(key: string, what: string): never {
    return this.fail(`${this.field(key)} must be ${what} (got ${kindOf(this.#body[key])})`);
  }

  /** A string (any length). */
  str(key: string): string {
    const v = this.#body[key];
    return typeof v === 'string' ? v : this.#expected(key, 'a string');
  }

  /** A non-negative safe integer. */
  uint(key: string): number {
    const v = this.#body[key];
    return isUint(v) ? v : this.#expected(key, 'a non-negative integer');
  }

  /** A boolean. */
  bool(key: string): boolean {
    const v = this.#body[key];
    return typeof v === 'boolean' ? v : this.#expected(key, 'a boolean');
  }

  /** An array of strings. */
  strings(key: string): string[] {
    const v = this.#body[key];
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) return this.#expected(key, 'an array of strings');
    return v as string[];
  }

  /** A JSON object, as is. */
  record(key: string): Record<string, unknown> {
    const v = this.#body[key];
    return isRecord(v) ? v : this.#expected(key, 'an object');
  }

  /** One of `allowed`. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.#body[key];
    const found = allowed.find((a) => a === v);
    return found ?? this.#expected(key, `one of ${allowed.join(', ')}`);
  }

  /** The object at `key`, read by `read`. */
  object<T>(key: string, read: (r: BodyReader) => T): T {
    return read(this.child(this.#body[key], this.field(key)));
  }

  /** The array of objects at `key`, each read by `read`. */
  list<T>(key: string, read: (r: BodyReader) => T): T[] {
    const v = this.#body[key];
    if (!Array.isArray(v)) return this.#expected(key, 'an array');
    return v.map((item, i) => read(this.child(item, `${this.field(key)}[${i}]`)));
  }
}

/**
 * Runs `read` over `body` (which must be a JSON object); the first failing field becomes the result.
 * @param error - the registry error for invalid fields (a request's "invalid parameter" code, or
 *   {@link MALFORMED_ANSWER} for answers and pushes).
 * @param what - names the body in reasons (`'sync answer'`), for answers and pushes; request reasons
 *   name the bare field.
 */
export function runParser<T>(body: unknown, error: ErrorName, read: (r: BodyReader) => T, what?: string): ParseResult<T> {
  if (!isRecord(body)) return refuse(error, what === undefined ? `the body must be an object (got ${kindOf(body)})` : `${what} must be an object (got ${kindOf(body)})`);
  try {
    return valid(read(new BodyReader(body, error, what ?? '')));
  } catch (err) {
    if (err instanceof FieldError) return err.failure;
    throw err;
  }
}

/** A body with no fields: what commands without parameters take and commands without a result answer. */
export type EmptyBody = Readonly<Record<string, never>>;

/**
 * A parser of an {@link EmptyBody}: any JSON object passes (unknown fields are ignored, as everywhere),
 * anything else fails with `error`.
 * @param what - names the body in reasons, for answers; see {@link runParser}.
 */
export function emptyBody(error: ErrorName, what?: string): (body: unknown) => ParseResult<EmptyBody> {
  return (body) => runParser(body, error, (): EmptyBody => ({}), what);
}
