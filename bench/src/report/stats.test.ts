import { describe, expect, it } from 'vitest';
import { distribution, mergeCounts, percentile, round, totalCount } from './stats.js';

describe('percentile (nearest rank)', () => {
  it('picks the value at rank ceil(p/100 × n)', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile(xs, 99)).toBe(10);
    expect(percentile(xs, 10)).toBe(1);
    expect(percentile(xs, 0)).toBe(1);
  });

  it('is NaN for an empty list', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('distribution', () => {
  it('sorts its input and reports count, p50, p95, p99, max and mean', () => {
    const d = distribution([5, 1, 4, 2, 3]);
    expect(d).toEqual({ count: 5, p50: 3, p95: 5, p99: 5, max: 5, mean: 3 });
  });
});

describe('count helpers', () => {
  it('merges error counts by class and totals them', () => {
    const merged = mergeCounts([{ timeout: 2 }, { timeout: 1, ECONNRESET: 4 }, {}]);
    expect(merged).toEqual({ timeout: 3, ECONNRESET: 4 });
    expect(totalCount(merged)).toBe(7);
  });

  it('rounds to the given decimals', () => {
    expect(round(0.12345, 3)).toBe(0.123);
    expect(round(2.5, 0)).toBe(3);
  });
});
