import { describe, expect, it } from 'vitest';
import type { GroupPatch, GroupRecord, GroupView } from './group-store.js';
import { groupRecordOf, patchGroupRecord } from './group-records.js';

const group: GroupRecord = {
  groupID: 'g1',
  type: 'Public',
  name: 'G',
  introduction: 'intro',
  notification: '',
  avatar: '',
  ownerID: 'alice',
  createTime: 1,
  maxMemberNum: 100,
  joinOption: 'FreeAccess',
  muteAllMembers: false,
};

describe('group records', () => {
  it('keeps only a group\'s own fields, dropping the derived numbers of a view', () => {
    const view: GroupView = { ...group, memberNum: 3, seq: 9 };
    expect(groupRecordOf(view)).toStrictEqual(group);
  });

  it('patches only the fields present; undefined counts as absent and false or empty as given', () => {
    // Plain JavaScript callers can pass `undefined` values that exactOptionalPropertyTypes forbids.
    const patch = { name: 'H', introduction: '', muteAllMembers: true, avatar: undefined } as unknown as GroupPatch;
    expect(patchGroupRecord(group, patch)).toStrictEqual({
      ...group,
      name: 'H',
      introduction: '',
      muteAllMembers: true,
    });
    expect(patchGroupRecord(group, { ownerID: '' })).toStrictEqual({ ...group, ownerID: '' });
  });
});
