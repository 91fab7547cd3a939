/**
 * Message objects carry Tencent's field names and values, for messages created here and for
 * messages the server sends, as seen by the logged-in user.
 */
import { TYPES, type WireMessage } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import {
  conversationOf,
  createCustomMessage,
  createTextAtMessage,
  createTextMessage,
  isSdkMessage,
  mergeWire,
  messageFromWire,
  messageForShow,
  newMessageID,
  sendRequestOf,
  type FactoryContext,
} from './message-factory.js';

const ctx: FactoryContext = { userID: 'alice', nowMs: () => 1_767_225_600_123, random: () => 0.5 };

const wire = (over: Partial<WireMessage> = {}): WireMessage => ({
  ID: 'm1',
  conversationType: 'C2C',
  from: 'bob',
  to: 'alice',
  seq: 4,
  time: 1_767_225_601,
  random: 99,
  elements: [{ type: 'TIMTextElem', content: { text: 'hello' } }],
  cloudCustomData: 'ccd',
  priority: 'Normal',
  atUserList: [],
  isOnlineOnly: false,
  receiverList: [],
  nick: '',
  avatar: '',
  nameCard: '',
  ...over,
});

describe('createTextMessage', () => {
  it('makes an unsent Tencent-shaped message from the logged-in user', () => {
    const m = createTextMessage(ctx, { to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'hi' }, cloudCustomData: 'x' });
    expect(m).toEqual({
      ID: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      type: TYPES.MSG_TEXT,
      payload: { text: 'hi' },
      conversationID: 'C2Cbob',
      conversationType: 'C2C',
      to: 'bob',
      from: 'alice',
      flow: 'out',
      time: 1_767_225_600,
      sequence: 0,
      random: 2_147_483_648,
      status: 'unSend',
      isRead: true,
      isPeerRead: false,
      priority: TYPES.MSG_PRIORITY_NORMAL,
      cloudCustomData: 'x',
      atUserList: [],
      nick: '',
      avatar: '',
      nameCard: '',
      isRevoked: false,
      isDeleted: false,
      isModified: false,
      isResend: false,
      isSystemMessage: false,
      isOnlineOnly: false,
      receiverList: [],
      needReadReceipt: false,
      clientTime: 1_767_225_600,
      protocol: 'JSON',
    });
    expect(isSdkMessage(m)).toBe(true);
    expect(isSdkMessage({ ...m })).toBe(false);
  });

  it('gives every message a new ID', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newMessageID(ctx)));
    expect(ids.size).toBe(50);
  });

  it('names the bad argument: 2106 for a conversation type, 6017 otherwise', () => {
    const base = { to: 'bob', conversationType: 'C2C', payload: { text: 'x' } };
    expect(() => createTextMessage(ctx, { ...base, conversationType: 'SYSTEM' })).toThrow(expect.objectContaining({ code: 2106 }));
    expect(() => createTextMessage(ctx, { ...base, to: '' })).toThrow(expect.objectContaining({ code: 6017, message: expect.stringMatching(/^Params validate failed: .*to/) }));
    expect(() => createTextMessage(ctx, { ...base, payload: { text: 5 } })).toThrow(expect.objectContaining({ code: 6017, message: expect.stringContaining('payload.text') }));
    expect(() => createTextMessage(ctx, { ...base, priority: 'Urgent' })).toThrow(expect.objectContaining({ code: 6017 }));
    expect(() => createTextMessage(ctx, undefined)).toThrow(expect.objectContaining({ code: 6017 }));
  });
});

