import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { Profile } from '../model/message-types.js';
import { profileUpdateOf, userFullInfoOf } from './v2tim-profiles.js';

const profile: Profile = {
  userID: 'dan',
  nick: 'Dan',
  avatar: 'd.png',
  gender: 'Gender_Type_Female',
  birthday: 19900101,
  location: '',
  selfSignature: 'hi',
  allowType: 'AllowType_Type_DenyAny',
  language: 0,
  level: 2,
  role: 3,
  messageSettings: 0,
  adminForbidType: 'AdminForbid_Type_None',
  profileCustomField: [{ key: 'Tag_Profile_Custom_Age', value: 30 }],
  lastUpdatedTime: 1,
};

describe('V2TIM profile shapes', () => {
  it('turns a Profile into V2TimUserFullInfo with V2TIM numbers and unprefixed custom keys', () => {
    expect(userFullInfoOf(profile)).toStrictEqual({
      userID: 'dan',
      nickName: 'Dan',
      faceUrl: 'd.png',
      selfSignature: 'hi',
      gender: 2,
      allowType: 2,
      customInfo: { Age: '30' },
      role: 3,
      level: 2,
      birthday: 19900101,
    });
  });

  it('turns V2TimUserFullInfo into updateMyProfile options, refusing unknown numbers with 6017', () => {
    expect(profileUpdateOf({ nickName: 'D', gender: 1, allowType: 0, customInfo: { Age: '31' } })).toStrictEqual({
      nick: 'D',
      gender: 'Gender_Type_Male',
      allowType: 'AllowType_Type_AllowAny',
      profileCustomField: [{ key: 'Tag_Profile_Custom_Age', value: '31' }],
    });
    expect(() => profileUpdateOf({ gender: 3 })).toThrow(expect.objectContaining({ code: ErrorCode.ERR_INVALID_PARAMETERS }));
  });
});
