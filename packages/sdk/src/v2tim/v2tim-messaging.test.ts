/**
 * The V2TIM simple-message API and group basics: sends resolve `{code, desc, data}` with a
 * V2TimMessage, listeners get `onRecv*` callbacks, nothing throws.
 */
import { CloseCode, MessagingCommand, Push } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { World } from '../../test-support/messaging-harness.js';
import { APP_ID, eventually, recordingLogger } from '../../test-support/sdk-harness.js';
import { MessagePriorityEnum, V2TIMManager, type V2TimSimpleMsgListener } from '../index.js';

let world: World;
const managers: V2TIMManager[] = [];
beforeEach(async () => {
  world = await World.start();
});
afterEach(async () => {
  for (const m of managers.splice(0)) await m.unInitSDK();
  await world.close();
});

async function loggedIn(userID: string): Promise<{ manager: V2TIMManager; calls: unknown[][] }> {
  const manager = new V2TIMManager();
  managers.push(manager);
  await manager.initSDK(APP_ID, 0, undefined, { server: world.server.url, WebSocket, logger: recordingLogger() });
  expect(await manager.login(userID, 'sig')).toEqual({ code: 0, desc: 'ok' });
  const calls: unknown[][] = [];
  const listener: V2TimSimpleMsgListener = {
    onRecvC2CTextMessage: (...args) => calls.push(['onRecvC2CTextMessage', ...args]),
    onRecvC2CCustomMessage: (...args) => calls.push(['onRecvC2CCustomMessage', ...args]),
    onRecvGroupTextMessage: (...args) => calls.push(['onRecvGroupTextMessage', ...args]),
    onRecvGroupCustomMessage: (...args) => calls.push(['onRecvGroupCustomMessage', ...args]),
  };
  manager.addSimpleMsgListener(listener);
  return { manager, calls };
}

describe('simple messages', () => {
  it('sendC2CTextMessage resolves the sent V2TimMessage; the receiver gets onRecvC2CTextMessage(msgID, sender, text)', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    world.fake.now = () => 1_767_000_000;
    const res = await alice.manager.sendC2CTextMessage('bob', 'hello bob');
    expect(res).toEqual({
      code: 0,
      desc: 'ok',
      data: {
        msgID: expect.any(String),
        timestamp: 1_767_000_000,
        sender: 'alice',
        nickName: '',
        friendRemark: '',
        faceUrl: '',
        nameCard: '',
        groupID: '',
        userID: 'bob',
        status: 2,
        elemType: 1,
        textElem: { text: 'hello bob' },
        cloudCustomData: '',
        isSelf: true,
        isRead: true,
        isPeerRead: false,
        priority: MessagePriorityEnum.V2TIM_PRIORITY_NORMAL,
        groupAtUserList: [],
        seq: '1',
        random: expect.any(Number),
        isExcludedFromUnreadCount: false,
        isExcludedFromLastMessage: false,
        needReadReceipt: false,
        localCustomData: '',
        localCustomInt: 0,
      },
    });
    await eventually(() => bob.calls.length === 1, 'bob is called back');
    expect(bob.calls[0]).toEqual(['onRecvC2CTextMessage', res.data?.msgID, { userID: 'alice', nickName: '', faceUrl: '' }, 'hello bob']);
    expect(alice.calls).toEqual([]);
  });

  it('sends custom and group messages, with group priority; each reaches the matching callback', async () => {
    world.fake.groups.create('g1', 'bob', ['alice']);
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const custom = await alice.manager.sendC2CCustomMessage('bob', '{"kind":"poke"}');
    expect(custom.data).toMatchObject({ elemType: 2, customElem: { data: '{"kind":"poke"}', desc: '', extension: '' } });
    const groupText = await alice.manager.sendGroupTextMessage('g1', 'hi group', MessagePriorityEnum.V2TIM_PRIORITY_HIGH);
    expect(groupText.data).toMatchObject({ groupID: 'g1', userID: '', priority: MessagePriorityEnum.V2TIM_PRIORITY_HIGH });
    expect(world.server.requests(MessagingCommand.SEND).at(-1)?.request.body).toMatchObject({ conversationType: 'GROUP', to: 'g1', priority: 'High' });
    await alice.manager.sendGroupCustomMessage('g1', 'blob', MessagePriorityEnum.V2TIM_PRIORITY_LOW);
    await eventually(() => bob.calls.length === 3, 'three callbacks');
    const sender = { userID: 'alice', nickName: '', nameCard: '', friendRemark: '', faceUrl: '' };
    expect(bob.calls).toEqual([
      ['onRecvC2CCustomMessage', custom.data?.msgID, { userID: 'alice', nickName: '', faceUrl: '' }, '{"kind":"poke"}'],
      ['onRecvGroupTextMessage', groupText.data?.msgID, 'g1', sender, 'hi group'],
      ['onRecvGroupCustomMessage', expect.any(String), 'g1', sender, 'blob'],
    ]);
  });

  it('removeSimpleMsgListener stops the callbacks', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    bob.manager.removeSimpleMsgListener();
    await alice.manager.sendC2CTextMessage('bob', 'unheard');
    await alice.manager.sendC2CTextMessage('bob', 'unheard 2');
    await eventually(() => world.server.requests(MessagingCommand.SEND).length === 2, 'sent');
    expect(bob.calls).toEqual([]);
  });

  it('never throws: 6013 before initSDK, 6014 before login, 6017 for bad arguments, the server code for a refusal', async () => {
    const fresh = new V2TIMManager();
    managers.push(fresh);
    expect(await fresh.sendC2CTextMessage('bob', 'x')).toMatchObject({ code: 6013 });
    await fresh.initSDK(APP_ID, 0, undefined, { server: world.server.url, WebSocket, logger: recordingLogger() });
    expect(await fresh.sendC2CTextMessage('bob', 'x')).toMatchObject({ code: 6014 });
    expect(await fresh.joinGroup('g', 'hi')).toMatchObject({ code: 6014 });
    const alice = await loggedIn('alice');
    expect(await alice.manager.sendC2CTextMessage('bob', 42 as unknown as string)).toMatchObject({ code: 6017 });
    expect(await alice.manager.sendC2CTextMessage('', 'x')).toMatchObject({ code: 6017 });
    expect(await alice.manager.sendGroupTextMessage('g1', 'x', 9)).toMatchObject({ code: 6017 });
    // A group that does not exist: 10010, as the server answers.
    expect(await alice.manager.sendGroupTextMessage('nogroup', 'x')).toMatchObject({ code: 10010 });
  });
});

