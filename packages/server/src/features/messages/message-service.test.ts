/** C2C messaging over a real server and raw protocol clients: send, echo, dedupe, offline sync, history. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, MAX_MESSAGE_BYTES, MessagingCommand as M, MessagingPush, type WireMessage } from '@parley/protocol';
import type { ChatClient } from '../../../test-support/chat-client.js';
import { chatFixture } from '../../../test-support/chat-fixture.js';

const { server, login } = chatFixture(['alice', 'bob', 'carol']);

const message = (body: Record<string, unknown>): WireMessage => body['message'] as WireMessage;

describe('C2C messages between online users', () => {
  it('acknowledges a send with the stored message and pushes it to the peer', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const sent = await alice.ok(M.SEND, alice.textBody('C2C', 'bob', 'hi bob'));
    expect(sent['duplicate']).toBe(false);
    expect(message(sent)).toMatchObject({
      conversationType: 'C2C',
      from: 'alice',
      to: 'bob',
      seq: 1,
      isOnlineOnly: false,
      elements: [{ type: 'TIMTextElem', content: { text: 'hi bob' } }],
      priority: 'Normal',
      cloudCustomData: '',
    });
    await bob.until(() => bob.messages().length === 1, 'the push');
    expect(bob.messages()[0]).toStrictEqual(message(sent));
    const reply = await bob.ok(M.SEND, bob.textBody('C2C', 'alice', 'hi alice'));
    expect(message(reply).seq).toBe(2);
    await alice.until(() => alice.messages().length === 1, 'the reply');
    expect(alice.messages()[0]?.ID).toBe(message(reply).ID);
  });

  it('pushes the sender\'s own message to its other instances, not to the sending one', async () => {
    const t = await server();
    const web = await login(t, 'alice', 'Web');
    const phone = await login(t, 'alice', 'Android');
    await login(t, 'bob');
    const sent = await web.ok(M.SEND, web.textBody('C2C', 'bob', 'from the web'));
    await phone.until(() => phone.messages().length === 1, 'the echo');
    expect(phone.messages()[0]).toStrictEqual(message(sent));
    expect(web.messages()).toStrictEqual([]);
  });

  it('stores a resend after a lost answer once: same seq, duplicate: true, no second push', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const body = alice.textBody('C2C', 'bob', 'once');
    const first = await alice.ok(M.SEND, body);
    const again = await alice.ok(M.SEND, body);
    expect(again).toStrictEqual({ message: message(first), duplicate: true });
    await bob.until(() => bob.messages().length === 1, 'the push');
    await new Promise((r) => setTimeout(r, 100));
    expect(bob.messages()).toHaveLength(1);
    const history = await bob.ok(M.HISTORY, { conversationID: 'C2Calice' });
    expect((history['messages'] as WireMessage[]).map((m) => m.ID)).toStrictEqual([body['ID']]);
  });

  it('keeps the order of concurrent sends: acknowledgements and pushes carry increasing sequences', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const acks = await Promise.all(Array.from({ length: 60 }, (_, i) => alice.ok(M.SEND, alice.textBody('C2C', 'bob', `n${i}`))));
    expect(acks.map((a) => message(a).seq)).toStrictEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    await bob.until(() => bob.messages().length === 60, '60 pushes');
    expect(bob.messages().map((m) => m.seq)).toStrictEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('delivers an online-only message to online users without storing it', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const sent = await alice.ok(M.SEND, alice.textBody('C2C', 'bob', 'typing…', { onlineUserOnly: true }));
    expect(message(sent)).toMatchObject({ seq: 0, isOnlineOnly: true });
    await bob.until(() => bob.messages().length === 1, 'the online push');
    expect((await bob.ok(M.HISTORY, { conversationID: 'C2Calice' }))['messages']).toStrictEqual([]);
    expect((await bob.ok(M.SYNC, {}))['messages']).toStrictEqual([]);
  });
});

describe('offline users and sync', () => {
  it('gives a fresh client only the recent messages when it asks, and then continues from there', async () => {
    const t = await server();
    const alice = await login(t, 'alice');
    const sent: WireMessage[] = [];
    for (let i = 0; i < 7; i++) sent.push(message(await alice.ok(M.SEND, alice.textBody('C2C', 'bob', `m${i}`))));
    const bob = await login(t, 'bob');
    const recent = await bob.ok(M.SYNC, { recent: 3 });
    expect(recent).toMatchObject({ isCompleted: true });
    expect(recent['messages']).toStrictEqual(sent.slice(-3));
    const later = message(await alice.ok(M.SEND, alice.textBody('C2C', 'bob', 'later')));
    // `recent` applies to a fresh cursor only: the returned cursor continues after what was synced.
    expect((await bob.ok(M.SYNC, { cursor: recent['cursor'], recent: 3 }))['messages']).toStrictEqual([later]);
    // A window larger than the inbox is the whole inbox; the older messages stay in history.
    expect(((await bob.ok(M.SYNC, { recent: 100 }))['messages'] as WireMessage[]).map((m) => m.ID)).toStrictEqual([...sent, later].map((m) => m.ID));
    expect(await bob.code(M.SYNC, { recent: 0 })).toBe(ErrorCode.PARLEY_BAD_REQUEST);
  });

  it('gives an offline recipient everything in order on login, through sync and history', async () => {
    const t = await server();
    const alice = await login(t, 'alice');
    const sent: WireMessage[] = [];
    for (let i = 0; i < 7; i++) sent.push(message(await alice.ok(M.SEND, alice.textBody('C2C', 'bob', `m${i}`))));
    await alice.ok(M.SEND, alice.textBody('C2C', 'carol', 'not for bob'));
    const bob = await login(t, 'bob');
    const page1 = await bob.ok(M.SYNC, { count: 5 });
    expect(page1).toMatchObject({ isCompleted: false, groups: [] });
    const page2 = await bob.ok(M.SYNC, { cursor: page1['cursor'], count: 5 });
    expect(page2['isCompleted']).toBe(true);
    const synced = [...(page1['messages'] as WireMessage[]), ...(page2['messages'] as WireMessage[])];
    expect(synced).toStrictEqual(sent);
    const again = await bob.ok(M.SYNC, { cursor: page2['cursor'] });
    expect(again).toMatchObject({ messages: [], isCompleted: true, cursor: page2['cursor'] });
    const history = await bob.ok(M.HISTORY, { conversationID: 'C2Calice', count: 3 });
    expect((history['messages'] as WireMessage[]).map((m) => m.seq)).toStrictEqual([5, 6, 7]);
    const older = await bob.ok(M.HISTORY, { conversationID: 'C2Calice', beforeSeq: 5, count: 10 });
    expect(older).toMatchObject({ isCompleted: true });
    expect((older['messages'] as WireMessage[]).map((m) => m.seq)).toStrictEqual([1, 2, 3, 4]);
    const sentAt = sent[0]?.time ?? 0;
    const byTime = async (body: Record<string, unknown>) =>
      ((await bob.ok(M.HISTORY, { conversationID: 'C2Calice', count: 2, ...body }))['messages'] as WireMessage[]).map((m) => m.seq);
    expect(await byTime({ untilTime: sent[6]?.time })).toStrictEqual([6, 7]);
    expect(await byTime({ sinceTime: sentAt })).toStrictEqual([1, 2]);
    expect(await byTime({ untilTime: sentAt - 1 })).toStrictEqual([]);
    expect(await byTime({ sinceTime: (sent[6]?.time ?? 0) + 1 })).toStrictEqual([]);
    expect(await bob.code(M.HISTORY, { conversationID: 'C2Calice', untilTime: sentAt, afterSeq: 1 })).toBe(ErrorCode.PARLEY_BAD_REQUEST);
    const conversations = (await bob.ok(M.CONVERSATIONS))['conversations'];
    expect(conversations).toMatchObject([{ conversationID: 'C2Calice', unreadCount: 7, maxSeq: 7, lastMessage: { ID: sent[6]?.ID } }]);
  });

  it('syncs a user\'s own messages sent from another device', async () => {
    const t = await server();
    const phone = await login(t, 'alice', 'Android');
    await phone.ok(M.SEND, phone.textBody('C2C', 'bob', 'from the phone'));
    const web = await login(t, 'alice', 'Web');
    const synced = (await web.ok(M.SYNC))['messages'] as WireMessage[];
    expect(synced.map((m) => [m.from, m.to])).toStrictEqual([['alice', 'bob']]);
  });
});

describe('refusals', () => {
  it.each([
    ['an unknown peer', (c: ChatClient) => c.textBody('C2C', 'nobody', 'x'), ErrorCode.ERR_SVR_MSG_INVALID_ID],
    ['an unknown element type', (c: ChatClient) => ({ ...c.textBody('C2C', 'bob', 'x'), elements: [{ type: 'TIMImageElem', content: {} }] }), ErrorCode.PARLEY_BAD_REQUEST],
    ['a malformed ID', (c: ChatClient) => ({ ...c.textBody('C2C', 'bob', 'x'), ID: 'has space' }), ErrorCode.PARLEY_BAD_REQUEST],
    ['a body over 12 KB', (c: ChatClient) => c.textBody('C2C', 'bob', 'x'.repeat(MAX_MESSAGE_BYTES)), ErrorCode.ERR_SVR_COMM_BODY_SIZE_LIMIT],
    ['an unknown group', (c: ChatClient) => c.textBody('GROUP', 'no-such-group', 'x'), ErrorCode.ERR_SVR_GROUP_NOT_FOUND],
  ])('refuses a send to %s with its code and stores nothing', async (_name, body, code) => {
    const t = await server();
    const alice = await login(t, 'alice');
    expect(await alice.code(M.SEND, body(alice))).toBe(code);
    expect((await alice.ok(M.SYNC))['messages']).toStrictEqual([]);
  });

  it('refuses history and conversation commands about unknown peers or malformed IDs', async () => {
    const t = await server();
    const alice = await login(t, 'alice');
    expect(await alice.code(M.HISTORY, { conversationID: 'C2Cnobody' })).toBe(ErrorCode.ERR_SVR_MSG_INVALID_ID);
    expect(await alice.code(M.HISTORY, { conversationID: 'bob' })).toBe(ErrorCode.PARLEY_BAD_REQUEST);
    expect(await alice.code(M.SET_READ, { conversationID: 'GROUPnone' })).toBe(ErrorCode.ERR_SVR_GROUP_NOT_FOUND);
    expect(await alice.code(M.SYNC, { count: 0 })).toBe(ErrorCode.PARLEY_BAD_REQUEST);
  });

  it('answers messaging commands before login with 6014', async () => {
    const t = await server();
    const { RawClient } = await import('../../../test-support/raw-client.js');
    const raw = await RawClient.connect(t.wsUrl);
    expect((await raw.request(M.SEND, {})).code).toBe(ErrorCode.ERR_SDK_NOT_LOGGED_IN);
    raw.close();
  });
});

describe('conversations', () => {
  it('marks read, pins, drafts and tells the user\'s other instances', async () => {
    const t = await server();
    const alice = await login(t, 'alice');
    for (let i = 0; i < 3; i++) await alice.ok(M.SEND, alice.textBody('C2C', 'bob', `m${i}`));
    const web = await login(t, 'bob', 'Web');
    const phone = await login(t, 'bob', 'Android');
    const read = await web.ok(M.SET_READ, { conversationID: 'C2Calice', seq: 2 });
    expect(read['conversation']).toMatchObject({ readSeq: 2, unreadCount: 1 });
    await phone.until(() => phone.pushes(MessagingPush.CONVERSATION_CHANGED).length === 1, 'the read push');
    expect(phone.pushes(MessagingPush.CONVERSATION_CHANGED)[0]?.body).toStrictEqual({ conversation: read['conversation'] });
    expect(web.pushes(MessagingPush.CONVERSATION_CHANGED)).toStrictEqual([]);
    expect((await web.ok(M.SET_READ, { conversationID: 'C2Calice' }))['conversation']).toMatchObject({ readSeq: 3, unreadCount: 0 });
    // The read position never goes back.
    expect((await web.ok(M.SET_READ, { conversationID: 'C2Calice', seq: 1 }))['conversation']).toMatchObject({ readSeq: 3 });
    expect((await web.ok(M.PIN_CONVERSATION, { conversationID: 'C2Calice', isPinned: true }))['conversation']).toMatchObject({ isPinned: true });
    expect((await web.ok(M.SET_DRAFT, { conversationID: 'C2Calice', draftText: 'later' }))['conversation']).toMatchObject({ draftText: 'later' });
    expect((await phone.ok(M.CONVERSATION, { conversationID: 'C2Calice' }))['conversation']).toMatchObject({ isPinned: true, draftText: 'later', readSeq: 3 });
    await phone.until(() => phone.pushes(MessagingPush.CONVERSATION_CHANGED).length === 5, 'five pushes');
  });

  it('lists pinned conversations first, then the most recent', async () => {
    const t = await server();
    const [alice, bob, carol] = [await login(t, 'alice'), await login(t, 'bob'), await login(t, 'carol')];
    await bob.ok(M.SEND, bob.textBody('C2C', 'alice', 'old'));
    await carol.ok(M.SEND, carol.textBody('C2C', 'alice', 'new'));
    const order = async () => ((await alice.ok(M.CONVERSATIONS))['conversations'] as { conversationID: string }[]).map((c) => c.conversationID);
    expect((await order()).sort()).toStrictEqual(['C2Cbob', 'C2Ccarol']);
    await alice.ok(M.PIN_CONVERSATION, { conversationID: 'C2Cbob', isPinned: true });
    expect(await order()).toStrictEqual(['C2Cbob', 'C2Ccarol']);
  });

  it('deletes a conversation until a newer message, clears history and deletes messages for one user only', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    for (let i = 0; i < 4; i++) await alice.ok(M.SEND, alice.textBody('C2C', 'bob', `m${i}`));
    await bob.ok(M.DELETE, { conversationID: 'C2Calice', seqs: [2] });
    const seqs = async (c: ChatClient, id: string) => ((await c.ok(M.HISTORY, { conversationID: id }))['messages'] as WireMessage[]).map((m) => m.seq);
    expect(await seqs(bob, 'C2Calice')).toStrictEqual([1, 3, 4]);
    expect(await seqs(alice, 'C2Cbob')).toStrictEqual([1, 2, 3, 4]);
    await bob.ok(M.CLEAR_HISTORY, { conversationID: 'C2Calice' });
    expect(await seqs(bob, 'C2Calice')).toStrictEqual([]);
    await bob.ok(M.DELETE_CONVERSATION, { conversationID: 'C2Calice' });
    expect((await bob.ok(M.CONVERSATIONS))['conversations']).toStrictEqual([]);
    await alice.ok(M.SEND, alice.textBody('C2C', 'bob', 'back'));
    expect((await bob.ok(M.CONVERSATIONS))['conversations']).toMatchObject([{ conversationID: 'C2Calice', unreadCount: 1, lastMessage: { seq: 5 } }]);
    expect(await seqs(bob, 'C2Calice')).toStrictEqual([5]);
  });

  it('marks everything read with setallread', async () => {
    const t = await server();
    const [alice, carol] = [await login(t, 'alice'), await login(t, 'carol')];
    await alice.ok(M.SEND, alice.textBody('C2C', 'bob', 'a'));
    await carol.ok(M.SEND, carol.textBody('C2C', 'bob', 'c'));
    const bob = await login(t, 'bob');
    await bob.ok(M.SET_ALL_READ, { scope: 'c2c' });
    const list = (await bob.ok(M.CONVERSATIONS))['conversations'] as { unreadCount: number }[];
    expect(list.map((c) => c.unreadCount)).toStrictEqual([0, 0]);
  });
});
