/**
 * User status over the real gateway and store: the status type follows the user's instances
 * (online, offline while only detached, not logged in after logout or the grace), subscribers and
 * the user's own instances hear `status.updated`, the custom status is cleared once the user is
 * logged out, and bad input gets Tencent's codes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, StatusCommands, StatusPushes, TYPES } from '@parley/protocol';
import { ChatClient } from '../../../test-support/chat-client.js';
import { startTestServer, type TestServer } from '../../../test-support/test-server.js';

const SET = StatusCommands.setSelf.name;
const GET = StatusCommands.get.name;
const SUB = StatusCommands.subscribe.name;
const UNSUB = StatusCommands.unsubscribe.name;
const UPDATED = StatusPushes.updated.name;

let ts: TestServer | undefined;
const clients: ChatClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await ts?.close();
  ts = undefined;
});

async function login(userID: string, platform = 'Web'): Promise<ChatClient> {
  const c = await ChatClient.login(ts!, userID, platform);
  clients.push(c);
  return c;
}

/** The statuses `c` was pushed, flattened, in arrival order. */
const heard = (c: ChatClient): unknown[] => c.pushes(UPDATED).flatMap((p) => p.body['userStatusList'] as unknown[]);

describe('user status', () => {
  it('follows the instances: online at login, offline while only detached, not logged in after the grace; subscribers hear each step', async () => {
    ts = await startTestServer({ session: { resumeGraceMs: 300 } });
    const bob = await login('bob');
    await ts.rest('im_open_login_svc/account_import', { UserID: 'alice' });
    expect(await bob.ok(SUB, { userIDList: ['alice'] })).toEqual({ failureUserList: [] });
    expect(await bob.ok(GET, { userIDList: ['alice'] })).toEqual({ successUserList: [{ userID: 'alice', statusType: TYPES.USER_STATUS_UNLOGINED, customStatus: '' }], failureUserList: [] });

    const alice = await login('alice');
    await bob.until(() => heard(bob).length === 1, 'online');
    const second = await login('alice', 'Android');
    alice.close();
    second.close();
    await bob.until(() => heard(bob).length === 3, 'offline, then not logged in');
    expect(heard(bob)).toEqual([
      { userID: 'alice', statusType: TYPES.USER_STATUS_ONLINE, customStatus: '' },
      { userID: 'alice', statusType: TYPES.USER_STATUS_OFFLINE, customStatus: '' },
      { userID: 'alice', statusType: TYPES.USER_STATUS_UNLOGINED, customStatus: '' },
    ]);
  });

  it('tells every instance of the user and every subscriber of a custom status, and clears it at logout', async () => {
    ts = await startTestServer();
    const bob = await login('bob');
    const alice = await login('alice');
    const alicePhone = await login('alice', 'Android');
    await bob.ok(SUB, { userIDList: ['alice'] });
    const set = await alice.ok(SET, { customStatus: 'listening to music' });
    const busy = { userID: 'alice', statusType: TYPES.USER_STATUS_ONLINE, customStatus: 'listening to music' };
    expect(set).toEqual({ status: busy });
    for (const c of [alice, alicePhone, bob]) await c.until(() => heard(c).some((s) => JSON.stringify(s) === JSON.stringify(busy)), 'custom status');
    expect(await bob.ok(GET, { userIDList: ['alice', 'bob'] })).toEqual({ successUserList: [busy, { userID: 'bob', statusType: TYPES.USER_STATUS_ONLINE, customStatus: '' }], failureUserList: [] });

    await alice.ok('im_open_status.wslogout');
    await alicePhone.ok('im_open_status.wslogout');
    await bob.until(() => heard(bob).at(-1)?.valueOf() !== undefined && (heard(bob).at(-1) as { statusType: number }).statusType === TYPES.USER_STATUS_UNLOGINED, 'logged out');
    expect(heard(bob).at(-1)).toEqual({ userID: 'alice', statusType: TYPES.USER_STATUS_UNLOGINED, customStatus: '' });
    expect((await bob.ok(GET, { userIDList: ['alice'] }))['successUserList']).toEqual([{ userID: 'alice', statusType: TYPES.USER_STATUS_UNLOGINED, customStatus: '' }]);
  });

  it('stops telling a user who unsubscribed, one target or all of them', async () => {
    ts = await startTestServer();
    const bob = await login('bob');
    await ts.rest('im_open_login_svc/account_import', { UserID: 'alice' });
    await ts.rest('im_open_login_svc/account_import', { UserID: 'carol' });
    await bob.ok(SUB, { userIDList: ['alice', 'carol'] });
    expect(await bob.ok(UNSUB, { userIDList: ['alice'] })).toEqual({ failureUserList: [] });
    expect(await ts.store.userStatus.subscriptions(ts.app.sdkAppID, 'bob')).toEqual(['carol']);
    expect(await bob.ok(UNSUB, {})).toEqual({ failureUserList: [] });
    expect(await ts.store.userStatus.subscriptions(ts.app.sdkAppID, 'bob')).toEqual([]);
    const carol = await login('carol');
    await carol.ok(SET, { customStatus: 'x' });
    await carol.until(() => heard(carol).length === 1, 'own custom status');
    await new Promise((r) => setTimeout(r, 100));
    expect(heard(bob)).toEqual([]);
  });

  it("answers unknown users and the caller's own ID in failureUserList, and bad input with 6017", async () => {
    ts = await startTestServer();
    const bob = await login('bob');
    expect(await bob.ok(GET, { userIDList: ['nobody', 'bob'] })).toEqual({
      successUserList: [{ userID: 'bob', statusType: TYPES.USER_STATUS_ONLINE, customStatus: '' }],
      failureUserList: [{ userID: 'nobody', code: ErrorCode.ERR_SVR_ACCOUNT_NOT_FOUND, message: expect.stringContaining('nobody') }],
    });
    const sub = (await bob.ok(SUB, { userIDList: ['bob', 'nobody'] }))['failureUserList'];
    expect(sub).toEqual([
      { userID: 'bob', code: ErrorCode.ERR_INVALID_PARAMETERS, message: expect.any(String) },
      { userID: 'nobody', code: ErrorCode.ERR_SVR_ACCOUNT_NOT_FOUND, message: expect.any(String) },
    ]);
    expect(await ts.store.userStatus.subscriptions(ts.app.sdkAppID, 'bob')).toEqual([]);
    expect(await bob.code(SET, { customStatus: 'x'.repeat(101) })).toBe(ErrorCode.ERR_INVALID_PARAMETERS);
    expect(await bob.code(SET, {})).toBe(ErrorCode.ERR_INVALID_PARAMETERS);
    expect(await bob.code(GET, { userIDList: Array.from({ length: 501 }, (_, i) => `u${i}`) })).toBe(ErrorCode.ERR_INVALID_PARAMETERS);
    expect(await bob.code(SUB, { userIDList: Array.from({ length: 101 }, (_, i) => `u${i}`) })).toBe(ErrorCode.ERR_INVALID_PARAMETERS);
  });
});
