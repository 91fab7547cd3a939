/**
 * The relationship chain between real SDK instances and a real server: friend requests by the
 * target's allowType, applications and their events on every instance of both users, accepting,
 * the blacklist (friendship gone, 20007 on send, 30515 / 30525 on requests, 2742 for oneself), and
 * friend groups; with Tencent's result shapes and codes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat from '@parley/sdk';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { codeOf, settle, waitUntil } from '../support/events.js';
import { webClient, type WebClient } from '../support/sdk-clients.js';

const { EVENT, TYPES } = TencentCloudChat;

let ts: TestServer | undefined;
const webs: WebClient[] = [];
afterEach(async () => {
  for (const c of webs.splice(0)) await c.chat.destroy().catch(() => undefined);
  await ts?.close();
  ts = undefined;
});

async function user(userID: string, platform = 'Web'): Promise<WebClient> {
  const c = webClient(ts!, { platform } as never);
  webs.push(c);
  await c.chat.login({ userID, userSig: ts!.sig(userID) });
  await waitUntil(() => c.chat.isReady(), 5000, `${userID} ready`);
  return c;
}

/** Records every payload of one event on one instance. */
function record<T>(c: WebClient, event: string): T[] {
  const seen: T[] = [];
  c.chat.on(event, (e: { data?: unknown }) => seen.push(e.data as T));
  return seen;
}

interface FriendLike {
  userID: string;
  remark: string;
  groupList: string[];
  profile: { userID: string; nick: string };
}
interface ApplicationsLike {
  friendApplicationList: { userID: string; type: string; wording: string; nick: string }[];
  unreadCount: number;
}

const ids = (friends: FriendLike[] | undefined): string[] => (friends ?? []).map((f) => f.userID);

