import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Api } from './tls-sig-api.js';
import { decodeUserSig } from './usersig-document.js';
import { verifyUserSig } from './usersig-verifier.js';

/** The public surface of Tencent's `tls-sig-api-v2` (a CommonJS package without types). */
interface TencentApi {
  genUserSig(userid: string, expire: number | string): string;
  genSig(userid: string, expire: number | string, userBuf: Buffer | null): string;
  genPrivateMapKey(userid: string, expire: number, roomid: number, privilegeMap: number): string;
  genPrivateMapKeyWithStringRoomID(userid: string, expire: number, roomstr: string, privilegeMap: number): string;
}
type TencentApiClass = new (sdkappid: number | string, key: string) => TencentApi;

function loadTencent(): TencentApiClass {
  const mod: unknown = createRequire(import.meta.url)('tls-sig-api-v2');
  if (typeof mod !== 'object' || mod === null || !('Api' in mod) || typeof mod.Api !== 'function') throw new Error('tls-sig-api-v2 has no Api export');
  return mod.Api as TencentApiClass;
}
const TencentApi = loadTencent();

const K1 = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const T = 1700000000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs Tencent's package with its clock (Date.now) at `nowMs`. */
function theirs<R>(nowMs: number, run: () => R): R {
  vi.setSystemTime(nowMs);
  return run();
}

/** Decoded document of a sig, for comparing outputs by content rather than compressed bytes. */
function doc(sig: string): unknown {
  const decoded = decodeUserSig(sig);
  if (!decoded.ok) throw new Error(decoded.reason);
  return { ...decoded.fields, userBuf: decoded.fields.userBuf === undefined ? undefined : Buffer.from(decoded.fields.userBuf).toString('hex') };
}

const userID = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'), minLength: 1, maxLength: 32 });
const sdkAppID = fc.integer({ min: 1, max: 0xffff_ffff });
const expire = fc.integer({ min: 1, max: 10 * 365 * 86400 });
// Up to the year 2100, with milliseconds.
const nowMs = fc.integer({ min: 0, max: 4_102_444_800_000 });
const key = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

