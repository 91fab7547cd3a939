/**
 * Tiny helpers for turning `unknown` wire data into typed values with precise reasons.
 *
 * Every boundary (WebSocket frame, REST body, CLI argument) uses these instead of `as` casts,
 * so a malformed input always becomes a {@link Invalid} result that names the offending field.
 * @packageDocumentation
 */

/** A successful parse: the typed value. */
export interface Valid<T> {
  readonly ok: true;
  readonly value: T;
}

/** A failed parse: a one-line human reason naming the field, e.g. `"body.userID must be a string"`. */
export interface Invalid {
  readonly ok: false;
  readonly reason: string;
}

/** Result of parsing an `unknown` value. */
export type Parsed<T> = Valid<T> | Invalid;

/** Builds a {@link Valid}. */
export function valid<T>(value: T): Valid<T> {
  return { ok: true, value };
}

/** Builds an {@link Invalid}. */
export function invalid(reason: string): Invalid {
  return { ok: false, reason };
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON kind of a value for error messages: `null`, `array`, `object`, `string`, `number`,
 * `boolean` or `undefined` (anything else reports its `typeof`).
 */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** True for a safe non-negative integer. */
export function isUint(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Length of a string in UTF-8 bytes, without allocating (works in browsers, React Native and Node).
 * Lone surrogates count as 3 bytes, as `TextEncoder` would encode them (U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
