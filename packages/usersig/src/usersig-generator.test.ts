import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeUserSig } from './usersig-document.js';
import { DEFAULT_EXPIRE_SECONDS, genUserSig, type GenUserSigOptions } from './usersig-generator.js';

const K1 = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const K2 = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

const VECTORS = [
  { sdkAppID: 1400000000, key: K1, userID: 'xiaojun', expireSeconds: 15552000, time: 1700000000, hmac: 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=' },
  { sdkAppID: 1400000000, key: K1, userID: 'administrator', expireSeconds: 86400, time: 1600000000, hmac: 'los0WU+OsAqKAMeEseEb6GMMPAPQp6knnzQ5XIlQj0U=' },
  { sdkAppID: 1400123456, key: K2, userID: 'user_01-A', expireSeconds: 604800, time: 1735689600, hmac: 'y3Q3mdcOSUL02MZcSTCBIbSE6ynnuARjujj8ZZbv8lQ=' },
];

afterEach(() => {
  vi.useRealTimers();
});

describe('genUserSig', () => {
  for (const v of VECTORS) {
    it(`produces the reference HMAC and fields for ${v.userID}`, () => {
      const sig = genUserSig({ sdkAppID: v.sdkAppID, key: v.key, userID: v.userID, expireSeconds: v.expireSeconds, now: v.time * 1000 });
      expect(decodeUserSig(sig)).toEqual({
        ok: true,
        fields: { identifier: v.userID, sdkAppID: v.sdkAppID, time: v.time, expire: v.expireSeconds, expireAt: (v.time + v.expireSeconds) * 1000, hmac: v.hmac },
      });
    });
  }

  it('signs the whole second of `now` (ms are dropped, not rounded)', () => {
    const sig = genUserSig({ sdkAppID: 1400000000, key: K1, userID: 'xiaojun', expireSeconds: 15552000, now: 1700000000999 });
    const decoded = decodeUserSig(sig);
    expect(decoded.ok && decoded.fields.time).toBe(1700000000);
    expect(decoded.ok && decoded.fields.hmac).toBe(VECTORS[0]!.hmac);
  });

  it('defaults to 180 days of validity from the current time', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_234_567_890_123);
    const decoded = decodeUserSig(genUserSig({ sdkAppID: 1400000000, key: K1, userID: 'u1' }));
    expect(DEFAULT_EXPIRE_SECONDS).toBe(180 * 86400);
    expect(decoded.ok && decoded.fields).toMatchObject({ time: 1_234_567_890, expire: 15_552_000 });
  });

  it('signs any non-empty UserID text, which the HMAC content carries verbatim', () => {
    const decoded = decodeUserSig(genUserSig({ sdkAppID: 1, key: 'k', userID: 'ユーザー@example', now: 0 }));
    expect(decoded.ok && decoded.fields.identifier).toBe('ユーザー@example');
  });

  it('throws a TypeError or RangeError naming the bad input', () => {
    const base: GenUserSigOptions = { sdkAppID: 1400000000, key: K1, userID: 'u', expireSeconds: 60, now: 0 };
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ sdkAppID: 0 }, /sdkAppID must be an integer 1\.\.4294967295/],
      [{ sdkAppID: -1 }, /sdkAppID/],
      [{ sdkAppID: 1.5 }, /sdkAppID/],
      [{ sdkAppID: 2 ** 32 }, /sdkAppID/],
      [{ sdkAppID: '1400000000' }, /sdkAppID must be a number/],
      [{ key: '' }, /key must not be empty/],
      [{ key: undefined }, /key must be a string/],
      [{ userID: '' }, /userID must not be empty/],
      [{ userID: 7 }, /userID must be a string/],
      [{ expireSeconds: -1 }, /expireSeconds/],
      [{ expireSeconds: 0.5 }, /expireSeconds/],
      [{ expireSeconds: 1e13 }, /expireSeconds/],
      [{ expireSeconds: Number.NaN }, /expireSeconds/],
      [{ now: Number.NaN }, /now must be/],
      [{ now: -1 }, /now must be/],
      [{ now: 1e16 }, /now \(in seconds\)/],
      [{ userBuf: [1, 2] }, /userBuf must be a Uint8Array/],
    ];
    for (const [overrides, message] of bad) {
      // The casts model a JavaScript caller that ignores the types.
      expect(() => genUserSig({ ...base, ...overrides } as unknown as GenUserSigOptions), JSON.stringify(overrides)).toThrow(message);
    }
  });

  it('accepts a zero validity (the sig is valid only during its issue second)', () => {
    const decoded = decodeUserSig(genUserSig({ sdkAppID: 1, key: 'k', userID: 'u', expireSeconds: 0, now: 5000 }));
    expect(decoded.ok && decoded.fields).toMatchObject({ time: 5, expire: 0, expireAt: 5000 });
  });
});
