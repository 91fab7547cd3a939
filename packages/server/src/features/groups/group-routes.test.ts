/** REST `group_open_http_svc/*` endpoints with Tencent's field names, against a real server. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, MessagingCommand as M, MessagingPush, type WireMessage } from '@parley/protocol';
import { chatFixture } from '../../../test-support/chat-fixture.js';

const { server, login } = chatFixture(['alice', 'bob', 'carol', 'dave']);

const text = (t: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }];

describe('group_open_http_svc', () => {
  it('creates a group and reports it with Tencent\'s fields', async () => {
    const t = await server();
    const created = await t.rest('group_open_http_svc/create_group', {
      Owner_Account: 'alice',
      Type: 'Public',
      GroupId: 'team',
      Name: 'Team',
      Introduction: 'intro',
      Notification: 'note',
      FaceUrl: 'http://x/f.png',
      MaxMemberCount: 50,
      ApplyJoinOption: 'FreeAccess',
      MemberList: [{ Member_Account: 'bob', Role: 'Admin' }, { Member_Account: 'carol' }],
    });
    expect(created).toStrictEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', GroupId: 'team' });
    const info = await t.rest('group_open_http_svc/get_group_info', { GroupIdList: ['team', 'ghost'] });
    const [team, ghost] = info['GroupInfo'] as Record<string, unknown>[];
    expect(team).toMatchObject({
      GroupId: 'team',
      ErrorCode: 0,
      Type: 'Public',
      Name: 'Team',
      Introduction: 'intro',
      Notification: 'note',
      FaceUrl: 'http://x/f.png',
      Owner_Account: 'alice',
      MemberNum: 3,
      MaxMemberNum: 50,
      ApplyJoinOption: 'FreeAccess',
      ShutUpAllMember: 'Off',
      NextMsgSeq: 2,
    });
    expect(new Set(team?.['MemberList'] as unknown[])).toStrictEqual(
      new Set([{ Member_Account: 'alice', Role: 'Owner' }, { Member_Account: 'bob', Role: 'Admin' }, { Member_Account: 'carol', Role: 'Member' }]),
    );
    expect(ghost).toMatchObject({ GroupId: 'ghost', ErrorCode: ErrorCode.ERR_SVR_GROUP_NOT_FOUND });
  });

  it('creates a group without owner and generates its ID', async () => {
    const t = await server();
    const created = await t.rest('group_open_http_svc/create_group', { Type: 'Private', Name: 'Ownerless', MemberList: [{ Member_Account: 'bob' }] });
    expect(created['GroupId']).toMatch(/^@TGS#1[A-Z2-7]{10}$/);
    const community = await t.rest('group_open_http_svc/create_group', { Type: 'Community', Name: 'C' });
    expect(community['GroupId']).toMatch(/^@TGS#_[A-Z2-7]{10}$/);
    const [info] = (await t.rest('group_open_http_svc/get_group_info', { GroupIdList: [created['GroupId']] }))['GroupInfo'] as Record<string, unknown>[];
    expect(info).toMatchObject({ Owner_Account: '', MemberNum: 1 });
  });

  it('adds and deletes members, telling them', async () => {
    const t = await server();
    const [bob, dave] = [await login(t, 'bob'), await login(t, 'dave')];
    await t.rest('group_open_http_svc/create_group', { Owner_Account: 'alice', Type: 'Public', GroupId: 'g', Name: 'G' });
    const added = await t.rest('group_open_http_svc/add_group_member', { GroupId: 'g', MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'alice' }, { Member_Account: 'ghost' }, { Member_Account: 'dave' }] });
    expect(added['MemberList']).toStrictEqual([
      { Member_Account: 'bob', Result: 1 },
      { Member_Account: 'alice', Result: 2 },
      { Member_Account: 'ghost', Result: 0 },
      { Member_Account: 'dave', Result: 1 },
    ]);
    await bob.until(() => bob.pushes(MessagingPush.GROUP_CHANGED).some((p) => p.body['change'] === 'joined'), 'joined push');
    expect((await t.rest('group_open_http_svc/delete_group_member', { GroupId: 'g', Reason: 'bye', MemberToDel_Account: ['dave'] }))['ErrorCode']).toBe(0);
    await dave.until(() => dave.pushes(MessagingPush.GROUP_CHANGED).some((p) => p.body['change'] === 'kicked'), 'kicked push');
    const joined = await t.rest('group_open_http_svc/get_joined_group_list', { Member_Account: 'bob' });
    expect(joined).toMatchObject({ TotalCount: 1, GroupIdList: [{ GroupId: 'g', Type: 'Public', Name: 'G', SelfInfo: { Role: 'Member' } }] });
    expect((await t.rest('group_open_http_svc/get_joined_group_list', { Member_Account: 'dave' }))['TotalCount']).toBe(0);
  });

  it('sends group messages as a member or as the admin, also targeted', async () => {
    const t = await server();
    await t.rest('group_open_http_svc/create_group', { Owner_Account: 'alice', Type: 'Public', GroupId: 'g', Name: 'G', MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'carol' }] });
    const [bob, carol] = [await login(t, 'bob'), await login(t, 'carol')];
    const r = await t.rest('group_open_http_svc/send_group_msg', { GroupId: 'g', From_Account: 'alice', Random: 5, MsgBody: text('hello'), MsgPriority: 'High' });
    expect(r).toMatchObject({ ErrorCode: 0, MsgSeq: 2 });
    await bob.until(() => bob.messages().some((m) => m.seq === 2), 'the group message');
    expect(bob.messages().find((m) => m.seq === 2)).toMatchObject({ from: 'alice', to: 'g', priority: 'High', elements: [{ content: { text: 'hello' } }] });
    const targeted = await t.rest('group_open_http_svc/send_group_msg', { GroupId: 'g', Random: 6, MsgBody: text('just bob'), To_Account: ['bob'] });
    expect(targeted).toMatchObject({ ErrorCode: 0, MsgSeq: 3 });
    await bob.until(() => bob.messages().some((m) => m.seq === 3), 'the targeted message');
    expect(bob.messages().find((m) => m.seq === 3)?.from).toBe('administrator');
    const carolSeqs = ((await carol.ok(M.HISTORY, { conversationID: 'GROUPg' }))['messages'] as WireMessage[]).map((m) => m.seq);
    expect(carolSeqs).toStrictEqual([1, 2]);
    expect((await t.rest('group_open_http_svc/send_group_msg', { GroupId: 'nope', Random: 1, MsgBody: text('x') }))['ErrorCode']).toBe(ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
  });

  it('destroys a group and tells its members', async () => {
    const t = await server();
    await t.rest('group_open_http_svc/create_group', { Owner_Account: 'alice', Type: 'ChatRoom', GroupId: 'g', Name: 'G', MemberList: [{ Member_Account: 'bob' }] });
    const bob = await login(t, 'bob');
    expect((await t.rest('group_open_http_svc/destroy_group', { GroupId: 'g' }))['ErrorCode']).toBe(0);
    await bob.until(() => bob.pushes(MessagingPush.GROUP_CHANGED).some((p) => p.body['change'] === 'dismissed'), 'dismissed push');
    expect((await t.rest('group_open_http_svc/destroy_group', { GroupId: 'g' }))['ErrorCode']).toBe(ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
  });

  it.each([
    ['an unknown Type', 'create_group', { Type: 'Work', Name: 'x' }, ErrorCode.ERR_SVR_GROUP_INVALID_PARAMETERS],
    ['no Name', 'create_group', { Type: 'Public' }, ErrorCode.ERR_SVR_GROUP_INVALID_PARAMETERS],
    ['a reserved GroupId', 'create_group', { Type: 'Public', Name: 'x', GroupId: '@TGS#x' }, ErrorCode.ERR_SVR_GROUP_INVALID_GROUPID],
    ['members of an AVChatRoom', 'create_group', { Type: 'AVChatRoom', Name: 'x', Owner_Account: 'alice', MemberList: [{ Member_Account: 'bob' }] }, ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY],
    ['an unknown owner', 'create_group', { Type: 'Public', Name: 'x', Owner_Account: 'ghost' }, ErrorCode.ERR_SVR_GROUP_ACCOUNT_NOT_FOUND],
    ['a malformed GroupId', 'add_group_member', { GroupId: 'a b', MemberList: [{ Member_Account: 'bob' }] }, ErrorCode.ERR_SVR_GROUP_INVALID_GROUPID],
    ['an unknown group', 'add_group_member', { GroupId: 'nope', MemberList: [{ Member_Account: 'bob' }] }, ErrorCode.ERR_SVR_GROUP_NOT_FOUND],
    ['too many members', 'add_group_member', { GroupId: 'g', MemberList: Array.from({ length: 501 }, (_, i) => ({ Member_Account: `u${i}` })) }, ErrorCode.ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT],
    ['too many groups', 'get_group_info', { GroupIdList: Array.from({ length: 51 }, (_, i) => `g${i}`) }, ErrorCode.ERR_SVR_GROUP_INVALID_PARAMETERS],
  ])('refuses %s', async (_name, command, body, code) => {
    const t = await server();
    expect((await t.rest(`group_open_http_svc/${command}`, body))['ErrorCode']).toBe(code);
  });

  it('refuses a GroupId that is in use with 10021', async () => {
    const t = await server();
    await t.rest('group_open_http_svc/create_group', { Type: 'Public', Name: 'x', GroupId: 'g' });
    expect((await t.rest('group_open_http_svc/create_group', { Type: 'Public', Name: 'y', GroupId: 'g' }))['ErrorCode']).toBe(ErrorCode.ERR_SVR_GROUP_GROUPID_IN_USED);
  });
});
