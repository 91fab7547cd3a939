import { describe, expect, it } from 'vitest';
import { sigContent, sigHmac } from './sig-hmac.js';

const K1 = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const K2 = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('the signed content', () => {
  it('is one LF-terminated line per field, in Tencent order', () => {
    expect(sigContent({ identifier: 'xiaojun', sdkAppID: 1400000000, time: 1700000000, expire: 15552000 })).toBe(
      'TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n',
    );
  });

  it('adds the userbuf as standard base64 when present', () => {
    expect(sigContent({ identifier: 'a', sdkAppID: 1, time: 2, expire: 3, userBuf: Buffer.from([0xfb, 0xff]) })).toBe(
      'TLS.identifier:a\nTLS.sdkappid:1\nTLS.time:2\nTLS.expire:3\nTLS.userbuf:+/8=\n',
    );
  });
});

describe('the HMAC (the test vectors of the TLSSigAPIv2 libraries)', () => {
  const vectors = [
    { sdkAppID: 1400000000, key: K1, identifier: 'xiaojun', expire: 15552000, time: 1700000000, sig: 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=' },
    { sdkAppID: 1400000000, key: K1, identifier: 'administrator', expire: 86400, time: 1600000000, sig: 'los0WU+OsAqKAMeEseEb6GMMPAPQp6knnzQ5XIlQj0U=' },
    { sdkAppID: 1400123456, key: K2, identifier: 'user_01-A', expire: 604800, time: 1735689600, sig: 'y3Q3mdcOSUL02MZcSTCBIbSE6ynnuARjujj8ZZbv8lQ=' },
  ];
  for (const v of vectors) {
    it(`matches vector ${v.identifier}: the key string's UTF-8 bytes are the HMAC key`, () => {
      expect(sigHmac(v.key, v).toString('base64')).toBe(v.sig);
    });
  }

  it('changes with the key, including a hex-decoded key (which Tencent never uses)', () => {
    const f = vectors[0]!;
    expect(sigHmac(K2, f).toString('base64')).not.toBe(f.sig);
    expect(sigHmac(Buffer.from(K1, 'hex').toString('latin1'), f).toString('base64')).not.toBe(f.sig);
  });
});
