/**
 * Follows between real SDK instances and a real server: alice follows bob and carol, bob follows
 * back; both hear the list events with profiles; lists, counts and follow types read back; bad
 * arguments and Tencent's per-user codes; and the V2TIM follow group with native V2TIM's shapes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat, { bindV2TimFollowListener, createV2TimFollowMethods, type FollowListChange, type V2TimUserFullInfo } from '@parley/sdk';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { codeOf, waitUntil } from '../support/events.js';
import { webClient, type WebClient } from '../support/sdk-clients.js';

const { EVENT } = TencentCloudChat;

let ts: TestServer | undefined;
const webs: WebClient[] = [];
afterEach(async () => {
  for (const c of webs.splice(0)) await c.chat.destroy().catch(() => undefined);
  await ts?.close();
  ts = undefined;
});

async function user(userID: string): Promise<WebClient> {
  const c = webClient(ts!);
  webs.push(c);
  await c.chat.login({ userID, userSig: ts!.sig(userID) });
  await waitUntil(() => c.chat.isReady(), 5000, `${userID} ready`);
  return c;
}

function listen(c: WebClient): Record<string, FollowListChange[]> {
  const heard: Record<string, FollowListChange[]> = { followers: [], following: [], mutual: [] };
  c.chat.on(EVENT.MY_FOLLOWERS_LIST_UPDATED, (e: { data?: unknown }) => heard['followers']!.push(e.data as FollowListChange));
  c.chat.on(EVENT.MY_FOLLOWING_LIST_UPDATED, (e: { data?: unknown }) => heard['following']!.push(e.data as FollowListChange));
  c.chat.on(EVENT.MUTUAL_FOLLOWERS_LIST_UPDATED, (e: { data?: unknown }) => heard['mutual']!.push(e.data as FollowListChange));
  return heard;
}

describe('follows between SDK instances', () => {
  it('alice follows bob and carol, bob follows back: events with profiles, lists, counts and types', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/account_import', { UserID: 'carol', Nick: 'Carol' });
    const alice = await user('alice');
    const bob = await user('bob');
    await bob.chat.updateMyProfile({ nick: 'Bob' });
    const aliceHeard = listen(alice);
    const bobHeard = listen(bob);

    const followed = await alice.chat.followUser(['bob', 'carol', 'nobody']);
    expect(followed).toEqual({
      code: 0,
      data: [
        { userID: 'bob', resultCode: 0, resultInfo: '' },
        { userID: 'carol', resultCode: 0, resultInfo: '' },
        { userID: 'nobody', resultCode: 30003, resultInfo: expect.stringContaining('nobody') },
      ],
    });
    await waitUntil(() => bobHeard['followers']!.length === 1 && aliceHeard['following']!.length === 1, 5000, 'follow events');
    expect(bobHeard['followers']![0]).toMatchObject({ isAdd: true, userInfoList: [{ userID: 'alice' }] });
    expect(aliceHeard['following']![0]).toMatchObject({ isAdd: true, userInfoList: [{ userID: 'bob', nick: 'Bob' }, { userID: 'carol', nick: 'Carol' }] });

    await bob.chat.followUser({ userIDList: ['alice'] });
    await waitUntil(() => aliceHeard['mutual']!.length === 1 && bobHeard['mutual']!.length === 1, 5000, 'mutual events');
    expect(aliceHeard['mutual']![0]).toMatchObject({ isAdd: true, userInfoList: [{ userID: 'bob', nick: 'Bob' }] });

    expect(await alice.chat.getMyFollowingList()).toMatchObject({ code: 0, data: { resultList: [{ userID: 'bob', nick: 'Bob' }, { userID: 'carol' }], nextCursor: '' } });
    expect((await alice.chat.getMyFollowersList('')).data.resultList.map((p) => p.userID)).toEqual(['bob']);
    expect((await alice.chat.getMutualFollowersList({ nextCursor: '' })).data.resultList.map((p) => p.userID)).toEqual(['bob']);
    expect(await alice.chat.getUserFollowInfo()).toEqual({ code: 0, data: [{ userID: 'alice', followersCount: 1, followingCount: 2, mutualFollowersCount: 1 }] });
    expect((await bob.chat.getUserFollowInfo(['carol'])).data).toEqual([{ userID: 'carol', followersCount: 1, followingCount: 0, mutualFollowersCount: 0 }]);
    expect((await alice.chat.checkFollowType(['bob', 'carol'])).data).toEqual([{ userID: 'bob', followType: 3 }, { userID: 'carol', followType: 2 }]);
    expect((await bob.chat.checkFollowType(['carol'])).data).toEqual([{ userID: 'carol', followType: 0 }]);

    expect((await alice.chat.unfollowUser(['bob'])).data).toEqual([{ userID: 'bob', resultCode: 0, resultInfo: '' }]);
    await waitUntil(() => bobHeard['mutual']!.length === 2 && bobHeard['followers']!.length === 2, 5000, 'unfollow events');
    expect(bobHeard['followers']![1]).toMatchObject({ isAdd: false, userInfoList: [{ userID: 'alice' }] });
    expect((await bob.chat.checkFollowType(['alice'])).data).toEqual([{ userID: 'alice', followType: 2 }]);
  });

  it('answers bad arguments with 6017 and following oneself with 30001', async () => {
    ts = await startTestServer();
    const alice = await user('alice');
    expect(await codeOf(alice.chat.followUser(Array.from({ length: 21 }, (_, i) => `u${i}`)))).toBe(6017);
    expect(await codeOf(alice.chat.followUser([]))).toBe(6017);
    expect(await codeOf(alice.chat.getMyFollowingList(3 as never))).toBe(6017);
    expect((await alice.chat.followUser(['alice'])).data).toEqual([{ userID: 'alice', resultCode: 30001, resultInfo: expect.any(String) }]);
  });
});

describe('follows through the V2TIM method group', () => {
  it("answers in native V2TIM's shapes and numbers, and calls the friendship listener", async () => {
    ts = await startTestServer();
    const alice = await user('alice');
    const bob = await user('bob');
    const v2 = createV2TimFollowMethods(() => alice.chat);
    const changed: [string, V2TimUserFullInfo[], boolean][] = [];
    const stop = bindV2TimFollowListener(alice.chat, {
      onMyFollowingListChanged: (list, isAdd) => changed.push(['following', list, isAdd]),
      onMutualFollowersListChanged: (list, isAdd) => changed.push(['mutual', list, isAdd]),
    });
    expect(await v2.followUser(['bob'])).toStrictEqual({ code: 0, desc: 'ok', data: [{ userID: 'bob', resultCode: 0, resultInfo: '' }] });
    expect(await v2.checkFollowType(['bob'])).toStrictEqual({ code: 0, desc: 'ok', data: [{ userID: 'bob', followType: 1, resultCode: 0, resultInfo: '' }] });
    await bob.chat.followUser(['alice']);
    await waitUntil(() => changed.length === 2, 5000, 'listener calls');
    expect(changed.map(([list, users, isAdd]) => [list, users.map((u) => u.userID), isAdd])).toEqual([['following', ['bob'], true], ['mutual', ['bob'], true]]);
    const page = await v2.getMyFollowersList();
    expect(page).toMatchObject({ code: 0, desc: 'ok', data: { nextCursor: '', userFullInfoList: [{ userID: 'bob' }] } });
    expect(await v2.getUserFollowInfo(['alice'])).toStrictEqual({ code: 0, desc: 'ok', data: [{ userID: 'alice', followersCount: 1, followingCount: 1, mutualFollowersCount: 1, resultCode: 0, resultInfo: '' }] });
    expect((await v2.followUser([])).code).toBe(6017);
    expect((await createV2TimFollowMethods(() => undefined).getMutualFollowersList()).code).toBe(6014);
    stop();
  });
});
