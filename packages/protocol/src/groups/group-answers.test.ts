/**
 * Answers and pushes of the group commands: the `group_changed` push with and without its group,
 * and reasons that name the offending field.
 */
import { describe, expect, it } from 'vitest';
import { parseAddMembersAnswer, parseApplicationHandledPush, parseGroupPush, parseJoinAnswer } from './group-answers.js';

const group = {
  groupID: 'g',
  type: 'Public',
  name: 'Hikers',
  introduction: '',
  notification: '',
  avatar: '',
  ownerID: 'alice',
  createTime: 1_767_000_000,
  memberNum: 2,
  maxMemberNum: 2000,
  joinOption: 'NeedPermission',
  muteAllMembers: false,
  nextMessageSeq: 0,
};

describe('group answers and pushes', () => {
  it('read the group_changed push with and without a group', () => {
    expect(parseGroupPush({ groupID: 'g', change: 'left' })).toStrictEqual({ ok: true, value: { groupID: 'g', change: 'left' } });
    expect(parseGroupPush({ groupID: 'g', change: 'joined', group: { ...group, selfRole: 'Member' } })).toEqual({
      ok: true,
      value: { groupID: 'g', change: 'joined', group: { ...group, selfRole: 'Member' } },
    });
    expect(parseGroupPush({ groupID: 'g', change: 'renamed' })).toMatchObject({ ok: false, reason: expect.stringContaining('change must be one of') });
  });

  it('name the offending field of answers and pushes', () => {
    expect(parseJoinAnswer({ status: 'Maybe', group })).toEqual({
      ok: false,
      error: 'UNCAUGHT_ERROR',
      reason: 'join answer.status must be one of JoinedSuccess, AlreadyInGroup, WaitAdminApproval (got string)',
    });
    expect(parseAddMembersAnswer({ results: [{ userID: 'bob', result: 3 }] })).toEqual({
      ok: false,
      error: 'UNCAUGHT_ERROR',
      reason: 'add member answer.results[0].result must be 0, 1 or 2 (got 3)',
    });
    expect(parseApplicationHandledPush({ groupID: 'g', userID: 'bob', action: 'Agree', handleMessage: '', operatorID: 'alice' })).toMatchObject({ ok: true });
    expect(parseApplicationHandledPush({ groupID: 'g', userID: 'bob', action: 'Maybe', handleMessage: '', operatorID: 'alice' })).toMatchObject({
      ok: false,
      reason: 'application outcome.action must be one of Agree, Reject (got string)',
    });
  });
});
