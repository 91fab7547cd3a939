/**
 * The messaging part of the wire protocol as a black-box suite (docs/PROTOCOL.md §16), run against
 * every server that claims to speak it: the real server (`real-server-protocol.test.ts`) and the
 * SDK's fake messaging server (`fake-server-protocol.test.ts`). The SDK's unit tests trust the fake
 * to behave like the server; this suite is what keeps that true, so a change to either side that
 * makes them disagree fails here. Every scenario starts on a fresh server.
 *
 * Only the wire is used: raw sockets, JSON frames, command names and codes as the document spells
 * them. Values a server chooses freely (instance ids, times, generated group IDs) are checked for
 * shape; values the document fixes (sequences, order, codes, flags) are checked exactly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WireClient, type Answer } from './wire-client.js';

/** A server under test. */
export interface ProtocolTarget {
  /** `ws://host:port`. */
  readonly wsUrl: string;
  /** The `wslogin` body of `userID` (SDKAppID and a valid UserSig). */
  loginBody(userID: string): Record<string, unknown>;
  /** Gives an existing account a profile nick and avatar (as an admin's `portrait_set` would). */
  setNames(userID: string, nick: string, avatar: string): Promise<void>;
  close(): Promise<void>;
}

/** A message as the document shapes it (`WireMessage`). */
interface Msg {
  ID: string;
  conversationType: string;
  from: string;
  to: string;
  seq: number;
  time: number;
  random: number;
  elements: { type: string; content: Record<string, unknown> }[];
  cloudCustomData: string;
  priority: string;
  atUserList: string[];
  isOnlineOnly: boolean;
  receiverList: string[];
  nick: string;
  avatar: string;
  nameCard: string;
}

const text = (t: string) => [{ type: 'TIMTextElem', content: { text: t } }];
const texts = (messages: unknown): string[] => (messages as Msg[]).map((m) => String(m.elements[0]?.content['text']));
const userTexts = (messages: unknown): string[] => texts((messages as Msg[]).filter((m) => m.elements[0]?.type === 'TIMTextElem'));
const codeOf = (a: Answer): number => a.code;

/**
 * Registers the suite.
 * @param name - the server's name in the test titles.
 * @param start - starts a fresh server (called before every scenario).
 */
