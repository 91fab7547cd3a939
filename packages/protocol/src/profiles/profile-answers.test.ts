import { describe, expect, it } from 'vitest';
import { parseProfileAnswer, parseProfileListAnswer } from './profile-answers.js';
import type { WireProfile } from './profile-types.js';

const profile: WireProfile = {
  userID: 'bob',
  nick: 'Bob',
  avatar: '',
  gender: 'Gender_Type_Unknown',
  birthday: 0,
  location: '',
  selfSignature: '',
  allowType: 'AllowType_Type_NeedConfirm',
  language: 0,
  level: 0,
  role: 0,
  messageSettings: 0,
  adminForbidType: 'AdminForbid_Type_None',
  profileCustomField: [{ key: 'Tag_Profile_Custom_Age', value: 3 }],
  lastUpdatedTime: 1700000000,
};

describe('profile answer parsers', () => {
  it('reads a profile and a list', () => {
    expect(parseProfileAnswer({ profile })).toEqual({ ok: true, value: { profile } });
    expect(parseProfileListAnswer({ profiles: [profile] })).toEqual({ ok: true, value: { profiles: [profile] } });
  });

  it('refuses a profile that breaks the contract', () => {
    const parsed = parseProfileAnswer({ profile: { ...profile, gender: 'x' } });
    expect(parsed.ok ? undefined : parsed.error).toBe('UNCAUGHT_ERROR');
  });
});
