/**
 * User status between real SDK instances and a real server: bob subscribes to alice and hears her log
 * in (ONLINE), set a custom status, lose her connection (OFFLINE) and come back on her own (ONLINE),
 * and log out (UNLOGINED); her own instances hear her custom status; bad arguments get Tencent's codes;
 * and the same through V2TIM (react-native-tim-js's `setSelfStatus(status)`, `getUserStatus(ids)`,
 * `onUserStatusChanged`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat, { V2TIMManager, type V2TimUserStatus } from '@parley/sdk';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { codeOf, waitUntil } from '../support/events.js';
import { webClient, type WebClient } from '../support/sdk-clients.js';

const { EVENT, TYPES } = TencentCloudChat;

interface StatusLike {
  userID: string;
  statusType: number;
  customStatus: string;
}

let ts: TestServer | undefined;
const webs: WebClient[] = [];
const managers: V2TIMManager[] = [];
afterEach(async () => {
  for (const c of webs.splice(0)) await c.chat.destroy().catch(() => undefined);
  for (const m of managers.splice(0)) await m.unInitSDK();
  await ts?.close();
  ts = undefined;
});

async function user(userID: string, extra: Record<string, unknown> = {}): Promise<WebClient> {
  const c = webClient(ts!, extra as never);
  webs.push(c);
  await c.chat.login({ userID, userSig: ts!.sig(userID) });
  await waitUntil(() => c.chat.isReady(), 5000, `${userID} ready`);
  return c;
}

function listen(c: WebClient): StatusLike[] {
  const heard: StatusLike[] = [];
  c.chat.on(EVENT.USER_STATUS_UPDATED, (e: { data?: unknown }) => heard.push(...(e.data as StatusLike[])));
  return heard;
}

describe('user status between SDK instances', () => {
  it('bob hears alice come online, set a custom status, drop her connection, resume and log out', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/account_import', { UserID: 'alice' });
    const bob = await user('bob');
    const bobHeard = listen(bob);
    expect(await bob.chat.subscribeUserStatus({ userIDList: ['alice'] })).toEqual({ code: 0, data: { failureUserList: [] } });

    // alice's sockets are recorded so that one can be cut; her SDK reconnects after 1 s.
    const sockets: WebSocket[] = [];
    class Recorded extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(this);
      }
    }
    const alice = await user('alice', { WebSocket: Recorded, reconnectPolicy: { nextDelayMs: () => 1000 } });
    const aliceHeard = listen(alice);
    await waitUntil(() => bobHeard.length === 1, 5000, 'ONLINE');
    expect(bobHeard[0]).toEqual({ userID: 'alice', statusType: TYPES.USER_STATUS_ONLINE, customStatus: '' });

    const set = await alice.chat.setSelfStatus({ customStatus: 'listening to music' });
    expect(set).toEqual({ code: 0, data: { userID: 'alice', statusType: TYPES.USER_STATUS_ONLINE, customStatus: 'listening to music' } });
    await waitUntil(() => bobHeard.length === 2 && aliceHeard.length === 1, 5000, 'custom status');
    expect(bobHeard[1]).toEqual({ userID: 'alice', statusType: TYPES.USER_STATUS_ONLINE, customStatus: 'listening to music' });
    expect(aliceHeard).toEqual([bobHeard[1]]);

    sockets.at(-1)!.terminate();
    await waitUntil(() => bobHeard.length === 3, 5000, 'OFFLINE');
    expect(bobHeard[2]).toEqual({ userID: 'alice', statusType: TYPES.USER_STATUS_OFFLINE, customStatus: 'listening to music' });
    await waitUntil(() => bobHeard.length === 4, 5000, 'ONLINE after the resume');
    expect(bobHeard[3]).toEqual({ userID: 'alice', statusType: TYPES.USER_STATUS_ONLINE, customStatus: 'listening to music' });

    await alice.chat.logout();
    await waitUntil(() => bobHeard.length === 5, 5000, 'UNLOGINED');
    expect(bobHeard[4]).toEqual({ userID: 'alice', statusType: TYPES.USER_STATUS_UNLOGINED, customStatus: '' });
    expect(await bob.chat.getUserStatus({ userIDList: ['alice', 'nobody'] })).toEqual({
      code: 0,
      data: {
        successUserList: [{ userID: 'alice', statusType: TYPES.USER_STATUS_UNLOGINED, customStatus: '' }],
        failureUserList: [{ userID: 'nobody', code: 70107, message: expect.stringContaining('nobody') }],
      },
    });
  });

  it('stops hearing after unsubscribeUserStatus() without a list', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/account_import', { UserID: 'carol' });
    const bob = await user('bob');
    const bobHeard = listen(bob);
    await bob.chat.subscribeUserStatus({ userIDList: ['carol'] });
    expect(await bob.chat.unsubscribeUserStatus()).toEqual({ code: 0, data: { failureUserList: [] } });
    const carol = await user('carol');
    await carol.chat.setSelfStatus({ customStatus: 'away' });
    await new Promise((r) => setTimeout(r, 200));
    expect(bobHeard).toEqual([]);
  });

  it("answers bad arguments with 6017, and the server's limits with their codes", async () => {
    ts = await startTestServer();
    const bob = await user('bob');
    expect(await codeOf(bob.chat.setSelfStatus({ customStatus: 'x'.repeat(101) }))).toBe(6017);
    expect(await codeOf(bob.chat.setSelfStatus({} as never))).toBe(6017);
    expect(await codeOf(bob.chat.getUserStatus({ userIDList: [] }))).toBe(6017);
    expect(await codeOf(bob.chat.subscribeUserStatus({ userIDList: Array.from({ length: 101 }, (_, i) => `u${i}`) }))).toBe(6017);
    const self = await bob.chat.subscribeUserStatus({ userIDList: ['bob'] });
    expect(self.data.failureUserList).toEqual([{ userID: 'bob', code: 6017, message: expect.any(String) }]);
  });
});

describe('user status through V2TIM', () => {
  async function v2(userID: string, heard: V2TimUserStatus[][]): Promise<V2TIMManager> {
    const manager = new V2TIMManager();
    managers.push(manager);
    const init = await manager.initSDK(ts!.app.sdkAppID, 0, { onUserStatusChanged: (list) => heard.push(list) }, { server: ts!.wsUrl, WebSocket });
    expect(init.code).toBe(0);
    expect((await manager.login(userID, ts!.sig(userID))).code).toBe(0);
    return manager;
  }

  it('subscribes, hears onUserStatusChanged for a custom status, and reads statuses with getUserStatus', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/account_import', { UserID: 'erin' });
    const bobHeard: V2TimUserStatus[][] = [];
    const bob = await v2('bob', bobHeard);
    expect(await bob.subscribeUserStatus(['erin'])).toStrictEqual({ code: 0, desc: 'ok' });
    const erinHeard: V2TimUserStatus[][] = [];
    const erin = await v2('erin', erinHeard);
    expect(await erin.setSelfStatus('cooking')).toStrictEqual({ code: 0, desc: 'ok' });
    await waitUntil(() => bobHeard.some((l) => l[0]?.customStatus === 'cooking') && erinHeard.length === 1, 5000, 'onUserStatusChanged');
    expect(bobHeard.at(-1)).toStrictEqual([{ userID: 'erin', statusType: 1, customStatus: 'cooking' }]);
    expect(erinHeard[0]).toStrictEqual([{ userID: 'erin', statusType: 1, customStatus: 'cooking' }]);
    expect(await bob.getUserStatus(['erin', 'nobody'])).toStrictEqual({ code: 0, desc: 'ok', data: [{ userID: 'erin', statusType: 1, customStatus: 'cooking' }] });
    expect((await bob.getUserStatus(['nobody'])).code).toBe(70107);
    expect((await erin.setSelfStatus('x'.repeat(101))).code).toBe(6017);
    expect(await bob.unsubscribeUserStatus()).toStrictEqual({ code: 0, desc: 'ok' });
    await erin.setSelfStatus('');
    await waitUntil(() => erinHeard.length === 2, 5000, "erin's own cleared status");
    await new Promise((r) => setTimeout(r, 100));
    expect(bobHeard.at(-1)).toStrictEqual([{ userID: 'erin', statusType: 1, customStatus: 'cooking' }]);
  });
});
