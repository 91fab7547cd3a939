/** The relationship commands over the gateway, with Tencent's codes and pushes, against a real server (and across nodes). */
import { describe, expect, it } from 'vitest';
import { ErrorCode, MessageCommands, ProfileCommands, RelationshipCommands as C, RelationshipPushes as P } from '@parley/protocol';
import { ChatClient } from '../../../test-support/chat-client.js';
import { chatFixture } from '../../../test-support/chat-fixture.js';
import { startTestCluster } from '../../../test-support/test-cluster.js';

const { server, login } = chatFixture(['alice', 'bob', 'carol']);
const add = (to: string, extra: Record<string, unknown> = {}) => ({ to, source: 'AddSource_Type_Test', ...extra });
const text = (to: string, id: string) => ({ to, conversationType: 'C2C', ID: id, random: 1, elements: [{ type: 'TIMTextElem', content: { text: 'hi' } }] });

describe('relationship commands', () => {
  it('stores an application for a NeedConfirm target, pushes the new lists to both users, and accept makes a both-way friendship', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    expect(await alice.ok(C.addFriend.name, add('bob', { wording: 'hi', remark: 'B', groupName: 'G' }))).toMatchObject({ userID: 'bob', code: ErrorCode.ERR_SVR_FRIENDSHIP_ALLOW_TYPE_NEED_CONFIRM });
    await bob.until(() => bob.pushes(P.applicationsUpdated.name).length === 1, 'application push to bob');
    expect(bob.pushes(P.applicationsUpdated.name)[0]?.body).toMatchObject({ friendApplicationList: [{ userID: 'alice', type: 'Pendency_Type_ComeIn', wording: 'hi' }], unreadCount: 1 });
    await alice.until(() => alice.pushes(P.applicationsUpdated.name).length === 1, 'application push to alice (the sender is told too)');
    await bob.ok(C.acceptApplication.name, { userID: 'alice', type: 'Response_Action_AgreeAndAdd' });
    await alice.until(() => alice.pushes(P.friendsUpdated.name).length === 1, 'friend push');
    expect(alice.pushes(P.friendsUpdated.name)[0]?.body).toMatchObject({ friendList: [{ userID: 'bob', remark: 'B', groupList: ['G'] }] });
    expect(await bob.ok(C.friendList.name)).toMatchObject({ friendList: [{ userID: 'alice' }] });
    expect(await bob.ok(C.applicationList.name)).toStrictEqual({ friendApplicationList: [], unreadCount: 0 });
    expect(await alice.ok(C.groupList.name)).toStrictEqual({ friendGroupList: [{ name: 'G', userIDList: ['bob'] }] });
  });

  it('Response_Action_Agree makes a one-way friendship of the applicant', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    await alice.ok(C.addFriend.name, add('bob'));
    await bob.ok(C.acceptApplication.name, { userID: 'alice', type: 'Response_Action_Agree' });
    expect(await alice.ok(C.checkFriend.name, { userIDList: ['bob'] })).toStrictEqual({ successUserIDList: [{ userID: 'bob', relation: 'CheckResult_Type_AWithB' }], failureUserIDList: [] });
    expect(await bob.ok(C.checkFriend.name, { userIDList: ['alice'], type: 'CheckResult_Type_Single' })).toMatchObject({ successUserIDList: [{ relation: 'CheckResult_Type_NoRelation' }] });
  });

  it("answers Tencent's codes for bad input and refused requests", async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    await bob.ok(ProfileCommands.update.name, { allowType: 'AllowType_Type_DenyAny' });
    expect(await alice.code(C.addFriend.name, add('bob'))).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_ALLOW_TYPE_DENY_ANY);
    expect(await alice.code(C.addFriend.name, add('alice'))).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    expect(await alice.code(C.addFriend.name, add('ghost'))).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND);
    expect(await alice.code(C.addFriend.name, { to: 'bob', source: 'AddSource_Type_TooLongName' })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    expect(await alice.code(C.addFriend.name, add('bob', { remark: 'x'.repeat(97) }))).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    expect(await alice.code(C.deleteFriend.name, { userIDList: Array.from({ length: 101 }, (_, i) => `u${i}`) })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    expect(await alice.code(C.createGroup.name, { name: 'x'.repeat(31) })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    expect(await alice.code(C.acceptApplication.name, { userID: 'bob' })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_PENDENCY_NOT_FOUND);
    expect(await alice.code(C.updateFriend.name, { userID: 'bob', remark: 'x' })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    expect(await alice.code(C.updateFriend.name, { userID: 'bob', friendCustomField: [{ key: 'Tag_Profile_Custom_X', value: 'x' }] })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    for (let i = 0; i < 32; i++) await alice.ok(C.createGroup.name, { name: `g${i}` });
    expect(await alice.code(C.createGroup.name, { name: 'one more' })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT);
  });

  it('blocking ends the friendship both ways with pushes to both, drops applications, and refuses the blocked sender with 20007', async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    await bob.ok(ProfileCommands.update.name, { allowType: 'AllowType_Type_AllowAny' });
    await alice.ok(C.addFriend.name, add('bob'));
    await bob.ok(ProfileCommands.update.name, { allowType: 'AllowType_Type_NeedConfirm' });
    await carol.ok(C.addFriend.name, add('bob'));
    await carol.until(() => carol.pushes(P.applicationsUpdated.name).length === 1, 'application sent');
    const before = alice.pushes(P.friendsUpdated.name).length;
    expect(await bob.ok(C.addToBlacklist.name, { userIDList: ['alice', 'carol', 'ghost', 'bob'] })).toMatchObject({
      successUserIDList: ['alice', 'carol'],
      failureUserIDList: [
        { userID: 'ghost', code: ErrorCode.ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND },
        { userID: 'bob', code: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS },
      ],
    });
    await alice.until(() => alice.pushes(P.friendsUpdated.name).length > before, 'friend push to the blocked user');
    expect(alice.pushes(P.friendsUpdated.name).at(-1)?.body).toStrictEqual({ friendList: [] });
    await carol.until(() => carol.pushes(P.applicationsUpdated.name).length === 2, 'application dropped');
    expect(carol.pushes(P.applicationsUpdated.name).at(-1)?.body).toStrictEqual({ friendApplicationList: [], unreadCount: 0 });
    expect(await bob.ok(C.blacklist.name)).toStrictEqual({ userIDList: ['alice', 'carol'] });
    expect(await bob.ok(C.addToBlacklist.name, { userIDList: ['alice'] })).toMatchObject({ failureUserIDList: [{ userID: 'alice', code: 31307 }] });
    expect(await alice.code(MessageCommands.send.name, text('bob', 'm1'))).toBe(ErrorCode.ERR_SVR_MSG_IN_PEER_BLACKLIST);
    await bob.ok(MessageCommands.send.name, text('alice', 'm2'));
    expect(await bob.ok(C.removeFromBlacklist.name, { userIDList: ['alice', 'ghost'] })).toMatchObject({ successUserIDList: ['alice'], failureUserIDList: [{ userID: 'ghost', code: 31503 }] });
    await alice.ok(MessageCommands.send.name, text('bob', 'm3'));
  });

  it('deleting a friend takes it out of the groups and tells the other side of a both-way delete', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    await bob.ok(ProfileCommands.update.name, { allowType: 'AllowType_Type_AllowAny' });
    await alice.ok(C.addFriend.name, add('bob'));
    expect(await alice.ok(C.createGroup.name, { name: 'G', userIDList: ['bob', 'carol'] })).toMatchObject({ friendGroup: { name: 'G', userIDList: ['bob'] }, failureUserIDList: [{ userID: 'carol', code: 32518 }] });
    const bobPushes = bob.pushes(P.friendsUpdated.name).length;
    expect(await alice.ok(C.deleteFriend.name, { userIDList: ['bob', 'carol'] })).toMatchObject({ successUserIDList: ['bob'], failureUserIDList: [{ userID: 'carol', code: ErrorCode.ERR_SVR_FRIENDSHIP_DEL_NONFRIEND }] });
    await bob.until(() => bob.pushes(P.friendsUpdated.name).length > bobPushes, 'friend push to the other side');
    expect(await alice.ok(C.groupList.name)).toStrictEqual({ friendGroupList: [{ name: 'G', userIDList: [] }] });
    expect(await bob.ok(C.friendList.name)).toStrictEqual({ friendList: [] });
  });
});

