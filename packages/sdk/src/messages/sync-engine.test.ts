/**
 * "Offline messages and roaming history sync on login and reconnect (missed pushes are recovered
 * from sequence gaps)"; "clients dedupe, so a message never shows twice".
 * Against the fake messaging server over real sockets.
 */
import { EVENT, MessagingCommand } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { texts, World } from '../../test-support/messaging-harness.js';
import { INITIAL_C2C_RECENT } from './sync-engine.js';
import { eventually, sleep } from '../../test-support/sdk-harness.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(async () => {
  await world.close();
});

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const syncCursors = (): unknown[] => world.server.requests(MessagingCommand.SYNC).map((e) => e.request.body['cursor']);

describe('the sync at login', () => {
  it('pages openim.sync from cursor 0 until isCompleted, all before SDK_READY', async () => {
    for (let i = 0; i < 250; i++) world.fake.commit({ from: 'bob', to: 'alice', text: `m${i}` });
    world.fake.maxSyncPage = 100;
    const chat = world.chat();
    let syncsAtReady = -1;
    chat.on(EVENT.SDK_READY, () => (syncsAtReady = world.server.requests(MessagingCommand.SYNC).length));
    await chat.login({ userID: 'alice', userSig: 's' });
    await eventually(() => chat.isReady(), 'ready');
    expect(syncCursors()).toEqual([0, 100, 200]);
    expect(syncsAtReady).toBe(3);
    expect(world.server.requests(MessagingCommand.SYNC)[0]?.request.body).toEqual({ cursor: 0, count: 100, recent: INITIAL_C2C_RECENT });
    const list = (await chat.getConversationList()).data;
    expect(list).toMatchObject({ isSyncCompleted: true, conversationList: [{ conversationID: 'C2Cbob', unreadCount: 250 }] });
  });

  it('on a fresh client fetches only the newest INITIAL_C2C_RECENT messages; older ones stay history', async () => {
    for (let i = 0; i < INITIAL_C2C_RECENT + 150; i++) world.fake.commit({ from: 'bob', to: 'alice', text: `m${i}` });
    world.fake.maxSyncPage = 500;
    const received: { payload: { text: string } }[] = [];
    const chat = world.chat();
    chat.on(EVENT.MESSAGE_RECEIVED, (e: { data?: unknown }) => received.push(...(e.data as { payload: { text: string } }[])));
    await chat.login({ userID: 'alice', userSig: 's' });
    await eventually(() => chat.isReady(), 'ready');
    await eventually(() => received.length === INITIAL_C2C_RECENT, 'the recent messages');
    expect(received[0]?.payload.text).toBe('m150');
    expect(received.at(-1)?.payload.text).toBe(`m${INITIAL_C2C_RECENT + 149}`);
    // The unread count is the server's, over the whole conversation.
    expect((await chat.getConversationList()).data.conversationList[0]).toMatchObject({ conversationID: 'C2Cbob', unreadCount: INITIAL_C2C_RECENT + 150 });
  });

  it('then delivers what arrived while the user was offline, once, after SDK_READY: unread messages from others only', async () => {
    world.addAccounts('bob', 'carol');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'read before' });
    const first = await world.ready('alice');
    await first.chat.setMessageRead({ conversationID: 'C2Cbob' });
    await first.chat.logout();
    world.fake.commit({ from: 'alice', to: 'bob', text: 'mine, from another device' });
    world.fake.commit({ from: 'bob', to: 'alice', text: 'new 1' });
    world.fake.commit({ from: 'carol', to: 'alice', text: 'new 2' });
    const again = await world.ready('alice');
    await eventually(() => again.received.length === 2, 'offline messages');
    expect(texts(again.received)).toEqual(['new 1', 'new 2']);
    expect(again.order).toEqual([
      EVENT.SDK_READY,
      EVENT.CONVERSATION_LIST_UPDATED,
      EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED,
      EVENT.GROUP_LIST_UPDATED,
      EVENT.MESSAGE_RECEIVED,
    ]);
    expect(again.totals).toEqual([2]);
    // The whole history is cached: findMessage knows the old ones too.
    const old = (await again.chat.getMessageList({ conversationID: 'C2Cbob' })).data.messageList;
    expect(texts(old)).toEqual(['read before', 'mine, from another device', 'new 1']);
    expect(old.map((m) => m.isRead)).toEqual([true, true, false]);
  });

  it('still becomes ready when the server has no messaging commands (88501), delivering nothing', async () => {
    for (const cmd of Object.values(MessagingCommand)) world.server.reset(cmd);
    const alice = await world.ready('alice');
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(0);
    expect(alice.received).toEqual([]);
  });

  it('fetches only the unread part of each group (afterSeq = the read sequence)', async () => {
    world.fake.groups.create('g1', 'bob', ['alice']);
    for (let i = 1; i <= 5; i++) world.fake.commit({ from: 'bob', to: 'g1', conversationType: 'GROUP', text: `g${i}` });
    const first = await world.ready('alice');
    await first.chat.setMessageRead({ conversationID: 'GROUPg1' });
    await first.chat.logout();
    world.fake.commit({ from: 'bob', to: 'g1', conversationType: 'GROUP', text: 'g6' });
    world.fake.commit({ from: 'bob', to: 'g1', conversationType: 'GROUP', text: 'g7' });
    const histories = world.server.requests(MessagingCommand.HISTORY).length;
    const again = await world.ready('alice');
    await eventually(() => again.received.length === 2, 'unread group messages');
    expect(texts(again.received)).toEqual(['g6', 'g7']);
    expect(world.server.requests(MessagingCommand.HISTORY).slice(histories).map((e) => e.request.body)).toEqual([{ conversationID: 'GROUPg1', afterSeq: 5, count: 100 }]);
  });
});

