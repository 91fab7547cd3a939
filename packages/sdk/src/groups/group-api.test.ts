/**
 * Group basics of the web API: create, join, quit, dismiss, list, profile, members and roles,
 * and GROUP_LIST_UPDATED. Against the fake messaging server over real sockets.
 */
import { EVENT, MessagingCommand, TYPES } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { texts, World } from '../../test-support/messaging-harness.js';
import { eventually } from '../../test-support/sdk-harness.js';
import type { Group } from '../index.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(async () => {
  await world.close();
});

function groupLists(chat: World['chats'][number]): Group[][] {
  const lists: Group[][] = [];
  chat.on(EVENT.GROUP_LIST_UPDATED, (e) => lists.push(e.data));
  return lists;
}

describe('createGroup', () => {
  it("creates a group owned by the user, in Tencent's Group shape, and lists it (GROUP_LIST_UPDATED)", async () => {
    world.addAccounts('bob');
    const alice = await world.ready('alice');
    const lists = groupLists(alice.chat);
    world.fake.now = () => 1_767_000_000;
    const res = await alice.chat.createGroup({ type: TYPES.GRP_PUBLIC, name: 'Hikers', groupID: 'hikers', memberList: [{ userID: 'bob' }], introduction: 'trails' });
    expect(res.data.group).toEqual({
      groupID: 'hikers',
      name: 'Hikers',
      type: 'Public',
      avatar: '',
      introduction: 'trails',
      notification: '',
      ownerID: 'alice',
      createTime: 1_767_000_000,
      memberNum: 2,
      memberCount: 2,
      // A Public group's defaults: up to 2000 members, joining needs the owner's or an admin's approval.
      maxMemberNum: 2000,
      maxMemberCount: 2000,
      joinOption: 'NeedPermission',
      muteAllMembers: false,
      // Tencent's meaning: the sequence the group's next message will get; the creation tip took 1.
      nextMessageSeq: 2,
      selfInfo: { userID: 'alice', role: 'Owner', joinTime: 1_767_000_000, nameCard: '', messageRemindType: '' },
      // The group's last message is the tip of its creation (alice and bob joined).
      lastMessage: { lastTime: 1_767_000_000, lastSequence: 1, fromAccount: '@TIM#SYSTEM', messageForShow: '[Group Notification]' },
      groupCustomField: [],
      isSupportTopic: false,
    });
    expect(world.server.requests(MessagingCommand.CREATE_GROUP)[0]?.request.body).toEqual({
      type: 'Public',
      name: 'Hikers',
      groupID: 'hikers',
      introduction: 'trails',
      memberList: [{ userID: 'bob' }],
    });
    expect(lists.at(-1)?.map((g) => g.groupID)).toEqual(['hikers']);
    expect((await alice.chat.getGroupList()).data.groupList.map((g) => g.groupID)).toEqual(['hikers']);
  });

  it('defaults to a Work group and rejects an unknown type with 2600', async () => {
    const alice = await world.ready('alice');
    expect((await alice.chat.createGroup({ name: 'w' })).data.group.type).toBe(TYPES.GRP_WORK);
    await expect(alice.chat.createGroup({ name: 'x', type: 'Club' })).rejects.toMatchObject({ code: 2600 });
    await expect(alice.chat.createGroup({ name: '' })).rejects.toMatchObject({ code: 6017 });
  });

  it('tells the added members (group_changed), whose group list updates', async () => {
    const bob = await world.ready('bob');
    const lists = groupLists(bob.chat);
    const alice = await world.ready('alice');
    await alice.chat.createGroup({ name: 'team', groupID: 'team', memberList: [{ userID: 'bob' }] });
    await eventually(() => lists.length === 1, "bob's list");
    expect(lists[0]?.map((g) => [g.groupID, g.selfInfo.role])).toEqual([['team', 'Member']]);
  });
});

