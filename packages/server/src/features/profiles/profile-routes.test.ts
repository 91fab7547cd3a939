/** Profiles over the gateway and REST `profile/*`, with Tencent's shapes and codes, against a real server. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, ProfileCommands, ProfilePushes } from '@parley/protocol';
import { ChatClient } from '../../../test-support/chat-client.js';
import { chatFixture } from '../../../test-support/chat-fixture.js';
import { startTestCluster } from '../../../test-support/test-cluster.js';
import { startTestServer, type TestServer } from '../../../test-support/test-server.js';
import type { ProfileAudience } from './profile-port.js';

const { server, login } = chatFixture(['alice', 'bob']);

/** Declares the custom fields these tests use, as an operator would. */
async function declareFields(t: TestServer): Promise<void> {
  const declared = await t.rest('parley_admin/set_profile_custom_fields', {
    CustomFields: [
      { Tag: 'Tag_Profile_Custom_Hobby', Type: 'String', MaxLength: 16, Read: ['App', 'Admin'], Write: ['App', 'Admin'] },
      { Tag: 'Tag_Profile_Custom_Team', Type: 'String', Read: ['App', 'Admin'], Write: ['Admin'] },
      { Tag: 'Tag_Profile_Custom_Score', Type: 'Integer', Read: ['Admin'], Write: ['Admin'] },
      { Tag: 'Tag_Profile_Custom_Secret', Type: 'String', Read: ['App'], Write: ['App'] },
    ],
  });
  expect(declared).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
}

