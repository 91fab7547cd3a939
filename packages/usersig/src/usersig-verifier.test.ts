import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { sigHmac } from './sig-hmac.js';
import { encodeTencentBase64 } from './tencent-base64.js';
import { USERSIG_ERROR_CODES } from './usersig-codes.js';
import { decodeUserSig } from './usersig-document.js';
import { genUserSig } from './usersig-generator.js';
import { verifyUserSig, type UserSigVerification, type VerifyUserSigOptions } from './usersig-verifier.js';

const K1 = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const K2 = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const APP = 1400000000;
const T = 1700000000;
const EXPIRE = 15552000;

/** Full UserSig strings from Tencent's TLSSigAPIv2 test vectors (its Node package). */
const VECTORS = [
  { sig: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__', sdkAppID: APP, key: K1, userID: 'xiaojun', time: T, expire: EXPIRE, hmac: 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=' },
  { sig: 'eJxVysEKwjAQBNB-2atSUqlBAh5yKCJabNCi10i2srZNYxJEFP9dqPXg3ObNvOCw3Sd39CBgljCYDp0M2kg1DaxNR5ZC9Dr2fjwE02jnyIBIMzbmu0TqEETK-xUfjjyCWPDsR4EuIKDtAztWk12Qt40sMA*Yn-mqKEpZKscba59qflq36sqqJbw-sr00BA__', sdkAppID: APP, key: K1, userID: 'administrator', time: 1600000000, expire: 86400, hmac: 'los0WU+OsAqKAMeEseEb6GMMPAPQp6knnzQ5XIlQj0U=' },
  { sig: 'eJw1yc0KgkAUQOF3ueuSO45O00ALixaBETa2cRPqTHEtRfwjid490Fqe77whDrUz2AYUuA7CYmoyturoRhP3rW2uyJbBb7bmkdY1GVDMQ2Qu93wxn45KC4qtuC-kWiDOal81NRaUQE-*raU7KBh5xEuTn-QlRPeY5DrebQ*Z3ouxqvrgXPRFIZMkG*Qz2sDnC2jKMg4_', sdkAppID: 1400123456, key: K2, userID: 'user_01-A', time: 1735689600, expire: 604800, hmac: 'y3Q3mdcOSUL02MZcSTCBIbSE6ynnuARjujj8ZZbv8lQ=' },
];
const V1 = VECTORS[0]!;
const VALID: VerifyUserSigOptions = { sig: V1.sig, sdkAppID: APP, key: K1, userID: 'xiaojun', now: T * 1000 };

const DOCUMENTED_CODES = new Set<number>(Object.values(USERSIG_ERROR_CODES));

function codeOf(result: UserSigVerification): number | 'ok' {
  return result.ok ? 'ok' : result.code;
}

