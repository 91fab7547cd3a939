/**
 * Sending, resending and reading messages through the web API, against the fake messaging
 * server over real sockets.
 */
import { MessagingCommand, TYPES } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { texts, World } from '../../test-support/messaging-harness.js';
import { eventually, sleep } from '../../test-support/sdk-harness.js';
import type { Message } from '../index.js';

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(async () => {
  await world.close();
});

describe('sendMessage', () => {
  it("moves the message's status from unSend to success and fills in sequence and server time", async () => {
    world.addAccounts('bob');
    const alice = await world.ready('alice');
    world.fake.now = () => 1_767_000_000;
    const message = alice.chat.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'hello' } });
    expect(message.status).toBe('unSend');
    const sending = alice.chat.sendMessage(message);
    expect(message.status).toBe('unSend');
    const res = await sending;
    expect(res).toEqual({ code: 0, data: { message } });
    expect(message).toMatchObject({ status: 'success', sequence: 1, time: 1_767_000_000, flow: 'out', conversationID: 'C2Cbob' });
    const { request } = await world.server.waitForRequest(MessagingCommand.SEND);
    expect(request.body).toEqual({
      conversationType: 'C2C',
      to: 'bob',
      ID: message.ID,
      random: message.random,
      elements: [{ type: 'TIMTextElem', content: { text: 'hello' } }],
      cloudCustomData: '',
      priority: 'Normal',
    });
  });

  it('on a server refusal sets status fail and rejects with the code and data.message', async () => {
    const alice = await world.ready('alice');
    world.server.handle(MessagingCommand.SEND, () => ({ code: 20007, message: 'in the peer blacklist' }));
    const message = alice.chat.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'hi' } });
    const error = await alice.chat.sendMessage(message).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 20007, message: 'in the peer blacklist', data: { message } });
    expect(message.status).toBe('fail');
    const { data } = await alice.chat.getConversationList();
    expect(data.conversationList[0]?.lastMessage).toMatchObject({ status: 'fail', messageForShow: 'hi' });
  });

  it('refuses objects it did not create (2105) and runs only when ready', async () => {
    const alice = await world.ready('alice');
    await expect(alice.chat.sendMessage({ ID: 'x' } as unknown as Message)).rejects.toMatchObject({ code: 2105 });
    const fresh = world.chat();
    await expect(Promise.resolve(fresh.createTextMessage({ to: 'b', conversationType: 'C2C', payload: { text: 'x' } }))).rejects.toMatchObject({ code: 2024 });
  });

  it('delivers to every instance of the receiver, and to the sender\'s other instances with flow out', async () => {
    const alice = await world.ready('alice');
    const bob = await world.ready('bob');
    world.fake.echoToSender = false;
    const message = alice.chat.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'ping' } });
    await alice.chat.sendMessage(message);
    await eventually(() => bob.received.length === 1, 'bob receives');
    expect(bob.received[0]).toMatchObject({ ID: message.ID, flow: 'in', from: 'alice', conversationID: 'C2Calice', sequence: 1, isRead: false });
    expect(alice.received).toEqual([]);
  });

  it('sending the same object twice while it is on its way sends it once', async () => {
    world.addAccounts('bob');
    const alice = await world.ready('alice');
    const m = alice.chat.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'x' } });
    const [a, b] = await Promise.all([alice.chat.sendMessage(m), alice.chat.sendMessage(m)]);
    expect(a).toEqual(b);
    expect(world.server.requests(MessagingCommand.SEND)).toHaveLength(1);
  });

  it('sends online-only messages with seq 0 and keeps them out of the conversation list', async () => {
    const alice = await world.ready('alice');
    const bob = await world.ready('bob');
    const m = alice.chat.createCustomMessage({ to: 'bob', conversationType: 'C2C', payload: { data: 'typing' } });
    await alice.chat.sendMessage(m, { onlineUserOnly: true });
    expect(m).toMatchObject({ status: 'success', sequence: 0, isOnlineOnly: true });
    await eventually(() => bob.received.length === 1, 'bob receives the online message');
    expect(bob.received[0]).toMatchObject({ isOnlineOnly: true, type: TYPES.MSG_CUSTOM, payload: { data: 'typing' } });
    expect((await bob.chat.getConversationList()).data.conversationList).toEqual([]);
    expect((await alice.chat.getConversationList()).data.conversationList).toEqual([]);
  });
});