describe('createTextAtMessage and createCustomMessage', () => {
  it('keeps @-mentions (TYPES.MSG_AT_ALL included) in atUserList and sends them', () => {
    const m = createTextAtMessage(ctx, { to: 'g1', conversationType: TYPES.CONV_GROUP, payload: { text: '@all hi', atUserList: [TYPES.MSG_AT_ALL, 'bob', 'bob'] }, priority: 'High' });
    expect(m).toMatchObject({ type: TYPES.MSG_TEXT, payload: { text: '@all hi' }, conversationID: 'GROUPg1', atUserList: [TYPES.MSG_AT_ALL, 'bob'], priority: 'High' });
    expect(sendRequestOf(m, { onlineUserOnly: false, receiverList: [] })).toEqual({
      conversationType: 'GROUP',
      to: 'g1',
      ID: m.ID,
      random: m.random,
      elements: [{ type: 'TIMTextElem', content: { text: '@all hi' } }],
      cloudCustomData: '',
      priority: 'High',
      atUserList: [TYPES.MSG_AT_ALL, 'bob'],
    });
  });

  it('refuses @-mentions in C2C (2106) and an empty atUserList (6017)', () => {
    expect(() => createTextAtMessage(ctx, { to: 'bob', conversationType: 'C2C', payload: { text: 'x', atUserList: ['bob'] } })).toThrow(expect.objectContaining({ code: 2106 }));
    expect(() => createTextAtMessage(ctx, { to: 'g', conversationType: 'GROUP', payload: { text: 'x', atUserList: [] } })).toThrow(expect.objectContaining({ code: 6017 }));
  });

  it('fills description and extension of a custom message with empty strings', () => {
    const m = createCustomMessage(ctx, { to: 'bob', conversationType: 'C2C', payload: { data: '{"k":1}' } });
    expect(m).toMatchObject({ type: TYPES.MSG_CUSTOM, payload: { data: '{"k":1}', description: '', extension: '' } });
    expect(sendRequestOf(m, { onlineUserOnly: true, receiverList: ['x'] })).toMatchObject({
      elements: [{ type: 'TIMCustomElem', content: { data: '{"k":1}', description: '', extension: '' } }],
      onlineUserOnly: true,
      receiverList: ['x'],
    });
  });
});

describe('mergeWire', () => {
  it("gives a sent message the sequence, time and the sender's names the server stamped", () => {
    const m = createTextMessage(ctx, { to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'hi' } });
    mergeWire(m, wire({ from: 'alice', to: 'bob', seq: 9, nick: 'Alice', avatar: 'https://a/a.png' }));
    expect(m).toMatchObject({ sequence: 9, status: 'success', nick: 'Alice', avatar: 'https://a/a.png', nameCard: '' });
  });
});

describe('messageFromWire', () => {
  it("carries the sender's nick, avatar and group name card the server stamped at send", () => {
    const m = messageFromWire(wire({ conversationType: 'GROUP', to: 'g1', nick: 'Bob', avatar: 'https://a/b.png', nameCard: 'Bob in g1' }), 'alice', false);
    expect(m).toMatchObject({ nick: 'Bob', avatar: 'https://a/b.png', nameCard: 'Bob in g1' });
  });

  it('makes a received message: viewer-relative conversation, flow in, read state as given', () => {
    const m = messageFromWire(wire(), 'alice', false);
    expect(m).toMatchObject({
      ID: 'm1',
      conversationID: 'C2Cbob',
      conversationType: 'C2C',
      from: 'bob',
      to: 'alice',
      flow: 'in',
      sequence: 4,
      time: 1_767_225_601,
      random: 99,
      status: 'success',
      isRead: false,
      payload: { text: 'hello' },
      cloudCustomData: 'ccd',
      protocol: 'JSON',
    });
  });

  it("gives the user's own message (from another instance) flow out, in the peer's conversation", () => {
    const m = messageFromWire(wire({ from: 'alice', to: 'bob' }), 'alice', false);
    expect(m).toMatchObject({ flow: 'out', conversationID: 'C2Cbob', isRead: true });
    expect(conversationOf(wire({ from: 'alice', to: 'bob' }), 'alice')).toBe('C2Cbob');
    expect(conversationOf(wire({ conversationType: 'GROUP', to: 'g9' }), 'alice')).toBe('GROUPg9');
  });

  it('marks group tips as system messages', () => {
    const tip = wire({ from: '@TIM#SYSTEM', conversationType: 'GROUP', to: 'g', elements: [{ type: 'TIMGroupTipElem', content: { operationType: 1, operatorID: 'bob', userIDList: ['bob'] } }] });
    expect(messageFromWire(tip, 'alice', false)).toMatchObject({ type: TYPES.MSG_GRP_TIP, isSystemMessage: true, payload: { operationType: 1, operatorID: 'bob', userIDList: ['bob'] } });
  });
});

describe('messageForShow', () => {
  it('shows text as is and other types as a tag', () => {
    expect(messageForShow(TYPES.MSG_TEXT, { text: 'yo' })).toBe('yo');
    expect(messageForShow(TYPES.MSG_CUSTOM, { data: 'x', description: '' })).toBe('[Custom Messages]');
    expect(messageForShow(TYPES.MSG_CUSTOM, { data: 'x', description: 'Order #4' })).toBe('Order #4');
  });
});
