import { describe, expect, it } from 'vitest';
import { MAX_INSTANCE_ID_LENGTH, MAX_USERSIG_LENGTH, parseKickoutPush, parseLoginRequest } from './session-commands.js';
import { PROTOCOL_VERSION } from '../core/frames.js';

const good = { SDKAppID: 1400000001, userID: 'alice', userSig: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1Pz', platform: 'Web', version: 1 };

function reason(body: unknown): string {
  const r = parseLoginRequest(body);
  if (r.ok) throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
  return r.reason;
}

describe('parseLoginRequest', () => {
  it('accepts a complete body', () => {
    expect(parseLoginRequest(good)).toEqual({ ok: true, value: good });
  });

  it('accepts a resume with the instanceID of an earlier login', () => {
    const r = parseLoginRequest({ ...good, instanceID: 'inst_01-AB' });
    expect(r.ok && r.value.instanceID).toBe('inst_01-AB');
  });

  it('defaults platform to Web and version to the current protocol version', () => {
    const { platform: _p, version: _v, ...rest } = good;
    expect(parseLoginRequest(rest)).toEqual({ ok: true, value: { ...rest, platform: 'Web', version: PROTOCOL_VERSION } });
  });

  it('lets an empty userSig through, so that verification answers 70002 as Tencent does', () => {
    expect(parseLoginRequest({ ...good, userSig: '' }).ok).toBe(true);
  });

  it.each(['Web', 'Android', 'IPhone', 'IPad', 'Windows', 'Mac', 'Linux'])('accepts the platform %s', (platform) => {
    expect(parseLoginRequest({ ...good, platform }).ok).toBe(true);
  });

  it.each([
    ['a non-object body', 'x', 'login body must be an object'],
    ['an array body', [good], 'login body must be an object'],
    ['a missing SDKAppID', { ...good, SDKAppID: undefined }, 'SDKAppID must be a positive integer'],
    ['a zero SDKAppID', { ...good, SDKAppID: 0 }, 'SDKAppID must be a positive integer'],
    ['a string SDKAppID', { ...good, SDKAppID: '1400000001' }, 'SDKAppID must be a positive integer'],
    ['an SDKAppID above uint32', { ...good, SDKAppID: 2 ** 32 }, 'SDKAppID must be a positive integer'],
    ['a missing userID', { ...good, userID: undefined }, 'userID is required and has to be a string (got undefined)'],
    ['a numeric userID', { ...good, userID: 42 }, 'userID is required and has to be a string (got number)'],
    ['a missing userSig', { ...good, userSig: undefined }, 'userSig is required and has to be a string (got undefined)'],
    ['a numeric userSig', { ...good, userSig: 7 }, 'userSig is required and has to be a string (got number)'],
    ['an oversized userSig', { ...good, userSig: 'a'.repeat(MAX_USERSIG_LENGTH + 1) }, `userSig is longer than ${MAX_USERSIG_LENGTH} characters`],
    ['an unknown platform', { ...good, platform: 'Symbian' }, 'platform must be one of Web, Android, IPhone, IPad, Windows, Mac, Linux'],
    ['a lower-case platform name', { ...good, platform: 'web' }, 'platform must be one of Web, Android, IPhone, IPad, Windows, Mac, Linux'],
    ['an empty instanceID', { ...good, instanceID: '' }, `instanceID must be 1..${MAX_INSTANCE_ID_LENGTH} characters of [A-Za-z0-9_-]`],
    ['an instanceID with a slash', { ...good, instanceID: 'a/b' }, `instanceID must be 1..${MAX_INSTANCE_ID_LENGTH} characters of [A-Za-z0-9_-]`],
    ['an overlong instanceID', { ...good, instanceID: 'a'.repeat(MAX_INSTANCE_ID_LENGTH + 1) }, `instanceID must be 1..${MAX_INSTANCE_ID_LENGTH} characters of [A-Za-z0-9_-]`],
    ['version 0', { ...good, version: 0 }, 'version must be a positive integer'],
    ['a fractional version', { ...good, version: 1.5 }, 'version must be a positive integer'],
  ])('rejects %s', (_what, body, expected) => {
    expect(reason(body)).toBe(expected);
  });

  describe('UserID rules', () => {
    const invalidUserID = 'userID must be 1..32 bytes of letters, digits, "_" and "-"';

    it('accepts exactly 32 bytes', () => {
      expect(parseLoginRequest({ ...good, userID: 'u'.repeat(32) }).ok).toBe(true);
    });

    it('rejects 33 bytes', () => {
      expect(reason({ ...good, userID: 'u'.repeat(33) })).toBe(invalidUserID);
    });

    it('rejects an empty UserID with the invalid-UserID reason (the server answers 7003)', () => {
      expect(reason({ ...good, userID: '' })).toBe(invalidUserID);
    });

    it.each(['bob é', 'é', '用户', 'a b', 'a.b', 'a@b', '😀'])('rejects the non-ASCII or punctuated UserID %j', (userID) => {
      expect(reason({ ...good, userID })).toBe(invalidUserID);
    });

    it('rejects 11 CJK characters even though they are only 11 characters long (33 bytes)', () => {
      expect(reason({ ...good, userID: '字'.repeat(11) })).toBe(invalidUserID);
    });

    it.each(['A', 'z9', 'user_1', 'user-1', '0123456789'])('accepts %j', (userID) => {
      expect(parseLoginRequest({ ...good, userID }).ok).toBe(true);
    });
  });
});

describe('parseKickoutPush', () => {
  it('accepts each kick type with its number', () => {
    expect(parseKickoutPush({ type: 'multipleAccount', kickType: 1 })).toEqual({ ok: true, value: { type: 'multipleAccount', kickType: 1 } });
    expect(parseKickoutPush({ type: 'REST_API_Kick', kickType: 3 }).ok).toBe(true);
    expect(parseKickoutPush({ type: 'userSigExpired', kickType: 4 }).ok).toBe(true);
  });

  it('keeps newInstanceInfo, the login that caused the kick', () => {
    const body = { type: 'multipleDevice', kickType: 2, newInstanceInfo: { platform: 'Android', instanceID: 'i2' } };
    expect(parseKickoutPush(body)).toEqual({ ok: true, value: body });
  });

  it('rejects a malformed newInstanceInfo', () => {
    expect(parseKickoutPush({ type: 'multipleDevice', kickType: 2, newInstanceInfo: { platform: 'Nokia', instanceID: 'i2' } }))
      .toEqual({ ok: false, reason: 'newInstanceInfo must be {platform, instanceID}' });
  });

  it('rejects an unknown type, a missing kickType and a non-object body', () => {
    expect(parseKickoutPush({ type: 'sameDevice', kickType: 1 })).toEqual({ ok: false, reason: 'kickout type is unknown' });
    expect(parseKickoutPush({ type: 'multipleDevice' })).toEqual({ ok: false, reason: 'kickType must be an integer' });
    expect(parseKickoutPush(null)).toEqual({ ok: false, reason: 'kickout body must be an object' });
  });
});
