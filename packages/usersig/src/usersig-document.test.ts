import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sigHmac, type SignedFields } from './sig-hmac.js';
import { decodeTencentBase64, encodeStandardBase64, encodeTencentBase64 } from './tencent-base64.js';
import { decodeUserSig, encodeUserSig, MAX_DOCUMENT_BYTES, MAX_USERSIG_CHARS, type UserSigDecoding } from './usersig-document.js';

const K1 = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';

/** Three full UserSig strings from Tencent's TLSSigAPIv2 test vectors, with their fields. */
const VECTORS = [
  {
    sig: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__',
    fields: { identifier: 'xiaojun', sdkAppID: 1400000000, time: 1700000000, expire: 15552000, hmac: 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=' },
  },
  {
    sig: 'eJxVysEKwjAQBNB-2atSUqlBAh5yKCJabNCi10i2srZNYxJEFP9dqPXg3ObNvOCw3Sd39CBgljCYDp0M2kg1DaxNR5ZC9Dr2fjwE02jnyIBIMzbmu0TqEETK-xUfjjyCWPDsR4EuIKDtAztWk12Qt40sMA*Yn-mqKEpZKscba59qflq36sqqJbw-sr00BA__',
    fields: { identifier: 'administrator', sdkAppID: 1400000000, time: 1600000000, expire: 86400, hmac: 'los0WU+OsAqKAMeEseEb6GMMPAPQp6knnzQ5XIlQj0U=' },
  },
  {
    sig: 'eJw1yc0KgkAUQOF3ueuSO45O00ALixaBETa2cRPqTHEtRfwjid490Fqe77whDrUz2AYUuA7CYmoyturoRhP3rW2uyJbBb7bmkdY1GVDMQ2Qu93wxn45KC4qtuC-kWiDOal81NRaUQE-*raU7KBh5xEuTn-QlRPeY5DrebQ*Z3ouxqvrgXPRFIZMkG*Qz2sDnC2jKMg4_',
    fields: { identifier: 'user_01-A', sdkAppID: 1400123456, time: 1735689600, expire: 604800, hmac: 'y3Q3mdcOSUL02MZcSTCBIbSE6ynnuARjujj8ZZbv8lQ=' },
  },
] as const;

/** Vector 1 as vanilla zlib 1.2.13 (Python `zlib.compress`) compresses it: other bytes, same document. */
const VECTOR1_PYTHON_ZLIB =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamAkXNUUVTKwoyi0DipqamRnDR4sx0oMk*ZY7mKfqe5ebpwcV5xdllYVVOLgH*zs4uSaV*zuUm7h7lIc4GSZkF2k4mtkq1AKIXMfI_';

const FIELDS: SignedFields = { identifier: 'xiaojun', sdkAppID: 1400000000, time: 1700000000, expire: 15552000 };

/** Compresses a document text the way another generator might, and encodes it. */
function pack(text: string | Buffer, level = -1): string {
  return encodeTencentBase64(deflateSync(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, { level }));
}

/** A document with the given fields overriding a valid one (undefined removes a field). */
function docWith(overrides: Record<string, unknown>): string {
  const doc: Record<string, unknown> = {
    'TLS.ver': '2.0',
    'TLS.identifier': 'xiaojun',
    'TLS.sdkappid': 1400000000,
    'TLS.time': 1700000000,
    'TLS.expire': 15552000,
    'TLS.sig': sigHmac(K1, FIELDS).toString('base64'),
    ...overrides,
  };
  return JSON.stringify(doc);
}

function expectFailure(result: UserSigDecoding, code: number, reason: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(result.reason).toMatch(reason);
}

describe('decodeUserSig on official output', () => {
  for (const [i, v] of VECTORS.entries()) {
    it(`decodes full vector ${i + 1} (${v.fields.identifier}) to its fields`, () => {
      expect(decodeUserSig(v.sig)).toEqual({ ok: true, fields: { ...v.fields, expireAt: (v.fields.time + v.fields.expire) * 1000 } });
    });
  }

  it('decodes the same document compressed by another zlib build', () => {
    expect(decodeUserSig(VECTOR1_PYTHON_ZLIB)).toEqual(decodeUserSig(VECTORS[0].sig));
  });

  it("accepts Go's layout: stored deflate blocks, struct field order, trailing LF", () => {
    const hmac = sigHmac(K1, FIELDS).toString('base64');
    const goJson = `{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.expire":15552000,"TLS.time":1700000000,"TLS.sig":"${hmac}"}\n`;
    const sig = pack(goJson, 0);
    expect(sig.startsWith('eAE')).toBe(true); // 78 01: the zlib header of level 0
    expect(decodeUserSig(sig)).toEqual(decodeUserSig(VECTORS[0].sig));
  });

  it("accepts Python's json.dumps spacing and PHP's escaped slashes", () => {
    const hmac = sigHmac(K1, FIELDS).toString('base64');
    const python = `{"TLS.ver": "2.0", "TLS.identifier": "xiaojun", "TLS.sdkappid": 1400000000, "TLS.expire": 15552000, "TLS.time": 1700000000, "TLS.sig": "${hmac}"}`;
    const php = `{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.expire":15552000,"TLS.time":1700000000,"TLS.sig":"${hmac.replaceAll('/', '\\/')}"}`;
    expect(decodeUserSig(pack(python))).toEqual(decodeUserSig(VECTORS[0].sig));
    expect(decodeUserSig(pack(php, 9))).toEqual(decodeUserSig(VECTORS[0].sig));
  });

  it("accepts Java's arbitrary key order", () => {
    const hmac = sigHmac(K1, FIELDS).toString('base64');
    const java = `{"TLS.sig":"${hmac}","TLS.time":1700000000,"TLS.identifier":"xiaojun","TLS.ver":"2.0","TLS.expire":15552000,"TLS.sdkappid":1400000000}`;
    expect(decodeUserSig(pack(java))).toEqual(decodeUserSig(VECTORS[0].sig));
  });

  it('returns the userbuf bytes when present', () => {
    const userBuf = Buffer.from('0000077869616f6a756e', 'hex');
    const result = decodeUserSig(pack(docWith({ 'TLS.userbuf': encodeStandardBase64(userBuf) })));
    expect(result.ok && result.fields.userBuf).toEqual(userBuf);
  });

  it('decodes a document that inflates to many output chunks (a 5 KB userbuf)', () => {
    const userBuf = Buffer.alloc(5000, 0xa7);
    const result = decodeUserSig(pack(docWith({ 'TLS.userbuf': encodeStandardBase64(userBuf) })));
    expect(result.ok && result.fields.userBuf).toEqual(userBuf);
  });
});

describe('encodeUserSig', () => {
  it('writes a sig that decodes to the fields and HMAC it was given (vector 1)', () => {
    // The compressed bytes depend on the zlib build, so the oracle is the decoded document.
    expect(decodeUserSig(encodeUserSig(FIELDS, sigHmac(K1, FIELDS)))).toEqual(decodeUserSig(VECTORS[0].sig));
  });

  it('writes the JSON fields in Node order without whitespace, userbuf before sig', () => {
    const sig = encodeUserSig({ ...FIELDS, userBuf: Buffer.from([1, 2]) }, Buffer.alloc(32));
    expect(inflateSync(decodeTencentBase64(sig) ?? Buffer.alloc(0)).toString()).toBe(
      `{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.time":1700000000,"TLS.expire":15552000,"TLS.userbuf":"AQI=","TLS.sig":"${'A'.repeat(43)}="}`,
    );
  });
});

describe('decodeUserSig on bad input', () => {
  it('answers 70002 for an empty, undefined or null sig', () => {
    for (const empty of ['', undefined, null]) expectFailure(decodeUserSig(empty), 70002, /empty/);
  });

  it('answers 70003 for values that are not strings', () => {
    for (const value of [42, {}, [], true, Symbol('x'), () => 'x', Buffer.from('eJy')]) {
      expectFailure(decodeUserSig(value), 70003, /must be a string/);
    }
  });

  it('answers 70003 for garbage and for anything not in the alphabet', () => {
    expectFailure(decodeUserSig('hello world'), 70003, /base64/);
    expectFailure(decodeUserSig('not-a-sig!'), 70003, /base64/);
    expectFailure(decodeUserSig(`${VECTORS[0].sig} `), 70003, /base64/);
    expectFailure(decodeUserSig(VECTORS[0].sig.replace(/\*/g, '+')), 70003, /base64/);
  });

  it('answers 70003 for valid base64 that is not a zlib stream', () => {
    expectFailure(decodeUserSig(encodeTencentBase64(Buffer.from('{"TLS.ver":"2.0"}'))), 70003, /zlib/);
  });

  it('answers 70003 for every truncation of a valid sig', () => {
    const sig = VECTORS[0].sig;
    for (let n = 1; n < sig.length; n++) {
      const result = decodeUserSig(sig.slice(0, n));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe(70003);
    }
  });

  it('answers 70003 when bytes follow the zlib stream', () => {
    const bytes = decodeTencentBase64(VECTORS[0].sig) ?? Buffer.alloc(0);
    expectFailure(decodeUserSig(encodeTencentBase64(Buffer.concat([bytes, Buffer.from('xyz')]))), 70003, /after the end/);
  });

  it('answers 70003 for a zip bomb without inflating it all', () => {
    // 512 KiB of spaces deflate to about 500 bytes: under the length cap, over the document cap.
    const bomb = pack(Buffer.alloc(MAX_DOCUMENT_BYTES * 8, 0x20), 9);
    expect(bomb.length).toBeLessThan(MAX_USERSIG_CHARS);
    expectFailure(decodeUserSig(bomb), 70003, /more than 65536 bytes/);
  });

  it('answers 70003 for a string over the length cap, even a huge one, quickly', () => {
    const started = Date.now();
    expectFailure(decodeUserSig('A'.repeat(MAX_USERSIG_CHARS + 1)), 70003, /longer than/);
    expectFailure(decodeUserSig('eJ'.repeat(25_000_000)), 70003, /longer than/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers 70003 when the content is not UTF-8 JSON object', () => {
    expectFailure(decodeUserSig(pack(Buffer.from([0x7b, 0xff, 0x7d]))), 70003, /UTF-8 JSON/);
    expectFailure(decodeUserSig(pack('{"TLS.ver":')), 70003, /UTF-8 JSON/);
    expectFailure(decodeUserSig(pack('[1,2]')), 70003, /not a JSON object/);
    expectFailure(decodeUserSig(pack('null')), 70003, /not a JSON object/);
    expectFailure(decodeUserSig(pack('"TLS.ver"')), 70003, /not a JSON object/);
  });

  it('answers 70003 for each missing required field', () => {
    for (const name of ['TLS.ver', 'TLS.identifier', 'TLS.sdkappid', 'TLS.time', 'TLS.expire', 'TLS.sig']) {
      expectFailure(decodeUserSig(pack(docWith({ [name]: undefined }))), 70003, new RegExp(name.replace('.', '\\.')));
    }
  });

  it('answers 70003 for fields of the wrong type or range', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ 'TLS.ver': '1.0' }, /TLS\.ver/],
      [{ 'TLS.ver': 2 }, /TLS\.ver/],
      [{ 'TLS.identifier': 42 }, /TLS\.identifier/],
      [{ 'TLS.identifier': '' }, /TLS\.identifier/],
      [{ 'TLS.sdkappid': '1400000000' }, /TLS\.sdkappid/], // no official generator writes strings
      [{ 'TLS.sdkappid': -1 }, /TLS\.sdkappid/],
      [{ 'TLS.sdkappid': 1.5 }, /TLS\.sdkappid/],
      [{ 'TLS.time': '1700000000' }, /TLS\.time/],
      [{ 'TLS.time': 1e13 }, /TLS\.time/],
      [{ 'TLS.expire': -5 }, /TLS\.expire/],
      [{ 'TLS.expire': null }, /TLS\.expire/],
      [{ 'TLS.sig': 'not base64!' }, /TLS\.sig/],
      [{ 'TLS.sig': '' }, /TLS\.sig/],
      [{ 'TLS.sig': 12 }, /TLS\.sig/],
      [{ 'TLS.userbuf': 'QR==' }, /TLS\.userbuf/],
      [{ 'TLS.userbuf': [1, 2] }, /TLS\.userbuf/],
    ];
    for (const [overrides, reason] of cases) expectFailure(decodeUserSig(pack(docWith(overrides))), 70003, reason);
  });

  it('ignores unknown fields', () => {
    expect(decodeUserSig(pack(docWith({ 'TLS.extra': 'x' })))).toEqual(decodeUserSig(VECTORS[0].sig));
  });
});