describe('login', () => {
  it('resolves code 0 when a kick arrives during the first sync, and the listener hears onKickedOffline', async () => {
    const manager = new V2TIMManager();
    managers.push(manager);
    const calls: string[] = [];
    await manager.initSDK(APP_ID, 0, { onKickedOffline: () => calls.push('onKickedOffline') }, { server: world.server.url, WebSocket, logger: recordingLogger() });
    world.server.handle(MessagingCommand.SYNC, (_req, conn) => {
      conn.push(Push.KICKOUT, { type: 'multipleAccount', kickType: 1 });
      conn.close(CloseCode.Kicked);
      return 'silent';
    });
    expect(await manager.login('alice', 'sig')).toEqual({ code: 0, desc: 'ok' });
    expect(calls).toEqual(['onKickedOffline']);
    expect(await manager.getLoginStatus()).toMatchObject({ data: 2 });
  });
});

describe('group basics', () => {
  it('createGroup resolves the GroupID; joinGroup, quitGroup and dismissGroup resolve {code: 0}', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const created = await alice.manager.createGroup('Readers', 'Public', 'readers');
    expect(created).toEqual({ code: 0, desc: 'ok', data: 'readers' });
    expect(world.server.requests(MessagingCommand.CREATE_GROUP)[0]?.request.body).toMatchObject({ type: 'Public', name: 'Readers', groupID: 'readers' });
    const work = await alice.manager.createGroup('Team', 'Work');
    expect(work).toMatchObject({ code: 0, data: expect.stringMatching(/^@TGS#/) });
    expect(world.server.requests(MessagingCommand.CREATE_GROUP)[1]?.request.body).toMatchObject({ type: 'Private' });
    // A Public group needs approval (its default joinOption): bob's application waits, and resolves {code: 0}.
    expect(await bob.manager.joinGroup('readers', 'let me in')).toEqual({ code: 0, desc: 'ok' });
    expect(world.server.requests(MessagingCommand.JOIN_GROUP)[0]?.request.body).toEqual({ groupID: 'readers', applyMessage: 'let me in' });
    // A Meeting (ChatRoom) group is FreeAccess by default: bob joins at once, and can quit.
    expect(await alice.manager.createGroup('Book club', 'Meeting', 'club')).toEqual({ code: 0, desc: 'ok', data: 'club' });
    expect(world.server.requests(MessagingCommand.CREATE_GROUP)[2]?.request.body).toMatchObject({ type: 'ChatRoom' });
    expect(await bob.manager.joinGroup('club')).toEqual({ code: 0, desc: 'ok' });
    expect(await bob.manager.quitGroup('club')).toEqual({ code: 0, desc: 'ok' });
    expect(await alice.manager.dismissGroup('readers')).toEqual({ code: 0, desc: 'ok' });
    expect(await alice.manager.createGroup('x', 'Club')).toMatchObject({ code: 2600 });
  });
});
