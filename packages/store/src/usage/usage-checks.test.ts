import { describe, expect, it } from 'vitest';
import { ErrorCode, type ParleyError } from '@parley/protocol';
import { assertConnections, assertUtcDay, isUtcDay } from './usage-checks.js';

describe('usage checks', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(['2024-02-29', '2023-12-31'].every(isUtcDay)).toBe(true);
    expect(['2023-02-29', '2024-13-01', '2024-3-1', '20240301', 20240301, undefined].some(isUtcDay)).toBe(false);
  });

  it('refuses a bad day or connection count with 70402 naming the field', () => {
    const invalid = expect.objectContaining({ code: ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS }) as ParleyError;
    expect(() => assertUtcDay('2024-02-30', 'fromDay')).toThrow(invalid);
    expect(() => assertUtcDay('2024-02-30', 'fromDay')).toThrow(/fromDay must be a UTC date YYYY-MM-DD, got "2024-02-30"/);
    expect(() => assertConnections(-1)).toThrow(invalid);
    expect(() => assertConnections(1.5)).toThrow(/connections must be a non-negative integer, got 1.5/);
    expect(() => assertConnections(0)).not.toThrow();
  });
});