describe('friend requests between SDK instances', () => {
  it('alice asks bob, who must confirm: both see the application, bob accepts, and every instance of both hears the new friend list', async () => {
    ts = await startTestServer();
    const bob = await user('bob');
    await bob.chat.updateMyProfile({ nick: 'Bob' });
    const alice = await user('alice');
    const alicePhone = await user('alice', 'Android');
    const bobApps = record<ApplicationsLike>(bob, EVENT.FRIEND_APPLICATION_LIST_UPDATED);
    const phoneApps = record<ApplicationsLike>(alicePhone, EVENT.FRIEND_APPLICATION_LIST_UPDATED);
    const aliceFriends = record<FriendLike[]>(alice, EVENT.FRIEND_LIST_UPDATED);
    const phoneFriends = record<FriendLike[]>(alicePhone, EVENT.FRIEND_LIST_UPDATED);
    const bobFriends = record<FriendLike[]>(bob, EVENT.FRIEND_LIST_UPDATED);

    const sent = await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web', wording: 'hi bob', remark: 'B', groupName: 'Pals', type: TYPES.SNS_ADD_TYPE_BOTH });
    expect(sent).toEqual({ code: 0, data: { userID: 'bob', code: 30539, message: expect.any(String) as string } });
    await waitUntil(() => bobApps.length === 1 && phoneApps.length === 1, 5000, 'FRIEND_APPLICATION_LIST_UPDATED');
    expect(bobApps[0]).toMatchObject({ friendApplicationList: [{ userID: 'alice', type: TYPES.SNS_APPLICATION_SENT_TO_ME, wording: 'hi bob' }], unreadCount: 1 });
    expect(phoneApps[0]).toMatchObject({ friendApplicationList: [{ userID: 'bob', nick: 'Bob', type: TYPES.SNS_APPLICATION_SENT_BY_ME }], unreadCount: 0 });
    expect((await bob.chat.getFriendApplicationList()).data).toMatchObject({ friendApplicationList: [{ userID: 'alice' }], unreadCount: 1 });
    await bob.chat.setFriendApplicationRead();
    expect((await bob.chat.getFriendApplicationList()).data.unreadCount).toBe(0);
    expect(await bob.chat.getFriendList()).toEqual({ code: 0, data: [] });

    await bob.chat.acceptFriendApplication({ userID: 'alice', remark: 'Al', type: TYPES.SNS_APPLICATION_AGREE_AND_ADD });
    await waitUntil(() => aliceFriends.length > 0 && phoneFriends.length > 0 && bobFriends.length > 0, 5000, 'FRIEND_LIST_UPDATED everywhere');
    expect(ids(aliceFriends.at(-1))).toEqual(['bob']);
    expect(ids(phoneFriends.at(-1))).toEqual(['bob']);
    expect(ids(bobFriends.at(-1))).toEqual(['alice']);
    const mine = (await alice.chat.getFriendList()).data as FriendLike[];
    expect(mine).toMatchObject([{ userID: 'bob', remark: 'B', groupList: ['Pals'], source: 'AddSource_Type_Web', wording: 'hi bob', profile: { userID: 'bob', nick: 'Bob' } }]);
    expect((await bob.chat.getFriendList()).data).toMatchObject([{ userID: 'alice', remark: 'Al' }]);
    expect((await bob.chat.getFriendApplicationList()).data.friendApplicationList).toEqual([]);
    const check = await alice.chat.checkFriend({ userIDList: ['bob', 'carol'], type: TYPES.SNS_CHECK_TYPE_BOTH });
    expect(check.data.successUserIDList).toEqual([
      { userID: 'bob', code: 0, relation: TYPES.SNS_TYPE_BOTH_WAY },
      { userID: 'carol', code: 0, relation: TYPES.SNS_TYPE_NO_RELATION },
    ]);
    expect(await codeOf(alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web' }))).toBe(30001);
  });

  it("honours the target's allowType: AllowAny makes friends at once (one-way for Add_Type_Single), DenyAny refuses with 30516", async () => {
    ts = await startTestServer();
    const bob = await user('bob');
    const carol = await user('carol');
    await bob.chat.updateMyProfile({ allowType: TYPES.ALLOW_TYPE_ALLOW_ANY });
    await carol.chat.updateMyProfile({ allowType: TYPES.ALLOW_TYPE_DENY_ANY });
    const alice = await user('alice');
    const bobFriends = record<FriendLike[]>(bob, EVENT.FRIEND_LIST_UPDATED);
    expect((await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web', type: TYPES.SNS_ADD_TYPE_BOTH })).data).toMatchObject({ userID: 'bob', code: 0 });
    await waitUntil(() => bobFriends.length === 1, 5000, "bob's FRIEND_LIST_UPDATED");
    expect(ids(bobFriends[0])).toEqual(['alice']);
    await alice.chat.deleteFriend({ userIDList: ['bob'], type: TYPES.SNS_DELETE_TYPE_BOTH });
    await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web', type: TYPES.SNS_ADD_TYPE_SINGLE });
    expect((await alice.chat.checkFriend({ userIDList: ['bob'], type: TYPES.SNS_CHECK_TYPE_BOTH })).data.successUserIDList).toEqual([{ userID: 'bob', code: 0, relation: TYPES.SNS_TYPE_A_WITH_B }]);
    expect(await codeOf(alice.chat.addFriend({ to: 'carol', source: 'AddSource_Type_Web' }))).toBe(30516);
    expect(await codeOf(alice.chat.addFriend({ to: 'alice', source: 'AddSource_Type_Web' }))).toBe(30001);
    expect(await codeOf(alice.chat.addFriend({ to: 'nobody', source: 'AddSource_Type_Web' }))).toBe(30003);
    expect(await codeOf(alice.chat.addFriend({ to: 'bob', source: 'Web' }))).toBe(30001);
    const deleted = await alice.chat.deleteFriend({ userIDList: ['bob', 'carol'] });
    expect(deleted.data).toEqual({ successUserIDList: [{ userID: 'bob' }], failureUserIDList: [{ userID: 'carol', code: 31704, message: expect.any(String) as string }] });
  });

  it("a friend's profile change reaches the users who have them as a friend (PROFILE_UPDATED), not strangers", async () => {
    ts = await startTestServer();
    const bob = await user('bob');
    await bob.chat.updateMyProfile({ allowType: TYPES.ALLOW_TYPE_ALLOW_ANY });
    const alice = await user('alice');
    const carol = await user('carol');
    await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web', type: TYPES.SNS_ADD_TYPE_SINGLE });
    const aliceHeard = record<{ userID: string; nick: string }[]>(alice, EVENT.PROFILE_UPDATED);
    const carolHeard = record<{ userID: string; nick: string }[]>(carol, EVENT.PROFILE_UPDATED);
    await bob.chat.updateMyProfile({ nick: 'Bobby' });
    await waitUntil(() => aliceHeard.length === 1, 5000, "alice's PROFILE_UPDATED for her friend bob");
    expect(aliceHeard[0]).toMatchObject([{ userID: 'bob', nick: 'Bobby' }]);
    await settle();
    expect(carolHeard).toEqual([]);
  });

  it('refusing and deleting applications tells both users', async () => {
    ts = await startTestServer();
    const alice = await user('alice');
    const bob = await user('bob');
    const aliceApps = record<ApplicationsLike>(alice, EVENT.FRIEND_APPLICATION_LIST_UPDATED);
    await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    await bob.chat.refuseFriendApplication({ userID: 'alice' });
    await waitUntil(() => aliceApps.length === 2, 5000, 'sent, then refused');
    expect(aliceApps[1]?.friendApplicationList).toEqual([]);
    expect(await codeOf(bob.chat.acceptFriendApplication({ userID: 'alice' }))).toBe(30614);
    await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    await alice.chat.deleteFriendApplication({ userID: 'bob', type: TYPES.SNS_APPLICATION_SENT_BY_ME });
    expect((await bob.chat.getFriendApplicationList()).data.friendApplicationList).toEqual([]);
  });
});

describe('the blacklist between SDK instances', () => {
  it('blocking ends the friendship both ways, refuses the blocked sender with 20007 and friend requests both ways', async () => {
    ts = await startTestServer();
    const bob = await user('bob');
    await bob.chat.updateMyProfile({ allowType: TYPES.ALLOW_TYPE_ALLOW_ANY });
    const alice = await user('alice');
    await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    const aliceFriends = record<FriendLike[]>(alice, EVENT.FRIEND_LIST_UPDATED);
    const bobBlacklist = record<string[]>(bob, EVENT.BLACKLIST_UPDATED);

    expect(await bob.chat.addToBlacklist({ userIDList: ['alice'] })).toEqual({ code: 0, data: ['alice'] });
    // The event of the add itself may still be on its way (a friend list waits for its profiles).
    await waitUntil(() => bobBlacklist.length === 1 && aliceFriends.length > 0 && aliceFriends.at(-1)?.length === 0, 5000, 'BLACKLIST_UPDATED and the friendship gone');
    expect(bobBlacklist[0]).toEqual(['alice']);
    expect(await bob.chat.getBlacklist()).toEqual({ code: 0, data: ['alice'] });
    expect((await bob.chat.getFriendList()).data).toEqual([]);

    const toBob = alice.chat.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'hello?' } });
    expect(await codeOf(alice.chat.sendMessage(toBob))).toBe(20007);
    const toAlice = bob.chat.createTextMessage({ to: 'alice', conversationType: TYPES.CONV_C2C, payload: { text: 'still can' } });
    expect((await bob.chat.sendMessage(toAlice)).code).toBe(0);
    expect(await codeOf(alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web' }))).toBe(30525);
    expect(await codeOf(bob.chat.addFriend({ to: 'alice', source: 'AddSource_Type_Web' }))).toBe(30515);
    expect(await codeOf(bob.chat.addToBlacklist({ userIDList: ['bob'] }))).toBe(2742);

    expect(await bob.chat.removeFromBlacklist({ userIDList: ['alice'] })).toEqual({ code: 0, data: ['alice'] });
    const again = alice.chat.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'now?' } });
    expect((await alice.chat.sendMessage(again)).code).toBe(0);
  });
});

