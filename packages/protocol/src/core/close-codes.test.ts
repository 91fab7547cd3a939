import { describe, expect, it } from 'vitest';
import { CloseCode, TERMINAL_CLOSE_CODES } from './close-codes.js';

describe('CloseCode', () => {
  it('uses RFC 6455 codes or Parley codes in 4000-4999, each once', () => {
    const values = Object.values(CloseCode);
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect((v >= 1000 && v <= 1011) || (v >= 4000 && v <= 4999)).toBe(true);
  });

  it('treats exactly normal closure, kick, replacement and sig expiry as terminal', () => {
    expect([...TERMINAL_CLOSE_CODES].sort()).toEqual([1000, 4403, 4409, 4410]);
    expect(TERMINAL_CLOSE_CODES.has(CloseCode.GoingAway)).toBe(false);
    expect(TERMINAL_CLOSE_CODES.has(CloseCode.HeartbeatTimeout)).toBe(false);
  });
});