describe('Api matches tls-sig-api-v2', () => {
  it('genUserSig: same HMAC and fields; the same string too (same zlib in one process)', () => {
    fc.assert(
      fc.property(userID, sdkAppID, expire, nowMs, key, (user, app, exp, now, k) => {
        const mine = new Api(app, k, () => now).genUserSig(user, exp);
        const tencent = theirs(now, () => new TencentApi(app, k).genUserSig(user, exp));
        expect(doc(mine)).toEqual(doc(tencent));
        expect(mine).toBe(tencent);
      }),
      { numRuns: 200 },
    );
  });

  it('genUserSig: its sigs verify with ours, until and including their last second', () => {
    fc.assert(
      fc.property(userID, sdkAppID, expire, nowMs, key, (user, app, exp, now, k) => {
        const tencent = theirs(now, () => new TencentApi(app, k).genUserSig(user, exp));
        const lastSecond = (Math.floor(now / 1000) + exp) * 1000;
        expect(verifyUserSig({ sig: tencent, sdkAppID: app, key: k, userID: user, now: lastSecond }).ok).toBe(true);
        expect(new Api(app, k).verifyUserSig(user, tencent, lastSecond + 1000)).toMatchObject({ ok: false, code: 70001 });
      }),
      { numRuns: 200 },
    );
  });

  it('genSig with a userbuf: same output', () => {
    fc.assert(
      fc.property(userID, sdkAppID, expire, nowMs, fc.uint8Array({ minLength: 1, maxLength: 64 }), (user, app, exp, now, bytes) => {
        const mine = new Api(app, K1, () => now).genSig(user, exp, bytes);
        const tencent = theirs(now, () => new TencentApi(app, K1).genSig(user, exp, Buffer.from(bytes)));
        expect(doc(mine)).toEqual(doc(tencent));
      }),
      { numRuns: 100 },
    );
  });

  it('genPrivateMapKey and genPrivateMapKeyWithStringRoomID: same userbuf, HMAC and fields', () => {
    const room = fc.integer({ min: 0, max: 0xffff_ffff });
    const roomStr = fc.string({ unit: fc.constantFrom(...'abcXYZ0123456789_-@. '), minLength: 1, maxLength: 64 });
    const privileges = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(userID, sdkAppID, expire, nowMs, room, roomStr, privileges, (user, app, exp, now, roomID, str, priv) => {
        const mine = new Api(app, K1, () => now);
        const tencent = theirs(now, () => new TencentApi(app, K1));
        expect(doc(mine.genPrivateMapKey(user, exp, roomID, priv))).toEqual(doc(theirs(now, () => tencent.genPrivateMapKey(user, exp, roomID, priv))));
        expect(doc(mine.genPrivateMapKeyWithStringRoomID(user, exp, str, priv))).toEqual(
          doc(theirs(now, () => tencent.genPrivateMapKeyWithStringRoomID(user, exp, str, priv))),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('wraps a userbuf expiry past 2106 to 32 bits exactly as Tencent does', () => {
    const now = 4_294_967_000_500;
    expect(doc(new Api(1400000000, K1, () => now).genPrivateMapKey('xiaojun', 1000, 1, 255))).toEqual(
      doc(theirs(now, () => new TencentApi(1400000000, K1).genPrivateMapKey('xiaojun', 1000, 1, 255))),
    );
  });

  it('accepts the SDKAppID and expiry as decimal strings, as JavaScript callers of Tencent pass them', () => {
    const mine = new Api('1400000000', K1, () => T * 1000).genUserSig('xiaojun', '86400');
    const tencent = theirs(T * 1000, () => new TencentApi('1400000000', K1).genUserSig('xiaojun', '86400'));
    expect(doc(mine)).toEqual(doc(tencent));
    expect(() => new Api('14000x', K1).genUserSig('xiaojun', 60)).toThrow(/sdkappid must be a decimal integer/);
    expect(() => new Api(1400000000, K1).genUserSig('xiaojun', '1e5')).toThrow(/expire must be a decimal integer/);
  });

  it('defaults genUserSig to 180 days (Tencent documents the default but its Node package needs the argument)', () => {
    const decoded = decodeUserSig(new Api(1400000000, K1, () => T * 1000).genUserSig('xiaojun'));
    expect(decoded.ok && decoded.fields.hmac).toBe('LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=');
  });

  it('reads the system clock by default, as Tencent does', () => {
    vi.setSystemTime(T * 1000 + 250);
    const decoded = decodeUserSig(new Api(1400000000, K1).genUserSig('xiaojun', 60));
    expect(decoded.ok && decoded.fields.time).toBe(T);
  });
});

describe('Api verification methods', () => {
  const api = new Api(1400000000, K1, () => T * 1000);

  it('verifyUserSig checks against the app and the clock', () => {
    const sig = api.genUserSig('xiaojun', 60);
    expect(api.verifyUserSig('xiaojun', sig).ok).toBe(true);
    expect(api.verifyUserSig('xiaojun', sig, (T + 61) * 1000)).toMatchObject({ ok: false, code: 70001 });
    expect(api.verifyUserSig('other', sig)).toMatchObject({ ok: false, code: 70013 });
    expect(new Api(1400000001, K1).verifyUserSig('xiaojun', sig, T * 1000)).toMatchObject({ ok: false, code: 70014 });
    expect(new Api('1400000000', K1).verifyUserSig('xiaojun', sig, T * 1000).ok).toBe(true);
    expect(new Api('not a number', K1).verifyUserSig('xiaojun', sig, T * 1000)).toMatchObject({ ok: false, code: 70014 });
    expect(new Api(1400000000, '').verifyUserSig('xiaojun', sig, T * 1000)).toMatchObject({ ok: false, code: 70016 });
  });

  it('verifyUserSigWithBuf requires the userbuf', () => {
    const userBuf = Buffer.from('cafe', 'hex');
    const sig = api.genSig('xiaojun', 60, userBuf);
    expect(api.verifyUserSigWithBuf('xiaojun', sig, userBuf).ok).toBe(true);
    expect(api.verifyUserSigWithBuf('xiaojun', sig, Buffer.from('beef', 'hex'))).toMatchObject({ ok: false, code: 70003 });
    expect(api.verifyUserSigWithBuf('xiaojun', api.genUserSig('xiaojun', 60), userBuf)).toMatchObject({ ok: false, code: 70003 });
  });
});