describe('friend groups between SDK instances', () => {
  it('creates, fills, renames and deletes a group; deleting a friend takes it out of the group', async () => {
    ts = await startTestServer();
    for (const id of ['bob', 'carol']) {
      const c = await user(id);
      await c.chat.updateMyProfile({ allowType: TYPES.ALLOW_TYPE_ALLOW_ANY });
    }
    const alice = await user('alice');
    const alicePhone = await user('alice', 'Android');
    await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    await alice.chat.addFriend({ to: 'carol', source: 'AddSource_Type_Web' });
    const phoneGroups = record<{ name: string; count: number; userIDList: string[] }[]>(alicePhone, EVENT.FRIEND_GROUP_LIST_UPDATED);

    const created = await alice.chat.createFriendGroup({ name: 'Work', userIDList: ['bob', 'dave'] });
    expect(created.data).toEqual({ friendGroup: { name: 'Work', count: 1, userIDList: ['bob'] }, failureUserIDList: [{ userID: 'dave', code: 32518, message: expect.any(String) as string }] });
    await waitUntil(() => phoneGroups.length === 1, 5000, 'FRIEND_GROUP_LIST_UPDATED on the phone');
    expect(phoneGroups[0]).toEqual([{ name: 'Work', count: 1, userIDList: ['bob'] }]);
    expect(await codeOf(alice.chat.createFriendGroup({ name: 'Work' }))).toBe(30001);

    expect((await alice.chat.addToFriendGroup({ name: 'Work', userIDList: ['carol', 'bob'] })).data).toMatchObject({ friendGroup: { count: 2, userIDList: ['bob', 'carol'] }, failureUserIDList: [{ userID: 'bob', code: 32519 }] });
    expect((await alice.chat.getFriendProfile({ userIDList: ['carol'] })).data.friendList).toMatchObject([{ userID: 'carol', groupList: ['Work'] }]);
    expect((await alice.chat.removeFromFriendGroup({ name: 'Work', userIDList: ['carol'] })).data.friendGroup).toEqual({ name: 'Work', count: 1, userIDList: ['bob'] });
    expect((await alice.chat.renameFriendGroup({ oldName: 'Work', newName: 'Job' })).data).toEqual({ name: 'Job', count: 1, userIDList: ['bob'] });
    await alice.chat.deleteFriend({ userIDList: ['bob'] });
    expect((await alice.chat.getFriendGroupList()).data).toEqual([{ name: 'Job', count: 0, userIDList: [] }]);
    expect((await alice.chat.deleteFriendGroup({ name: 'Job' })).data).toEqual({ name: 'Job', count: 0, userIDList: [] });
    expect(await codeOf(alice.chat.deleteFriendGroup({ name: 'Job' }))).toBe(30001);
    await settle();
    expect(phoneGroups.at(-1)).toEqual([]);
  });

  it('updateFriend sets the remark and custom fields, and answers 30001 for a stranger', async () => {
    ts = await startTestServer();
    const bob = await user('bob');
    await bob.chat.updateMyProfile({ allowType: TYPES.ALLOW_TYPE_ALLOW_ANY });
    const alice = await user('alice');
    await alice.chat.addFriend({ to: 'bob', source: 'AddSource_Type_Web' });
    const updated = await alice.chat.updateFriend({ userID: 'bob', remark: 'Bobby', friendCustomField: [{ key: 'Tag_SNS_Custom_Tag', value: 'x' }] });
    expect(updated.data).toMatchObject({ userID: 'bob', remark: 'Bobby', friendCustomField: [{ key: 'Tag_SNS_Custom_Tag', value: 'x' }] });
    expect(await codeOf(alice.chat.updateFriend({ userID: 'carol', remark: 'x' }))).toBe(30001);
  });
});
