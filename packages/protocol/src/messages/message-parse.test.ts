import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../shared/wire-message.js';
import {
  parseDeleteMessagesRequest,
  parseHistoryRequest,
  parseSendMessageRequest,
  parseSetAllReadRequest,
  parseSetReadRequest,
  parseSyncRequest,
} from './message-parse.js';
import type { MessagingParsed } from '../core/parse-kit.js';

const text = (t: string) => ({ type: 'TIMTextElem', content: { text: t } });
const c2c = { conversationType: 'C2C', to: 'bob', ID: 'm1', random: 7, elements: [text('hi')] };
const group = { ...c2c, conversationType: 'GROUP', to: '@TGS#1abc' };

function failure<T>(r: MessagingParsed<T>): { error: string; reason: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return { error: r.error, reason: r.reason };
}

describe('parseSendMessageRequest', () => {
  it('fills in every optional field of a C2C send', () => {
    expect(parseSendMessageRequest(c2c)).toEqual({
      ok: true,
      value: { ...c2c, cloudCustomData: '', priority: 'Normal', atUserList: [], onlineUserOnly: false, receiverList: [] },
    });
  });

  it('keeps group-only fields of a group send, without duplicates', () => {
    const r = parseSendMessageRequest({ ...group, atUserList: ['a', '__kImSDK_MesssageAtALL__', 'a'], priority: 'High', onlineUserOnly: true, cloudCustomData: 'x' });
    expect(r.ok && r.value).toMatchObject({ atUserList: ['a', '__kImSDK_MesssageAtALL__'], priority: 'High', onlineUserOnly: true, cloudCustomData: 'x' });
    expect(parseSendMessageRequest({ ...group, receiverList: ['a', 'b'] }).ok).toBe(true);
  });

  it.each([
    ['no conversationType', { ...c2c, conversationType: undefined }, /conversationType is required/],
    ['a bad peer', { ...c2c, to: 'not valid' }, /to must be the peer UserID/],
    ['a bad message ID', { ...c2c, ID: 'a b' }, /ID must be 1\.\.64/],
    ['a missing ID', { ...c2c, ID: undefined }, /ID must be/],
    ['a random beyond uint32', { ...c2c, random: 2 ** 32 }, /random must be an integer in 0\.\.4294967295/],
    ['an unknown element type', { ...c2c, elements: [{ type: 'TIMSoundElem', content: {} }] }, /elements\[0\]\.type/],
    ['no elements', { ...c2c, elements: [] }, /elements must hold/],
    ['a bad priority', { ...group, priority: 'Urgent' }, /priority must be one of High, Normal, Low, Lowest/],
    ['@-mentions in C2C', { ...c2c, atUserList: ['a'] }, /group messages only/],
    ['a targeted C2C message', { ...c2c, receiverList: ['a'] }, /group messages only/],
    ['a targeted message with @-mentions', { ...group, atUserList: ['a'], receiverList: ['b'] }, /cannot @-mention/],
    ['a bad receiver', { ...group, receiverList: ['ok', 'no way'] }, /receiverList\[1\]/],
    ['a non-boolean onlineUserOnly', { ...c2c, onlineUserOnly: 1 }, /onlineUserOnly must be a boolean/],
    ['a non-object body', [c2c], /body must be an object \(got array\)/],
  ])('refuses %s with PARLEY_BAD_REQUEST', (_name, body, reason) => {
    const f = failure(parseSendMessageRequest(body));
    expect(f.error).toBe('PARLEY_BAD_REQUEST');
    expect(f.reason).toMatch(reason);
  });

  it('refuses a malformed group ID with ERR_SVR_GROUP_INVALID_GROUPID', () => {
    expect(failure(parseSendMessageRequest({ ...group, to: 'has space' })).error).toBe('ERR_SVR_GROUP_INVALID_GROUPID');
  });

  it('accepts a body of exactly 12 KB and refuses one byte more with ERR_SVR_COMM_BODY_SIZE_LIMIT', () => {
    const overhead = JSON.stringify([text('')]).length;
    expect(parseSendMessageRequest({ ...c2c, elements: [text('x'.repeat(MAX_MESSAGE_BYTES - overhead))] }).ok).toBe(true);
    const f = failure(parseSendMessageRequest({ ...c2c, elements: [text('x'.repeat(MAX_MESSAGE_BYTES - overhead + 1))] }));
    expect(f.error).toBe('ERR_SVR_COMM_BODY_SIZE_LIMIT');
    const withData = failure(parseSendMessageRequest({ ...c2c, elements: [text('x'.repeat(MAX_MESSAGE_BYTES - overhead))], cloudCustomData: 'y' }));
    expect(withData.error).toBe('ERR_SVR_COMM_BODY_SIZE_LIMIT');
  });

  it('counts multi-byte text by its UTF-8 size', () => {
    const overhead = JSON.stringify([text('')]).length;
    const chars = Math.floor((MAX_MESSAGE_BYTES - overhead) / 3) + 1;
    expect(failure(parseSendMessageRequest({ ...c2c, elements: [text('語'.repeat(chars))] })).error).toBe('ERR_SVR_COMM_BODY_SIZE_LIMIT');
  });
});

