/**
 * Argument checks shared by the messaging APIs. A bad argument rejects the call with a
 * {@link ParleyError}: 6017 (`ERR_INVALID_PARAMETERS`, message `"Params validate failed: ..."`,
 * echoing Tencent's wording) or a more specific web code (2503 for a malformed conversation ID).
 */
import { ErrorCode, isRecord, kindOf, ParleyError, parseConversationID, type WireConversationType } from '@parley/protocol';

/** The 6017 error for a bad argument. */
export function invalidArgument(reason: string): ParleyError {
  return new ParleyError(ErrorCode.ERR_INVALID_PARAMETERS, `Params validate failed: ${reason}`, { reason });
}

/** `value` as an object, or 6017. */
export function record(api: string, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw invalidArgument(`${api}: options must be an object (got ${kindOf(value)})`);
  return value;
}

/** A non-empty string, or 6017. */
export function nonEmpty(api: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw invalidArgument(`${api}: ${name} must be a non-empty string`);
  return value;
}

/** An optional string, or 6017. */
export function optionalString(api: string, name: string, value: unknown): string | undefined {
  if (value !== undefined && typeof value !== 'string') throw invalidArgument(`${api}: ${name} must be a string`);
  return value;
}

/** An optional integer within `min..max` (default `fallback`), or 6017. */
export function intInRange(api: string, name: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(`${api}: ${name} must be an integer ${min}..${max} (got ${String(value)})`);
  }
  return value;
}

/** An array of non-empty strings (1..`max` items), or 6017. */
export function userIDList(api: string, name: string, value: unknown, max: number): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw invalidArgument(`${api}: ${name} must be an array of 1..${max} non-empty strings`);
  }
  return [...(value as string[])];
}

/** A `C2C<userID>` / `GROUP<groupID>` conversation ID with its parts, or 2503. */
export function conversationArg(api: string, value: unknown): { id: string; type: WireConversationType; target: string } {
  const parsed = parseConversationID(value);
  if (!parsed) throw ParleyError.of('INVALID_CONV_ID', `${api}: conversationID must be C2C<userID> or GROUP<groupID> (got ${JSON.stringify(value) ?? 'undefined'})`);
  return { id: value as string, ...parsed };
}

/** True for the network failures (2800, 2801) after which a reconnect will retry on its own. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ParleyError && (error.code === ErrorCode.NETWORK_ERROR || error.code === ErrorCode.NETWORK_TIMEOUT);
}
