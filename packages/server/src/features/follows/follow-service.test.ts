/**
 * Follows over the real gateway, REST router and store: per-user results with Tencent's codes, the
 * three lists and counts, follow types, `follow.changed` to both sides, and the REST endpoints.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, FollowCommands, FollowPushes } from '@parley/protocol';
import { ChatClient } from '../../../test-support/chat-client.js';
import { startTestServer, type TestServer } from '../../../test-support/test-server.js';

let ts: TestServer | undefined;
const clients: ChatClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await ts?.close();
  ts = undefined;
});

async function login(userID: string): Promise<ChatClient> {
  const c = await ChatClient.login(ts!, userID);
  clients.push(c);
  return c;
}

const changes = (c: ChatClient): unknown[] => c.pushes(FollowPushes.changed.name).map((p) => p.body);

describe('follows', () => {
  it('follows with a result per user, tells both sides, and reports lists, counts and types', async () => {
    ts = await startTestServer();
    const alice = await login('alice');
    const bob = await login('bob');
    const res = await alice.ok(FollowCommands.follow.name, { userIDList: ['bob', 'alice', 'nobody'] });
    expect(res['resultList']).toEqual([
      { userID: 'bob', resultCode: 0, resultInfo: '' },
      { userID: 'alice', resultCode: ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS, resultInfo: expect.any(String) },
      { userID: 'nobody', resultCode: ErrorCode.ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND, resultInfo: expect.stringContaining('nobody') },
    ]);
    await bob.until(() => changes(bob).length === 1, 'followers push');
    expect(changes(bob)).toEqual([{ listType: 'followers', isAdd: true, userIDList: ['alice'] }]);
    await bob.ok(FollowCommands.follow.name, { userIDList: ['alice'] });
    await alice.until(() => changes(alice).length === 3, 'following, followers and mutual pushes');
    expect(changes(alice)).toEqual([
      { listType: 'following', isAdd: true, userIDList: ['bob'] },
      { listType: 'followers', isAdd: true, userIDList: ['bob'] },
      { listType: 'mutual', isAdd: true, userIDList: ['bob'] },
    ]);
    expect(await alice.ok(FollowCommands.list.name, { listType: 'mutual' })).toEqual({ userIDList: ['bob'], nextCursor: '' });
    expect(await alice.ok(FollowCommands.info.name, {})).toEqual({ followInfoList: [{ userID: 'alice', followersCount: 1, followingCount: 1, mutualFollowersCount: 1 }] });
    expect(await alice.ok(FollowCommands.check.name, { userIDList: ['bob'] })).toEqual({ resultList: [{ userID: 'bob', followType: 3 }] });

    await alice.ok(FollowCommands.unfollow.name, { userIDList: ['bob'] });
    await bob.until(() => changes(bob).some((c) => JSON.stringify(c) === JSON.stringify({ listType: 'mutual', isAdd: false, userIDList: ['alice'] })), 'mutual removed');
    expect(await bob.ok(FollowCommands.check.name, { userIDList: ['alice'] })).toEqual({ resultList: [{ userID: 'alice', followType: 2 }] });
  });

  it('answers 30001 for bad input and pages lists with a cursor', async () => {
    ts = await startTestServer();
    const alice = await login('alice');
    expect(await alice.code(FollowCommands.follow.name, { userIDList: Array.from({ length: 21 }, (_, i) => `u${i}`) })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    expect(await alice.code(FollowCommands.list.name, { listType: 'enemies' })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    expect(await alice.code(FollowCommands.list.name, { listType: 'following', nextCursor: 'x' })).toBe(ErrorCode.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    const users = Array.from({ length: 120 }, (_, i) => `u${String(i).padStart(3, '0')}`);
    for (let i = 0; i < users.length; i += 100) expect((await ts.rest('im_open_login_svc/multiaccount_import', { Accounts: users.slice(i, i + 100) }))['ErrorCode']).toBe(0);
    for (let i = 0; i < users.length; i += 20) await alice.ok(FollowCommands.follow.name, { userIDList: users.slice(i, i + 20) });
    const first = await alice.ok(FollowCommands.list.name, { listType: 'following' });
    expect((first['userIDList'] as string[]).length).toBe(100);
    const second = await alice.ok(FollowCommands.list.name, { listType: 'following', nextCursor: first['nextCursor'] });
    expect(second).toEqual({ userIDList: users.slice(100), nextCursor: '' });
  });

  it('serves the REST endpoints in Tencent shapes', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/multiaccount_import', { Accounts: ['alice', 'bob', 'carol'] });
    const add = await ts.rest('follow/follow_add', { From_Account: 'alice', FollowItem: [{ To_Account: 'bob' }, { To_Account: 'ghost' }] });
    expect(add).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, ResultItem: [{ To_Account: 'bob', ResultCode: 0, ResultInfo: '' }, { To_Account: 'ghost', ResultCode: 30003 }] });
    await ts.rest('follow/follow_add', { From_Account: 'carol', FollowItem: [{ To_Account: 'alice' }] });
    expect(await ts.rest('follow/follow_check', { From_Account: 'alice', To_Account: ['bob', 'carol'] })).toMatchObject({
      ResultItem: [{ To_Account: 'bob', ResultCode: 0, FollowType: 2 }, { To_Account: 'carol', ResultCode: 0, FollowType: 1 }],
    });
    const got = await ts.rest('follow/follow_get', { From_Account: 'alice', FollowType: 1, StartCursor: '', WantNum: 10 });
    expect(got).toMatchObject({ FollowItem: [{ To_Account: 'carol', FollowTime: expect.any(Number) }], NextCursor: '' });
    expect(await ts.rest('follow/follow_get_info', { From_Account: 'alice', To_Account: ['alice', 'ghost'] })).toMatchObject({
      FollowInfo: [{ To_Account: 'alice', ResultCode: 0, FollowerCount: 1, FollowingCount: 1, MutualFollowingCount: 0 }, { To_Account: 'ghost', ResultCode: 30003 }],
    });
    expect(await ts.rest('follow/follow_delete', { From_Account: 'alice', To_Account: ['bob'] })).toMatchObject({ ResultItem: [{ To_Account: 'bob', ResultCode: 0 }] });
    expect((await ts.rest('follow/follow_add', { From_Account: 'ghost', FollowItem: [{ To_Account: 'bob' }] }))['ErrorCode']).toBe(30003);
    expect((await ts.rest('follow/follow_get', { From_Account: 'alice', FollowType: 4 }))['ErrorCode']).toBe(30001);
    expect((await ts.rest('follow/follow_add', { From_Account: 'alice', FollowItem: Array.from({ length: 21 }, (_, i) => ({ To_Account: `u${i}` })) }))['ErrorCode']).toBe(30001);
  });
});
