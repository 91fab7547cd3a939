/** REST `sns/*` in Tencent's request and response shapes, against a real server. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, RelationshipCommands as C, RelationshipPushes as P } from '@parley/protocol';
import { chatFixture } from '../../../test-support/chat-fixture.js';

const { server, login } = chatFixture(['alice', 'bob', 'carol']);
const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

describe('sns friends', () => {
  it('friend_add honours AllowType unless ForceAddFlags, with ResultItem and Fail_Account', async () => {
    const t = await server();
    const bob = await login(t, 'bob');
    const added = await t.rest('sns/friend_add', {
      From_Account: 'alice',
      AddFriendItem: [
        { To_Account: 'bob', AddSource: 'AddSource_Type_Rest', Remark: 'B', GroupName: 'Pals', AddWording: 'hello' },
        { To_Account: 'ghost', AddSource: 'AddSource_Type_Rest' },
      ],
      AddType: 'Add_Type_Both',
    });
    expect(added).toMatchObject({ ...OK, ResultItem: [{ To_Account: 'bob', ResultCode: ErrorCode.ERR_SVR_FRIENDSHIP_ALLOW_TYPE_NEED_CONFIRM }, { To_Account: 'ghost', ResultCode: ErrorCode.ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND }], Fail_Account: ['bob', 'ghost'] });
    await bob.until(() => bob.pushes(P.applicationsUpdated.name).length === 1, 'application push');
    const forced = await t.rest('sns/friend_add', { From_Account: 'alice', AddFriendItem: [{ To_Account: 'bob', AddSource: 'AddSource_Type_Rest', Remark: 'B', GroupName: 'Pals' }], ForceAddFlags: 1 });
    expect(forced).toStrictEqual({ ...OK, ResultItem: [{ To_Account: 'bob', ResultCode: 0, ResultInfo: '' }], Fail_Account: [] });
    expect(await bob.ok(C.friendList.name)).toMatchObject({ friendList: [{ userID: 'alice' }] });

    const check = await t.rest('sns/friend_check', { From_Account: 'alice', To_Account: ['bob', 'carol'], CheckType: 'CheckResult_Type_Both' });
    expect(check).toStrictEqual({
      ...OK,
      InfoItem: [
        { To_Account: 'bob', Relation: 'CheckResult_Type_BothWay', ResultCode: 0, ResultInfo: '' },
        { To_Account: 'carol', Relation: 'CheckResult_Type_NoRelation', ResultCode: 0, ResultInfo: '' },
      ],
      Fail_Account: [],
    });
    const got = await t.rest('sns/friend_get', { From_Account: 'alice', StartIndex: 0 });
    expect(got).toMatchObject({ ...OK, FriendNum: 1, CompleteFlag: 1, NextStartIndex: 1, UserDataItem: [{ To_Account: 'bob' }] });
    expect((got['UserDataItem'] as { ValueItem: unknown[] }[])[0]?.ValueItem).toEqual(
      expect.arrayContaining([{ Tag: 'Tag_SNS_IM_Remark', Value: 'B' }, { Tag: 'Tag_SNS_IM_Group', Value: ['Pals'] }, { Tag: 'Tag_SNS_IM_AddSource', Value: 'AddSource_Type_Rest' }]),
    );
    const list = await t.rest('sns/friend_get_list', { From_Account: 'alice', To_Account: ['bob', 'carol'], TagList: ['Tag_SNS_IM_Remark'] });
    expect(list).toMatchObject({ InfoItem: [{ To_Account: 'bob', SnsProfileItem: [{ Tag: 'Tag_SNS_IM_Remark', Value: 'B' }], ResultCode: 0 }, { To_Account: 'carol', ResultCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS }], Fail_Account: ['carol'] });
  });

  it('friend_import, friend_update, friend_delete and friend_delete_all', async () => {
    const t = await server();
    const imported = await t.rest('sns/friend_import', { From_Account: 'alice', AddFriendItem: [{ To_Account: 'bob', AddSource: 'AddSource_Type_Imp', GroupName: ['Old'] }, { To_Account: 'carol', AddSource: 'AddSource_Type_Imp' }] });
    expect(imported).toMatchObject({ ...OK, Fail_Account: [] });
    const updated = await t.rest('sns/friend_update', {
      From_Account: 'alice',
      UpdateItem: [
        { To_Account: 'bob', SnsItem: [{ Tag: 'Tag_SNS_IM_Remark', Value: 'Bobby' }, { Tag: 'Tag_SNS_Custom_Note', Value: 'n' }] },
        { To_Account: 'carol', SnsItem: [{ Tag: 'Tag_SNS_IM_Group', Value: ['X', 'Old'] }] },
        { To_Account: 'ghost', SnsItem: [{ Tag: 'Tag_SNS_IM_Group', Value: ['X'] }] },
        { To_Account: 'carol', SnsItem: [{ Tag: 'Tag_SNS_IM_Group', Value: [''] }, { Tag: 'Tag_SNS_IM_Remark', Value: 'never written' }] },
        { To_Account: 'carol', SnsItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'x' }] },
      ],
    });
    expect(updated).toMatchObject({
      ResultItem: [
        { To_Account: 'bob', ResultCode: 0 },
        { To_Account: 'carol', ResultCode: 0 },
        { To_Account: 'ghost', ResultCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS },
        { To_Account: 'carol', ResultCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS },
        { To_Account: 'carol', ResultCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS },
      ],
      Fail_Account: ['ghost', 'carol', 'carol'],
    });
    expect(await t.rest('sns/friend_get_list', { From_Account: 'alice', To_Account: ['bob', 'carol'], TagList: ['Tag_SNS_IM_Remark', 'Tag_SNS_Custom_Note', 'Tag_SNS_IM_Group'] })).toMatchObject({
      InfoItem: [
        { SnsProfileItem: [{ Tag: 'Tag_SNS_IM_Group', Value: ['Old'] }, { Tag: 'Tag_SNS_IM_Remark', Value: 'Bobby' }, { Tag: 'Tag_SNS_Custom_Note', Value: 'n' }] },
        { SnsProfileItem: [{ Tag: 'Tag_SNS_IM_Group', Value: ['Old', 'X'] }, { Tag: 'Tag_SNS_IM_Remark', Value: '' }] },
      ],
    });
    expect(await t.rest('sns/group_get', { From_Account: 'alice', NeedFriend: 'Need_Friend_Type_Yes' })).toMatchObject({
      ResultItem: [
        { GroupName: 'Old', FriendNumber: 2, To_Account: ['bob', 'carol'] },
        { GroupName: 'X', FriendNumber: 1, To_Account: ['carol'] },
      ],
    });
    const deleted = await t.rest('sns/friend_delete', { From_Account: 'alice', To_Account: ['bob', 'ghost'], DeleteType: 'Delete_Type_Single' });
    expect(deleted).toMatchObject({ ResultItem: [{ To_Account: 'bob', ResultCode: 0 }, { To_Account: 'ghost', ResultCode: ErrorCode.ERR_SVR_FRIENDSHIP_DEL_NONFRIEND }], Fail_Account: ['ghost'] });
    expect(await t.rest('sns/friend_delete_all', { From_Account: 'alice' })).toStrictEqual(OK);
    expect(await t.rest('sns/friend_get', { From_Account: 'alice', StartIndex: 0 })).toMatchObject({ FriendNum: 0, UserDataItem: [] });
  });

  it('answers 30001 for a malformed body and 30003 for an unknown From_Account', async () => {
    const t = await server();
    expect(await t.rest('sns/friend_add', { From_Account: 'alice', AddFriendItem: [{ To_Account: 'bob', AddSource: 'Web' }] })).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS });
    expect(await t.rest('sns/friend_delete', { To_Account: ['bob'] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS });
    expect(await t.rest('sns/friend_check', { From_Account: 'alice', To_Account: ['bob'] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS });
    expect(await t.rest('sns/black_list_get', { From_Account: 'ghost' })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND });
  });
});

describe('sns blacklist and friend groups', () => {
  it('black_list_add, _get, _check and _delete', async () => {
    const t = await server();
    await t.rest('sns/friend_import', { From_Account: 'alice', AddFriendItem: [{ To_Account: 'bob', AddSource: 'AddSource_Type_Imp' }] });
    expect(await t.rest('sns/black_list_add', { From_Account: 'alice', To_Account: ['bob', 'ghost'] })).toMatchObject({ ResultItem: [{ To_Account: 'bob', ResultCode: 0 }, { To_Account: 'ghost', ResultCode: ErrorCode.ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND }], Fail_Account: ['ghost'] });
    await t.rest('sns/black_list_add', { From_Account: 'carol', To_Account: ['alice'] });
    expect(await t.rest('sns/friend_check', { From_Account: 'alice', To_Account: ['bob'], CheckType: 'CheckResult_Type_Both' })).toMatchObject({ InfoItem: [{ Relation: 'CheckResult_Type_NoRelation' }] });
    const list = await t.rest('sns/black_list_get', { From_Account: 'alice', StartIndex: 0, MaxLimited: 10 });
    expect(list).toMatchObject({ ...OK, BlackListItem: [{ To_Account: 'bob', AddBlackTimeStamp: expect.any(Number) as number }], StartIndex: 0, CurruentSequence: 1 });
    expect(await t.rest('sns/black_list_check', { From_Account: 'alice', To_Account: ['bob', 'carol'], CheckType: 'BlackCheckResult_Type_Both' })).toMatchObject({
      BlackListCheckItem: [
        { To_Account: 'bob', Relation: 'BlackCheckResult_Type_AWithB', ResultCode: 0 },
        { To_Account: 'carol', Relation: 'BlackCheckResult_Type_BWithA', ResultCode: 0 },
      ],
    });
    expect(await t.rest('sns/black_list_delete', { From_Account: 'alice', To_Account: ['bob', 'carol'] })).toMatchObject({ ResultItem: [{ ResultCode: 0 }, { To_Account: 'carol', ResultCode: 31503 }], Fail_Account: ['carol'] });
  });

  it('group_add, group_get and group_delete, writing nothing when a name is taken', async () => {
    const t = await server();
    await t.rest('sns/friend_import', { From_Account: 'alice', AddFriendItem: [{ To_Account: 'bob', AddSource: 'AddSource_Type_Imp' }] });
    expect(await t.rest('sns/group_add', { From_Account: 'alice', GroupName: ['A', 'B'], To_Account: ['bob', 'carol'] })).toMatchObject({ ...OK, CurrentSequence: 2, ResultItem: [{ To_Account: 'bob', ResultCode: 0 }, { To_Account: 'carol', ResultCode: 32518 }], Fail_Account: ['carol'] });
    expect(await t.rest('sns/group_add', { From_Account: 'alice', GroupName: ['C', 'A'] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS });
    expect(await t.rest('sns/group_get', { From_Account: 'alice', NeedFriend: 'Need_Friend_Type_Yes' })).toStrictEqual({
      ...OK,
      ResultItem: [
        { GroupName: 'A', FriendNumber: 1, To_Account: ['bob'] },
        { GroupName: 'B', FriendNumber: 1, To_Account: ['bob'] },
      ],
      CurrentSequence: 2,
    });
    expect(await t.rest('sns/group_delete', { From_Account: 'alice', GroupName: ['A', 'missing'] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS });
    expect(await t.rest('sns/group_delete', { From_Account: 'alice', GroupName: ['A'] })).toStrictEqual({ ...OK, CurrentSequence: 1 });
    expect(await t.rest('sns/group_get', { From_Account: 'alice' })).toMatchObject({ ResultItem: [{ GroupName: 'B', FriendNumber: 1 }] });
  });
});
