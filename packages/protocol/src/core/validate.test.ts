import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRecord, isUint, kindOf, utf8ByteLength } from './validate.js';

describe('utf8ByteLength', () => {
  it('agrees with Buffer.byteLength on random strings, including astral characters and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Buffer.byteLength on arbitrary UTF-16 code units (lone and swapped surrogates)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 50 }), (units) => {
        const s = String.fromCharCode(...units);
        expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['', 0],
    ['a', 1],
    ['é', 2],
    ['字', 3],
    ['😀', 4],
    ['\ud800', 3],
    ['\udc00\ud800', 6],
  ])('counts %j as %i bytes', (s, n) => {
    expect(utf8ByteLength(s)).toBe(n);
  });
});

describe('isRecord / isUint / kindOf', () => {
  it('treats only plain objects as records', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
  });

  it('accepts only safe non-negative integers as uints', () => {
    expect(isUint(0)).toBe(true);
    expect(isUint(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isUint(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isUint(-1)).toBe(false);
    expect(isUint(1.5)).toBe(false);
    expect(isUint(NaN)).toBe(false);
    expect(isUint('1')).toBe(false);
  });

  it('names JSON kinds, distinguishing null and arrays from objects', () => {
    expect([null, [], {}, '', 0, true, undefined].map(kindOf)).toEqual(['null', 'array', 'object', 'string', 'number', 'boolean', 'undefined']);
  });
});
