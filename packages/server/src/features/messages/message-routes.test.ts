/** REST `openim/*` message endpoints with Tencent's field names, against a real server. */
import { describe, expect, it } from 'vitest';
import { ErrorCode, MessagingCommand as M, type WireMessage } from '@parley/protocol';
import type { TestServer } from '../../../test-support/test-server.js';
import { chatFixture } from '../../../test-support/chat-fixture.js';
import { testGroupRecord, testMember } from '@parley/store/testing';

const { server, login } = chatFixture(['alice', 'bob', 'carol']);

const text = (t: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }];
const send = (t: TestServer, body: Record<string, unknown>) => t.rest('openim/sendmsg', { SyncOtherMachine: 1, From_Account: 'alice', To_Account: 'bob', MsgRandom: 123, MsgBody: text('hi'), ...body });

describe('openim/sendmsg', () => {
  it('stores and delivers a message with Tencent\'s fields and answers MsgTime and MsgKey', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    const r = await send(t, { CloudCustomData: 'cc' });
    expect(r).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, MsgSeq: 1 });
    expect(r['MsgKey']).toBe(`1_123_${String(r['MsgTime'])}`);
    await bob.until(() => bob.messages().length === 1, 'bob\'s push');
    expect(bob.messages()[0]).toMatchObject({ from: 'alice', to: 'bob', seq: 1, random: 123, cloudCustomData: 'cc', elements: [{ type: 'TIMTextElem', content: { text: 'hi' } }] });
    // SyncOtherMachine 1: the sender's devices get it too.
    await alice.until(() => alice.messages().length === 1, 'alice\'s copy');
    expect(((await alice.ok(M.SYNC))['messages'] as WireMessage[]).map((m) => m.ID)).toStrictEqual([r['MsgId']]);
  });

  it("stamps a REST send with the sender's nick and avatar, and a group send also with the sender's name card; group tips carry none", async () => {
    const t = await server();
    await t.rest('profile/portrait_set', { From_Account: 'alice', ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'Alice' }, { Tag: 'Tag_Profile_IM_Image', Value: 'http://x/a.png' }] });
    const bob = await login(t, 'bob');
    expect((await send(t, {}))['ErrorCode']).toBe(0);
    await bob.until(() => bob.messages().length === 1, "bob's push");
    expect(bob.messages()[0]).toMatchObject({ from: 'alice', nick: 'Alice', avatar: 'http://x/a.png', nameCard: '' });
    // No command sets a name card yet: the group is written to the store with one.
    await t.store.groups.create(t.app.sdkAppID, testGroupRecord('cards', 'bob'), [testMember('bob', 'Owner'), { ...testMember('alice'), nameCard: 'Al of g' }]);
    expect(await t.rest('group_open_http_svc/send_group_msg', { GroupId: 'cards', From_Account: 'alice', Random: 9, MsgBody: text('hello g') })).toMatchObject({ ErrorCode: 0 });
    expect(await t.rest('group_open_http_svc/delete_group_member', { GroupId: 'cards', MemberToDel_Account: ['alice'] })).toMatchObject({ ErrorCode: 0 });
    const history = (await bob.ok(M.HISTORY, { conversationID: 'GROUPcards', count: 10 }))['messages'] as WireMessage[];
    expect(history.find((m) => m.from === 'alice')).toMatchObject({ nick: 'Alice', avatar: 'http://x/a.png', nameCard: 'Al of g' });
    expect(history.find((m) => m.from === '@TIM#SYSTEM')).toMatchObject({ nick: '', avatar: '', nameCard: '' });
  });

  it('keeps the message away from the sender with SyncOtherMachine 2', async () => {
    const t = await server();
    const [alice, bob] = [await login(t, 'alice'), await login(t, 'bob')];
    expect((await send(t, { SyncOtherMachine: 2 }))['ErrorCode']).toBe(0);
    await bob.until(() => bob.messages().length === 1, 'bob\'s push');
    await new Promise((r) => setTimeout(r, 100));
    expect(alice.messages()).toStrictEqual([]);
    expect((await alice.ok(M.SYNC))['messages']).toStrictEqual([]);
  });

  it('sends as the admin when From_Account is absent, and converts custom elements', async () => {
    const t = await server();
    const bob = await login(t, 'bob');
    const r = await t.rest('openim/sendmsg', { To_Account: 'bob', MsgRandom: 1, MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: 'd', Desc: 'x', Ext: 'e' } }] });
    expect(r['ErrorCode']).toBe(0);
    await bob.until(() => bob.messages().length === 1, 'the push');
    expect(bob.messages()[0]).toMatchObject({ from: 'administrator', elements: [{ type: 'TIMCustomElem', content: { data: 'd', description: 'x', extension: 'e' } }] });
  });

  it('stores a retry with the same MsgRandom in the same second once', async () => {
    const t = await server();
    const stamp = 1_700_000_000;
    const first = await send(t, { MsgTimeStamp: stamp });
    const again = await send(t, { MsgTimeStamp: stamp });
    expect(again['MsgKey']).toBe(first['MsgKey']);
    const bob = await login(t, 'bob');
    expect(((await bob.ok(M.HISTORY, { conversationID: 'C2Calice' }))['messages'] as WireMessage[]).map((m) => m.time)).toStrictEqual([stamp]);
  });

  it('delivers MsgLifeTime 0 to online users only', async () => {
    const t = await server();
    const bob = await login(t, 'bob');
    expect((await send(t, { MsgLifeTime: 0 }))).toMatchObject({ ErrorCode: 0, MsgSeq: 0 });
    await bob.until(() => bob.messages().length === 1, 'the online push');
    expect((await bob.ok(M.HISTORY, { conversationID: 'C2Calice' }))['messages']).toStrictEqual([]);
  });

  it.each([
    ['no To_Account', { To_Account: undefined }, ErrorCode.ERR_SVR_MSG_INVALID_TO_ACCOUNT],
    ['an unknown To_Account', { To_Account: 'ghost' }, ErrorCode.ERR_SVR_MSG_TO_ACCOUNT_NOT_FOUND],
    ['an unknown From_Account', { From_Account: 'ghost' }, ErrorCode.ERR_SVR_MSG_ACCOUNT_NOT_FOUND],
    ['a bad MsgRandom', { MsgRandom: -1 }, ErrorCode.ERR_SVR_MSG_INVALID_RAND],
    ['a bad MsgTimeStamp', { MsgTimeStamp: 'now' }, ErrorCode.ERR_SVR_MSG_INVALID_TIMESTAMP],
    ['MsgBody that is not an array', { MsgBody: { MsgType: 'TIMTextElem' } }, ErrorCode.ERR_SVR_MSG_BODY_NOT_ARRAY],
    ['an unknown MsgType', { MsgBody: [{ MsgType: 'TIMImageElem', MsgContent: {} }] }, ErrorCode.ERR_SVR_MSG_INVALID_JSON_BODY_FORMAT],
    ['a text that is not a string', { MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 1 } }] }, ErrorCode.ERR_SVR_MSG_INVALID_JSON_BODY_FORMAT],
    ['a body over 12 KB', { MsgBody: text('x'.repeat(12 * 1024)) }, ErrorCode.ERR_SVR_MSG_BODY_SIZE_LIMIT],
    ['SyncOtherMachine 3', { SyncOtherMachine: 3 }, ErrorCode.ERR_SVR_MSG_INVALID_SYNCOTHERMACHINE],
    ['a MsgLifeTime that is not an integer', { MsgLifeTime: 'x' }, ErrorCode.ERR_SVR_MSG_INVALID_MSGLIFETIME],
    ['a MsgLifeTime over 7 days', { MsgLifeTime: 8 * 86_400 }, ErrorCode.ERR_SVR_MSG_TIME_LIMIT],
  ])('refuses %s with its code', async (_name, body, code) => {
    const t = await server();
    expect(await send(t, body)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
  });
});

