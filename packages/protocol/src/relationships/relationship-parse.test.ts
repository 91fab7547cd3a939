import { describe, expect, it } from 'vitest';
import { parseFriendListAnswer } from './relationship-answers.js';
import {
  isAddSource,
  isFriendCustomKey,
  parseAcceptApplicationRequest,
  parseAddFriendRequest,
  parseBlacklistRequest,
  parseDeleteApplicationRequest,
  parseFriendGroupMembersRequest,
  parseUpdateFriendRequest,
} from './relationship-parse.js';

const errorOf = (parsed: { ok: boolean; error?: string }): string | undefined => (parsed.ok ? undefined : parsed.error);

describe('relationship request parsers', () => {
  it('reads addFriend with Tencent defaults: both ways, empty wording, remark and group', () => {
    expect(parseAddFriendRequest({ to: 'bob', source: 'AddSource_Type_Web' })).toEqual({
      ok: true,
      value: { to: 'bob', source: 'AddSource_Type_Web', wording: '', type: 'Add_Type_Both', remark: '', groupName: '' },
    });
  });

  it('answers 30001 for every bad field, naming it', () => {
    const bad = [
      { to: 'bob', source: 'Web' },
      { to: 'bob', source: 'AddSource_Type_NineChars' },
      { to: '', source: 'AddSource_Type_Web' },
      { to: 'bob', source: 'AddSource_Type_Web', wording: 'x'.repeat(257) },
      { to: 'bob', source: 'AddSource_Type_Web', remark: 'x'.repeat(97) },
      { to: 'bob', source: 'AddSource_Type_Web', groupName: 'x'.repeat(31) },
      { to: 'bob', source: 'AddSource_Type_Web', type: 'Both' },
    ];
    for (const body of bad) expect(errorOf(parseAddFriendRequest(body)), JSON.stringify(body)).toBe('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS');
    const named = parseAddFriendRequest({ to: 'bob', source: 'AddSource_Type_Web', remark: 3 });
    expect(named.ok ? '' : named.reason).toContain('remark');
  });

  it('limits the lists: 1..1000 for the blacklist, 1..100 for friend groups, deduplicated', () => {
    expect(parseBlacklistRequest({ userIDList: ['a', 'b', 'a'] })).toEqual({ ok: true, value: { userIDList: ['a', 'b'] } });
    expect(errorOf(parseBlacklistRequest({ userIDList: Array.from({ length: 1001 }, (_, i) => `u${i}`) }))).toBe('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS');
    expect(parseFriendGroupMembersRequest(true)({ name: 'G' })).toEqual({ ok: true, value: { name: 'G', userIDList: [] } });
    expect(errorOf(parseFriendGroupMembersRequest(false)({ name: 'G', userIDList: [] }))).toBe('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS');
    expect(errorOf(parseFriendGroupMembersRequest(true)({ name: '' }))).toBe('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS');
  });

  it('reads updateFriend only with a remark or custom fields of Tag_SNS_Custom_<name>', () => {
    expect(parseUpdateFriendRequest({ userID: 'bob', friendCustomField: [{ key: 'Tag_SNS_Custom_A', value: 'x' }] })).toEqual({ ok: true, value: { userID: 'bob', friendCustomField: [{ key: 'Tag_SNS_Custom_A', value: 'x' }] } });
    expect(errorOf(parseUpdateFriendRequest({ userID: 'bob' }))).toBe('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS');
    expect(errorOf(parseUpdateFriendRequest({ userID: 'bob', friendCustomField: [{ key: 'Tag_SNS_Custom_A', value: 1 }] }))).toBe('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS');
    expect(errorOf(parseUpdateFriendRequest({ userID: 'bob', friendCustomField: [{ key: 'Tag_Profile_Custom_A', value: 'x' }] }))).toBe('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS');
  });

  it('defaults accept to agree-and-add and requires the direction of a deleted application', () => {
    expect(parseAcceptApplicationRequest({ userID: 'bob' })).toEqual({ ok: true, value: { userID: 'bob', remark: '', type: 'Response_Action_AgreeAndAdd' } });
    expect(errorOf(parseDeleteApplicationRequest({ userID: 'bob' }))).toBe('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS');
    expect(parseDeleteApplicationRequest({ userID: 'bob', type: 'Pendency_Type_SendOut' }).ok).toBe(true);
  });

  it('knows add sources and friend custom keys', () => {
    expect([isAddSource('AddSource_Type_Android'), isAddSource('AddSource_Type_'), isAddSource('AddSource_Type_a1')]).toEqual([true, false, false]);
    expect([isFriendCustomKey('Tag_SNS_Custom_Note'), isFriendCustomKey('Tag_SNS_Custom_TooLongKey')]).toEqual([true, false]);
  });
});

describe('relationship answer parsers', () => {
  it('refuses a friend list that breaks the contract with 2903', () => {
    const friend = { userID: 'bob', remark: '', groupList: [], source: 'AddSource_Type_Web', wording: '', addTime: 1, friendCustomField: [] };
    expect(parseFriendListAnswer({ friendList: [friend] })).toEqual({ ok: true, value: { friendList: [friend] } });
    expect(errorOf(parseFriendListAnswer({ friendList: [{ ...friend, addTime: -1 }] }))).toBe('UNCAUGHT_ERROR');
  });
});
