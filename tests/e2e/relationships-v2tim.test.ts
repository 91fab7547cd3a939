/**
 * V2TIM's friendship manager between real managers and a real server: react-native-tim-js's method
 * names, argument order and result shapes, and the V2TimFriendshipListener callbacks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FriendApplicationTypeEnum, FriendRelationType, FriendResponseTypeEnum, FriendType, type V2TimFriendApplication, type V2TimFriendInfo } from '@parley/sdk';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { waitUntil } from '../support/events.js';
import { v2Client, type V2Client } from '../support/sdk-clients.js';

let ts: TestServer | undefined;
const v2s: V2Client[] = [];
afterEach(async () => {
  for (const c of v2s.splice(0)) await c.manager.unInitSDK();
  await ts?.close();
  ts = undefined;
});

async function v2(userID: string): Promise<V2Client> {
  const c = await v2Client(ts!);
  v2s.push(c);
  expect((await c.manager.login(userID, ts!.sig(userID))).code).toBe(0);
  return c;
}

/** Waits until the manager has read its lists after SDK_READY (a first call answers after it). */
async function settled(c: V2Client): Promise<void> {
  await c.manager.getFriendshipManager().getFriendList();
  await c.manager.getFriendshipManager().getBlackList();
}

describe('V2TIM friendship manager', () => {
  it('adds a friend who must confirm, accepts, and reports the changes to V2TimFriendshipListener', async () => {
    ts = await startTestServer();
    const alice = await v2('alice');
    const bob = await v2('bob');
    await settled(alice);
    await settled(bob);
    const bobApplications: V2TimFriendApplication[][] = [];
    const aliceAdded: V2TimFriendInfo[][] = [];
    const bobDeletedApps: string[][] = [];
    bob.manager.getFriendshipManager().addFriendListener({
      onFriendApplicationListAdded: (list) => bobApplications.push(list),
      onFriendApplicationListDeleted: (ids) => bobDeletedApps.push(ids),
    });
    const aliceChanged: V2TimFriendInfo[][] = [];
    const aliceDeleted: string[][] = [];
    let bobRead = 0;
    alice.manager.getFriendshipManager().addFriendListener({
      onFriendListAdded: (users) => aliceAdded.push(users),
      onFriendInfoChanged: (users) => aliceChanged.push(users),
      onFriendListDeleted: (ids) => aliceDeleted.push(ids),
    });
    bob.manager.getFriendshipManager().addFriendListener({ onFriendApplicationListRead: () => (bobRead += 1) });

    const fm = alice.manager.getFriendshipManager();
    const added = await fm.addFriend('bob', FriendType.V2TIM_FRIEND_TYPE_BOTH, 'B', 'Pals', 'hello', 'rn');
    expect(added).toEqual({ code: 0, desc: 'ok', data: { userID: 'bob', resultCode: 30539, resultInfo: expect.any(String) as string } });
    await waitUntil(() => bobApplications.length === 1, 5000, 'onFriendApplicationListAdded');
    expect(bobApplications[0]).toMatchObject([{ userID: 'alice', addWording: 'hello', addSource: 'AddSource_Type_rn', type: FriendApplicationTypeEnum.V2TIM_FRIEND_APPLICATION_COME_IN }]);
    const list = await bob.manager.getFriendshipManager().getFriendApplicationList();
    expect(list.data).toMatchObject({ unReadCount: 1, friendApplicationList: [{ userID: 'alice', type: 1 }] });
    expect(await bob.manager.getFriendshipManager().setFriendApplicationRead()).toEqual({ code: 0, desc: 'ok' });
    await waitUntil(() => bobRead === 1, 5000, 'onFriendApplicationListRead');

    const accepted = await bob.manager.getFriendshipManager().acceptFriendApplication(FriendResponseTypeEnum.V2TIM_FRIEND_ACCEPT_AGREE_AND_ADD, FriendApplicationTypeEnum.V2TIM_FRIEND_APPLICATION_COME_IN, 'alice');
    expect(accepted).toEqual({ code: 0, desc: 'ok', data: { userID: 'alice', resultCode: 0, resultInfo: '' } });
    await waitUntil(() => aliceAdded.length === 1 && bobDeletedApps.length === 1, 5000, 'onFriendListAdded and onFriendApplicationListDeleted');
    expect(aliceAdded[0]).toMatchObject([{ userID: 'bob', friendRemark: 'B', friendGroups: ['Pals'], userProfile: { userID: 'bob' } }]);
    expect(bobDeletedApps[0]).toEqual(['alice']);

    expect((await fm.checkFriend(['bob', 'carol'], FriendType.V2TIM_FRIEND_TYPE_BOTH)).data).toEqual([
      { userID: 'bob', resultCode: 0, resultInfo: '', resultType: FriendRelationType.V2TIM_FRIEND_RELATION_TYPE_BOTH_WAY },
      { userID: 'carol', resultCode: 0, resultInfo: '', resultType: FriendRelationType.V2TIM_FRIEND_RELATION_TYPE_NONE },
    ]);
    expect(await fm.setFriendInfo('bob', 'Bobby', { Note: 'x' })).toEqual({ code: 0, desc: 'ok' });
    await waitUntil(() => aliceChanged.length === 1, 5000, 'onFriendInfoChanged');
    expect(aliceChanged[0]).toMatchObject([{ userID: 'bob', friendRemark: 'Bobby', friendCustomInfo: { Note: 'x' } }]);
    expect((await fm.getFriendsInfo(['bob', 'carol'])).data).toMatchObject([
      { resultCode: 0, relation: 3, friendInfo: { userID: 'bob', friendRemark: 'Bobby', friendCustomInfo: { Note: 'x' } } },
      { resultCode: 0, relation: 0, friendInfo: { userID: 'carol' } },
    ]);
    expect((await fm.getFriendList()).data).toMatchObject([{ userID: 'bob', friendRemark: 'Bobby' }]);
    expect((await fm.deleteFromFriendList(['bob', 'carol'], FriendType.V2TIM_FRIEND_TYPE_BOTH)).data).toMatchObject([
      { userID: 'bob', resultCode: 0 },
      { userID: 'carol', resultCode: 31704 },
    ]);
    await waitUntil(() => aliceDeleted.length === 1, 5000, 'onFriendListDeleted');
    expect(aliceDeleted[0]).toEqual(['bob']);
  });

  it('blacklist and friend groups, with onBlackListAdd / onBlackListDeleted', async () => {
    ts = await startTestServer();
    const alice = await v2('alice');
    const bob = await v2('bob');
    await bob.manager.setSelfInfo({ userID: 'bob', allowType: 0 });
    await settled(alice);
    const blackAdded: V2TimFriendInfo[][] = [];
    const blackDeleted: string[][] = [];
    const fm = alice.manager.getFriendshipManager();
    fm.addFriendListener({ onBlackListAdd: (list) => blackAdded.push(list), onBlackListDeleted: (ids) => blackDeleted.push(ids) });

    expect((await fm.addFriend('bob', FriendType.V2TIM_FRIEND_TYPE_BOTH)).data).toMatchObject({ userID: 'bob', resultCode: 0 });
    expect((await fm.createFriendGroup('Work', ['bob', 'carol'])).data).toMatchObject([{ userID: 'bob', resultCode: 0 }, { userID: 'carol', resultCode: 32518 }]);
    expect((await fm.getFriendGroups()).data).toEqual([{ name: 'Work', friendCount: 1, friendIDList: ['bob'] }]);
    expect(await fm.renameFriendGroup('Work', 'Job')).toEqual({ code: 0, desc: 'ok' });
    expect((await fm.deleteFriendsFromFriendGroup('Job', ['bob'])).data).toEqual([{ userID: 'bob', resultCode: 0, resultInfo: '' }]);
    expect((await fm.addFriendsToFriendGroup('Job', ['bob'])).data).toEqual([{ userID: 'bob', resultCode: 0, resultInfo: '' }]);
    expect(await fm.deleteFriendGroup(['Job'])).toEqual({ code: 0, desc: 'ok' });
    expect((await fm.getFriendGroups()).data).toEqual([]);

    expect((await fm.addToBlackList(['bob', 'ghost'])).data).toMatchObject([{ userID: 'bob', resultCode: 0 }, { userID: 'ghost', resultCode: 30003 }]);
    await waitUntil(() => blackAdded.length === 1, 5000, 'onBlackListAdd');
    expect(blackAdded[0]).toMatchObject([{ userID: 'bob', userProfile: { userID: 'bob' } }]);
    expect((await fm.getBlackList()).data).toMatchObject([{ userID: 'bob', userProfile: { userID: 'bob' } }]);
    expect((await fm.getFriendList()).data).toEqual([]);
    expect((await fm.deleteFromBlackList(['bob'])).data).toEqual([{ userID: 'bob', resultCode: 0, resultInfo: '' }]);
    await waitUntil(() => blackDeleted.length === 1, 5000, 'onBlackListDeleted');
    expect(blackDeleted[0]).toEqual(['bob']);
    expect((await fm.addFriend('bob', 7)).code).toBe(6017);
  });

  it("carries native V2TIM's follow calls and tells the listener of follow changes and of a friend's new profile", async () => {
    ts = await startTestServer();
    const alice = await v2('alice');
    const bob = await v2('bob');
    await settled(alice);
    await settled(bob);
    const followers: { ids: string[]; isAdd: boolean }[] = [];
    const changed: V2TimFriendInfo[][] = [];
    const added: V2TimFriendInfo[][] = [];
    alice.manager.getFriendshipManager().addFriendListener({
      onFriendListAdded: (list) => added.push(list),
      onMyFollowersListChanged: (list, isAdd) => followers.push({ ids: list.map((u) => u.userID ?? ''), isAdd }),
      onFriendInfoChanged: (list) => changed.push(list),
    });
    const bobFm = bob.manager.getFriendshipManager();
    expect((await bobFm.followUser(['alice'])).data).toMatchObject([{ userID: 'alice', resultCode: 0 }]);
    await waitUntil(() => followers.length === 1, 5000, 'onMyFollowersListChanged');
    expect(followers[0]).toEqual({ ids: ['bob'], isAdd: true });
    expect((await alice.manager.getFriendshipManager().getMyFollowersList()).data).toMatchObject({ userFullInfoList: [{ userID: 'bob' }] });

    await alice.manager.getFriendshipManager().addFriend('bob', FriendType.V2TIM_FRIEND_TYPE_SINGLE);
    expect((await bob.manager.getFriendshipManager().acceptFriendApplication(FriendResponseTypeEnum.V2TIM_FRIEND_ACCEPT_AGREE, FriendApplicationTypeEnum.V2TIM_FRIEND_APPLICATION_COME_IN, 'alice')).code).toBe(0);
    await waitUntil(() => added.length === 1, 5000, "onFriendListAdded: bob is alice's friend");
    expect((await bob.manager.setSelfInfo({ nickName: 'Bobby' })).code).toBe(0);
    await waitUntil(() => changed.some((list) => list.some((f) => f.userProfile?.nickName === 'Bobby')), 5000, "onFriendInfoChanged for bob's nick");
  });

  it('answers 6013 before initSDK', async () => {
    const { V2TIMManager } = await import('@parley/sdk');
    const manager = new V2TIMManager();
    expect((await manager.getFriendshipManager().getFriendList()).code).toBe(6013);
  });
});
