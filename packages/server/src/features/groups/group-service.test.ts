/** Groups over a real server and raw protocol clients: every type, joining, tips, pushes, ordering. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, MessagingCommand as M, MessagingPush, type WireGroup, type WireMessage } from '@parley/protocol';
import type { ChatClient } from '../../../test-support/chat-client.js';
import { chatFixture } from '../../../test-support/chat-fixture.js';

const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];

const { server, login } = chatFixture(USERS);

async function create(owner: ChatClient, body: Record<string, unknown>): Promise<WireGroup> {
  return (await owner.ok(M.CREATE_GROUP, { name: 'G', ...body }))['group'] as WireGroup;
}

const history = async (c: ChatClient, groupID: string, extra: Record<string, unknown> = {}): Promise<WireMessage[]> =>
  (await c.ok(M.HISTORY, { conversationID: `GROUP${groupID}`, count: 100, ...extra }))['messages'] as WireMessage[];
const tips = (messages: WireMessage[]) =>
  messages.filter((m) => m.elements[0]?.type === 'TIMGroupTipElem').map((m) => m.elements[0]?.content as { operationType: number; operatorID: string; userIDList: string[] });

describe('two users chat in every group type', () => {
  it.each([
    ['Private', true],
    ['Public', true],
    ['ChatRoom', true],
    ['AVChatRoom', false],
    ['Community', true],
  ] as const)('%s (history stored: %s)', async (type, stored) => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const group = await create(alice, { type, ...(type === 'Private' ? { memberList: [{ userID: 'bob' }] } : {}) });
    expect(group).toMatchObject({ type, ownerID: 'alice', selfRole: 'Owner' });
    if (type === 'Public') expect((await alice.ok(M.ADD_MEMBERS, { groupID: group.groupID, userIDList: ['bob'] }))['results']).toStrictEqual([{ userID: 'bob', result: 1 }]);
    else if (type !== 'Private') expect((await bob.ok(M.JOIN_GROUP, { groupID: group.groupID }))['status']).toBe('JoinedSuccess');
    const before = bob.messages().length;
    const sent = (await alice.ok(M.SEND, alice.textBody('GROUP', group.groupID, `hello ${type}`)))['message'] as WireMessage;
    await bob.until(() => bob.messages().some((m) => m.ID === sent.ID), 'the group message');
    expect(bob.messages().slice(before).find((m) => m.ID === sent.ID)).toStrictEqual(sent);
    const reply = (await bob.ok(M.SEND, bob.textBody('GROUP', group.groupID, 'hi')))['message'] as WireMessage;
    await alice.until(() => alice.messages().some((m) => m.ID === reply.ID), 'the reply');
    if (stored) {
      expect(reply.seq).toBe(sent.seq + 1);
      expect((await history(bob, group.groupID)).slice(-2).map((m) => m.ID)).toStrictEqual([sent.ID, reply.ID]);
    } else {
      expect([sent.seq, reply.seq]).toStrictEqual([0, 0]);
      expect(await history(bob, group.groupID)).toStrictEqual([]);
    }
  });
});

describe('joining', () => {
  it('follows each type\'s rules: Work refuses, Public asks for approval or admits, FreeAccess admits, DisableApply refuses', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const work = await create(alice, { type: 'Private' });
    expect(await bob.code(M.JOIN_GROUP, { groupID: work.groupID })).toBe(ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY);
    const pub = await create(alice, { type: 'Public' });
    expect(pub.joinOption).toBe('NeedPermission');
    expect((await bob.ok(M.JOIN_GROUP, { groupID: pub.groupID, applyMessage: 'me too' }))['status']).toBe('WaitAdminApproval');
    expect(await t.store.groupApplications.list(t.app.sdkAppID, pub.groupID)).toMatchObject([{ userID: 'bob', message: 'me too' }]);
    expect(await bob.code(M.HISTORY, { conversationID: `GROUP${pub.groupID}` })).toBe(ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY);
    await alice.ok(M.UPDATE_GROUP, { groupID: pub.groupID, joinOption: 'FreeAccess' });
    expect((await bob.ok(M.JOIN_GROUP, { groupID: pub.groupID }))['status']).toBe('JoinedSuccess');
    expect(await t.store.groupApplications.list(t.app.sdkAppID, pub.groupID)).toStrictEqual([]);
    expect((await bob.ok(M.JOIN_GROUP, { groupID: pub.groupID }))['status']).toBe('AlreadyInGroup');
    await alice.ok(M.UPDATE_GROUP, { groupID: pub.groupID, joinOption: 'DisableApply' });
    const carol = await login(t, 'carol');
    expect(await carol.code(M.JOIN_GROUP, { groupID: pub.groupID })).toBe(ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY);
    expect(await alice.code(M.UPDATE_GROUP, { groupID: work.groupID, joinOption: 'FreeAccess' })).toBe(ErrorCode.ERR_SVR_GROUP_INVALID_PARAMETERS);
    expect(await bob.code(M.JOIN_GROUP, { groupID: 'no-such-group' })).toBe(ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
  });

  it('tells members when they joined: on create, on a successful join and in the joined list', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const before = Math.floor(Date.now() / 1000);
    const group = await create(alice, { type: 'ChatRoom' });
    expect(group.selfJoinTime).toBe(group.createTime);
    const joined = (await bob.ok(M.JOIN_GROUP, { groupID: group.groupID }))['group'] as WireGroup;
    expect(joined).toMatchObject({ selfRole: 'Member' });
    expect(joined.selfJoinTime).toBeGreaterThanOrEqual(before);
    const listed = (await bob.ok(M.JOINED_GROUPS))['groups'] as WireGroup[];
    expect(listed.find((g) => g.groupID === group.groupID)).toMatchObject({ selfRole: 'Member', selfJoinTime: joined.selfJoinTime });
    // A profile read by a non-member carries neither role nor join time.
    const carol = await login(t, 'carol');
    const seen = (await carol.ok(M.GROUP_INFO, { groupID: group.groupID }))['group'] as WireGroup;
    expect(seen.selfRole).toBeUndefined();
    expect(seen.selfJoinTime).toBeUndefined();
  });

  it('enforces member limits: the type\'s and the group\'s own', async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    expect(await alice.code(M.CREATE_GROUP, { type: 'Private', name: 'x', maxMemberNum: 201 })).toBe(ErrorCode.ERR_SVR_GROUP_INVALID_PARAMETERS);
    const small = await create(alice, { type: 'ChatRoom', maxMemberNum: 2 });
    expect(small.maxMemberNum).toBe(2);
    expect((await bob.ok(M.JOIN_GROUP, { groupID: small.groupID }))['status']).toBe('JoinedSuccess');
    expect(await carol.code(M.JOIN_GROUP, { groupID: small.groupID })).toBe(ErrorCode.ERR_SVR_GROUP_FULL_MEMBER_COUNT);
    expect((await alice.ok(M.ADD_MEMBERS, { groupID: small.groupID, userIDList: ['carol', 'bob', 'ghost'] }))['results']).toStrictEqual([
      { userID: 'carol', result: 0 },
      { userID: 'bob', result: 2 },
      { userID: 'ghost', result: 0 },
    ]);
    expect(await alice.code(M.CREATE_GROUP, { type: 'Public', name: 'x', maxMemberNum: 2, memberList: [{ userID: 'bob' }, { userID: 'carol' }] })).toBe(ErrorCode.ERR_SVR_GROUP_FULL_MEMBER_COUNT);
    expect((await create(alice, { type: 'AVChatRoom' })).maxMemberNum).toBe(0);
  });

  it('refuses members at creation of an AVChatRoom and unknown initial members', async () => {
    const t = await server();
    const alice = await login(t, 'alice');
    expect(await alice.code(M.CREATE_GROUP, { type: 'AVChatRoom', name: 'x', memberList: [{ userID: 'bob' }] })).toBe(ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY);
    expect(await alice.code(M.CREATE_GROUP, { type: 'Public', name: 'x', memberList: [{ userID: 'ghost' }] })).toBe(ErrorCode.ERR_SVR_GROUP_ACCOUNT_NOT_FOUND);
    await create(alice, { type: 'Public', groupID: 'taken' });
    expect(await alice.code(M.CREATE_GROUP, { type: 'Public', name: 'x', groupID: 'taken' })).toBe(ErrorCode.ERR_SVR_GROUP_GROUPID_IN_USED);
    expect(await alice.code(M.CREATE_GROUP, { type: 'Public', name: 'x', groupID: '@TGS#mine' })).toBe(ErrorCode.ERR_SVR_GROUP_INVALID_GROUPID);
  });
});

describe('tips and group-list pushes', () => {
  it('stores a tip for every membership and profile change, and tells the users whose list changed', async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    const g = await create(alice, { type: 'Public', memberList: [{ userID: 'bob' }] });
    await bob.until(() => bob.pushes(MessagingPush.GROUP_CHANGED).length === 1, 'joined push');
    expect(bob.pushes(MessagingPush.GROUP_CHANGED)[0]?.body).toMatchObject({ groupID: g.groupID, change: 'joined', group: { groupID: g.groupID, selfRole: 'Member' } });
    await alice.ok(M.ADD_MEMBERS, { groupID: g.groupID, userIDList: ['carol'] });
    await alice.ok(M.SET_MEMBER_ROLE, { groupID: g.groupID, userID: 'bob', role: 'Admin' });
    await alice.ok(M.SET_MEMBER_ROLE, { groupID: g.groupID, userID: 'bob', role: 'Member' });
    await alice.ok(M.UPDATE_GROUP, { groupID: g.groupID, name: 'Renamed', notification: 'hi all' });
    await bob.ok(M.DELETE_MEMBERS, { groupID: g.groupID, userIDList: ['carol'] }).catch(() => undefined);
    await alice.ok(M.DELETE_MEMBERS, { groupID: g.groupID, userIDList: ['carol'] });
    await bob.ok(M.QUIT_GROUP, { groupID: g.groupID });
    expect(tips(await history(alice, g.groupID))).toStrictEqual([
      { operationType: 1, operatorID: 'alice', userIDList: ['alice', 'bob'] },
      { operationType: 1, operatorID: 'alice', userIDList: ['carol'] },
      { operationType: 4, operatorID: 'alice', userIDList: ['bob'] },
      { operationType: 5, operatorID: 'alice', userIDList: ['bob'] },
      { operationType: 6, operatorID: 'alice', userIDList: [], groupProfile: { name: 'Renamed', notification: 'hi all' } },
      { operationType: 3, operatorID: 'alice', userIDList: ['carol'] },
      { operationType: 2, operatorID: 'bob', userIDList: ['bob'] },
    ]);
    await carol.until(() => carol.pushes(MessagingPush.GROUP_CHANGED).some((p) => p.body['change'] === 'kicked'), 'kicked push');
    // The removed member is told by the tip too, though no longer a member.
    await carol.until(() => carol.messages().some((m) => (m.elements[0]?.content as { operationType?: number }).operationType === 3), 'kick tip');
    expect(bob.pushes(MessagingPush.GROUP_CHANGED).map((p) => p.body['change'])).toStrictEqual(['joined', 'updated', 'updated', 'updated']);
    expect(await bob.code(M.HISTORY, { conversationID: `GROUP${g.groupID}` })).toBe(ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY);
  });

  it('tells every member when the group is dismissed, and then it is gone (10010)', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const g = await create(alice, { type: 'Private', memberList: [{ userID: 'bob' }] });
    expect(await bob.code(M.DISMISS_GROUP, { groupID: g.groupID })).toBe(ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY);
    await alice.ok(M.DISMISS_GROUP, { groupID: g.groupID });
    await bob.until(() => bob.pushes(MessagingPush.GROUP_CHANGED).some((p) => p.body['change'] === 'dismissed'), 'dismissed push');
    expect(await bob.code(M.SEND, bob.textBody('GROUP', g.groupID, 'x'))).toBe(ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
    expect(await alice.code(M.GROUP_INFO, { groupID: g.groupID })).toBe(ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
    expect((await bob.ok(M.JOINED_GROUPS))['groups']).toStrictEqual([]);
    expect((await bob.ok(M.CONVERSATIONS))['conversations']).toStrictEqual([]);
  });
});

describe('permissions', () => {
  it('checks roles on every operation', async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    const DENY = ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY;
    const pub = await create(alice, { type: 'Public', memberList: [{ userID: 'bob' }, { userID: 'carol', role: 'Admin' }] });
    expect(await bob.code(M.ADD_MEMBERS, { groupID: pub.groupID, userIDList: ['dave'] })).toBe(DENY);
    expect(await bob.code(M.DELETE_MEMBERS, { groupID: pub.groupID, userIDList: ['carol'] })).toBe(DENY);
    expect(await bob.code(M.UPDATE_GROUP, { groupID: pub.groupID, name: 'x' })).toBe(DENY);
    expect(await carol.code(M.SET_MEMBER_ROLE, { groupID: pub.groupID, userID: 'bob', role: 'Admin' })).toBe(DENY);
    expect(await carol.code(M.DELETE_MEMBERS, { groupID: pub.groupID, userIDList: ['alice'] })).toBe(DENY);
    expect(await alice.code(M.QUIT_GROUP, { groupID: pub.groupID })).toBe(ErrorCode.ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT);
    expect(await alice.code(M.SET_MEMBER_ROLE, { groupID: pub.groupID, userID: 'dave', role: 'Admin' })).toBe(ErrorCode.ERR_SVR_GROUP_INVALID_PARAMETERS);
    await carol.ok(M.DELETE_MEMBERS, { groupID: pub.groupID, userIDList: ['bob'] });
    const dave = await login(t, 'dave');
    expect(await dave.code(M.SEND, dave.textBody('GROUP', pub.groupID, 'x'))).toBe(DENY);
    expect(await dave.code(M.GROUP_MEMBERS, { groupID: pub.groupID })).toBe(DENY);
    expect((await dave.ok(M.GROUP_INFO, { groupID: pub.groupID }))['group']).toMatchObject({ groupID: pub.groupID, memberNum: 2 });

    const work = await create(alice, { type: 'Private', memberList: [{ userID: 'bob' }] });
    expect(await dave.code(M.GROUP_INFO, { groupID: work.groupID })).toBe(DENY);
    expect((await bob.ok(M.ADD_MEMBERS, { groupID: work.groupID, userIDList: ['dave'] }))['results']).toStrictEqual([{ userID: 'dave', result: 1 }]);
    expect((await bob.ok(M.UPDATE_GROUP, { groupID: work.groupID, introduction: 'members may edit' }))['group']).toMatchObject({ introduction: 'members may edit' });
    await alice.ok(M.QUIT_GROUP, { groupID: work.groupID });
    expect((await bob.ok(M.GROUP_INFO, { groupID: work.groupID }))['group']).toMatchObject({ ownerID: '', memberNum: 2 });
  });

  it('mutes everyone but the owner and admins when muteAllMembers is on', async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    const g = await create(alice, { type: 'Public', memberList: [{ userID: 'bob' }, { userID: 'carol', role: 'Admin' }] });
    await alice.ok(M.UPDATE_GROUP, { groupID: g.groupID, muteAllMembers: true });
    expect(await bob.code(M.SEND, bob.textBody('GROUP', g.groupID, 'x'))).toBe(ErrorCode.ERR_SVR_GROUP_SHUTUP_DENY);
    await carol.ok(M.SEND, carol.textBody('GROUP', g.groupID, 'admins may'));
    await alice.ok(M.SEND, alice.textBody('GROUP', g.groupID, 'owner may'));
  });

  it('lists members in pages', async () => {
    const t = await server();
    const alice = await login(t, 'alice');
    const g = await create(alice, { type: 'Public', memberList: ['bob', 'carol', 'dave', 'erin'].map((userID) => ({ userID })) });
    const first = await alice.ok(M.GROUP_MEMBERS, { groupID: g.groupID, count: 3 });
    expect(first).toMatchObject({ nextOffset: 3, isCompleted: false });
    expect((first['members'] as { userID: string; role: string }[]).map((m) => [m.userID, m.role])).toStrictEqual([['alice', 'Owner'], ['bob', 'Member'], ['carol', 'Member']]);
    const second = await alice.ok(M.GROUP_MEMBERS, { groupID: g.groupID, offset: 3, count: 3 });
    expect(second).toMatchObject({ nextOffset: 5, isCompleted: true });
  });
});

describe('delivery and ordering', () => {
  it('gives every member the messages of many concurrent senders in strictly increasing order without gaps', async () => {
    const t = await server();
    const members = await Promise.all(USERS.map((u) => login(t, u)));
    const [owner] = members;
    if (!owner) throw new Error('no owner');
    const g = await create(owner, { type: 'ChatRoom', memberList: USERS.slice(1).map((userID) => ({ userID })) });
    const firstSeq = (await history(owner, g.groupID)).length + 1;
    const acks = await Promise.all(members.flatMap((c) => Array.from({ length: 20 }, (_, i) => c.ok(M.SEND, c.textBody('GROUP', g.groupID, `${c.userID}-${i}`)))));
    const total = acks.length;
    const allSeqs = acks.map((a) => (a['message'] as WireMessage).seq).sort((a, b) => a - b);
    expect(allSeqs).toStrictEqual(Array.from({ length: total }, (_, i) => firstSeq + i));
    for (const c of members) {
      await c.until(() => c.messages().filter((m) => m.seq >= firstSeq).length === total - 20, `${c.userID}'s pushes`);
      const seen = c.messages().filter((m) => m.seq >= firstSeq).map((m) => m.seq);
      expect(seen.every((s, i) => i === 0 || s > (seen[i - 1] ?? 0)), `${c.userID} saw ${seen.join(',')}`).toBe(true);
    }
    expect((await history(owner, g.groupID, { afterSeq: firstSeq - 1 })).map((m) => m.seq)).toStrictEqual(Array.from({ length: Math.min(total, 100) }, (_, i) => firstSeq + i));
  });

  it('sends a targeted message only to its receivers that are members (and the sender\'s other instances)', async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    const phone = await login(t, 'alice', 'Android');
    const g = await create(alice, { type: 'Public', memberList: [{ userID: 'bob' }, { userID: 'carol' }] });
    const dave = await login(t, 'dave');
    const sent = (await alice.ok(M.SEND, alice.textBody('GROUP', g.groupID, 'psst', { receiverList: ['bob', 'dave'] })))['message'] as WireMessage;
    await bob.until(() => bob.messages().some((m) => m.ID === sent.ID), 'bob gets it');
    await phone.until(() => phone.messages().some((m) => m.ID === sent.ID), 'alice\'s phone gets it');
    await new Promise((r) => setTimeout(r, 100));
    expect(carol.messages().some((m) => m.ID === sent.ID)).toBe(false);
    // A receiver who is not a member gets nothing.
    expect(dave.messages().some((m) => m.ID === sent.ID)).toBe(false);
    expect((await history(carol, g.groupID)).some((m) => m.ID === sent.ID)).toBe(false);
    expect((await history(bob, g.groupID)).some((m) => m.ID === sent.ID)).toBe(true);
  });

  it('lets an offline member catch up with sync (group sequences) and history', async () => {
    const t = await server();
    const alice = await login(t, 'alice');
    const g = await create(alice, { type: 'Public', memberList: [{ userID: 'bob' }] });
    const seen = (await history(alice, g.groupID)).length;
    for (let i = 0; i < 5; i++) await alice.ok(M.SEND, alice.textBody('GROUP', g.groupID, `m${i}`));
    const bob = await login(t, 'bob');
    const sync = await bob.ok(M.SYNC);
    expect(sync['groups']).toStrictEqual([{ groupID: g.groupID, seq: seen + 5 }]);
    const missed = await history(bob, g.groupID, { afterSeq: seen });
    expect(missed.map((m) => m.seq)).toStrictEqual([1, 2, 3, 4, 5].map((i) => seen + i));
    expect((await bob.ok(M.CONVERSATIONS))['conversations']).toMatchObject([{ conversationID: `GROUP${g.groupID}`, unreadCount: 5 }]);
  });
});