describe('joinGroup, quitGroup and dismissGroup', () => {
  it('join resolves {status, group}; messages then flow; quit and dismiss drop the group from the list', async () => {
    world.fake.groups.create('open', 'bob');
    const alice = await world.ready('alice');
    const bob = await world.ready('bob');
    const joined = await alice.chat.joinGroup({ groupID: 'open' });
    expect(joined.data).toMatchObject({ status: TYPES.JOIN_STATUS_SUCCESS, group: { groupID: 'open', selfInfo: { role: 'Member' } } });
    expect((await alice.chat.joinGroup({ groupID: 'open' })).data.status).toBe(TYPES.JOIN_STATUS_ALREADY_IN_GROUP);
    await bob.chat.sendMessage(bob.chat.createTextMessage({ to: 'open', conversationType: 'GROUP', payload: { text: 'welcome' } }));
    // The server records alice's join as a group tip (sequence 1) before bob's message.
    await eventually(() => alice.received.length === 2, 'the join tip and the group message');
    expect(alice.received[0]).toMatchObject({ conversationID: 'GROUPopen', type: TYPES.MSG_GRP_TIP, from: '@TIM#SYSTEM', sequence: 1, payload: { operationType: TYPES.GRP_TIP_MBR_JOIN, userIDList: ['alice'] } });
    expect(alice.received[1]).toMatchObject({ conversationID: 'GROUPopen', conversationType: 'GROUP', to: 'open', from: 'bob', flow: 'in', sequence: 2 });
    expect(texts(alice.received.slice(1))).toEqual(['welcome']);
    // No gap fill for the history before joining.
    expect(world.server.requests(MessagingCommand.HISTORY)).toEqual([]);
    expect(await alice.chat.quitGroup('open')).toEqual({ code: 0, data: { groupID: 'open' } });
    expect((await alice.chat.getGroupList()).data.groupList).toEqual([]);
    const bobLists = groupLists(bob.chat);
    expect((await bob.chat.dismissGroup('open')).data).toEqual({ groupID: 'open' });
    expect(bobLists.at(-1)).toEqual([]);
  });

  it('join and quit are whitelisted but still need a login: before it they reject with 2024', async () => {
    const chat = world.chat();
    await expect(chat.joinGroup({ groupID: 'open' })).rejects.toMatchObject({ code: 2024 });
    await expect(chat.quitGroup('open')).rejects.toMatchObject({ code: 2024 });
  });

  it("reports the server's refusal code (dismissing someone else's group: 10007)", async () => {
    world.fake.groups.create('g', 'bob', ['alice']);
    const alice = await world.ready('alice');
    await expect(alice.chat.dismissGroup('g')).rejects.toMatchObject({ code: 10007 });
  });
});

describe('profiles, members and roles', () => {
  it('reads and updates the profile, pages members, adds and removes members, sets roles', async () => {
    world.addAccounts('bob', 'carol');
    const alice = await world.ready('alice');
    await alice.chat.createGroup({ name: 'club', groupID: 'club', type: TYPES.GRP_PUBLIC });
    const updated = await alice.chat.updateGroupProfile({ groupID: 'club', name: 'Club', notification: 'be nice', muteAllMembers: true });
    expect(updated.data.group).toMatchObject({ name: 'Club', notification: 'be nice', muteAllMembers: true });
    expect((await alice.chat.getGroupProfile({ groupID: 'club' })).data.group.name).toBe('Club');
    const added = await alice.chat.addGroupMember({ groupID: 'club', userIDList: ['bob', 'carol', 'alice'] });
    expect(added.data).toMatchObject({ successUserIDList: ['bob', 'carol'], existedUserIDList: ['alice'], failureUserIDList: [] });
    const page1 = await alice.chat.getGroupMemberList({ groupID: 'club', count: 2 });
    expect(page1.data.memberList.map((m) => [m.userID, m.role])).toEqual([['alice', 'Owner'], ['bob', 'Member']]);
    expect(page1.data).toMatchObject({ offset: 2, isCompleted: false });
    const page2 = await alice.chat.getGroupMemberList({ groupID: 'club', count: 2, offset: page1.data.offset });
    expect(page2.data.memberList.map((m) => m.userID)).toEqual(['carol']);
    expect(page2.data).toMatchObject({ offset: 0, isCompleted: true });
    await alice.chat.setGroupMemberRole({ groupID: 'club', userID: 'bob', role: TYPES.GRP_MBR_ROLE_ADMIN });
    await expect(alice.chat.setGroupMemberRole({ groupID: 'club', userID: 'bob', role: 'Owner' })).rejects.toMatchObject({ code: 2683 });
    await alice.chat.deleteGroupMember({ groupID: 'club', userIDList: ['carol'], reason: 'spam' });
    const members = await alice.chat.getGroupMemberList({ groupID: 'club' });
    expect(members.data.memberList.map((m) => [m.userID, m.role])).toEqual([['alice', 'Owner'], ['bob', 'Admin']]);
    expect(world.server.requests(MessagingCommand.DELETE_MEMBERS)[0]?.request.body).toEqual({ groupID: 'club', userIDList: ['carol'], reason: 'spam' });
  });

  it('group conversations show the group name from the group list', async () => {
    world.fake.groups.create('g7', 'bob', ['alice']);
    world.fake.commit({ from: 'bob', to: 'g7', conversationType: 'GROUP', text: 'hi all' });
    const alice = await world.ready('alice');
    await eventually(() => alice.received.length === 1, 'offline group message');
    expect(texts(alice.received)).toEqual(['hi all']);
    const c = (await alice.chat.getConversationProfile('GROUPg7')).data.conversation;
    expect(c.groupProfile).toEqual({ groupID: 'g7', name: 'g7', type: 'Public', avatar: '' });
    expect((await alice.chat.getGroupList()).data.groupList[0]?.lastMessage).toMatchObject({ messageForShow: 'hi all', fromAccount: 'bob', lastSequence: 1 });
  });
});
