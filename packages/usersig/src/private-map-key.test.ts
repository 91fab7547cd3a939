import { describe, expect, it } from 'vitest';
import { buildPrivateMapUserBuf, genPrivateMapKey, genPrivateMapKeyWithStringRoomID, parsePrivateMapUserBuf, PRIVILEGE, type PrivateMapKeyOptions } from './private-map-key.js';
import { decodeUserSig } from './usersig-document.js';
import { verifyUserSig } from './usersig-verifier.js';

const K1 = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const T = 1700000000;
const BASE = { sdkAppID: 1400000000, key: K1, userID: 'xiaojun', expireSeconds: 300, now: T * 1000, privilegeMap: PRIVILEGE.ALL };

/** The userbuf test vectors of Tencent's TLSSigAPIv2 libraries. */
const NUMERIC_ROOM = { hex: '0000077869616f6a756e53724e00000027106553f22c000000ff00000000', hmac: '0+M4K64lITF5k+8jtQGalx0fgxd1aweZx0fZYfdnvZk=' };
const STRING_ROOM = {
  hex: '0100077869616f6a756e53724e00000000006553f22c000000ff00000000000a31303030303030303430',
  hmac: 'yNlAbaifTRTFJkWZ0seBuiuC8vgGx7dFY3tkC0qBwbE=',
};

describe('genPrivateMapKey', () => {
  it('matches the reference userbuf and HMAC for a numeric room', () => {
    const decoded = decodeUserSig(genPrivateMapKey({ ...BASE, roomID: 10000 }));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(Buffer.from(decoded.fields.userBuf ?? []).toString('hex')).toBe(NUMERIC_ROOM.hex);
    expect(decoded.fields).toMatchObject({ identifier: 'xiaojun', sdkAppID: 1400000000, time: T, expire: 300, hmac: NUMERIC_ROOM.hmac });
  });

  it('matches the reference userbuf and HMAC for a string room', () => {
    const decoded = decodeUserSig(genPrivateMapKeyWithStringRoomID({ ...BASE, roomStr: '1000000040' }));
    expect(decoded.ok && Buffer.from(decoded.fields.userBuf ?? []).toString('hex')).toBe(STRING_ROOM.hex);
    expect(decoded.ok && decoded.fields.hmac).toBe(STRING_ROOM.hmac);
  });

  it('uses the issue second for the userbuf expiry even when now has milliseconds', () => {
    const decoded = decodeUserSig(genPrivateMapKey({ ...BASE, now: T * 1000 + 999, roomID: 10000 }));
    expect(decoded.ok && Buffer.from(decoded.fields.userBuf ?? []).toString('hex')).toBe(NUMERIC_ROOM.hex);
  });

  it('keeps the low 32 bits of an expiry past 2106, as the official generators do', () => {
    const decoded = decodeUserSig(genPrivateMapKey({ ...BASE, now: 4_294_967_000_000, expireSeconds: 1000, roomID: 1 }));
    const buf = decoded.ok ? parsePrivateMapUserBuf(decoded.fields.userBuf ?? new Uint8Array()) : undefined;
    expect(buf?.expireAtSeconds).toBe(704);
  });

  it('verifies, and verifies against the userbuf the room server expects', () => {
    const sig = genPrivateMapKey({ ...BASE, roomID: 10000 });
    const expected = buildPrivateMapUserBuf({ userID: 'xiaojun', sdkAppID: 1400000000, roomID: 10000, expireAtSeconds: T + 300, privilegeMap: 255 });
    const at = { sig, sdkAppID: 1400000000, key: K1, userID: 'xiaojun', now: T * 1000 };
    expect(verifyUserSig({ ...at, expectedUserBuf: expected }).ok).toBe(true);
    const otherRoom = buildPrivateMapUserBuf({ userID: 'xiaojun', sdkAppID: 1400000000, roomID: 10001, expireAtSeconds: T + 300, privilegeMap: 255 });
    expect(verifyUserSig({ ...at, expectedUserBuf: otherRoom })).toMatchObject({ ok: false, code: 70003 });
  });

  it('refuses input on which the official generators disagree or that does not fit the fields', () => {
    const bad: [Partial<PrivateMapKeyOptions> & Record<string, unknown>, RegExp][] = [
      [{ userID: 'ユーザー' }, /userID must be 1\.\.65535 characters of printable ASCII/],
      [{ userID: 'a\nb' }, /userID/],
      [{ roomID: -1 }, /roomID/],
      [{ roomID: 2 ** 32 }, /roomID/],
      [{ privilegeMap: 2 ** 32 }, /privilegeMap/],
      [{ privilegeMap: 1.5 }, /privilegeMap/],
      [{ expireSeconds: -300 }, /expireSeconds/],
    ];
    for (const [overrides, message] of bad) {
      expect(() => genPrivateMapKey({ ...BASE, roomID: 1, ...overrides } as PrivateMapKeyOptions), JSON.stringify(overrides)).toThrow(message);
    }
    expect(() => genPrivateMapKeyWithStringRoomID({ ...BASE, roomStr: '' })).toThrow(/roomStr/);
    expect(() => genPrivateMapKeyWithStringRoomID({ ...BASE, roomStr: 'x'.repeat(65536) })).toThrow(/roomStr/);
  });
});

describe('parsePrivateMapUserBuf', () => {
  it('reads both layouts back', () => {
    expect(parsePrivateMapUserBuf(Buffer.from(NUMERIC_ROOM.hex, 'hex'))).toEqual({
      userID: 'xiaojun', sdkAppID: 1400000000, roomID: 10000, expireAtSeconds: T + 300, privilegeMap: 255, accountType: 0,
    });
    expect(parsePrivateMapUserBuf(Buffer.from(STRING_ROOM.hex, 'hex'))).toEqual({
      userID: 'xiaojun', sdkAppID: 1400000000, roomID: 0, roomStr: '1000000040', expireAtSeconds: T + 300, privilegeMap: 255, accountType: 0,
    });
  });

  it('is the inverse of buildPrivateMapUserBuf', () => {
    const fields = { userID: 'u-1', sdkAppID: 0xffff_ffff, roomID: 0, roomStr: 'room A', expireAtSeconds: 1, privilegeMap: PRIVILEGE.ENTER_ROOM | PRIVILEGE.RECV_AUDIO };
    expect(parsePrivateMapUserBuf(buildPrivateMapUserBuf(fields))).toEqual({ ...fields, accountType: 0 });
  });

  it('answers undefined for anything else', () => {
    const good = Buffer.from(STRING_ROOM.hex, 'hex');
    expect(parsePrivateMapUserBuf(new Uint8Array())).toBeUndefined();
    expect(parsePrivateMapUserBuf(Buffer.from([2, 0, 0]))).toBeUndefined();
    expect(parsePrivateMapUserBuf(good.subarray(0, good.length - 1))).toBeUndefined();
    expect(parsePrivateMapUserBuf(Buffer.concat([good, Buffer.from([0])]))).toBeUndefined();
    expect(parsePrivateMapUserBuf(Buffer.concat([Buffer.from(NUMERIC_ROOM.hex, 'hex'), Buffer.from([0])]))).toBeUndefined();
    expect(parsePrivateMapUserBuf(Buffer.from([0, 0xff, 0xff, 1, 2, 3]))).toBeUndefined();
  });
});
