import { describe, expect, it } from 'vitest';
import {
  parseAddMembersRequest,
  parseCreateGroupRequest,
  parseDeleteMembersRequest,
  parseGroupIDRequest,
  parseGroupMembersRequest,
  parseJoinGroupRequest,
  parseHandleGroupApplicationRequest,
  parseSetMemberRoleRequest,
  parseUpdateGroupRequest,
} from './group-parse.js';
import type { MessagingParsed } from '../core/parse-kit.js';

function failure<T>(r: MessagingParsed<T>): { error: string; reason: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return { error: r.error, reason: r.reason };
}

describe('parseCreateGroupRequest', () => {
  it('applies defaults and removes repeated members', () => {
    const r = parseCreateGroupRequest({ type: 'Public', name: 'Team', memberList: [{ userID: 'a', role: 'Admin' }, { userID: 'b' }, { userID: 'a' }] });
    expect(r).toEqual({
      ok: true,
      value: { type: 'Public', name: 'Team', introduction: '', notification: '', avatar: '', memberList: [{ userID: 'a', role: 'Admin' }, { userID: 'b', role: 'Member' }] },
    });
  });

  it('keeps the optional fields it is given', () => {
    const r = parseCreateGroupRequest({ type: 'Community', name: 'C', groupID: '@TGS#_c', joinOption: 'NeedPermission', maxMemberNum: 50, introduction: 'i' });
    expect(r.ok && r.value).toMatchObject({ groupID: '@TGS#_c', joinOption: 'NeedPermission', maxMemberNum: 50, introduction: 'i' });
  });

  it.each([
    [{ name: 'x' }, 'ERR_SVR_GROUP_INVALID_PARAMETERS', /type is required/],
    [{ type: 'Work', name: 'x' }, 'ERR_SVR_GROUP_INVALID_PARAMETERS', /type must be one of Private, Public, ChatRoom, AVChatRoom, Community/],
    [{ type: 'Public' }, 'ERR_SVR_GROUP_INVALID_PARAMETERS', /name is required/],
    [{ type: 'Public', name: '' }, 'ERR_SVR_GROUP_INVALID_PARAMETERS', /name must not be empty/],
    [{ type: 'Public', name: 'x'.repeat(101) }, 'ERR_SVR_GROUP_INVALID_PARAMETERS', /name is longer than 100 bytes/],
    [{ type: 'Public', name: 'x', groupID: '@TGS#mine' }, 'ERR_SVR_GROUP_INVALID_GROUPID', /reserved prefix/],
    [{ type: 'Community', name: 'x', groupID: 'club' }, 'ERR_SVR_GROUP_INVALID_GROUPID', /@TGS#_/],
    [{ type: 'Public', name: 'x', joinOption: 'Maybe' }, 'ERR_SVR_GROUP_INVALID_PARAMETERS', /joinOption/],
    [{ type: 'Public', name: 'x', maxMemberNum: 0 }, 'ERR_SVR_GROUP_INVALID_PARAMETERS', /maxMemberNum/],
    [{ type: 'Public', name: 'x', memberList: [{ userID: 'a', role: 'Owner' }] }, 'ERR_SVR_GROUP_INVALID_PARAMETERS', /memberList\[0\]\.role/],
    [{ type: 'Public', name: 'x', memberList: Array.from({ length: 501 }, (_, i) => ({ userID: `u${i}` })) }, 'ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT', /at most 500/],
  ])('refuses %j', (body, error, reason) => {
    const f = failure(parseCreateGroupRequest(body));
    expect(f.error).toBe(error);
    expect(f.reason).toMatch(reason);
  });
});

describe('the other group requests', () => {
  it('need a well-formed groupID (10015) and answer other problems with 10004', () => {
    expect(parseGroupIDRequest({ groupID: 'g1' })).toEqual({ ok: true, value: { groupID: 'g1' } });
    expect(failure(parseGroupIDRequest({ groupID: 'a b' })).error).toBe('ERR_SVR_GROUP_INVALID_GROUPID');
    expect(failure(parseGroupIDRequest({})).error).toBe('ERR_SVR_GROUP_INVALID_PARAMETERS');
  });

  it('join takes an optional apply message', () => {
    expect(parseJoinGroupRequest({ groupID: 'g' })).toEqual({ ok: true, value: { groupID: 'g', applyMessage: '' } });
    expect(failure(parseJoinGroupRequest({ groupID: 'g', applyMessage: 'x'.repeat(301) })).reason).toMatch(/applyMessage/);
  });

  it('update needs at least one field and returns only the given ones', () => {
    expect(parseUpdateGroupRequest({ groupID: 'g', muteAllMembers: false })).toEqual({ ok: true, value: { groupID: 'g', muteAllMembers: false } });
    expect(failure(parseUpdateGroupRequest({ groupID: 'g' })).reason).toMatch(/at least one/);
    expect(failure(parseUpdateGroupRequest({ groupID: 'g', name: '' })).reason).toMatch(/name must not be empty/);
  });

  it('member pages default to offset 0 and 100 members', () => {
    expect(parseGroupMembersRequest({ groupID: 'g' })).toEqual({ ok: true, value: { groupID: 'g', offset: 0, count: 100 } });
    expect(failure(parseGroupMembersRequest({ groupID: 'g', count: 101 })).reason).toMatch(/count/);
  });

  it('member lists hold 1..500 distinct UserIDs', () => {
    expect(parseAddMembersRequest({ groupID: 'g', userIDList: ['a', 'a', 'b'] })).toEqual({ ok: true, value: { groupID: 'g', userIDList: ['a', 'b'] } });
    expect(failure(parseAddMembersRequest({ groupID: 'g', userIDList: [] })).error).toBe('ERR_SVR_GROUP_INVALID_PARAMETERS');
    expect(failure(parseAddMembersRequest({ groupID: 'g', userIDList: Array.from({ length: 501 }, (_, i) => `u${i}`) })).error).toBe('ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT');
    expect(parseDeleteMembersRequest({ groupID: 'g', userIDList: ['a'] })).toEqual({ ok: true, value: { groupID: 'g', userIDList: ['a'], reason: '' } });
  });

  it('role changes name a user and Admin or Member', () => {
    expect(parseSetMemberRoleRequest({ groupID: 'g', userID: 'a', role: 'Admin' })).toEqual({ ok: true, value: { groupID: 'g', userID: 'a', role: 'Admin' } });
    expect(failure(parseSetMemberRoleRequest({ groupID: 'g', userID: 'a', role: 'Owner' })).reason).toMatch(/role/);
    expect(failure(parseSetMemberRoleRequest({ groupID: 'g', role: 'Admin' })).reason).toMatch(/userID/);
  });
});

describe('parseHandleGroupApplicationRequest', () => {
  it('takes a group, an applicant, Agree or Reject and an optional message', () => {
    expect(parseHandleGroupApplicationRequest({ groupID: 'g', userID: 'a', action: 'Agree' })).toEqual({
      ok: true,
      value: { groupID: 'g', userID: 'a', action: 'Agree', handleMessage: '' },
    });
    expect(parseHandleGroupApplicationRequest({ groupID: 'g', userID: 'a', action: 'Reject', handleMessage: 'full' })).toMatchObject({ ok: true, value: { handleMessage: 'full' } });
  });

  it('refuses a missing or unknown action, a bad applicant and an overlong message with 10004', () => {
    for (const body of [
      { groupID: 'g', userID: 'a' },
      { groupID: 'g', userID: 'a', action: 'Maybe' },
      { groupID: 'g', userID: '', action: 'Agree' },
      { groupID: 'g', userID: 'a', action: 'Agree', handleMessage: 'x'.repeat(301) },
    ]) {
      expect(failure(parseHandleGroupApplicationRequest(body)).error).toBe('ERR_SVR_GROUP_INVALID_PARAMETERS');
    }
    expect(failure(parseHandleGroupApplicationRequest({ userID: 'a', action: 'Agree' })).reason).toMatch(/groupID/);
  });
});