describe('resendMessage', () => {
  it('resends with the same ID: a send whose answer was lost becomes one message, seen once by the receiver', async () => {
    const alice = await world.ready('alice', { requestTimeoutMs: 150 });
    const bob = await world.ready('bob');
    let answers = 0;
    world.server.handle(MessagingCommand.SEND, (req, conn) => {
      const reply = world.fake.reply(req, conn);
      return answers++ === 0 ? 'silent' : reply; // the first answer is lost, the message is stored
    });
    // The server also pushes the stored copy twice: that must not show twice either.
    world.fake.duplicatePushes = true;
    const m = alice.chat.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'once' } });
    await expect(alice.chat.sendMessage(m)).rejects.toMatchObject({ code: 2801 });
    expect(m.status).toBe('fail');
    const res = await alice.chat.resendMessage(m);
    expect(res.data.message).toBe(m);
    expect(m).toMatchObject({ status: 'success', sequence: 1, isResend: true });
    const sends = world.server.requests(MessagingCommand.SEND).map((e) => e.request.body['ID']);
    expect(sends).toEqual([m.ID, m.ID]);
    await sleep(50);
    expect(texts(bob.received)).toEqual(['once']);
    const history = await bob.chat.getMessageList({ conversationID: 'C2Calice' });
    expect(texts(history.data.messageList)).toEqual(['once']);
  });
});

describe('getMessageList', () => {
  it('pages roaming history oldest first with nextReqMessageID until isCompleted', async () => {
    world.addAccounts('bob');
    for (let i = 1; i <= 20; i++) world.fake.commit({ from: i % 2 ? 'bob' : 'alice', to: i % 2 ? 'alice' : 'bob', text: `m${i}` });
    const alice = await world.ready('alice');
    const first = await alice.chat.getMessageList({ conversationID: 'C2Cbob' });
    expect(texts(first.data.messageList)).toEqual(Array.from({ length: 15 }, (_, i) => `m${i + 6}`));
    expect(first.data).toMatchObject({ isCompleted: false, nextReqMessageID: first.data.messageList[0]?.ID });
    const second = await alice.chat.getMessageList({ conversationID: 'C2Cbob', nextReqMessageID: first.data.nextReqMessageID, count: 15 });
    expect(texts(second.data.messageList)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(second.data.isCompleted).toBe(true);
    expect(world.server.requests(MessagingCommand.HISTORY).map((e) => e.request.body)).toEqual([
      { conversationID: 'C2Cbob', count: 15 },
      { conversationID: 'C2Cbob', beforeSeq: 6, count: 15 },
    ]);
  });

  it('returns the same objects the app already holds, and lists unsent messages after the newest page', async () => {
    world.addAccounts('bob');
    const alice = await world.ready('alice');
    const sent = alice.chat.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'a' } });
    await alice.chat.sendMessage(sent);
    world.server.handle(MessagingCommand.SEND, () => 'silent');
    const pending = alice.chat.createTextMessage({ to: 'bob', conversationType: 'C2C', payload: { text: 'b' } });
    void alice.chat.sendMessage(pending).catch(() => {});
    const page = await alice.chat.getMessageList({ conversationID: 'C2Cbob' });
    expect(page.data.messageList).toEqual([sent, pending]);
    expect(page.data.messageList[0]).toBe(sent);
    expect(alice.chat.findMessage(sent.ID)).toBe(sent);
    expect(alice.chat.findMessage('nope')).toBeNull();
  });

  it('rejects a malformed conversation ID with 2503 and an unknown nextReqMessageID with 6017', async () => {
    const alice = await world.ready('alice');
    await expect(alice.chat.getMessageList({ conversationID: 'bob' })).rejects.toMatchObject({ code: 2503 });
    await expect(alice.chat.getMessageList({ conversationID: 'C2Cbob', nextReqMessageID: 'zzz' })).rejects.toMatchObject({ code: 6017 });
  });
});