describe('live pushes', () => {
  it('are delivered once even when the server pushes them twice', async () => {
    const alice = await world.ready('alice');
    world.fake.duplicatePushes = true;
    world.fake.commit({ from: 'bob', to: 'alice', text: 'twice on the wire' });
    world.fake.commit({ from: 'bob', to: 'alice', text: 'next' });
    await eventually(() => alice.received.length === 2, 'two messages');
    await sleep(30);
    expect(texts(alice.received)).toEqual(['twice on the wire', 'next']);
  });

  it('with a sequence gap trigger a gap fill, and the missing messages arrive first, in order', async () => {
    world.addAccounts('bob');
    const alice = await world.ready('alice');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'm1' });
    await eventually(() => alice.received.length === 1, 'm1');
    world.fake.pushes = false;
    world.fake.commit({ from: 'bob', to: 'alice', text: 'm2 (push lost)' });
    world.fake.commit({ from: 'bob', to: 'alice', text: 'm3 (push lost)' });
    world.fake.pushes = true;
    world.fake.commit({ from: 'bob', to: 'alice', text: 'm4' });
    await eventually(() => alice.received.length === 4, 'the gap filled');
    expect(texts(alice.received)).toEqual(['m1', 'm2 (push lost)', 'm3 (push lost)', 'm4']);
    expect(world.server.requests(MessagingCommand.HISTORY).map((e) => e.request.body)).toEqual([{ conversationID: 'C2Cbob', afterSeq: 1, count: 100 }]);
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(4);
  });

  it('arriving out of order are each delivered once (the late one is not repeated)', async () => {
    world.addAccounts('bob');
    const alice = await world.ready('alice');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'm1' });
    await eventually(() => alice.received.length === 1, 'm1');
    world.fake.pushes = false;
    const m2 = world.fake.commit({ from: 'bob', to: 'alice', text: 'm2' });
    const m3 = world.fake.commit({ from: 'bob', to: 'alice', text: 'm3' });
    world.fake.pushTo('alice', m3);
    world.fake.pushTo('alice', m2);
    await eventually(() => alice.received.length === 3, 'three messages');
    await sleep(30);
    expect(texts(alice.received)).toEqual(['m1', 'm2', 'm3']);
  });

  it("of the user's own message from another instance arrive with flow out; the sending instance never receives its own", async () => {
    world.addAccounts('bob');
    world.fake.echoToSender = true;
    const web1 = await world.ready('alice');
    const web2 = await world.ready('alice');
    const m = web1.chat.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'from web1' } });
    await web1.chat.sendMessage(m);
    await eventually(() => web2.received.length === 1, 'the other instance gets it');
    expect(web2.received[0]).toMatchObject({ ID: m.ID, flow: 'out', from: 'alice', conversationID: 'C2Cbob', isRead: true });
    await sleep(30);
    expect(web1.received).toEqual([]);
    expect(m.status).toBe('success');
    expect(web2.chat.getTotalUnreadMessageCount()).toBe(0);
  });
});