function pack(json: string, level = -1): string {
  return encodeTencentBase64(deflateSync(Buffer.from(json, 'utf8'), { level }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('verifyUserSig accepts official sigs', () => {
  for (const v of VECTORS) {
    it(`verifies vector ${v.userID} at its issue time`, () => {
      const result = verifyUserSig({ sig: v.sig, sdkAppID: v.sdkAppID, key: v.key, userID: v.userID, now: v.time * 1000 });
      expect(result).toEqual({
        ok: true,
        fields: { identifier: v.userID, sdkAppID: v.sdkAppID, time: v.time, expire: v.expire, expireAt: (v.time + v.expire) * 1000, hmac: v.hmac },
      });
    });
  }

  it('verifies vector 1 as compressed by vanilla zlib (Python)', () => {
    const python = 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamAkXNUUVTKwoyi0DipqamRnDR4sx0oMk*ZY7mKfqe5ebpwcV5xdllYVVOLgH*zs4uSaV*zuUm7h7lIc4GSZkF2k4mtkq1AKIXMfI_';
    expect(verifyUserSig({ ...VALID, sig: python }).ok).toBe(true);
  });

  it('verifies a Go-style sig: stored deflate, fields ver, identifier, sdkappid, expire, time, sig, trailing LF', () => {
    const hmac = sigHmac(K2, { identifier: 'go_user', sdkAppID: 1400123456, time: T, expire: 3600 }).toString('base64');
    const sig = pack(`{"TLS.ver":"2.0","TLS.identifier":"go_user","TLS.sdkappid":1400123456,"TLS.expire":3600,"TLS.time":${T},"TLS.sig":"${hmac}"}\n`, 0);
    const result = verifyUserSig({ sig, sdkAppID: 1400123456, key: K2, userID: 'go_user', now: T * 1000 });
    expect(result).toMatchObject({ ok: true, fields: { identifier: 'go_user', expire: 3600, hmac } });
  });

  it('verifies a Python-style sig: json.dumps with a space after every ":" and ","', () => {
    const hmac = sigHmac(K1, { identifier: 'py-user', sdkAppID: APP, time: T, expire: 86400 }).toString('base64');
    const sig = pack(`{"TLS.ver": "2.0", "TLS.identifier": "py-user", "TLS.sdkappid": ${APP}, "TLS.expire": 86400, "TLS.time": ${T}, "TLS.sig": "${hmac}"}`);
    expect(verifyUserSig({ sig, sdkAppID: APP, key: K1, userID: 'py-user', now: T * 1000 }).ok).toBe(true);
  });
});

describe('verifyUserSig rejects with Tencent codes', () => {
  it('70016 when the key is empty (or not a string)', () => {
    expect(codeOf(verifyUserSig({ ...VALID, key: '' }))).toBe(70016);
    expect(codeOf(verifyUserSig({ ...VALID, key: undefined as unknown as string }))).toBe(70016);
  });

  it('70002 when the sig is empty', () => {
    expect(codeOf(verifyUserSig({ ...VALID, sig: '' }))).toBe(70002);
    expect(codeOf(verifyUserSig({ ...VALID, sig: undefined }))).toBe(70002);
  });

  it('70003 for garbage, truncation and non-strings', () => {
    expect(codeOf(verifyUserSig({ ...VALID, sig: 'garbage' }))).toBe(70003);
    expect(codeOf(verifyUserSig({ ...VALID, sig: V1.sig.slice(0, 60) }))).toBe(70003);
    expect(codeOf(verifyUserSig({ ...VALID, sig: 12345 }))).toBe(70003);
  });

  it('70014 when the sig is for another SDKAppID', () => {
    const result = verifyUserSig({ ...VALID, sdkAppID: APP + 1 });
    expect(result).toMatchObject({ ok: false, code: 70014, reason: 'The UserSig is for SDKAppID 1400000000, not 1400000001', fields: { identifier: 'xiaojun' } });
  });

  it('70013 when the sig is for another UserID', () => {
    const result = verifyUserSig({ ...VALID, userID: 'xiaojun2' });
    expect(result).toMatchObject({ ok: false, code: 70013, reason: 'The UserSig is for UserID "xiaojun", not "xiaojun2"' });
    expect(codeOf(verifyUserSig({ ...VALID, userID: 'XIAOJUN' }))).toBe(70013);
  });

  it('70009 when the sig was signed with another key', () => {
    expect(verifyUserSig({ ...VALID, key: K2 })).toMatchObject({ ok: false, code: 70009, fields: { hmac: V1.hmac } });
    // A hex-decoded key is a different key: Tencent signs with the key text's bytes.
    expect(codeOf(verifyUserSig({ ...VALID, key: Buffer.from(K1, 'hex').toString('latin1') }))).toBe(70009);
  });

  it('70009 when a signed field was changed and the document re-packed with the old HMAC', () => {
    const longer = pack(`{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":${APP},"TLS.time":${T},"TLS.expire":${EXPIRE * 10},"TLS.sig":"${V1.hmac}"}`);
    expect(codeOf(verifyUserSig({ ...VALID, sig: longer }))).toBe(70009);
    const later = pack(`{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":${APP},"TLS.time":${T + 1},"TLS.expire":${EXPIRE},"TLS.sig":"${V1.hmac}"}`);
    expect(codeOf(verifyUserSig({ ...VALID, sig: later }))).toBe(70009);
    const added = pack(`{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":${APP},"TLS.time":${T},"TLS.expire":${EXPIRE},"TLS.userbuf":"AA==","TLS.sig":"${V1.hmac}"}`);
    expect(codeOf(verifyUserSig({ ...VALID, sig: added }))).toBe(70009);
  });

  it('70009 when TLS.sig is valid base64 of the wrong length', () => {
    const short = pack(`{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":${APP},"TLS.time":${T},"TLS.expire":${EXPIRE},"TLS.sig":"${V1.hmac.slice(0, 40)}"}`);
    expect(codeOf(verifyUserSig({ ...VALID, sig: short }))).toBe(70009);
  });

  it('70001 one second after time + expire; the last second itself is valid', () => {
    const last = (T + EXPIRE) * 1000;
    expect(codeOf(verifyUserSig({ ...VALID, now: last }))).toBe('ok');
    expect(codeOf(verifyUserSig({ ...VALID, now: last + 999 }))).toBe('ok');
    const expired = verifyUserSig({ ...VALID, now: last + 1000 });
    expect(expired).toMatchObject({ ok: false, code: 70001, reason: 'The UserSig expired at 2024-05-12T22:13:20.000Z', fields: { expireAt: last } });
  });

  it('does not check a start time: a sig issued in the future verifies (as with Tencent)', () => {
    expect(codeOf(verifyUserSig({ ...VALID, now: (T - 86400) * 1000 }))).toBe('ok');
  });
});

describe('verifyUserSig check order (docs/USERSIG.md, "Verification rules")', () => {
  it('reports the key before the sig, and the sig before its contents', () => {
    expect(codeOf(verifyUserSig({ ...VALID, key: '', sig: '' }))).toBe(70016);
    expect(codeOf(verifyUserSig({ ...VALID, sig: '', sdkAppID: 1 }))).toBe(70002);
    expect(codeOf(verifyUserSig({ ...VALID, sig: 'x', sdkAppID: 1 }))).toBe(70003);
  });

  it('then SDKAppID, UserID, HMAC, expiry', () => {
    const late = (T + EXPIRE + 10) * 1000;
    expect(codeOf(verifyUserSig({ ...VALID, sdkAppID: 1, userID: 'other', key: K2, now: late }))).toBe(70014);
    expect(codeOf(verifyUserSig({ ...VALID, userID: 'other', key: K2, now: late }))).toBe(70013);
    expect(codeOf(verifyUserSig({ ...VALID, key: K2, now: late }))).toBe(70009);
    expect(codeOf(verifyUserSig({ ...VALID, now: late }))).toBe(70001);
  });
});

describe('verifyUserSig with an expected userbuf', () => {
  const userBuf = Buffer.from('0102030405', 'hex');
  const withBuf = genUserSig({ sdkAppID: APP, key: K1, userID: 'xiaojun', expireSeconds: 300, now: T * 1000, userBuf });
  const at = { sdkAppID: APP, key: K1, userID: 'xiaojun', now: T * 1000 };

  it('accepts the same bytes and returns them', () => {
    const result = verifyUserSig({ ...at, sig: withBuf, expectedUserBuf: new Uint8Array(userBuf) });
    expect(result.ok && result.fields.userBuf).toEqual(userBuf);
  });

  it('does not require a userbuf unless one is expected', () => {
    expect(codeOf(verifyUserSig({ ...at, sig: withBuf }))).toBe('ok');
  });

  it('70003 for other bytes, a sig without userbuf, or a non-byte expectation', () => {
    expect(verifyUserSig({ ...at, sig: withBuf, expectedUserBuf: Buffer.from('010203', 'hex') })).toMatchObject({ code: 70003, reason: /not the expected one/ });
    expect(verifyUserSig({ ...at, sig: V1.sig, expectedUserBuf: userBuf })).toMatchObject({ code: 70003, reason: /carries no userbuf/ });
    expect(verifyUserSig({ ...at, sig: withBuf, expectedUserBuf: 'x' as unknown as Uint8Array })).toMatchObject({ code: 70003 });
  });
});

describe('verifyUserSig clock', () => {
  it('uses Date.now() when now is absent or not a finite number', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime((T + EXPIRE + 1) * 1000);
    const { now: _ignored, ...noNow } = VALID;
    expect(codeOf(verifyUserSig(noNow))).toBe(70001);
    expect(codeOf(verifyUserSig({ ...VALID, now: Number.NaN }))).toBe(70001);
    vi.setSystemTime(T * 1000);
    expect(codeOf(verifyUserSig(noNow))).toBe('ok');
  });
});

describe('verifyUserSig properties', () => {
  const userID = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'), minLength: 1, maxLength: 32 });
  const sdkAppID = fc.integer({ min: 1, max: 0xffff_ffff });
  const expire = fc.integer({ min: 0, max: 10 * 365 * 86400 });
  const nowMs = fc.integer({ min: 0, max: 4_000_000_000_000 });
  const key = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

  it('gen → verify gives back the same fields; other user, app or key fail with 70013, 70014, 70009', () => {
    fc.assert(
      fc.property(userID, userID, sdkAppID, expire, nowMs, key, key, (user, otherUser, app, exp, now, k, otherKey) => {
        const sig = genUserSig({ sdkAppID: app, key: k, userID: user, expireSeconds: exp, now });
        const time = Math.floor(now / 1000);
        const result = verifyUserSig({ sig, sdkAppID: app, key: k, userID: user, now });
        expect(result).toMatchObject({ ok: true, fields: { identifier: user, sdkAppID: app, time, expire: exp, expireAt: (time + exp) * 1000 } });
        if (otherUser !== user) expect(codeOf(verifyUserSig({ sig, sdkAppID: app, key: k, userID: otherUser, now }))).toBe(70013);
        expect(codeOf(verifyUserSig({ sig, sdkAppID: app === 1 ? 2 : app - 1, key: k, userID: user, now }))).toBe(70014);
        if (otherKey !== k) expect(codeOf(verifyUserSig({ sig, sdkAppID: app, key: otherKey, userID: user, now }))).toBe(70009);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and always answers a documented code, whatever the inputs', () => {
    const anything = fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withTypedArray: true, withSparseArray: true });
    fc.assert(
      fc.property(anything, anything, anything, anything, anything, (sig, app, k, user, now) => {
        const result = verifyUserSig({ sig, sdkAppID: app, key: k, userID: user, now } as VerifyUserSigOptions);
        if (!result.ok) expect(DOCUMENTED_CODES.has(result.code)).toBe(true);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    for (const options of [undefined, null, 42, 'sig', {}]) {
      expect(verifyUserSig(options as unknown as VerifyUserSigOptions)).toMatchObject({ ok: false, code: 70016 });
    }
    expect(verifyUserSig({ ...VALID, userID: Object.create(null) as string })).toMatchObject({ code: 70013, reason: /not a value of type object/ });
    expect(verifyUserSig({ ...VALID, sdkAppID: 10n as unknown as number })).toMatchObject({ code: 70014, reason: /not a value of type bigint/ });
  });
});

describe('verifyUserSig against tampering', () => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_';

  it('never accepts a one-character change with different fields, and never throws', () => {
    const sig = genUserSig({ sdkAppID: APP, key: K1, userID: 'tamper_me', expireSeconds: 86400, now: T * 1000 });
    const original = decodeUserSig(sig);
    expect(original.ok).toBe(true);
    const outcomes = new Map<number | 'ok', number>();
    for (let i = 0; i < sig.length; i++) {
      for (const c of ALPHABET) {
        if (c === sig[i]) continue;
        const changed = sig.slice(0, i) + c + sig.slice(i + 1);
        const result = verifyUserSig({ sig: changed, sdkAppID: APP, key: K1, userID: 'tamper_me', now: T * 1000 });
        outcomes.set(codeOf(result), (outcomes.get(codeOf(result)) ?? 0) + 1);
        if (result.ok) expect(original.ok && result.fields).toEqual(original.ok && original.fields);
        else expect(DOCUMENTED_CODES.has(result.code)).toBe(true);
      }
    }
    // Almost every change breaks the zlib stream or its checksum. The few accepted ones only touch
    // bits that carry nothing (the unused bits that pad the last deflate byte), so the document and
    // the HMAC are the same as the original's.
    expect(outcomes.get(70003)).toBeGreaterThan(sig.length * 60);
    expect(outcomes.get('ok') ?? 0).toBeLessThan(sig.length);
  });
});
