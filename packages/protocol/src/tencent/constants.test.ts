import { describe, expect, it } from 'vitest';
import {
  DESKTOP_PLATFORMS,
  isPlatform,
  isValidUserID,
  KICK_TYPE_NUMBER,
  KickedOutType,
  MAX_INSTANCES_LIMIT,
  MOBILE_PLATFORMS,
  NATIVE_PLATFORMS,
  normalizePlatform,
  PLATFORMS,
} from './constants.js';

describe('normalizePlatform', () => {
  it.each(['ReactNative', 'react-native', 'RN', 'MiniProgram', 'mini-program', 'MiniGame', 'uniapp', 'uni-app', 'web', 'Web'])(
    'counts %s as Web, as Tencent does',
    (name) => {
      expect(normalizePlatform(name)).toBe('Web');
    },
  );

  it.each([
    ['iOS', 'IPhone'],
    ['iphone', 'IPhone'],
    ['macOS', 'Mac'],
    ['android', 'Android'],
    ['ipad', 'IPad'],
    ['windows', 'Windows'],
    ['linux', 'Linux'],
  ])('maps %s to %s', (name, platform) => {
    expect(normalizePlatform(name)).toBe(platform);
  });

  it('returns every canonical platform name unchanged', () => {
    for (const p of PLATFORMS) expect(normalizePlatform(p)).toBe(p);
  });

  it.each(['Symbian', '', 'webos'])('returns undefined for the unknown name %j', (name) => {
    expect(normalizePlatform(name)).toBeUndefined();
  });
});

describe('platform tables', () => {
  it('splits the platforms into Web plus the native ones', () => {
    expect(new Set(['Web', ...NATIVE_PLATFORMS])).toEqual(new Set(PLATFORMS));
  });

  it('limits Web to 10 instances and each native platform to 3', () => {
    expect(MAX_INSTANCES_LIMIT.Web).toBe(10);
    for (const p of NATIVE_PLATFORMS) expect(MAX_INSTANCES_LIMIT[p]).toBe(3);
  });

  it('has no platform that is both mobile and desktop', () => {
    expect(MOBILE_PLATFORMS.filter((p) => DESKTOP_PLATFORMS.includes(p))).toEqual([]);
  });

  it('recognises only exact platform names', () => {
    expect(isPlatform('IPhone')).toBe(true);
    expect(isPlatform('iphone')).toBe(false);
    expect(isPlatform(1)).toBe(false);
  });
});

describe('kick types', () => {
  it('numbers them as Tencent does: 1 same platform, 2 other device, 3 REST, and 4 for sig expiry', () => {
    expect(KICK_TYPE_NUMBER[KickedOutType.MULT_ACCOUNT]).toBe(1);
    expect(KICK_TYPE_NUMBER[KickedOutType.MULT_DEVICE]).toBe(2);
    expect(KICK_TYPE_NUMBER[KickedOutType.REST_API]).toBe(3);
    expect(KICK_TYPE_NUMBER[KickedOutType.USERSIG_EXPIRED]).toBe(4);
  });
});

describe('isValidUserID', () => {
  it('accepts 1..32 bytes of [A-Za-z0-9_-] and nothing else', () => {
    expect(isValidUserID('a')).toBe(true);
    expect(isValidUserID('a'.repeat(32))).toBe(true);
    expect(isValidUserID('a'.repeat(33))).toBe(false);
    expect(isValidUserID('')).toBe(false);
    expect(isValidUserID('ü')).toBe(false);
    expect(isValidUserID(undefined)).toBe(false);
  });
});