describe('the other message requests', () => {
  it('sync defaults to cursor 0 and 100 messages, at most 500', () => {
    expect(parseSyncRequest({})).toEqual({ ok: true, value: { cursor: 0, count: 100 } });
    expect(parseSyncRequest({ cursor: 42, count: 500 })).toEqual({ ok: true, value: { cursor: 42, count: 500 } });
    expect(failure(parseSyncRequest({ count: 501 })).reason).toMatch(/count must be an integer in 1\.\.500/);
    expect(failure(parseSyncRequest({ cursor: -1 })).reason).toMatch(/cursor/);
  });

  it('sync takes an optional recent window of 1..100000 messages', () => {
    expect(parseSyncRequest({ recent: 1000 })).toEqual({ ok: true, value: { cursor: 0, count: 100, recent: 1000 } });
    for (const recent of [0, 100_001, 1.5, '10']) expect(failure(parseSyncRequest({ recent })).reason).toMatch(/recent/);
  });

  it('history takes one direction at most and defaults to 15 messages', () => {
    expect(parseHistoryRequest({ conversationID: 'C2Cbob' })).toEqual({
      ok: true,
      value: { conversation: { conversationID: 'C2Cbob', type: 'C2C', target: 'bob' }, count: 15 },
    });
    expect(parseHistoryRequest({ conversationID: 'GROUPg', beforeSeq: 10, count: 100 }).ok).toBe(true);
    expect(parseHistoryRequest({ conversationID: 'GROUPg', afterSeq: 0 }).ok).toBe(true);
    expect(failure(parseHistoryRequest({ conversationID: 'GROUPg', beforeSeq: 5, afterSeq: 1 })).reason).toMatch(/at most one/);
    expect(parseHistoryRequest({ conversationID: 'C2Cbob', untilTime: 1700000000 })).toMatchObject({ ok: true, value: { untilTime: 1700000000 } });
    expect(parseHistoryRequest({ conversationID: 'C2Cbob', sinceTime: 0 })).toMatchObject({ ok: true, value: { sinceTime: 0 } });
    expect(failure(parseHistoryRequest({ conversationID: 'C2Cbob', untilTime: 5, beforeSeq: 3 })).reason).toMatch(/at most one of beforeSeq, afterSeq, untilTime and sinceTime/);
    expect(failure(parseHistoryRequest({ conversationID: 'C2Cbob', sinceTime: -1 })).reason).toMatch(/sinceTime/);
    expect(failure(parseHistoryRequest({ conversationID: 'GROUPg', count: 101 })).reason).toMatch(/count/);
    expect(failure(parseHistoryRequest({ conversationID: 'nope' })).reason).toMatch(/conversationID/);
  });

  it('set-read takes an optional sequence; set-all-read a scope', () => {
    expect(parseSetReadRequest({ conversationID: 'C2Cbob' }).ok).toBe(true);
    expect(parseSetReadRequest({ conversationID: 'C2Cbob', seq: 3 })).toMatchObject({ ok: true, value: { seq: 3 } });
    expect(parseSetAllReadRequest({})).toEqual({ ok: true, value: { scope: 'all' } });
    expect(parseSetAllReadRequest({ scope: 'c2c' })).toEqual({ ok: true, value: { scope: 'c2c' } });
    expect(failure(parseSetAllReadRequest({ scope: 'everything' })).reason).toMatch(/scope/);
  });

  it('delete takes 1..30 distinct positive sequences', () => {
    expect(parseDeleteMessagesRequest({ conversationID: 'C2Cbob', seqs: [3, 1, 3] })).toMatchObject({ ok: true, value: { seqs: [3, 1] } });
    expect(failure(parseDeleteMessagesRequest({ conversationID: 'C2Cbob', seqs: [] })).reason).toMatch(/1\.\.30/);
    expect(failure(parseDeleteMessagesRequest({ conversationID: 'C2Cbob', seqs: Array.from({ length: 31 }, (_, i) => i + 1) })).reason).toMatch(/1\.\.30/);
    expect(failure(parseDeleteMessagesRequest({ conversationID: 'C2Cbob', seqs: [1, 0] })).reason).toMatch(/seqs\[1\]/);
  });
});