describe('profiles', () => {
  it('reads the imported nick as the profile nick, updates it and pushes the change to the other instances only', async () => {
    const t = await server();
    await declareFields(t);
    await t.rest('im_open_login_svc/account_import', { UserID: 'bob', Nick: 'Bobby', FaceUrl: 'http://x/b.png' });
    const [bob1, bob2, alice] = [await login(t, 'bob'), await login(t, 'bob', 'Android'), await login(t, 'alice')];
    expect(await bob1.ok(ProfileCommands.getMine.name)).toMatchObject({ profile: { userID: 'bob', nick: 'Bobby', avatar: 'http://x/b.png', gender: 'Gender_Type_Unknown', lastUpdatedTime: 0 } });
    const updated = await bob1.ok(ProfileCommands.update.name, { nick: 'Bob', gender: 'Gender_Type_Male', profileCustomField: [{ key: 'Tag_Profile_Custom_Hobby', value: 'chess' }] });
    expect(updated['profile']).toMatchObject({ nick: 'Bob', gender: 'Gender_Type_Male', profileCustomField: [{ key: 'Tag_Profile_Custom_Hobby', value: 'chess' }] });
    await bob2.until(() => bob2.pushes(ProfilePushes.updated.name).length === 1, 'profile push');
    expect(bob2.pushes(ProfilePushes.updated.name)[0]?.body).toMatchObject({ profile: { nick: 'Bob' } });
    expect(bob1.pushes(ProfilePushes.updated.name)).toHaveLength(0);
    expect(await alice.ok(ProfileCommands.get.name, { userIDList: ['bob', 'ghost'] })).toMatchObject({ profiles: [{ userID: 'bob', nick: 'Bob' }] });
    const [account] = (await t.rest('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'bob' }] }))['ResultItem'] as unknown[];
    expect(account).toMatchObject({ AccountStatus: 'Imported' });
  });

  it("answers Tencent's codes for bad input", async () => {
    const t = await server();
    const bob = await login(t, 'bob');
    expect(await bob.code(ProfileCommands.update.name, {})).toBe(ErrorCode.ERR_SVR_PROFILE_INVALID_PARAMETERS);
    expect(await bob.code(ProfileCommands.update.name, { nick: 'x'.repeat(501) })).toBe(ErrorCode.ERR_SVR_PROFILE_SIZE_LIMIT);
    expect(await bob.code(ProfileCommands.update.name, { allowType: 'Any' })).toBe(ErrorCode.ERR_SVR_PROFILE_VALUE_ERROR);
    expect(await bob.code(ProfileCommands.update.name, { level: 'high' })).toBe(ErrorCode.ERR_SVR_PROFILE_INVALID_VALUE_FORMAT);
    expect(await bob.code(ProfileCommands.get.name, { userIDList: Array.from({ length: 101 }, (_, i) => `u${i}`) })).toBe(ErrorCode.ERR_SVR_PROFILE_INVALID_PARAMETERS);
  });

  it("refuses custom fields the app has not declared (40009), may not be written by users (40008), of the other type (40610) or longer than declared (40601), writing nothing", async () => {
    const t = await server();
    const bob = await login(t, 'bob');
    expect(await bob.code(ProfileCommands.update.name, { profileCustomField: [{ key: 'Tag_Profile_Custom_Hobby', value: 'chess' }] })).toBe(ErrorCode.ERR_SVR_PROFILE_TAG_NOT_FOUND);
    await declareFields(t);
    const custom = (key: string, value: string | number) => ({ nick: 'changed', profileCustomField: [{ key: `Tag_Profile_Custom_${key}`, value }] });
    expect(await bob.code(ProfileCommands.update.name, custom('Other', 'x'))).toBe(ErrorCode.ERR_SVR_PROFILE_TAG_NOT_FOUND);
    expect(await bob.code(ProfileCommands.update.name, custom('Team', 'red'))).toBe(ErrorCode.ERR_SVR_PROFILE_WRITE_PERMISSION_REQUIRED);
    expect(await bob.code(ProfileCommands.update.name, custom('Hobby', 3))).toBe(ErrorCode.ERR_SVR_PROFILE_INVALID_VALUE_FORMAT);
    expect(await bob.code(ProfileCommands.update.name, custom('Hobby', 'x'.repeat(17)))).toBe(ErrorCode.ERR_SVR_PROFILE_SIZE_LIMIT);
    expect(await bob.ok(ProfileCommands.getMine.name)).toMatchObject({ profile: { nick: '', profileCustomField: [] } });
    expect(await bob.ok(ProfileCommands.update.name, custom('Hobby', 'x'.repeat(16)))).toMatchObject({ profile: { nick: 'changed' } });
  });

  it('shows users only the custom fields declared readable by App, and the admin only those readable by Admin (40007 for a tag it may not read)', async () => {
    const t = await server();
    await declareFields(t);
    const [bob, alice] = [await login(t, 'bob'), await login(t, 'alice')];
    await bob.ok(ProfileCommands.update.name, { profileCustomField: [{ key: 'Tag_Profile_Custom_Secret', value: 's' }, { key: 'Tag_Profile_Custom_Hobby', value: 'go' }] });
    expect(await t.rest('profile/portrait_set', { From_Account: 'bob', ProfileItem: [{ Tag: 'Tag_Profile_Custom_Score', Value: 42 }, { Tag: 'Tag_Profile_Custom_Team', Value: 'red' }] })).toMatchObject({ ErrorCode: 0 });
    const [seen] = (await alice.ok(ProfileCommands.get.name, { userIDList: ['bob'] }))['profiles'] as { profileCustomField: unknown }[];
    expect(seen?.profileCustomField).toEqual([
      { key: 'Tag_Profile_Custom_Hobby', value: 'go' },
      { key: 'Tag_Profile_Custom_Secret', value: 's' },
      { key: 'Tag_Profile_Custom_Team', value: 'red' },
    ]);
    const got = await t.rest('profile/portrait_get', { To_Account: ['bob'], TagList: ['Tag_Profile_Custom_Score', 'Tag_Profile_Custom_Hobby'] });
    expect((got['UserProfileItem'] as { ProfileItem: unknown }[])[0]?.ProfileItem).toEqual([
      { Tag: 'Tag_Profile_Custom_Score', Value: 42 },
      { Tag: 'Tag_Profile_Custom_Hobby', Value: 'go' },
    ]);
    expect(await t.rest('profile/portrait_get', { To_Account: ['bob'], TagList: ['Tag_Profile_Custom_Secret'] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_READ_PERMISSION_REQUIRED });
    expect(await t.rest('profile/portrait_get', { To_Account: ['bob'], TagList: ['Tag_Profile_Custom_Nope'] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_TAG_NOT_FOUND });
    expect(await t.rest('profile/portrait_set', { From_Account: 'bob', ProfileItem: [{ Tag: 'Tag_Profile_Custom_Secret', Value: 'x' }] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_WRITE_PERMISSION_REQUIRED });
    expect(await t.rest('profile/portrait_set', { From_Account: 'bob', ProfileItem: [{ Tag: 'Tag_Profile_Custom_Nope', Value: 'x' }] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_TAG_NOT_FOUND });
  });

  it('lets the operator read and replace the declarations over REST, refusing a bad list with 40001 naming the field', async () => {
    const t = await server();
    expect(await t.rest('parley_admin/get_profile_custom_fields', {})).toMatchObject({ ActionStatus: 'OK', CustomFields: [] });
    await declareFields(t);
    const listed = await t.rest('parley_admin/get_profile_custom_fields', {});
    expect(listed['CustomFields']).toEqual([
      { Tag: 'Tag_Profile_Custom_Hobby', Type: 'String', MaxLength: 16, Read: ['App', 'Admin'], Write: ['App', 'Admin'] },
      { Tag: 'Tag_Profile_Custom_Team', Type: 'String', MaxLength: 500, Read: ['App', 'Admin'], Write: ['Admin'] },
      { Tag: 'Tag_Profile_Custom_Score', Type: 'Integer', Read: ['Admin'], Write: ['Admin'] },
      { Tag: 'Tag_Profile_Custom_Secret', Type: 'String', MaxLength: 500, Read: ['App'], Write: ['App'] },
    ]);
    const refused = async (CustomFields: unknown): Promise<string> => {
      const answer = await t.rest('parley_admin/set_profile_custom_fields', { CustomFields });
      expect(answer['ErrorCode']).toBe(ErrorCode.ERR_SVR_PROFILE_INVALID_PARAMETERS);
      return String(answer['ErrorInfo']);
    };
    expect(await refused([{ Tag: 'Tag_Profile_Custom_TooLongNm', Type: 'String', Read: ['App'], Write: ['App'] }])).toContain('CustomFields[0].Tag');
    expect(await refused([{ Tag: 'Tag_Profile_Custom_A', Type: 'Bytes', Read: ['App'], Write: ['App'] }])).toContain('CustomFields[0].Type');
    expect(await refused([{ Tag: 'Tag_Profile_Custom_A', Type: 'String', Read: [], Write: ['App'] }])).toContain('CustomFields[0].Read');
    expect(await refused('all')).toContain('CustomFields');
    expect((await t.rest('parley_admin/get_profile_custom_fields', {}))['CustomFields']).toEqual(listed['CustomFields']);
    expect(await t.rest('parley_admin/set_profile_custom_fields', { CustomFields: [] })).toMatchObject({ ErrorCode: 0, CustomFields: [] });
  });

  it('sets and gets profiles over REST with Tencent tags, pushing to every instance of the user', async () => {
    const t = await server();
    await declareFields(t);
    const bob = await login(t, 'bob');
    const set = await t.rest('profile/portrait_set', {
      From_Account: 'bob',
      ProfileItem: [
        { Tag: 'Tag_Profile_IM_Nick', Value: 'Robert' },
        { Tag: 'Tag_Profile_IM_Image', Value: 'http://x/r.png' },
        { Tag: 'Tag_Profile_IM_Level', Value: 7 },
        { Tag: 'Tag_Profile_Custom_Team', Value: 'red' },
      ],
    });
    expect(set).toStrictEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    await bob.until(() => bob.pushes(ProfilePushes.updated.name).length === 1, 'profile push');
    const got = await t.rest('profile/portrait_get', { To_Account: ['bob', 'ghost'], TagList: ['Tag_Profile_IM_Nick', 'Tag_Profile_IM_Image', 'Tag_Profile_IM_Level', 'Tag_Profile_IM_Gender', 'Tag_Profile_Custom_Team', 'Tag_Profile_Custom_Hobby'] });
    expect(got['UserProfileItem']).toStrictEqual([
      {
        To_Account: 'bob',
        ProfileItem: [
          { Tag: 'Tag_Profile_IM_Nick', Value: 'Robert' },
          { Tag: 'Tag_Profile_IM_Image', Value: 'http://x/r.png' },
          { Tag: 'Tag_Profile_IM_Level', Value: 7 },
          { Tag: 'Tag_Profile_IM_Gender', Value: 'Gender_Type_Unknown' },
          { Tag: 'Tag_Profile_Custom_Team', Value: 'red' },
        ],
        ResultCode: 0,
        ResultInfo: '',
      },
      expect.objectContaining({ To_Account: 'ghost', ProfileItem: [], ResultCode: ErrorCode.ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND }),
    ]);
    expect(await t.rest('profile/portrait_set', { From_Account: 'ghost', ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'x' }] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND });
    expect(await t.rest('profile/portrait_set', { From_Account: 'bob', ProfileItem: [{ Tag: 'Tag_Profile_IM_Unknown', Value: 'x' }] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_TAG_NOT_FOUND });
    expect(await t.rest('profile/portrait_set', { From_Account: 'bob', ProfileItem: [{ Tag: 'Tag_Profile_IM_Gender', Value: 'Gender_Type_X' }] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_VALUE_ERROR });
    expect(await t.rest('profile/portrait_set', { From_Account: 'bob', ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'x'.repeat(501) }] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_SIZE_LIMIT });
    expect(await t.rest('profile/portrait_get', { To_Account: Array.from({ length: 101 }, (_, i) => `u${i}`), TagList: ['Tag_Profile_IM_Nick'] })).toMatchObject({ ErrorCode: ErrorCode.ERR_SVR_PROFILE_INVALID_PARAMETERS });
  });
});

describe('the profile audience (the port the friends feature fills)', () => {
  it("pushes a user's profile change to the users the audience names, and to nobody else", async () => {
    // A real audience: everyone who has a C2C conversation with the user.
    let t: TestServer | undefined;
    const audience: ProfileAudience = {
      audienceOf: async (sdkAppID, userID) => (await t!.store.conversations.get(sdkAppID, userID)).filter((c) => c.type === 'C2C').map((c) => c.target),
    };
    t = await startTestServer({ profileAudience: audience });
    const clients: ChatClient[] = [];
    try {
      await t.rest('im_open_login_svc/multiaccount_import', { Accounts: ['alice', 'bob', 'carol'] });
      const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((u) => ChatClient.login(t!, u)));
      clients.push(alice!, bob!, carol!);
      await bob!.ok('openim.sendmsg', { conversationType: 'C2C', to: 'alice', ID: 'hi-1', random: 1, elements: [{ type: 'TIMTextElem', content: { text: 'hi' } }] });
      await bob!.ok(ProfileCommands.update.name, { nick: 'Bob' });
      await alice!.until(() => alice!.pushes(ProfilePushes.updated.name).length === 1, 'profile push to the audience');
      expect(alice!.pushes(ProfilePushes.updated.name)[0]?.body).toMatchObject({ profile: { userID: 'bob', nick: 'Bob' } });
      await carol!.ok(ProfileCommands.getMine.name);
      expect(carol!.pushes(ProfilePushes.updated.name)).toHaveLength(0);
      expect(bob!.pushes(ProfilePushes.updated.name)).toHaveLength(0);
    } finally {
      for (const c of clients) c.close();
      await t.close();
    }
  });
});

describe('profiles across nodes', () => {
  it('pushes profile.updated to the user\'s instance on another node, and every node reads the change', async () => {
    await using cluster = await startTestCluster(2);
    const [a, b] = cluster.nodes;
    const onA = await ChatClient.login(a!, 'bob');
    const onB = await ChatClient.login(b!, 'bob', 'Android');
    try {
      await onA.ok(ProfileCommands.update.name, { selfSignature: 'from node a' });
      await onB.until(() => onB.pushes(ProfilePushes.updated.name).length === 1, 'profile push across nodes');
      expect(await onB.ok(ProfileCommands.get.name, { userIDList: ['bob'] })).toMatchObject({ profiles: [{ selfSignature: 'from node a' }] });
    } finally {
      onA.close();
      onB.close();
    }
  });
});
