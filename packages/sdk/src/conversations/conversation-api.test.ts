/**
 * The conversation list: its order, unread counts and their events, pins, drafts, deletion, and
 * the reads that work before SDK_READY. Against the fake messaging server over real sockets.
 */
import { EVENT, TYPES } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { World } from '../../test-support/messaging-harness.js';
import { eventually, sleep } from '../../test-support/sdk-harness.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(async () => {
  await world.close();
});

const ids = (list: readonly { conversationID: string }[] | undefined): string[] => (list ?? []).map((c) => c.conversationID);

describe('the conversation list', () => {
  it('is sorted pinned first, then by last activity, and CONVERSATION_LIST_UPDATED carries the whole sorted list', async () => {
    world.addAccounts('bob', 'carol', 'dave');
    for (const [from, t] of [['bob', 100], ['carol', 200], ['dave', 300]] as const) {
      world.fake.now = () => t;
      world.fake.commit({ from, to: 'alice', text: `from ${from}` });
    }
    const alice = await world.ready('alice');
    expect(ids(alice.lists[0])).toEqual(['C2Cdave', 'C2Ccarol', 'C2Cbob']);
    world.fake.now = () => 350;
    await alice.chat.pinConversation({ conversationID: 'C2Cbob', isPinned: true });
    expect(ids(alice.lists.at(-1))).toEqual(['C2Cbob', 'C2Cdave', 'C2Ccarol']);
    expect(alice.lists.at(-1)?.[0]).toMatchObject({ isPinned: true });
    world.fake.now = () => 400;
    world.fake.commit({ from: 'carol', to: 'alice', text: 'again' });
    await eventually(() => ids(alice.lists.at(-1))[1] === 'C2Ccarol', 'carol moves up');
    expect(ids(alice.lists.at(-1))).toEqual(['C2Cbob', 'C2Ccarol', 'C2Cdave']);
    expect(ids((await alice.chat.getConversationList()).data.conversationList)).toEqual(['C2Cbob', 'C2Ccarol', 'C2Cdave']);
  });

  it("holds Tencent's conversation shape", async () => {
    world.fake.now = () => 1_767_000_000;
    world.fake.commit({ from: 'bob', to: 'alice', text: 'yo' });
    const alice = await world.ready('alice');
    const { data } = await alice.chat.getConversationProfile('C2Cbob');
    expect(data.conversation).toEqual({
      conversationID: 'C2Cbob',
      type: TYPES.CONV_C2C,
      subType: '',
      unreadCount: 1,
      lastMessage: {
        lastTime: 1_767_000_000,
        lastSequence: 1,
        fromAccount: 'bob',
        type: TYPES.MSG_TEXT,
        payload: { text: 'yo' },
        messageForShow: 'yo',
        isRevoked: false,
        isPeerRead: false,
        nick: '',
        nameCard: '',
        cloudCustomData: '',
        onlineOnlyFlag: false,
        status: 'success',
      },
      userProfile: { userID: 'bob', nick: '', avatar: '' },
      groupAtInfoList: [],
      remark: '',
      isPinned: false,
      messageRemindType: '',
      markList: [],
      customData: '',
      conversationGroupList: [],
      draftText: '',
      peerReadTime: 0,
    });
  });

  it('shows a group conversation with the group profile and the @-mentions of the user until read', async () => {
    world.fake.groups.create('g1', 'bob', ['alice']);
    const alice = await world.ready('alice');
    const bob = await world.ready('bob');
    const at = bob.chat.createTextAtMessage({ to: 'g1', conversationType: 'GROUP', payload: { text: '@alice look', atUserList: ['alice'] } });
    await bob.chat.sendMessage(at);
    const all = bob.chat.createTextAtMessage({ to: 'g1', conversationType: 'GROUP', payload: { text: '@all', atUserList: [TYPES.MSG_AT_ALL] } });
    await bob.chat.sendMessage(all);
    await eventually(() => alice.received.length === 2, 'both mentions');
    const c = (await alice.chat.getConversationProfile('GROUPg1')).data.conversation;
    expect(c).toMatchObject({ type: 'GROUP', subType: 'Public', groupProfile: { groupID: 'g1', name: 'g1', type: 'Public' }, unreadCount: 2 });
    expect(c.groupAtInfoList).toEqual([
      { groupID: 'g1', messageSequence: 1, atType: TYPES.CONV_AT_ME },
      { groupID: 'g1', messageSequence: 2, atType: TYPES.CONV_AT_ALL },
    ]);
    expect(alice.received[1]?.atUserList).toEqual([TYPES.MSG_AT_ALL]);
    await alice.chat.setMessageRead({ conversationID: 'GROUPg1' });
    expect((await alice.chat.getConversationProfile('GROUPg1')).data.conversation).toMatchObject({ unreadCount: 0, groupAtInfoList: [] });
  });

  it('keeps drafts, and deleting a conversation removes it (with its cached history by default)', async () => {
    world.addAccounts('bob', 'carol');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'hey' });
    const alice = await world.ready('alice');
    await alice.chat.setConversationDraft({ conversationID: 'C2Cbob', draftText: 'half a thought' });
    expect((await alice.chat.getConversationProfile('C2Cbob')).data.conversation.draftText).toBe('half a thought');
    const res = await alice.chat.deleteConversation('C2Cbob');
    expect(res.data).toEqual({ conversationID: 'C2Cbob' });
    expect(ids(alice.lists.at(-1))).toEqual([]);
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(0);
    const many = await alice.chat.deleteConversation({ conversationIDList: ['C2Ccarol'], clearHistoryMessage: false });
    expect(many.data).toEqual({ conversationIDList: ['C2Ccarol'] });
  });

  it('answers getConversationProfile of a conversation nobody wrote in with an empty one, and 2503 for a malformed ID', async () => {
    world.addAccounts('newfriend');
    const alice = await world.ready('alice');
    const { data } = await alice.chat.getConversationProfile('C2Cnewfriend');
    expect(data.conversation).toMatchObject({ conversationID: 'C2Cnewfriend', unreadCount: 0, lastMessage: { lastSequence: 0 }, userProfile: { userID: 'newfriend' } });
    expect(ids((await alice.chat.getConversationList()).data.conversationList)).toEqual([]);
    await expect(alice.chat.getConversationProfile('nobody')).rejects.toMatchObject({ code: 2503 });
  });
});