export function runMessagingProtocolSuite(name: string, start: () => Promise<ProtocolTarget>): void {
  describe(`messaging protocol: ${name}`, () => {
    let target: ProtocolTarget;
    const clients: WireClient[] = [];
    let sent = 0;

    /** A connection logged in as `userID` (which also creates the account on the real server). */
    const login = async (userID: string, platform = 'Web'): Promise<WireClient> => {
      const c = await WireClient.connect(target.wsUrl);
      clients.push(c);
      const body = await c.ok('im_open_status.wslogin', { ...target.loginBody(userID), platform, version: 1 });
      expect(body['userID']).toBe(userID);
      return c;
    };

    /** Sends a text 1:1 message and returns the stored message. */
    const send = async (from: WireClient, to: string, t: string, type: 'C2C' | 'GROUP' = 'C2C'): Promise<Msg> => {
      const body = await from.ok('openim.sendmsg', { conversationType: type, to, ID: `m${++sent}`, random: sent, elements: text(t) });
      return body['message'] as Msg;
    };

    beforeEach(async () => {
      target = await start();
      sent = 0;
    });

    afterEach(async () => {
      for (const c of clients.splice(0)) c.close();
      await target.close();
    });

    describe('login and sessions', () => {
      it('answers wslogin with the LoginResponse shape, and messaging before login with 6014', async () => {
        const c = await WireClient.connect(target.wsUrl);
        clients.push(c);
        expect(codeOf(await c.request('openim.sync', {}))).toBe(6014);
        const body = await c.ok('im_open_status.wslogin', { ...target.loginBody('alice'), platform: 'Web', version: 1 });
        expect(body).toMatchObject({ userID: 'alice', resumed: false, helloInterval: expect.any(Number), serverTime: expect.any(Number), sigExpireAt: expect.any(Number) });
        expect(typeof body['instanceID']).toBe('string');
      });

      it('answers a command it does not know with 88501', async () => {
        const alice = await login('alice');
        expect(codeOf(await alice.request('openim.no_such_command', {}))).toBe(88501);
      });
    });

    describe('1:1 messages', () => {
      it('answers a send with the stored message and pushes it to the peer, not to the sending connection', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        const body = await alice.ok('openim.sendmsg', { conversationType: 'C2C', to: 'bob', ID: 'hello-1', random: 42, elements: text('hi bob') });
        expect(body['duplicate']).toBe(false);
        const message = body['message'] as Msg;
        expect(message).toEqual({
          ID: 'hello-1',
          conversationType: 'C2C',
          from: 'alice',
          to: 'bob',
          seq: 1,
          time: expect.any(Number),
          random: 42,
          elements: text('hi bob'),
          cloudCustomData: '',
          priority: 'Normal',
          atUserList: [],
          isOnlineOnly: false,
          receiverList: [],
          nick: '',
          avatar: '',
          nameCard: '',
        });
        expect(Number.isInteger(message.time) && message.time < 1e11).toBe(true);
        const [push] = await bob.pushesOf('openim.msg');
        expect(push).toEqual({ message });
        await alice.ok('im_open_status.wshello');
        expect(alice.pushes.filter((p) => p.ev === 'openim.msg')).toEqual([]);
      });

      it('numbers a conversation 1, 2, 3 in both directions and stores custom elements with every field', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        expect((await send(alice, 'bob', 'one')).seq).toBe(1);
        expect((await send(bob, 'alice', 'two')).seq).toBe(2);
        const custom = await alice.ok('openim.sendmsg', { conversationType: 'C2C', to: 'bob', ID: 'c1', random: 1, elements: [{ type: 'TIMCustomElem', content: { data: 'd' } }], cloudCustomData: 'x', priority: 'High' });
        expect(custom['message']).toMatchObject({ seq: 3, elements: [{ type: 'TIMCustomElem', content: { data: 'd', description: '', extension: '' } }], cloudCustomData: 'x', priority: 'High' });
      });

      it('answers a resend of a stored ID with the stored message and duplicate: true, and pushes it once', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        const first = await alice.ok('openim.sendmsg', { conversationType: 'C2C', to: 'bob', ID: 'same', random: 1, elements: text('once') });
        const again = await alice.ok('openim.sendmsg', { conversationType: 'C2C', to: 'bob', ID: 'same', random: 2, elements: text('twice') });
        expect(again).toEqual({ message: first['message'], duplicate: true });
        await send(alice, 'bob', 'after');
        const pushes = await bob.pushesOf('openim.msg', 2);
        expect(texts(pushes.map((p) => p['message']))).toEqual(['once', 'after']);
      });

      it('refuses malformed sends with 88502 and a send to an unknown user with 20003', async () => {
        const alice = await login('alice');
        await login('bob');
        const base = { conversationType: 'C2C', to: 'bob', ID: 'x1', random: 1, elements: text('x') };
        expect(codeOf(await alice.request('openim.sendmsg', { ...base, ID: undefined }))).toBe(88502);
        expect(codeOf(await alice.request('openim.sendmsg', { ...base, ID: 'bad id!' }))).toBe(88502);
        expect(codeOf(await alice.request('openim.sendmsg', { ...base, elements: [{ type: 'TIMImageElem', content: {} }] }))).toBe(88502);
        expect(codeOf(await alice.request('openim.sendmsg', { ...base, elements: [] }))).toBe(88502);
        expect(codeOf(await alice.request('openim.sendmsg', { ...base, to: 'nobody' }))).toBe(20003);
      });
    });

    describe('catching up with openim.sync', () => {
      it('pages the inbox (sent and received) in commit order with a cursor, then answers an empty completed page', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await send(alice, 'bob', 'a1');
        await send(bob, 'alice', 'b1');
        await send(alice, 'bob', 'a2');
        const first = await bob.ok('openim.sync', { cursor: 0, count: 2 });
        expect(texts(first['messages'])).toEqual(['a1', 'b1']);
        expect(first['isCompleted']).toBe(false);
        const second = await bob.ok('openim.sync', { cursor: first['cursor'], count: 2 });
        expect(texts(second['messages'])).toEqual(['a2']);
        expect(second['isCompleted']).toBe(true);
        const none = await bob.ok('openim.sync', { cursor: second['cursor'] });
        expect(none).toMatchObject({ messages: [], isCompleted: true, cursor: second['cursor'] });
        const all = await alice.ok('openim.sync', {});
        expect(texts(all['messages'])).toEqual(['a1', 'b1', 'a2']);
        expect(all['cursor']).toBe(second['cursor']);
      });

      it('starts a fresh sync `recent` messages before the newest', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        for (const t of ['1', '2', '3', '4']) await send(alice, 'bob', t);
        const recent = await bob.ok('openim.sync', { cursor: 0, recent: 2 });
        expect(texts(recent['messages'])).toEqual(['3', '4']);
        expect(recent['isCompleted']).toBe(true);
        const whole = await bob.ok('openim.sync', { cursor: 0 });
        expect(recent['cursor']).toBe(whole['cursor']);
      });

      it('lists every joined group with its current sequence', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        const created = await alice.ok('group_open_http_svc.create_group', { type: 'Private', name: 'g', groupID: 'g1', memberList: [{ userID: 'bob' }] });
        await send(alice, 'g1', 'in group', 'GROUP');
        const sync = await bob.ok('openim.sync', {});
        const seq = ((await bob.ok('group_open_http_svc.get_group_info', { groupID: 'g1' }))['group'] as { nextMessageSeq: number }).nextMessageSeq;
        expect(sync['groups']).toEqual([{ groupID: 'g1', seq }]);
        expect(seq).toBeGreaterThan((created['group'] as { nextMessageSeq: number }).nextMessageSeq);
        expect(sync['messages']).toEqual([]);
      });

      it('ignores `recent` once the client holds a cursor, and refuses a count above 500 with 88502', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        for (const t of ['1', '2', '3', '4']) await send(alice, 'bob', t);
        const first = await bob.ok('openim.sync', { cursor: 0, count: 1 });
        const rest = await bob.ok('openim.sync', { cursor: first['cursor'], recent: 1 });
        expect(texts(rest['messages'])).toEqual(['2', '3', '4']);
        expect(codeOf(await bob.request('openim.sync', { count: 501 }))).toBe(88502);
        expect(codeOf(await bob.request('openim.sync', { cursor: -1 }))).toBe(88502);
      });
    });

    describe('history with openim.getmsg', () => {
      it('pages by sequence and by time, oldest first, with isCompleted in that direction', async () => {
        const alice = await login('alice');
        await login('bob');
        const sentMessages: Msg[] = [];
        for (const t of ['1', '2', '3', '4', '5']) sentMessages.push(await send(alice, 'bob', t));
        const cid = 'C2Cbob';
        const newest = await alice.ok('openim.getmsg', { conversationID: cid, count: 2 });
        expect(newest).toMatchObject({ isCompleted: false });
        expect(texts(newest['messages'])).toEqual(['4', '5']);
        expect(texts((await alice.ok('openim.getmsg', { conversationID: cid, beforeSeq: 4, count: 2 }))['messages'])).toEqual(['2', '3']);
        const older = await alice.ok('openim.getmsg', { conversationID: cid, beforeSeq: 2, count: 2 });
        expect(older).toMatchObject({ isCompleted: true });
        expect(texts(older['messages'])).toEqual(['1']);
        const after = await alice.ok('openim.getmsg', { conversationID: cid, afterSeq: 1, count: 2 });
        expect(texts(after['messages'])).toEqual(['2', '3']);
        expect(after['isCompleted']).toBe(false);
        expect(await alice.ok('openim.getmsg', { conversationID: cid, afterSeq: 3, count: 2 })).toMatchObject({ isCompleted: true });
        const time = sentMessages[0]?.time ?? 0;
        expect(texts((await alice.ok('openim.getmsg', { conversationID: cid, sinceTime: time - 60, count: 3 }))['messages'])).toEqual(['1', '2', '3']);
        expect(await alice.ok('openim.getmsg', { conversationID: cid, untilTime: time - 60 })).toEqual({ messages: [], isCompleted: true });
        expect(texts((await alice.ok('openim.getmsg', { conversationID: cid, untilTime: time + 60, count: 2 }))['messages'])).toEqual(['4', '5']);
      });

      it('refuses two bounds or a count above 100 with 88502, an unknown peer with 20003 and an unknown group with 10010', async () => {
        const alice = await login('alice');
        await login('bob');
        expect(codeOf(await alice.request('openim.getmsg', { conversationID: 'C2Cbob', beforeSeq: 3, afterSeq: 1 }))).toBe(88502);
        expect(codeOf(await alice.request('openim.getmsg', { conversationID: 'C2Cbob', count: 101 }))).toBe(88502);
        expect(codeOf(await alice.request('openim.getmsg', { conversationID: 'nonsense' }))).toBe(88502);
        expect(codeOf(await alice.request('openim.getmsg', { conversationID: 'C2Cnobody' }))).toBe(20003);
        expect(codeOf(await alice.request('openim.getmsg', { conversationID: 'GROUPnope' }))).toBe(10010);
      });
    });

    describe('deleting and clearing', () => {
      it('hides deleted and cleared messages from the caller only', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        for (const t of ['1', '2', '3']) await send(alice, 'bob', t);
        expect(await alice.ok('openim.deletemsg', { conversationID: 'C2Cbob', seqs: [2] })).toEqual({});
        expect(texts((await alice.ok('openim.getmsg', { conversationID: 'C2Cbob' }))['messages'])).toEqual(['1', '3']);
        expect(texts((await bob.ok('openim.getmsg', { conversationID: 'C2Calice' }))['messages'])).toEqual(['1', '2', '3']);
        expect(await alice.ok('openim.clearhistory', { conversationID: 'C2Cbob' })).toEqual({});
        expect(await alice.ok('openim.getmsg', { conversationID: 'C2Cbob' })).toEqual({ messages: [], isCompleted: true });
        await send(bob, 'alice', '4');
        expect(texts((await alice.ok('openim.getmsg', { conversationID: 'C2Cbob' }))['messages'])).toEqual(['4']);
        expect(texts((await bob.ok('openim.getmsg', { conversationID: 'C2Calice' }))['messages'])).toEqual(['1', '2', '3', '4']);
      });

      it('refuses a delete of no sequences or more than 30 with 88502', async () => {
        const alice = await login('alice');
        await login('bob');
        expect(codeOf(await alice.request('openim.deletemsg', { conversationID: 'C2Cbob', seqs: [] }))).toBe(88502);
        expect(codeOf(await alice.request('openim.deletemsg', { conversationID: 'C2Cbob', seqs: Array.from({ length: 31 }, (_, i) => i + 1) }))).toBe(88502);
      });
    });

    describe("the sender's names", () => {
      it('stamps a message with the nick and avatar as of its send; history and sync keep them, the conversation list shows the current ones', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await target.setNames('alice', 'Alice', 'https://example.invalid/a.png');
        const first = await send(alice, 'bob', 'one');
        expect(first).toMatchObject({ nick: 'Alice', avatar: 'https://example.invalid/a.png', nameCard: '' });
        expect((await bob.pushesOf('openim.msg'))[0]).toMatchObject({ message: { nick: 'Alice', avatar: 'https://example.invalid/a.png' } });
        await target.setNames('alice', 'Alicia', '');
        const second = await send(alice, 'bob', 'two');
        const history = (await bob.ok('openim.getmsg', { conversationID: 'C2Calice', count: 10 }))['messages'] as Msg[];
        expect(history.map((m) => [m.nick, m.avatar])).toEqual([['Alice', 'https://example.invalid/a.png'], ['Alicia', '']]);
        const synced = (await bob.ok('openim.sync', { cursor: 0, count: 10 }))['messages'] as Msg[];
        expect(synced.map((m) => m.nick)).toEqual(['Alice', 'Alicia']);
        expect(second.nick).toBe('Alicia');
        const [conversation] = (await bob.ok('recentcontact.get_list'))['conversations'] as Record<string, unknown>[];
        expect(conversation?.['userProfile']).toEqual({ userID: 'alice', nick: 'Alicia', avatar: '' });
        expect((await alice.ok('recentcontact.get', { conversationID: 'C2Cbob' }))['conversation']).toMatchObject({ userProfile: { userID: 'bob', nick: '', avatar: '' } });
      });

      it("gives group messages the sender's name card, group conversations no userProfile, and member lists the current nick and avatar", async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await target.setNames('bob', 'Bob', 'https://example.invalid/b.png');
        await alice.ok('group_open_http_svc.create_group', { type: 'Public', name: 'g', groupID: 'names', memberList: [{ userID: 'bob' }] });
        const sent = await send(alice, 'names', 'hello', 'GROUP');
        expect(sent).toMatchObject({ nick: '', avatar: '', nameCard: '' });
        const fromBob = await send(bob, 'names', 'hi', 'GROUP');
        expect(fromBob).toMatchObject({ nick: 'Bob', avatar: 'https://example.invalid/b.png', nameCard: '' });
        const conversations = (await alice.ok('recentcontact.get_list'))['conversations'] as Record<string, unknown>[];
        expect(conversations.find((c) => c['conversationID'] === 'GROUPnames')?.['userProfile']).toBeNull();
        const members = (await alice.ok('group_open_http_svc.get_group_member_list', { groupID: 'names', offset: 0, count: 10 }))['members'] as Record<string, unknown>[];
        expect(members.map((m) => [m['userID'], m['nick'], m['avatar']])).toEqual([['alice', '', ''], ['bob', 'Bob', 'https://example.invalid/b.png']]);
      });
    });

    describe('conversations', () => {
      it('lists conversations with unread counts, and reads them without going back', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        for (const t of ['1', '2', '3']) await send(alice, 'bob', t);
        await send(bob, 'alice', 'mine');
        const list = (await bob.ok('recentcontact.get_list'))['conversations'] as Record<string, unknown>[];
        expect(list).toHaveLength(1);
        expect(list[0]).toMatchObject({ conversationID: 'C2Calice', type: 'C2C', target: 'alice', maxSeq: 4, readSeq: 0, unreadCount: 3, isPinned: false, draftText: '' });
        expect(texts([list[0]?.['lastMessage']])).toEqual(['mine']);
        const read2 = await bob.ok('openim.setread', { conversationID: 'C2Calice', seq: 2 });
        expect(read2['conversation']).toMatchObject({ readSeq: 2, unreadCount: 1 });
        const readAll = await bob.ok('openim.setread', { conversationID: 'C2Calice' });
        expect(readAll['conversation']).toMatchObject({ readSeq: 4, unreadCount: 0 });
        const back = await bob.ok('openim.setread', { conversationID: 'C2Calice', seq: 1 });
        expect(back['conversation']).toMatchObject({ readSeq: 4, unreadCount: 0 });
        expect((await bob.ok('recentcontact.get', { conversationID: 'C2Calice' }))['conversation']).toEqual(readAll['conversation']);
      });

      it('marks everything read with openim.setallread', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        const carol = await login('carol');
        await send(alice, 'bob', 'a');
        await send(carol, 'bob', 'c');
        expect(await bob.ok('openim.setallread', {})).toEqual({});
        const list = (await bob.ok('recentcontact.get_list'))['conversations'] as { unreadCount: number }[];
        expect(list.map((c) => c.unreadCount)).toEqual([0, 0]);
      });

      it('pins (pinned first), keeps drafts, and deletes a conversation until a newer message arrives', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await login('carol');
        await send(alice, 'bob', 'to bob');
        await send(alice, 'carol', 'to carol');
        const ids = async () => ((await alice.ok('recentcontact.get_list'))['conversations'] as { conversationID: string }[]).map((c) => c.conversationID);
        expect((await ids()).sort()).toEqual(['C2Cbob', 'C2Ccarol']);
        expect((await alice.ok('recentcontact.pin', { conversationID: 'C2Cbob', isPinned: true }))['conversation']).toMatchObject({ isPinned: true });
        expect(await ids()).toEqual(['C2Cbob', 'C2Ccarol']);
        expect((await alice.ok('recentcontact.set_draft', { conversationID: 'C2Ccarol', draftText: 'later' }))['conversation']).toMatchObject({ draftText: 'later' });
        expect(await alice.ok('recentcontact.delete', { conversationID: 'C2Cbob' })).toEqual({});
        expect(await ids()).toEqual(['C2Ccarol']);
        await send(bob, 'alice', 'back');
        expect(await ids()).toContain('C2Cbob');
        expect((await alice.ok('recentcontact.get', { conversationID: 'C2Cbob' }))['conversation']).toMatchObject({ isPinned: false });
      });

      it('refuses a malformed conversation ID with 88502 and an unknown peer with 20003', async () => {
        const alice = await login('alice');
        expect(codeOf(await alice.request('openim.setread', { conversationID: 'XYZbob' }))).toBe(88502);
        expect(codeOf(await alice.request('recentcontact.get', { conversationID: 'C2Cnobody' }))).toBe(20003);
        expect(codeOf(await alice.request('recentcontact.pin', { conversationID: 'C2Cbob' }))).toBe(88502);
      });
    });

    describe("the user's other instances", () => {
      // Web plus one native platform: both stay online under the default (dual) login policy.
      it('get the messages the user sends and the conversation changes made elsewhere, never the acting connection', async () => {
        const here = await login('alice');
        const there = await login('alice', 'Android');
        await login('bob');
        const message = await send(here, 'bob', 'from the web');
        expect((await there.pushesOf('openim.msg'))[0]).toEqual({ message });
        await here.ok('recentcontact.pin', { conversationID: 'C2Cbob', isPinned: true });
        const [changed] = await there.pushesOf('recentcontact.changed');
        expect(changed).toMatchObject({ conversation: { conversationID: 'C2Cbob', isPinned: true } });
        await here.ok('recentcontact.delete', { conversationID: 'C2Cbob' });
        const deleted = await there.pushesOf('recentcontact.changed', 2);
        expect(deleted[1]).toEqual({ conversationID: 'C2Cbob', deleted: true });
        await here.ok('im_open_status.wshello');
        expect(here.pushes.map((p) => p.ev)).toEqual([]);
      });
    });

    describe('groups', () => {
      it('creates a group with its first members, who get group_changed joined, and answers the group as each sees it', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        const created = await alice.ok('group_open_http_svc.create_group', { type: 'Public', name: 'Team', groupID: 'team', introduction: 'hi', memberList: [{ userID: 'bob' }] });
        expect(created['group']).toMatchObject({ groupID: 'team', type: 'Public', name: 'Team', introduction: 'hi', ownerID: 'alice', memberNum: 2, joinOption: 'NeedPermission', muteAllMembers: false, selfRole: 'Owner' });
        const [changed] = await bob.pushesOf('group_open_http_svc.group_changed');
        expect(changed).toMatchObject({ groupID: 'team', change: 'joined', group: { groupID: 'team', selfRole: 'Member' } });
        const joined = (await bob.ok('group_open_http_svc.get_joined_group_list'))['groups'] as Record<string, unknown>[];
        expect(joined.map((g) => [g['groupID'], g['selfRole']])).toEqual([['team', 'Member']]);
        const members = await bob.ok('group_open_http_svc.get_group_member_list', { groupID: 'team' });
        expect(members).toMatchObject({ nextOffset: 2, isCompleted: true });
        expect((members['members'] as { userID: string; role: string }[]).map((m) => [m.userID, m.role])).toEqual([
          ['alice', 'Owner'],
          ['bob', 'Member'],
        ]);
      });

      it('records membership changes as group tips and pushes group messages to the members', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await alice.ok('group_open_http_svc.create_group', { type: 'Private', name: 'Work', groupID: 'work', memberList: [{ userID: 'bob' }] });
        const message = await send(alice, 'work', 'hello team', 'GROUP');
        const pushes = await bob.pushesOf('openim.msg', 2);
        const tip = pushes[0]?.['message'] as Msg;
        expect(tip).toMatchObject({ conversationType: 'GROUP', from: '@TIM#SYSTEM', to: 'work', seq: 1, elements: [{ type: 'TIMGroupTipElem', content: { operationType: 1, operatorID: 'alice', userIDList: ['alice', 'bob'] } }] });
        expect(message).toMatchObject({ conversationType: 'GROUP', from: 'alice', to: 'work', seq: 2 });
        expect(pushes[1]).toEqual({ message });
        const history = await bob.ok('openim.getmsg', { conversationID: 'GROUPwork' });
        expect((history['messages'] as Msg[]).map((m) => m.seq)).toEqual([1, 2]);
        expect(userTexts(history['messages'])).toEqual(['hello team']);
      });

      it('joins at once (ChatRoom), stores an application (Public), refuses a Work group, and says AlreadyInGroup', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await alice.ok('group_open_http_svc.create_group', { type: 'ChatRoom', name: 'room', groupID: 'room' });
        await alice.ok('group_open_http_svc.create_group', { type: 'Public', name: 'pub', groupID: 'pub' });
        await alice.ok('group_open_http_svc.create_group', { type: 'Private', name: 'work', groupID: 'work' });
        const joined = await bob.ok('group_open_http_svc.apply_join_group', { groupID: 'room' });
        expect(joined).toMatchObject({ status: 'JoinedSuccess', group: { groupID: 'room', selfRole: 'Member', memberNum: 2 } });
        expect(await bob.ok('group_open_http_svc.apply_join_group', { groupID: 'room' })).toMatchObject({ status: 'AlreadyInGroup' });
        expect(await bob.ok('group_open_http_svc.apply_join_group', { groupID: 'pub', applyMessage: 'let me in' })).toMatchObject({ status: 'WaitAdminApproval' });
        expect(codeOf(await bob.request('group_open_http_svc.apply_join_group', { groupID: 'work' }))).toBe(10007);
        expect(codeOf(await bob.request('group_open_http_svc.apply_join_group', { groupID: 'nope' }))).toBe(10010);
      });

      it('hands join applications to the owner, who agrees, adding the applicant', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await alice.ok('group_open_http_svc.create_group', { type: 'Public', name: 'pub', groupID: 'pub' });
        await bob.ok('group_open_http_svc.apply_join_group', { groupID: 'pub', applyMessage: 'please' });
        const [pushed] = await alice.pushesOf('group_open_http_svc.group_application');
        expect(pushed).toMatchObject({ application: { groupID: 'pub', groupName: 'pub', userID: 'bob', message: 'please', time: expect.any(Number) } });
        const list = await alice.ok('group_open_http_svc.get_group_application_list');
        expect(list['applications']).toEqual([pushed?.['application']]);
        expect(codeOf(await bob.request('group_open_http_svc.handle_group_application', { groupID: 'pub', userID: 'bob', action: 'Agree' }))).toBe(10007);
        expect(codeOf(await alice.request('group_open_http_svc.handle_group_application', { groupID: 'pub', userID: 'carol', action: 'Agree' }))).toBe(10024);
        const handled = await alice.ok('group_open_http_svc.handle_group_application', { groupID: 'pub', userID: 'bob', action: 'Agree', handleMessage: 'welcome' });
        expect(handled['group']).toMatchObject({ groupID: 'pub', memberNum: 2 });
        const [told] = await bob.pushesOf('group_open_http_svc.group_application_handled');
        expect(told).toEqual({ groupID: 'pub', userID: 'bob', action: 'Agree', handleMessage: 'welcome', operatorID: 'alice' });
        const [joined] = await bob.pushesOf('group_open_http_svc.group_changed');
        expect(joined).toMatchObject({ groupID: 'pub', change: 'joined' });
        expect((await alice.ok('group_open_http_svc.get_group_application_list'))['applications']).toEqual([]);
      });

      it('lets members quit but not the owner of a non-Work group, and lets only the owner dismiss', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        const carol = await login('carol');
        await alice.ok('group_open_http_svc.create_group', { type: 'ChatRoom', name: 'room', groupID: 'room', memberList: [{ userID: 'bob' }, { userID: 'carol' }] });
        expect(codeOf(await alice.request('group_open_http_svc.quit_group', { groupID: 'room' }))).toBe(10009);
        expect(await carol.ok('group_open_http_svc.quit_group', { groupID: 'room' })).toEqual({});
        expect((await carol.ok('group_open_http_svc.get_joined_group_list'))['groups']).toEqual([]);
        expect(codeOf(await bob.request('group_open_http_svc.destroy_group', { groupID: 'room' }))).toBe(10007);
        expect(await alice.ok('group_open_http_svc.destroy_group', { groupID: 'room' })).toEqual({});
        const changes = await bob.pushesOf('group_open_http_svc.group_changed', 2);
        expect(changes.at(-1)).toMatchObject({ groupID: 'room', change: 'dismissed' });
        expect(codeOf(await alice.request('group_open_http_svc.get_group_info', { groupID: 'room' }))).toBe(10010);
        expect(codeOf(await bob.request('openim.sendmsg', { conversationType: 'GROUP', to: 'room', ID: 'late', random: 1, elements: text('x') }))).toBe(10010);
      });

      it('adds members (0 unknown, 1 added, 2 already), changes roles and removes members, each recorded as a tip', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        const carol = await login('carol');
        await alice.ok('group_open_http_svc.create_group', { type: 'Public', name: 'pub', groupID: 'pub' });
        const added = await alice.ok('group_open_http_svc.add_group_member', { groupID: 'pub', userIDList: ['bob', 'carol', 'nobody'] });
        expect(added['results']).toEqual([
          { userID: 'bob', result: 1 },
          { userID: 'carol', result: 1 },
          { userID: 'nobody', result: 0 },
        ]);
        expect((await alice.ok('group_open_http_svc.add_group_member', { groupID: 'pub', userIDList: ['bob'] }))['results']).toEqual([{ userID: 'bob', result: 2 }]);
        expect(codeOf(await bob.request('group_open_http_svc.add_group_member', { groupID: 'pub', userIDList: ['carol'] }))).toBe(10007);
        expect(codeOf(await bob.request('group_open_http_svc.modify_group_member_info', { groupID: 'pub', userID: 'carol', role: 'Admin' }))).toBe(10007);
        expect(await alice.ok('group_open_http_svc.modify_group_member_info', { groupID: 'pub', userID: 'bob', role: 'Admin' })).toEqual({});
        expect(await bob.ok('group_open_http_svc.delete_group_member', { groupID: 'pub', userIDList: ['carol'] })).toEqual({});
        const carolChanges = await carol.pushesOf('group_open_http_svc.group_changed', 2);
        expect(carolChanges.map((c) => [c['groupID'], c['change']])).toEqual([
          ['pub', 'joined'],
          ['pub', 'kicked'],
        ]);
        const history = await alice.ok('openim.getmsg', { conversationID: 'GROUPpub' });
        const tips = (history['messages'] as Msg[]).map((m) => [m.from, m.elements[0]?.content['operationType'], m.elements[0]?.content['operatorID'], m.elements[0]?.content['userIDList']]);
        expect(tips).toEqual([
          ['@TIM#SYSTEM', 1, 'alice', ['alice']],
          ['@TIM#SYSTEM', 1, 'alice', ['bob', 'carol']],
          ['@TIM#SYSTEM', 4, 'alice', ['bob']],
          ['@TIM#SYSTEM', 3, 'bob', ['carol']],
        ]);
        const members = (await alice.ok('group_open_http_svc.get_group_member_list', { groupID: 'pub' }))['members'] as { userID: string; role: string }[];
        expect(members.map((m) => [m.userID, m.role])).toEqual([
          ['alice', 'Owner'],
          ['bob', 'Admin'],
        ]);
      });

      it('delivers a targeted message to its receivers only, and refuses plain members of a muted group with 10017', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        const carol = await login('carol');
        await alice.ok('group_open_http_svc.create_group', { type: 'Private', name: 'w', groupID: 'w', memberList: [{ userID: 'bob' }, { userID: 'carol' }] });
        const targeted = await alice.ok('openim.sendmsg', { conversationType: 'GROUP', to: 'w', ID: 't1', random: 1, elements: text('for bob'), receiverList: ['bob'] });
        expect(targeted['message']).toMatchObject({ receiverList: ['bob'] });
        await send(alice, 'w', 'for all', 'GROUP');
        expect(userTexts((await bob.pushesOf('openim.msg', 3)).map((p) => p['message']))).toEqual(['for bob', 'for all']);
        expect(userTexts((await carol.pushesOf('openim.msg', 2)).map((p) => p['message']))).toEqual(['for all']);
        expect(userTexts((await carol.ok('openim.getmsg', { conversationID: 'GROUPw' }))['messages'])).toEqual(['for all']);
        expect(userTexts((await bob.ok('openim.getmsg', { conversationID: 'GROUPw' }))['messages'])).toEqual(['for bob', 'for all']);
        await alice.ok('group_open_http_svc.modify_group_base_info', { groupID: 'w', muteAllMembers: true });
        expect(codeOf(await bob.request('openim.sendmsg', { conversationType: 'GROUP', to: 'w', ID: 'muted', random: 1, elements: text('x') }))).toBe(10017);
        expect((await send(alice, 'w', 'owner speaks', 'GROUP')).from).toBe('alice');
      });

      it('changes the profile (owner and admins only) and answers the new group', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await alice.ok('group_open_http_svc.create_group', { type: 'Public', name: 'pub', groupID: 'pub', memberList: [{ userID: 'bob' }] });
        expect(codeOf(await bob.request('group_open_http_svc.modify_group_base_info', { groupID: 'pub', name: 'mine' }))).toBe(10007);
        const changed = await alice.ok('group_open_http_svc.modify_group_base_info', { groupID: 'pub', name: 'renamed', notification: 'news' });
        expect(changed['group']).toMatchObject({ groupID: 'pub', name: 'renamed', notification: 'news', selfRole: 'Owner' });
        expect((await bob.ok('group_open_http_svc.get_group_info', { groupID: 'pub' }))['group']).toMatchObject({ name: 'renamed', selfRole: 'Member' });
        expect(codeOf(await alice.request('group_open_http_svc.modify_group_base_info', { groupID: 'pub' }))).toBe(10004);
      });

      it('refuses sends from non-members (10007), to unknown groups (10010), and malformed or taken group bodies', async () => {
        const alice = await login('alice');
        const bob = await login('bob');
        await alice.ok('group_open_http_svc.create_group', { type: 'Public', name: 'pub', groupID: 'pub' });
        const groupSend = (to: string) => bob.request('openim.sendmsg', { conversationType: 'GROUP', to, ID: `g-${to}`, random: 1, elements: text('x') });
        expect(codeOf(await groupSend('pub'))).toBe(10007);
        expect(codeOf(await groupSend('nope'))).toBe(10010);
        expect(codeOf(await alice.request('group_open_http_svc.create_group', { type: 'Public', name: 'again', groupID: 'pub' }))).toBe(10021);
        expect(codeOf(await alice.request('group_open_http_svc.create_group', { type: 'Castle', name: 'x' }))).toBe(10004);
        expect(codeOf(await alice.request('group_open_http_svc.create_group', { type: 'Public', name: 'x', memberList: [{ userID: 'nobody' }] }))).toBe(10019);
        expect(codeOf(await alice.request('group_open_http_svc.get_group_info', { groupID: 'nope' }))).toBe(10010);
        expect(codeOf(await alice.request('group_open_http_svc.get_group_member_list', { groupID: 'nope' }))).toBe(10010);
        expect(codeOf(await bob.request('group_open_http_svc.get_group_member_list', { groupID: 'pub' }))).toBe(10007);
      });
    });
  });
}
