/**
 * Issue 4's "done when", between real SDK instances and a real server: users chat 1:1 and in every
 * group type, an offline user gets everything in order on login, a network drop loses nothing and
 * duplicates nothing, and a resend is shown once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat from '@parley/sdk';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { settle, waitUntil } from '../support/events.js';
import { v2Client, webClient, type V2Client, type WebClient } from '../support/sdk-clients.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const { EVENT, TYPES } = TencentCloudChat;

interface Msg {
  ID: string;
  conversationID: string;
  from: string;
  to: string;
  flow: string;
  sequence: number;
  type: string;
  payload: { text?: string; data?: string };
}

interface Chatter extends WebClient {
  readonly received: Msg[];
  unread: number;
}

let ts: TestServer | undefined;
let proxy: TcpProxy | undefined;
const chatters: Chatter[] = [];
const v2s: V2Client[] = [];
afterEach(async () => {
  for (const c of chatters.splice(0)) await c.chat.destroy().catch(() => undefined);
  for (const c of v2s.splice(0)) await c.manager.unInitSDK();
  await proxy?.close();
  proxy = undefined;
  await ts?.close();
  ts = undefined;
});

async function chatter(userID: string, extra: Record<string, unknown> = {}): Promise<Chatter> {
  const base = webClient(ts!, extra);
  const c: Chatter = { ...base, received: [], unread: 0 };
  c.chat.on(EVENT.MESSAGE_RECEIVED, (e: { data?: unknown }) => c.received.push(...(e.data as Msg[])));
  c.chat.on(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, (e: { data?: unknown }) => (c.unread = e.data as number));
  chatters.push(c);
  await c.chat.login({ userID, userSig: ts!.sig(userID) });
  await waitUntil(() => c.chat.isReady(), 5000, `${userID} ready`);
  return c;
}

async function sendText(from: Chatter, to: string, text: string, conversationType: string = TYPES.CONV_C2C): Promise<Msg> {
  const message = from.chat.createTextMessage({ to, conversationType, payload: { text } });
  const res = await from.chat.sendMessage(message);
  return res.data.message as unknown as Msg;
}

const texts = (list: Msg[]) => list.map((m) => m.payload.text);

describe('1:1 chat between two SDK instances', () => {
  it('bob receives alice\'s messages in order with Tencent\'s message fields, and unread counts follow reads', async () => {
    ts = await startTestServer();
    const alice = await chatter('alice');
    const bob = await chatter('bob');
    const sent = [];
    for (let i = 1; i <= 5; i++) sent.push(await sendText(alice, 'bob', `hi ${i}`));
    await waitUntil(() => bob.received.length === 5, 5000, 'bob receives 5');
    expect(texts(bob.received)).toEqual(['hi 1', 'hi 2', 'hi 3', 'hi 4', 'hi 5']);
    const first = bob.received[0]!;
    expect(first).toMatchObject({ ID: sent[0]!.ID, conversationID: 'C2Calice', from: 'alice', to: 'bob', flow: 'in', type: TYPES.MSG_TEXT });
    expect(bob.received.map((m) => m.sequence)).toEqual([...bob.received.map((m) => m.sequence)].sort((a, b) => a - b));
    await waitUntil(() => bob.unread === 5, 5000, 'unread 5');
    expect(bob.chat.getTotalUnreadMessageCount()).toBe(5);
    const conv = (await bob.chat.getConversationList()).data.conversationList[0] as { conversationID: string; unreadCount: number };
    expect(conv).toMatchObject({ conversationID: 'C2Calice', unreadCount: 5 });
    await bob.chat.setMessageRead({ conversationID: 'C2Calice' });
    await waitUntil(() => bob.chat.getTotalUnreadMessageCount() === 0, 5000, 'unread 0');
    const reply = await sendText(bob, 'alice', 'hello back');
    await waitUntil(() => alice.received.some((m) => m.ID === reply.ID));
  });

  it('a user\'s other instance sees the messages it sent, with flow "out"', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 2 } });
    const alice1 = await chatter('alice');
    const alice2 = await chatter('alice');
    await chatter('bob');
    const m = await sendText(alice1, 'bob', 'from tab one');
    await waitUntil(() => alice2.received.some((x) => x.ID === m.ID), 5000, 'echo on the other tab');
    expect(alice2.received.find((x) => x.ID === m.ID)).toMatchObject({ flow: 'out', conversationID: 'C2Cbob' });
    expect(alice1.received.some((x) => x.ID === m.ID)).toBe(false);
  });

  it('a resend of the same message is stored once and shown once', async () => {
    ts = await startTestServer();
    const alice = await chatter('alice');
    const bob = await chatter('bob');
    const message = alice.chat.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'once' } });
    const first = await alice.chat.sendMessage(message);
    const again = await alice.chat.resendMessage(message);
    expect((again.data.message as unknown as Msg).sequence).toBe((first.data.message as unknown as Msg).sequence);
    await settle(200);
    expect(texts(bob.received)).toEqual(['once']);
    const history = await bob.chat.getMessageList({ conversationID: 'C2Calice' });
    expect(texts(history.data.messageList as unknown as Msg[])).toEqual(['once']);
  });
});

describe('group chat in every group type', () => {
  for (const type of [TYPES.GRP_WORK, TYPES.GRP_PUBLIC, TYPES.GRP_MEETING, TYPES.GRP_AVCHATROOM, TYPES.GRP_COMMUNITY]) {
    it(`${type}: a member receives the owner's message, and the owner receives the member's`, async () => {
      ts = await startTestServer();
      const owner = await chatter('owner');
      const member = await chatter('member');
      const isWork = type === TYPES.GRP_WORK;
      const groupID = type === TYPES.GRP_COMMUNITY ? '@TGS#_community1' : `g_${type}`;
      const created = await owner.chat.createGroup({
        type,
        name: `${type} group`,
        groupID,
        ...(isWork ? { memberList: [{ userID: 'member' }] } : { joinOption: TYPES.JOIN_OPTIONS_FREE_ACCESS }),
      });
      expect((created.data.group as { groupID: string }).groupID).toBe(groupID);
      if (!isWork) {
        const joined = await member.chat.joinGroup({ groupID });
        expect(joined.data.status).toBe(TYPES.JOIN_STATUS_SUCCESS);
      }
      await waitUntil(() => member.chat.isReady());
      await sendText(owner, groupID, `hello ${type}`, TYPES.CONV_GROUP);
      await waitUntil(() => member.received.some((m) => m.payload.text === `hello ${type}`), 5000, 'member receives');
      expect(member.received.find((m) => m.payload.text === `hello ${type}`)).toMatchObject({ conversationID: `GROUP${groupID}`, from: 'owner', flow: 'in' });
      await sendText(member, groupID, 'hi owner', TYPES.CONV_GROUP);
      await waitUntil(() => owner.received.some((m) => m.payload.text === 'hi owner'), 5000, 'owner receives');
      const groups = (await member.chat.getGroupList()).data.groupList as { groupID: string }[];
      expect(groups.map((g) => g.groupID)).toContain(groupID);
    });
  }

  it('group system notices: a removed member and the members of a dismissed group are told in @TIM#SYSTEM', async () => {
    ts = await startTestServer();
    const owner = await chatter('owner');
    const kicked = await chatter('kicked');
    const stays = await chatter('stays');
    await owner.chat.createGroup({ type: TYPES.GRP_WORK, name: 'w', groupID: 'w1', memberList: [{ userID: 'kicked' }, { userID: 'stays' }] });
    await owner.chat.deleteGroupMember({ groupID: 'w1', userIDList: ['kicked'] });
    const notice = (c: Chatter, op: number) => c.received.find((m) => m.type === TYPES.MSG_GRP_SYS_NOTICE && (m.payload as { operationType?: number }).operationType === op);
    await waitUntil(() => notice(kicked, 4) !== undefined, 5000, 'kick notice');
    expect(notice(kicked, 4)).toMatchObject({ conversationID: '@TIM#SYSTEM', payload: { groupProfile: { groupID: 'w1' } } });
    await owner.chat.dismissGroup('w1');
    await waitUntil(() => notice(stays, 5) !== undefined, 5000, 'dismiss notice');
    expect(((await stays.chat.getGroupList()).data.groupList as unknown[]).length).toBe(0);
  });

  it('join applications: the owner gets a notice (also one made while offline) and accepts or rejects it; the applicant is told', async () => {
    ts = await startTestServer();
    const owner = await chatter('owner');
    const hiker = await chatter('hiker');
    const notice = (c: Chatter, op: number) => c.received.find((m) => m.type === TYPES.MSG_GRP_SYS_NOTICE && (m.payload as { operationType?: number }).operationType === op);
    await owner.chat.createGroup({ type: TYPES.GRP_PUBLIC, name: 'Hikers', groupID: 'hikers' });
    expect((await hiker.chat.joinGroup({ groupID: 'hikers', applyMessage: 'let me in' })).data.status).toBe(TYPES.JOIN_STATUS_WAIT_APPROVAL);
    await waitUntil(() => notice(owner, 1) !== undefined, 5000, 'application notice');
    const application = notice(owner, 1);
    expect(application).toMatchObject({
      conversationID: '@TIM#SYSTEM',
      payload: { operationType: 1, operatorID: 'hiker', handleMessage: 'let me in', groupProfile: { groupID: 'hikers', name: 'Hikers' } },
    });
    const handled = await owner.chat.handleGroupApplication({ handleAction: 'Agree', handleMessage: 'welcome', message: application as never });
    expect(handled.data.group).toMatchObject({ groupID: 'hikers', memberNum: 2 });
    await waitUntil(() => notice(hiker, 2) !== undefined, 5000, 'accepted notice');
    expect(notice(hiker, 2)).toMatchObject({ payload: { operatorID: 'owner', handleMessage: 'welcome', groupProfile: { groupID: 'hikers' } } });
    expect(((await hiker.chat.getGroupList()).data.groupList as { groupID: string }[]).map((g) => g.groupID)).toEqual(['hikers']);
    await expect(owner.chat.handleGroupApplication({ handleAction: 'Agree', message: application as never })).rejects.toMatchObject({ code: 10024 });

    // An application made while the owner is offline reaches them as a notice after the next login.
    await owner.chat.logout();
    const late = await chatter('late');
    await late.chat.joinGroup({ groupID: 'hikers', applyMessage: 'me too' });
    await owner.chat.login({ userID: 'owner', userSig: ts.sig('owner') });
    await waitUntil(() => owner.chat.isReady() && owner.received.some((m) => (m.payload as { operatorID?: string }).operatorID === 'late'), 5000, 'catch-up notice');
    const lateApplication = owner.received.find((m) => (m.payload as { operatorID?: string }).operatorID === 'late');
    await owner.chat.handleGroupApplication({ handleAction: 'Reject', handleMessage: 'full up', message: lateApplication as never });
    await waitUntil(() => notice(late, 3) !== undefined, 5000, 'rejected notice');
    expect(notice(late, 3)).toMatchObject({ payload: { operatorID: 'owner', handleMessage: 'full up' } });
    await expect(owner.chat.handleGroupApplication({ handleAction: 'Maybe' as never, message: lateApplication as never })).rejects.toMatchObject({ code: 6017 });
    await expect(owner.chat.handleGroupApplication({ handleAction: 'Agree', message: { type: TYPES.MSG_TEXT } as never })).rejects.toMatchObject({ code: 6017 });
  });

  it('a Work group cannot be joined by applying; members are added by other members', async () => {
    ts = await startTestServer();
    const owner = await chatter('owner');
    const outsider = await chatter('outsider');
    await owner.chat.createGroup({ type: TYPES.GRP_WORK, name: 'work', groupID: 'work1' });
    await expect(outsider.chat.joinGroup({ groupID: 'work1' })).rejects.toHaveProperty('code');
    await owner.chat.addGroupMember({ groupID: 'work1', userIDList: ['outsider'] });
    await sendText(owner, 'work1', 'welcome', TYPES.CONV_GROUP);
    await waitUntil(() => outsider.received.some((m) => m.payload.text === 'welcome'));
  });
});

describe('offline delivery and network drops', () => {
  it('sending to an account that was never imported or logged in fails with 20003', async () => {
    ts = await startTestServer();
    const alice = await chatter('alice');
    const message = alice.chat.createTextMessage({ to: 'nobody', conversationType: TYPES.CONV_C2C, payload: { text: 'hello?' } });
    await expect(alice.chat.sendMessage(message)).rejects.toMatchObject({ code: 20003 });
  });

  it('a user offline during the conversation gets everything, in order, on login', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/account_import', { UserID: 'carol' });
    const alice = await chatter('alice');
    await alice.chat.createGroup({ type: TYPES.GRP_WORK, name: 'team', groupID: 'team', memberList: [{ userID: 'carol' }] });
    for (let i = 1; i <= 20; i++) await sendText(alice, 'carol', `c2c ${i}`);
    for (let i = 1; i <= 10; i++) await sendText(alice, 'team', `group ${i}`, TYPES.CONV_GROUP);
    const carol = await chatter('carol');
    await waitUntil(() => carol.received.filter((m) => m.payload.text !== undefined).length >= 30, 5000, 'carol catches up');
    const c2c = carol.received.filter((m) => m.conversationID === 'C2Calice');
    const group = carol.received.filter((m) => m.conversationID === 'GROUPteam' && m.type === TYPES.MSG_TEXT);
    expect(texts(c2c)).toEqual(Array.from({ length: 20 }, (_, i) => `c2c ${i + 1}`));
    expect(texts(group)).toEqual(Array.from({ length: 10 }, (_, i) => `group ${i + 1}`));
    expect(new Set(carol.received.map((m) => `${m.conversationID}:${m.sequence}`)).size).toBe(carol.received.length);
    const page = await carol.chat.getMessageList({ conversationID: 'C2Calice' });
    expect(page.data.messageList.length).toBeGreaterThan(0);
  });

  it('roaming history pages back to the first message', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/account_import', { UserID: 'dave' });
    const alice = await chatter('alice');
    for (let i = 1; i <= 35; i++) await sendText(alice, 'dave', `m${i}`);
    const dave = await chatter('dave');
    const all: Msg[] = [];
    let nextReqMessageID: string | undefined;
    for (let round = 0; round < 10; round++) {
      const res = await dave.chat.getMessageList({ conversationID: 'C2Calice', ...(nextReqMessageID ? { nextReqMessageID } : {}) });
      all.unshift(...(res.data.messageList as unknown as Msg[]));
      if (res.data.isCompleted) break;
      nextReqMessageID = res.data.nextReqMessageID as string;
    }
    expect(texts(all)).toEqual(Array.from({ length: 35 }, (_, i) => `m${i + 1}`));
  });

  it('messages sent while a receiver\'s network is down arrive exactly once after it reconnects by itself', async () => {
    ts = await startTestServer();
    proxy = await TcpProxy.start(Number(new URL(ts.url).port));
    const alice = await chatter('alice');
    const bob = await chatter('bob', { server: proxy.url, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } });
    await sendText(alice, 'bob', 'before');
    await waitUntil(() => bob.received.length === 1);
    proxy.drop(true);
    for (let i = 1; i <= 5; i++) await sendText(alice, 'bob', `during ${i}`);
    proxy.restore();
    await waitUntil(() => bob.received.length >= 6, 10_000, 'bob catches up after reconnect');
    await settle(300);
    expect(texts(bob.received)).toEqual(['before', 'during 1', 'during 2', 'during 3', 'during 4', 'during 5']);
    expect(bob.chat.isReady()).toBe(true);
  });
});

describe('V2TIM simple messaging', () => {
  it('sendC2CTextMessage reaches the peer\'s onRecvC2CTextMessage, and group text reaches onRecvGroupTextMessage', async () => {
    ts = await startTestServer();
    const a = await v2Client(ts);
    const b = await v2Client(ts);
    v2s.push(a, b);
    await a.manager.login('amy', ts.sig('amy'));
    await b.manager.login('ben', ts.sig('ben'));
    const got: string[] = [];
    b.manager.addSimpleMsgListener({
      onRecvC2CTextMessage: (_id: string, sender: { userID: string }, text: string) => got.push(`c2c ${sender.userID} ${text}`),
      onRecvGroupTextMessage: (_id: string, groupID: string, sender: { userID: string }, text: string) => got.push(`group ${groupID} ${sender.userID} ${text}`),
    } as never);
    expect((await a.manager.sendC2CTextMessage('ben', 'hello ben')).code).toBe(0);
    await waitUntil(() => got.length === 1, 5000, 'c2c callback');
    const created = await a.manager.createGroup('room', TYPES.GRP_MEETING, 'room1');
    expect(created.code).toBe(0);
    expect((await b.manager.joinGroup('room1', 'hi')).code).toBe(0);
    expect((await a.manager.sendGroupTextMessage('room1', 'hello room', 2)).code).toBe(0);
    await waitUntil(() => got.length === 2, 5000, 'group callback');
    expect(got).toEqual(['c2c amy hello ben', 'group room1 amy hello room']);
  });

  it('takes react-native-tim-js\'s argument order: the target first, the content second, and createGroup(name, type, id)', async () => {
    ts = await startTestServer();
    const [a, b, c] = [await v2Client(ts), await v2Client(ts), await v2Client(ts)];
    v2s.push(a, b, c);
    await a.manager.login('amy', ts.sig('amy'));
    await b.manager.login('ben', ts.sig('ben'));
    await c.manager.login('cal', ts.sig('cal'));
    const got: string[] = [];
    const listen = (who: string) => ({
      onRecvC2CTextMessage: (_id: string, sender: { userID: string }, text: string) => got.push(`${who}: c2c text from ${sender.userID}: ${text}`),
      onRecvC2CCustomMessage: (_id: string, sender: { userID: string }, data: string) => got.push(`${who}: c2c custom from ${sender.userID}: ${data}`),
      onRecvGroupTextMessage: (_id: string, groupID: string, _s: unknown, text: string) => got.push(`${who}: ${groupID} text: ${text}`),
      onRecvGroupCustomMessage: (_id: string, groupID: string, _s: unknown, data: string) => got.push(`${who}: ${groupID} custom: ${data}`),
    }) as never;
    b.manager.addSimpleMsgListener(listen('ben'));
    c.manager.addSimpleMsgListener(listen('cal'));
    // Both strings are valid UserIDs: only the order decides who receives what (Tencent's RN example order).
    expect((await a.manager.sendC2CTextMessage('ben', 'cal')).data).toMatchObject({ userID: 'ben', textElem: { text: 'cal' } });
    expect((await a.manager.sendC2CCustomMessage('cal', 'ben')).data).toMatchObject({ userID: 'cal', customElem: { data: 'ben' } });
    // The name is a valid group type: the second argument still decides the type.
    const created = await a.manager.createGroup('Work', TYPES.GRP_MEETING, 'hall');
    expect(created).toEqual({ code: 0, desc: 'ok', data: 'hall' });
    expect(await ts.store.groups.get(ts.app.sdkAppID, 'hall')).toMatchObject({ name: 'Work', type: TYPES.GRP_MEETING });
    expect((await b.manager.joinGroup('hall', '')).code).toBe(0);
    expect((await a.manager.sendGroupTextMessage('hall', 'hi hall', 0)).data).toMatchObject({ groupID: 'hall', textElem: { text: 'hi hall' } });
    expect((await a.manager.sendGroupCustomMessage('hall', 'poke', 0)).data).toMatchObject({ groupID: 'hall', customElem: { data: 'poke' } });
    await waitUntil(() => got.length === 4, 5000, 'four callbacks');
    expect(got.sort()).toEqual(['ben: c2c text from amy: cal', 'ben: hall custom: poke', 'ben: hall text: hi hall', 'cal: c2c custom from amy: ben']);
  });
});