describe('relationships across nodes', () => {
  it("pushes an application to the target's instance on another node", async () => {
    await using cluster = await startTestCluster(2);
    const [a, b] = cluster.nodes;
    const alice = await ChatClient.login(a!, 'alice');
    const bob = await ChatClient.login(b!, 'bob');
    try {
      await alice.ok(C.addFriend.name, add('bob'));
      await bob.until(() => bob.pushes(P.applicationsUpdated.name).length === 1, 'application push across nodes');
      expect(bob.pushes(P.applicationsUpdated.name)[0]?.body).toMatchObject({ friendApplicationList: [{ userID: 'alice', type: 'Pendency_Type_ComeIn' }] });
    } finally {
      alice.close();
      bob.close();
    }
  });
});

describe("relationship limits (Tencent's 3000 friends, 100 pending applications, 1000 blocked users)", () => {
  const edges = (owner: string, count: number) => Array.from({ length: count }, (_, i) => ({ owner, friend: `f${i}`, remark: '', groupName: '', source: 'AddSource_Type_Test', wording: '' }));
  const LIMITS = { maxFriends: 3000, maxGroups: 32 };

  it('answers 30010 when the caller has 3000 friends and 30014 when the other side has', async () => {
    const t = await server();
    await t.store.friends.add(t.app.sdkAppID, edges('alice', 3000), 1, LIMITS);
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    await bob.ok(ProfileCommands.update.name, { allowType: 'AllowType_Type_AllowAny' });
    await alice.ok(ProfileCommands.update.name, { allowType: 'AllowType_Type_AllowAny' });
    expect(await alice.code(C.addFriend.name, add('bob'))).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_COUNT_LIMIT);
    expect(await bob.code(C.addFriend.name, add('alice'))).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_PEER_FRIEND_LIMIT);
    expect(await bob.ok(C.friendList.name)).toStrictEqual({ friendList: [] });
  });

  it('answers 30012 when the target has 100 pending applications, and 30013 past 1000 blocked users', async () => {
    const t = await server();
    for (let i = 0; i < 100; i++) {
      await t.store.friendApplications.put(t.app.sdkAppID, { from: `u${i}`, to: 'bob', source: 'AddSource_Type_Test', wording: '', remark: '', groupName: '', addType: 'Add_Type_Both', time: i }, 100);
    }
    const alice = await login(t, 'alice');
    await login(t, 'bob');
    expect(await alice.code(C.addFriend.name, add('bob'))).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_PENDENCY_LIMIT);
    await t.store.blacklist.add(t.app.sdkAppID, 'alice', Array.from({ length: 1000 }, (_, i) => `b${i}`), 1, 1000);
    expect(await alice.code(C.addToBlacklist.name, { userIDList: ['bob'] })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_BLACKLIST_LIMIT);
  });
});
