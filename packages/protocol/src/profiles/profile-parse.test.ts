import { describe, expect, it } from 'vitest';
import { checkProfilePatch, isProfileCustomKey, parseGetProfilesRequest, parseUpdateProfileRequest } from './profile-parse.js';

describe('profile request parsers', () => {
  it('reads a patch of standard and custom fields, ignoring unknown fields', () => {
    const parsed = parseUpdateProfileRequest({ nick: 'Bob', gender: 'Gender_Type_Male', birthday: 19900101, profileCustomField: [{ key: 'Tag_Profile_Custom_Hobby', value: 'chess' }], extra: 1 });
    expect(parsed).toEqual({ ok: true, value: { nick: 'Bob', gender: 'Gender_Type_Male', birthday: 19900101, profileCustomField: [{ key: 'Tag_Profile_Custom_Hobby', value: 'chess' }] } });
  });

  it("answers Tencent's profile codes for bad input", () => {
    const errorOf = (body: unknown): string | undefined => {
      const parsed = parseUpdateProfileRequest(body);
      return parsed.ok ? undefined : parsed.error;
    };
    expect(errorOf({})).toBe('ERR_SVR_PROFILE_INVALID_PARAMETERS');
    expect(errorOf('x')).toBe('ERR_SVR_PROFILE_INVALID_PARAMETERS');
    expect(errorOf({ nick: 'x'.repeat(501) })).toBe('ERR_SVR_PROFILE_SIZE_LIMIT');
    expect(errorOf({ nick: 3 })).toBe('ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
    expect(errorOf({ level: -1 })).toBe('ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
    expect(errorOf({ gender: 'Gender_Type_Other' })).toBe('ERR_SVR_PROFILE_VALUE_ERROR');
    expect(errorOf({ profileCustomField: [{ key: 'Tag_Profile_Custom_TooLongName', value: 'x' }] })).toBe('ERR_SVR_PROFILE_TAG_NOT_FOUND');
    expect(errorOf({ profileCustomField: [{ key: 'Tag_Profile_Custom_A', value: true }] })).toBe('ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
    expect(checkProfilePatch({ nick: 'x'.repeat(500) }).ok).toBe(true);
  });

  it('takes 1..100 UserIDs, duplicates dropped', () => {
    expect(parseGetProfilesRequest({ userIDList: ['a', 'b', 'a'] })).toEqual({ ok: true, value: { userIDList: ['a', 'b'] } });
    const many = parseGetProfilesRequest({ userIDList: Array.from({ length: 101 }, (_, i) => `u${i}`) });
    expect(many.ok ? undefined : many.error).toBe('ERR_SVR_PROFILE_INVALID_PARAMETERS');
    expect(parseGetProfilesRequest({ userIDList: [] }).ok).toBe(false);
  });

  it('knows custom keys', () => {
    expect(isProfileCustomKey('Tag_Profile_Custom_Hobby')).toBe(true);
    expect(isProfileCustomKey('Tag_Profile_Custom_')).toBe(false);
    expect(isProfileCustomKey('Tag_Profile_IM_Nick')).toBe(false);
  });
});
