/** Join applications over a real server and raw protocol clients: announce, list, agree, reject, limits. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, MessagingCommand as M, MessagingPush, type WireGroup, type WireGroupApplication, type WireMessage } from '@parley/protocol';
import type { ChatClient } from '../../../test-support/chat-client.js';
import { chatFixture } from '../../../test-support/chat-fixture.js';

const { server, login } = chatFixture(['alice', 'bob', 'carol', 'dave', 'erin']);

async function publicGroup(owner: ChatClient, body: Record<string, unknown> = {}): Promise<WireGroup> {
  const group = (await owner.ok(M.CREATE_GROUP, { type: 'Public', name: 'Hikers', ...body }))['group'] as WireGroup;
  expect(group.joinOption).toBe('NeedPermission');
  return group;
}

const pending = async (c: ChatClient): Promise<WireGroupApplication[]> => (await c.ok(M.GROUP_APPLICATIONS))['applications'] as WireGroupApplication[];

describe('join applications', () => {
  it("tell the group's owner and admins, who list them; other users see none", async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    const g = await publicGroup(alice, { memberList: [{ userID: 'carol', role: 'Admin' }] });
    const before = Math.floor(Date.now() / 1000);
    expect((await bob.ok(M.JOIN_GROUP, { groupID: g.groupID, applyMessage: 'me too' }))['status']).toBe('WaitAdminApproval');
    for (const manager of [alice, carol]) {
      await manager.until(() => manager.pushes(MessagingPush.GROUP_APPLICATION).length === 1, 'the application push');
      const { application } = manager.pushes(MessagingPush.GROUP_APPLICATION)[0]?.body as { application: WireGroupApplication };
      expect(application).toMatchObject({ groupID: g.groupID, groupName: 'Hikers', userID: 'bob', message: 'me too' });
      expect(application.time).toBeGreaterThanOrEqual(before);
      expect(await pending(manager)).toStrictEqual([application]);
    }
    expect(bob.pushes(MessagingPush.GROUP_APPLICATION)).toStrictEqual([]);
    expect(await pending(bob)).toStrictEqual([]);
  });

  it('agreeing adds the applicant with a join tip, and tells the applicant and the managers', async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    const g = await publicGroup(alice, { memberList: [{ userID: 'carol', role: 'Admin' }] });
    await bob.ok(M.JOIN_GROUP, { groupID: g.groupID, applyMessage: 'hi' });
    const answer = (await carol.ok(M.HANDLE_GROUP_APPLICATION, { groupID: g.groupID, userID: 'bob', action: 'Agree', handleMessage: 'welcome' }))['group'] as WireGroup;
    expect(answer).toMatchObject({ groupID: g.groupID, memberNum: 3, selfRole: 'Admin' });
    const handled = { groupID: g.groupID, userID: 'bob', action: 'Agree', handleMessage: 'welcome', operatorID: 'carol' };
    for (const c of [bob, alice, carol]) {
      await c.until(() => c.pushes(MessagingPush.GROUP_APPLICATION_HANDLED).length === 1, 'the outcome push');
      expect(c.pushes(MessagingPush.GROUP_APPLICATION_HANDLED)[0]?.body).toStrictEqual(handled);
    }
    await bob.until(() => bob.pushes(MessagingPush.GROUP_CHANGED).some((p) => p.body['change'] === 'joined'), 'the joined push');
    expect(((await bob.ok(M.JOINED_GROUPS))['groups'] as WireGroup[]).map((x) => x.groupID)).toStrictEqual([g.groupID]);
    const history = (await bob.ok(M.HISTORY, { conversationID: `GROUP${g.groupID}`, count: 10 }))['messages'] as WireMessage[];
    expect(history.at(-1)?.elements[0]).toStrictEqual({ type: 'TIMGroupTipElem', content: { operationType: 1, operatorID: 'carol', userIDList: ['bob'] } });
    expect(await pending(alice)).toStrictEqual([]);
    expect(await alice.code(M.HANDLE_GROUP_APPLICATION, { groupID: g.groupID, userID: 'bob', action: 'Agree' })).toBe(ErrorCode.ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED);
  });

  it('rejecting leaves the applicant out and tells them why', async () => {
    const t = await server();
    const [alice, dave] = [await login(t, 'alice'), await login(t, 'dave')];
    const g = await publicGroup(alice);
    await dave.ok(M.JOIN_GROUP, { groupID: g.groupID });
    await alice.ok(M.HANDLE_GROUP_APPLICATION, { groupID: g.groupID, userID: 'dave', action: 'Reject', handleMessage: 'members only' });
    await dave.until(() => dave.pushes(MessagingPush.GROUP_APPLICATION_HANDLED).length === 1, 'the outcome push');
    expect(dave.pushes(MessagingPush.GROUP_APPLICATION_HANDLED)[0]?.body).toMatchObject({ action: 'Reject', handleMessage: 'members only', operatorID: 'alice' });
    expect((await dave.ok(M.JOINED_GROUPS))['groups']).toStrictEqual([]);
    expect(await pending(alice)).toStrictEqual([]);
    expect(await alice.code(M.HANDLE_GROUP_APPLICATION, { groupID: g.groupID, userID: 'dave', action: 'Reject' })).toBe(ErrorCode.ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED);
  });

  it('only owners and admins decide (10007); a full group keeps the application (10014)', async () => {
    const t = await server();
    const [alice, bob, erin] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'erin')];
    const g = await publicGroup(alice, { maxMemberNum: 2, memberList: [{ userID: 'bob' }] });
    await erin.ok(M.JOIN_GROUP, { groupID: g.groupID, applyMessage: 'please' });
    expect(await bob.code(M.HANDLE_GROUP_APPLICATION, { groupID: g.groupID, userID: 'erin', action: 'Agree' })).toBe(ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY);
    expect(await erin.code(M.HANDLE_GROUP_APPLICATION, { groupID: g.groupID, userID: 'erin', action: 'Agree' })).toBe(ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY);
    expect(await alice.code(M.HANDLE_GROUP_APPLICATION, { groupID: g.groupID, userID: 'erin', action: 'Agree' })).toBe(ErrorCode.ERR_SVR_GROUP_FULL_MEMBER_COUNT);
    expect((await pending(alice)).map((a) => a.userID)).toStrictEqual(['erin']);
    expect(await alice.code(M.HANDLE_GROUP_APPLICATION, { groupID: 'nope', userID: 'erin', action: 'Agree' })).toBe(ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
    expect(await alice.code(M.HANDLE_GROUP_APPLICATION, { groupID: g.groupID, userID: 'erin', action: 'Maybe' })).toBe(ErrorCode.ERR_SVR_GROUP_INVALID_PARAMETERS);
  });
});
