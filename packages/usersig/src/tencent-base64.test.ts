import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeStandardBase64, decodeTencentBase64, encodeStandardBase64, encodeTencentBase64 } from './tencent-base64.js';

describe('Tencent base64 variant', () => {
  it('maps + / = to * - _ and keeps the padding', () => {
    // 0xfb 0xff → standard "+/8=" exercises all three substitutions.
    expect(encodeStandardBase64(Buffer.from([0xfb, 0xff]))).toBe('+/8=');
    expect(encodeTencentBase64(Buffer.from([0xfb, 0xff]))).toBe('*-8_');
    expect(decodeTencentBase64('*-8_')).toEqual(Buffer.from([0xfb, 0xff]));
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeTencentBase64(encodeTencentBase64(bytes))).toEqual(Buffer.from(bytes));
        expect(decodeStandardBase64(encodeStandardBase64(bytes))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('refuses standard-alphabet characters, which are never in a Tencent-encoded string', () => {
    expect(decodeTencentBase64('+-8_')).toBeUndefined();
    expect(decodeTencentBase64('*/8_')).toBeUndefined();
    expect(decodeTencentBase64('*-8=')).toBeUndefined();
  });

  it('refuses missing padding, stray characters, misplaced padding and non-zero padding bits', () => {
    expect(decodeStandardBase64('+/8')).toBeUndefined();
    expect(decodeStandardBase64('+/8=\n')).toBeUndefined();
    expect(decodeStandardBase64(' +/8=')).toBeUndefined();
    expect(decodeStandardBase64('+/=8')).toBeUndefined();
    expect(decodeStandardBase64('+/8==')).toBeUndefined();
    expect(decodeStandardBase64('+/9=')).toBeUndefined(); // same bytes as "+/8=" with a non-zero pad bit
    expect(decodeStandardBase64('QQ==')).toEqual(Buffer.from('A'));
    expect(decodeStandardBase64('QR==')).toBeUndefined();
  });

  it('decodes the empty string to no bytes', () => {
    expect(decodeStandardBase64('')).toEqual(Buffer.alloc(0));
  });
});
