/**
 * Answers and pushes of the message commands are parsed like requests: a body that breaks the
 * contract becomes one reason naming the field (and the "malformed answer" error), never
 * `undefined` fields later.
 */
import { describe, expect, it } from 'vitest';
import { parseHistoryAnswer, parseMessagePush, parseSendAnswer, parseSyncAnswer } from './message-answers.js';

const message = {
  ID: 'm1',
  conversationType: 'C2C',
  from: 'bob',
  to: 'alice',
  seq: 1,
  time: 1_767_000_000,
  random: 5,
  elements: [{ type: 'TIMTextElem', content: { text: 'hi' } }],
  cloudCustomData: '',
  priority: 'Normal',
  atUserList: [],
  isOnlineOnly: false,
  receiverList: [],
  nick: 'Bob',
  avatar: '',
  nameCard: '',
};

describe('messaging answers and pushes', () => {
  it('accept bodies that follow the contract, ignoring unknown fields', () => {
    expect(parseSendAnswer({ message: { ...message, extra: 1 }, duplicate: false })).toEqual({ ok: true, value: { message, duplicate: false } });
    expect(parseSyncAnswer({ messages: [message], cursor: 3, isCompleted: true, groups: [{ groupID: 'g', seq: 9 }] })).toMatchObject({ ok: true, value: { cursor: 3, groups: [{ groupID: 'g', seq: 9 }] } });
    expect(parseMessagePush({ message })).toEqual({ ok: true, value: { message } });
  });

  it('name the offending field', () => {
    expect(parseSyncAnswer({ messages: [message, { ...message, seq: -1 }], cursor: 0, isCompleted: true, groups: [] })).toEqual({
      ok: false,
      error: 'UNCAUGHT_ERROR',
      reason: 'sync answer.messages[1].seq must be a non-negative integer (got number)',
    });
    expect(parseHistoryAnswer({ messages: [{ ...message, elements: [{ type: 'x', content: 'text' }] }], isCompleted: true })).toEqual({
      ok: false,
      error: 'UNCAUGHT_ERROR',
      reason: 'history answer.messages[0].elements[0].content must be an object (got string)',
    });
    expect(parseMessagePush({ message: { ...message, conversationType: 'TOPIC' } })).toEqual({
      ok: false,
      error: 'UNCAUGHT_ERROR',
      reason: 'message push.message.conversationType must be one of C2C, GROUP (got string)',
    });
    expect(parseSendAnswer(null)).toEqual({ ok: false, error: 'UNCAUGHT_ERROR', reason: 'send answer must be an object (got null)' });
  });
});