describe('openim/batchsendmsg', () => {
  it('sends to every known account and lists the unknown ones in ErrorList', async () => {
    const t = await server();
    const [bob, carol] = [await login(t, 'bob'), await login(t, 'carol')];
    const r = await t.rest('openim/batchsendmsg', { From_Account: 'alice', To_Account: ['bob', 'ghost', 'carol', 'bob'], MsgRandom: 9, MsgBody: text('all') });
    expect(r).toMatchObject({ ErrorCode: 0, ErrorList: [{ To_Account: 'ghost', ErrorCode: ErrorCode.ERR_SVR_MSG_TO_ACCOUNT_NOT_FOUND }] });
    await bob.until(() => bob.messages().length === 1, 'bob');
    await carol.until(() => carol.messages().length === 1, 'carol');
  });

  it('refuses more than 500 targets with 90011', async () => {
    const t = await server();
    const r = await t.rest('openim/batchsendmsg', { To_Account: Array.from({ length: 501 }, (_, i) => `u${i}`), MsgRandom: 1, MsgBody: text('x') });
    expect(r['ErrorCode']).toBe(ErrorCode.ERR_SVR_MSG_TO_ACCOUNT_COUNT_LIMIT);
  });
});

describe('openim/importmsg and admin_getroammsg', () => {
  const importAt = (t: TestServer, time: number, mode: 1 | 2, textValue = `at ${time}`) =>
    t.rest('openim/importmsg', { SyncFromOldSystem: mode, From_Account: 'alice', To_Account: 'bob', MsgRandom: time % 1000, MsgTimeStamp: time, MsgBody: text(textValue) });

  it('imports with the given time, without pushing; mode 2 does not count as unread', async () => {
    const t = await server();
    const bob = await login(t, 'bob');
    expect((await importAt(t, 1_600_000_000, 2))['ErrorCode']).toBe(0);
    expect((await importAt(t, 1_600_000_001, 2))['ErrorCode']).toBe(0);
    expect((await bob.ok(M.CONVERSATION, { conversationID: 'C2Calice' }))['conversation']).toMatchObject({ unreadCount: 0, maxSeq: 2 });
    expect((await importAt(t, 1_600_000_002, 1))['ErrorCode']).toBe(0);
    expect((await bob.ok(M.CONVERSATION, { conversationID: 'C2Calice' }))['conversation']).toMatchObject({ unreadCount: 1, maxSeq: 3 });
    expect(((await bob.ok(M.HISTORY, { conversationID: 'C2Calice' }))['messages'] as WireMessage[]).map((m) => m.time)).toStrictEqual([1_600_000_000, 1_600_000_001, 1_600_000_002]);
    expect(bob.messages()).toStrictEqual([]);
    expect((await t.rest('openim/importmsg', { SyncFromOldSystem: 1, From_Account: 'alice', To_Account: 'bob', MsgRandom: 1, MsgBody: text('x') }))['ErrorCode']).toBe(ErrorCode.ERR_SVR_MSG_INVALID_TIMESTAMP);
  });

  it('pages the roaming messages of a pair newest first within the time range', async () => {
    const t = await server();
    for (let i = 0; i < 5; i++) await importAt(t, 1_600_000_000 + i, 1);
    const roam = (extra: Record<string, unknown>) => t.rest('openim/admin_getroammsg', { Operator_Account: 'bob', Peer_Account: 'alice', MaxCnt: 2, MinTime: 1_600_000_001, MaxTime: 1_700_000_000, ...extra });
    const times = (r: Record<string, unknown>) => (r['MsgList'] as { MsgTimeStamp: number }[]).map((m) => m.MsgTimeStamp - 1_600_000_000);
    const p1 = await roam({});
    expect(p1).toMatchObject({ ErrorCode: 0, Complete: 0, MsgCnt: 2 });
    expect(times(p1)).toStrictEqual([4, 3]);
    expect((p1['MsgList'] as Record<string, unknown>[])[0]).toMatchObject({ From_Account: 'alice', To_Account: 'bob', MsgSeq: 5, MsgBody: text('at 1600000004') });
    const p2 = await roam({ LastMsgKey: p1['LastMsgKey'], MaxTime: p1['LastMsgTime'] });
    expect(times(p2)).toStrictEqual([2, 1]);
    const p3 = await roam({ LastMsgKey: p2['LastMsgKey'], MaxTime: p2['LastMsgTime'] });
    expect(p3).toMatchObject({ Complete: 1, MsgCnt: 0, MsgList: [] });
    expect((await roam({ MaxCnt: 0 }))['ErrorCode']).toBe(ErrorCode.ERR_SVR_MSG_INVALID_JSON_FORMAT);
  });
});
