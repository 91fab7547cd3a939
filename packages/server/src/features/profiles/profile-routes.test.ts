/** Profiles over the gateway and REST `profile/*`, with Tencent's shapes and codes, against a real server. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, ProfileCommands, ProfilePushes } from '@parley/protocol';
import { ChatClient } from '../../../test-support/chat-client.js';
import { chatFixture } from '../../../test-support/chat-fixture.js';
import { startTestCluster } from '../../../test-support/test-cluster.js';

const { server, login } = chatFixture(['alice', 'bob']);

describe('profiles', () => {
  it('reads the imported nick as the profile nick, updates it and pushes the change to the other instances only', async () => {
    const t = await server();
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
    const fields = (from: number) => Array.from({ length: 15 }, (_, i) => ({ key: `Tag_Profile_Custom_F${from + i}`, value: i }));
    await bob.ok(ProfileCommands.update.name, { profileCustomField: fields(0) });
    expect(await bob.code(ProfileCommands.update.name, { profileCustomField: fields(100) })).toBe(ErrorCode.ERR_SVR_PROFILE_INVALID_PARAMETERS);
  });

  it('sets and gets profiles over REST with Tencent tags, pushing to every instance of the user', async () => {
    const t = await server();
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
    const got = await t.rest('profile/portrait_get', { To_Account: ['bob', 'ghost'], TagList: ['Tag_Profile_IM_Nick', 'Tag_Profile_IM_Image', 'Tag_Profile_IM_Level', 'Tag_Profile_IM_Gender', 'Tag_Profile_Custom_Team', 'Tag_Profile_Custom_None'] });
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
