/**
 * Profiles between real SDK instances and a real server: a nick set on one instance is what others
 * read, the user's other instance hears `PROFILE_UPDATED`, REST `portrait_set` shows in
 * `getUserProfile`, the V2TIM calls, and bad input gets Tencent's codes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat from '@parley/sdk';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { codeOf, waitUntil } from '../support/events.js';
import { v2Client, webClient, type V2Client, type WebClient } from '../support/sdk-clients.js';

const { EVENT, TYPES } = TencentCloudChat;

interface ProfileLike {
  userID: string;
  nick: string;
  avatar: string;
  gender: string;
  profileCustomField: { key: string; value: string | number }[];
}

let ts: TestServer | undefined;
const webs: WebClient[] = [];
const v2s: V2Client[] = [];
afterEach(async () => {
  for (const c of webs.splice(0)) await c.chat.destroy().catch(() => undefined);
  for (const c of v2s.splice(0)) await c.manager.unInitSDK();
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

/** Declares the custom field these tests set, as the operator would before users may. */
async function declareTeam(t: TestServer): Promise<void> {
  const answer = await t.rest('parley_admin/set_profile_custom_fields', { CustomFields: [{ Tag: 'Tag_Profile_Custom_Team', Type: 'String', Read: ['App', 'Admin'], Write: ['App', 'Admin'] }] });
  expect(answer['ErrorCode']).toBe(0);
}

describe('profiles between SDK instances', () => {
  it("bob sets his nick; alice reads it and bob's other instance hears PROFILE_UPDATED", async () => {
    ts = await startTestServer();
    await declareTeam(ts);
    const alice = await user('alice');
    const bobWeb = await user('bob');
    const bobPhone = await user('bob', 'Android');
    const heard: ProfileLike[][] = [];
    bobPhone.chat.on(EVENT.PROFILE_UPDATED, (e: { data?: unknown }) => heard.push(e.data as ProfileLike[]));
    const selfHeard: unknown[] = [];
    bobWeb.chat.on(EVENT.PROFILE_UPDATED, (e: { data?: unknown }) => selfHeard.push(e.data));

    const updated = await bobWeb.chat.updateMyProfile({ nick: 'Bob', gender: TYPES.GENDER_MALE, profileCustomField: [{ key: 'Tag_Profile_Custom_Team', value: 'red' }] });
    expect(updated).toMatchObject({ code: 0, data: { userID: 'bob', nick: 'Bob', gender: 'Gender_Type_Male' } });
    const seen = await alice.chat.getUserProfile({ userIDList: ['bob', 'nobody'] });
    expect(seen.code).toBe(0);
    expect(seen.data).toHaveLength(1);
    expect(seen.data[0]).toMatchObject({ userID: 'bob', nick: 'Bob', avatar: '', profileCustomField: [{ key: 'Tag_Profile_Custom_Team', value: 'red' }] });
    await waitUntil(() => heard.length === 1, 5000, 'PROFILE_UPDATED on the phone');
    expect(heard[0]).toMatchObject([{ userID: 'bob', nick: 'Bob' }]);
    expect(selfHeard).toEqual([]);
    expect(await bobPhone.chat.getMyProfile()).toMatchObject({ code: 0, data: { nick: 'Bob', gender: 'Gender_Type_Male' } });
  });

  it('REST portrait_set shows in getUserProfile, and an imported nick is the profile nick', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/account_import', { UserID: 'carol', Nick: 'Caroline', FaceUrl: 'http://x/c.png' });
    const alice = await user('alice');
    expect((await alice.chat.getUserProfile({ userIDList: ['carol'] })).data[0]).toMatchObject({ nick: 'Caroline', avatar: 'http://x/c.png' });
    const set = await ts.rest('profile/portrait_set', { From_Account: 'carol', ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'Caro' }, { Tag: 'Tag_Profile_IM_SelfSignature', Value: 'hello' }] });
    expect(set['ErrorCode']).toBe(0);
    expect((await alice.chat.getUserProfile({ userIDList: ['carol'] })).data[0]).toMatchObject({ nick: 'Caro', avatar: 'http://x/c.png', selfSignature: 'hello' });
  });

  it("bad input gets Tencent's codes", async () => {
    ts = await startTestServer();
    const bob = await user('bob');
    expect(await codeOf(bob.chat.updateMyProfile({}))).toBe(2722);
    expect(await codeOf(bob.chat.updateMyProfile({ nick: 'x'.repeat(501) }))).toBe(40601);
    expect(await codeOf(bob.chat.updateMyProfile({ gender: 'Gender_Type_Robot' }))).toBe(40605);
    expect(await codeOf(bob.chat.updateMyProfile({ level: 'high' } as never))).toBe(40610);
    expect(await codeOf(bob.chat.updateMyProfile({ profileCustomField: [{ key: 'Tag_Profile_Custom_WayTooLong', value: 'x' }] }))).toBe(40009);
    expect(await codeOf(bob.chat.getUserProfile({ userIDList: Array.from({ length: 101 }, (_, i) => `u${i}`) }))).toBe(6017);
  });
});

describe('profiles through V2TIM', () => {
  it('setSelfInfo then getUsersInfo in react-native-tim-js shapes; the other instance hears onSelfInfoUpdated', async () => {
    ts = await startTestServer();
    await declareTeam(ts);
    const [phone, other] = [await v2Client(ts, { platform: 'Android' }), await v2Client(ts)];
    v2s.push(phone, other);
    expect((await phone.manager.login('dan', ts.sig('dan'))).code).toBe(0);
    expect((await other.manager.login('dan', ts.sig('dan'))).code).toBe(0);
    const set = await phone.manager.setSelfInfo({ nickName: 'Dan', faceUrl: 'http://x/d.png', gender: 1, allowType: 2, customInfo: { Team: 'blue' }, level: 4 });
    expect(set).toStrictEqual({ code: 0, desc: 'ok' });
    const got = await other.manager.getUsersInfo(['dan']);
    expect(got).toMatchObject({ code: 0, data: [{ userID: 'dan', nickName: 'Dan', faceUrl: 'http://x/d.png', gender: 1, allowType: 2, customInfo: { Team: 'blue' }, level: 4, role: 0, birthday: 0 }] });
    await waitUntil(() => other.calls.includes('onSelfInfoUpdated'), 5000, 'onSelfInfoUpdated');
    expect(phone.calls).not.toContain('onSelfInfoUpdated');
    expect((await phone.manager.setSelfInfo({ gender: 7 })).code).toBe(6017);
    expect((await phone.manager.setSelfInfo({ nickName: 'x'.repeat(501) })).code).toBe(40601);
  });
});