describe('unread counts', () => {
  it('count messages from others; TOTAL_UNREAD_MESSAGE_COUNT_UPDATED reports each change; setMessageRead clears one conversation', async () => {
    world.addAccounts('bob', 'carol');
    const alice = await world.ready('alice');
    expect(alice.totals).toEqual([0]);
    world.fake.commit({ from: 'bob', to: 'alice', text: '1' });
    world.fake.commit({ from: 'bob', to: 'alice', text: '2' });
    world.fake.commit({ from: 'carol', to: 'alice', text: '3' });
    await eventually(() => alice.totals.at(-1) === 3, 'three unread');
    expect(alice.totals).toEqual([0, 1, 2, 3]);
    const own = alice.chat.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'mine' } });
    await alice.chat.sendMessage(own);
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(3);
    await alice.chat.setMessageRead({ conversationID: 'C2Cbob' });
    expect(alice.totals.at(-1)).toBe(1);
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(1);
    expect(alice.received.filter((m) => m.conversationID === 'C2Cbob').every((m) => m.isRead)).toBe(true);
    await alice.chat.setAllMessageRead({ scope: TYPES.READ_ALL_MSG });
    expect(alice.totals).toEqual([0, 1, 2, 3, 1, 0]);
  });

  it('follow reads made on another instance of the user (recentcontact.changed)', async () => {
    world.addAccounts('bob');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'x' });
    const phone = await world.ready('alice');
    const web = await world.ready('alice');
    expect(web.chat.getTotalUnreadMessageCount()).toBe(1);
    await phone.chat.setMessageRead({ conversationID: 'C2Cbob' });
    await eventually(() => web.totals.at(-1) === 0, 'the web instance follows');
    expect((await web.chat.getConversationProfile('C2Cbob')).data.conversation.unreadCount).toBe(0);
  });

  it('do not count online-only messages', async () => {
    const alice = await world.ready('alice');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'typing…', onlineUserOnly: true });
    await eventually(() => alice.received.length === 1, 'online message');
    await sleep(20);
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(0);
  });
});

describe('before SDK_READY', () => {
  it('the conversation reads answer from the local list instead of failing', async () => {
    const chat = world.chat();
    expect(chat.getTotalUnreadMessageCount()).toBe(0);
    await expect(chat.getConversationList()).resolves.toEqual({ code: 0, data: { conversationList: [], isSyncCompleted: false } });
    // Not listed and not logged in: nothing to answer with.
    await expect(chat.getConversationProfile('C2Cbob')).rejects.toMatchObject({ code: 2024 });
    world.fake.commit({ from: 'bob', to: 'alice', text: 'x' });
    let between: unknown;
    await chat.login({ userID: 'alice', userSig: 's' }).then(() => {
      between = chat.getConversationList();
    });
    await expect(between).resolves.toMatchObject({ code: 0 });
    await eventually(() => chat.isReady(), 'ready');
    expect(chat.getTotalUnreadMessageCount()).toBe(1);
  });

  it('no messaging event is emitted: they follow SDK_READY', async () => {
    world.fake.commit({ from: 'bob', to: 'alice', text: 'x' });
    const chat = world.chat();
    const names: string[] = [];
    for (const name of [EVENT.SDK_READY, EVENT.MESSAGE_RECEIVED, EVENT.CONVERSATION_LIST_UPDATED, EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, EVENT.GROUP_LIST_UPDATED]) {
      chat.on(name, () => names.push(name));
    }
    await chat.login({ userID: 'alice', userSig: 's' });
    await eventually(() => names.includes(EVENT.MESSAGE_RECEIVED), 'offline message');
    expect(names[0]).toBe(EVENT.SDK_READY);
  });
});