describe('the sync after a reconnect', () => {
  it('delivers the messages sent while the connection was down exactly once, from the stored cursor', async () => {
    world.fake.commit({ from: 'bob', to: 'alice', text: 'offline' });
    const alice = await world.ready('alice');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'pushed' });
    await eventually(() => alice.received.length === 2, 'offline and pushed');
    expect(syncCursors()).toEqual([0]);
    world.server.dropAll();
    await eventually(() => world.server.connectionsOf('alice').length === 0, 'alice offline');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'while down 1' });
    world.fake.commit({ from: 'bob', to: 'alice', text: 'while down 2' });
    await eventually(() => alice.received.length === 4, 'caught up');
    await sleep(30);
    // The resync starts after the login sync's cursor, so it also returns "pushed" again: not repeated.
    expect(syncCursors()).toEqual([0, 1]);
    expect(texts(alice.received)).toEqual(['offline', 'pushed', 'while down 1', 'while down 2']);
    expect(alice.chat.isReady()).toBe(true);
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(4);
  });

  it('delivers a push that races the sync once', async () => {
    const alice = await world.ready('alice');
    const hold = gate();
    world.server.handle(MessagingCommand.SYNC, async (req, conn) => {
      await hold.opened;
      return world.fake.reply(req, conn);
    });
    world.server.dropAll();
    await eventually(() => world.server.connectionsOf('alice').length === 0, 'alice offline');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'missed' });
    await world.server.until(() => world.server.requests(MessagingCommand.SYNC).length === 2, 'the resync');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'racing' }); // pushed now, and in the sync answer
    await sleep(30);
    hold.open();
    await eventually(() => alice.received.length === 2, 'both');
    await sleep(30);
    expect(texts(alice.received)).toEqual(['missed', 'racing']);
  });

  it('fills the gap of a group whose sequence moved while the connection was down', async () => {
    world.fake.groups.create('g1', 'bob', ['alice']);
    const alice = await world.ready('alice');
    world.fake.commit({ from: 'bob', to: 'g1', conversationType: 'GROUP', text: 'live' });
    await eventually(() => alice.received.length === 1, 'live');
    world.server.dropAll();
    await eventually(() => world.server.connectionsOf('alice').length === 0, 'alice offline');
    world.fake.commit({ from: 'bob', to: 'g1', conversationType: 'GROUP', text: 'missed 1' });
    world.fake.commit({ from: 'carol', to: 'g1', conversationType: 'GROUP', text: 'missed 2' });
    await eventually(() => alice.received.length === 3, 'caught up');
    expect(texts(alice.received)).toEqual(['live', 'missed 1', 'missed 2']);
    expect(alice.received.map((m) => m.conversationID)).toEqual(['GROUPg1', 'GROUPg1', 'GROUPg1']);
    expect(world.server.requests(MessagingCommand.HISTORY).at(-1)?.request.body).toEqual({ conversationID: 'GROUPg1', afterSeq: 1, count: 100 });
  });
});

describe('the end of a session', () => {
  it('forgets conversations, messages and counts (the next user starts empty)', async () => {
    world.fake.commit({ from: 'bob', to: 'alice', text: 'for alice' });
    const alice = await world.ready('alice');
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(1);
    await alice.chat.login({ userID: 'carol', userSig: 's' });
    await eventually(() => alice.chat.isReady(), 'carol ready');
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(0);
    expect((await alice.chat.getConversationList()).data.conversationList).toEqual([]);
    await alice.chat.logout();
    expect((await alice.chat.getConversationList()).data.conversationList).toEqual([]);
  });
});
