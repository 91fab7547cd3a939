/**
 * Validation helpers for REST bodies: turn `unknown` into typed fields or throw `ParleyError` 70402
 * (ERR_SVR_ACCOUNT_INVALID_PARAMETERS) with a message naming the field.
 */
import { isRecord, isValidUserID, ParleyError, utf8ByteLength } from '@parley/protocol';

/** The body as an object, or 70402. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', 'the body must be a JSON object');
  return body;
}

/** A required valid UserID field. */
export function userIdField(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `${field} is required`);
  if (!isValidUserID(value)) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `${field} must be 1..32 bytes of letters, digits, "_" and "-"`);
  return value;
}

/** An optional string field of at most `maxBytes` UTF-8 bytes. */
export function optionalText(value: unknown, field: string, maxBytes: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `${field} must be a string`);
  if (utf8ByteLength(value) > maxBytes) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `${field} is longer than ${maxBytes} bytes`);
  return value;
}

/** A required array field with 1..max items, or 70402 / 70206 (batch size). */
export function arrayField(value: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `${field} must be an array`);
  if (value.length === 0 || value.length > max) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_COUNT', `${field} must hold 1..${max} items`);
  return value;
}
