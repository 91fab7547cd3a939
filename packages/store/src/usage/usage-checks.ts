/**
 * Argument checks of the usage part, shared by every backend so that all of them refuse the same
 * input with the same code and text.
 */
import { ParleyError, isUint } from '@parley/protocol';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True if `day` is a real calendar date written `YYYY-MM-DD` (the key of daily stats). */
export function isUtcDay(day: unknown): day is string {
  if (typeof day !== 'string' || !DAY_PATTERN.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * Throws 70402 unless `day` is a `YYYY-MM-DD` date: stats are ranged by string comparison, so a
 * malformed day would silently fall outside every range. `field` names the argument in the message.
 */
export function assertUtcDay(day: string, field: string): void {
  if (!isUtcDay(day)) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `${field} must be a UTC date YYYY-MM-DD, got ${JSON.stringify(day)}`);
}

/** Throws 70402 unless `connections` is a non-negative safe integer. */
export function assertConnections(connections: number): void {
  if (!isUint(connections)) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `connections must be a non-negative integer, got ${String(connections)}`);
}