describe('getMessageListHopping', () => {
  it('pages older (direction 0) and newer (direction 1) from a sequence, including it', async () => {
    world.addAccounts('bob');
    for (let i = 1; i <= 10; i++) world.fake.commit({ from: 'bob', to: 'alice', text: `m${i}` });
    const alice = await world.ready('alice');
    const older = await alice.chat.getMessageListHopping({ conversationID: 'C2Cbob', sequence: 5, count: 3 });
    expect(texts(older.data.messageList)).toEqual(['m3', 'm4', 'm5']);
    expect(older.data).toMatchObject({ isCompleted: false, nextMessageSeq: 2 });
    const newer = await alice.chat.getMessageListHopping({ conversationID: 'C2Cbob', sequence: 5, direction: 1, count: 3 });
    expect(texts(newer.data.messageList)).toEqual(['m5', 'm6', 'm7']);
    expect(newer.data).toMatchObject({ isCompleted: false, nextMessageSeq: 8 });
  });

  it('finds the starting point by time (seconds) when no sequence is given', async () => {
    world.addAccounts('bob');
    for (let i = 1; i <= 6; i++) {
      world.fake.now = () => 1000 + i * 10;
      world.fake.commit({ from: 'bob', to: 'alice', text: `m${i}` });
    }
    const alice = await world.ready('alice');
    const older = await alice.chat.getMessageListHopping({ conversationID: 'C2Cbob', time: 1035, count: 2 });
    expect(texts(older.data.messageList)).toEqual(['m2', 'm3']);
    const newer = await alice.chat.getMessageListHopping({ conversationID: 'C2Cbob', time: 1035, direction: 1, count: 2 });
    expect(texts(newer.data.messageList)).toEqual(['m4', 'm5']);
    // The time is found by the server in one request each, not by paging back through history.
    const lookups = world.server.requests(MessagingCommand.HISTORY).map((r) => r.request.body).filter((b) => 'untilTime' in b || 'sinceTime' in b);
    expect(lookups).toEqual([
      { conversationID: 'C2Cbob', untilTime: 1035, count: 1 },
      { conversationID: 'C2Cbob', sinceTime: 1035, count: 1 },
    ]);
  });
});

describe('deleteMessage and clearHistoryMessage', () => {
  it('deletes messages for this user only: marked isDeleted, gone from the cache and from history', async () => {
    world.addAccounts('bob');
    for (let i = 1; i <= 3; i++) world.fake.commit({ from: 'bob', to: 'alice', text: `m${i}` });
    const alice = await world.ready('alice');
    const page = await alice.chat.getMessageList({ conversationID: 'C2Cbob' });
    const [m1, , m3] = page.data.messageList;
    if (!m1 || !m3) throw new Error('setup');
    const res = await alice.chat.deleteMessage([m1, m3]);
    expect(res.data.messageList).toEqual([m1, m3]);
    expect(m1.isDeleted).toBe(true);
    expect(alice.chat.findMessage(m1.ID)).toBeNull();
    expect(world.server.requests(MessagingCommand.DELETE).at(-1)?.request.body).toEqual({ conversationID: 'C2Cbob', seqs: [1, 3] });
    expect(texts((await alice.chat.getMessageList({ conversationID: 'C2Cbob' })).data.messageList)).toEqual(['m2']);
    const conversation = (await alice.chat.getConversationProfile('C2Cbob')).data.conversation;
    expect(conversation.lastMessage.messageForShow).toBe('m2');
  });

  it('clears a conversation: empty history, empty last message, nothing unread', async () => {
    world.addAccounts('bob');
    world.fake.commit({ from: 'bob', to: 'alice', text: 'old' });
    const alice = await world.ready('alice');
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(1);
    await alice.chat.clearHistoryMessage('C2Cbob');
    expect((await alice.chat.getMessageList({ conversationID: 'C2Cbob' })).data.messageList).toEqual([]);
    const c = (await alice.chat.getConversationProfile('C2Cbob')).data.conversation;
    expect(c.lastMessage).toMatchObject({ messageForShow: '', lastSequence: 0 });
    expect(alice.chat.getTotalUnreadMessageCount()).toBe(0);
  });
});
