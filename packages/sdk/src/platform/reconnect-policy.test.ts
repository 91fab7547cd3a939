import { describe, expect, it } from 'vitest';
import { checkBackoffOptions, DEFAULT_BACKOFF, exponentialBackoff } from './reconnect-policy.js';

describe('exponentialBackoff (protocol rule 11: initial 500 ms, factor 2, max 30 s, ±50% jitter)', () => {
  it('doubles the base per attempt; with random() = 0.5 the wait is exactly the base', () => {
    const policy = exponentialBackoff({}, () => 0.5);
    expect([0, 1, 2, 3, 4, 5].map((a) => policy.nextDelayMs(a))).toEqual([500, 1000, 2000, 4000, 8000, 16000]);
  });

  it('jitters each wait within base × [0.5, 1.5]', () => {
    expect(exponentialBackoff({}, () => 0).nextDelayMs(2)).toBe(1000);
    expect(exponentialBackoff({}, () => 0.999999).nextDelayMs(2)).toBe(3000);
    const values = [0.1, 0.9, 0.3, 0.7];
    let i = 0;
    const policy = exponentialBackoff({}, () => values[i++ % values.length] ?? 0);
    const waits = [0, 0, 0, 0].map(() => policy.nextDelayMs(0));
    expect(waits).toEqual([300, 700, 400, 600]);
  });

  it('never waits longer than the maximum, however many attempts failed', () => {
    const policy = exponentialBackoff({}, () => 0.999999);
    for (const attempt of [10, 20, 100, 10_000]) expect(policy.nextDelayMs(attempt)).toBe(DEFAULT_BACKOFF.maxDelayMs);
    expect(exponentialBackoff({}, () => 0).nextDelayMs(50)).toBe(15_000);
  });

  it('takes its numbers from the options', () => {
    const policy = exponentialBackoff({ initialDelayMs: 100, factor: 3, maxDelayMs: 1000, jitter: 0 }, () => 0.9);
    expect([0, 1, 2, 3].map((a) => policy.nextDelayMs(a))).toEqual([100, 300, 900, 1000]);
  });

  it('rejects out-of-range options with a reason naming the field', () => {
    expect(checkBackoffOptions({ jitter: 2 })).toMatch(/jitter/);
    expect(checkBackoffOptions({ factor: 0.5 })).toMatch(/factor/);
    expect(checkBackoffOptions({ initialDelayMs: -1 })).toMatch(/initialDelayMs/);
    expect(checkBackoffOptions({ maxDelayMs: Number.NaN })).toMatch(/maxDelayMs/);
    expect(checkBackoffOptions({ initialDelayMs: 10, maxDelayMs: 100, factor: 1.5, jitter: 0.2 })).toBeUndefined();
  });
});
