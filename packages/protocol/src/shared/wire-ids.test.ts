import { describe, expect, it } from 'vitest';
import { isValidGroupID, isValidMessageID, parseConversationRef } from './wire-ids.js';

describe('message IDs', () => {
  it.each(['a', 'msg-1_X', 'x'.repeat(64)])('accepts %j', (id) => expect(isValidMessageID(id)).toBe(true));
  it.each(['', 'x'.repeat(65), 'has space', 'ünï', 'a.b', 5, null])('refuses %j', (id) => expect(isValidMessageID(id)).toBe(false));
});

describe('group IDs', () => {
  it.each(['g1', '@TGS#1ABC', 'x'.repeat(48), 'a!b#c$~'])('accepts %j', (id) => expect(isValidGroupID(id)).toBe(true));
  it.each(['', 'x'.repeat(49), 'with space', 'tab\there', 'グループ', 7])('refuses %j', (id) => expect(isValidGroupID(id)).toBe(false));
});

describe('parseConversationRef', () => {
  it('splits C2C and GROUP conversation IDs', () => {
    expect(parseConversationRef('C2Calice')).toEqual({ ok: true, value: { conversationID: 'C2Calice', type: 'C2C', target: 'alice' } });
    expect(parseConversationRef('GROUP@TGS#1x')).toEqual({ ok: true, value: { conversationID: 'GROUP@TGS#1x', type: 'GROUP', target: '@TGS#1x' } });
  });

  it.each([
    ['C2C', /C2C" followed by a UserID/],
    ['C2Cbad id', /C2C" followed by a UserID/],
    ['GROUP', /GROUP" followed by a group ID/],
    ['@TIM#SYSTEM', /must start with "C2C" or "GROUP"/],
    ['alice', /must start with "C2C" or "GROUP"/],
  ])('refuses %j with a reason', (id, reason) => {
    const r = parseConversationRef(id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('names the field and the kind of a non-string', () => {
    const r = parseConversationRef(5, 'conv');
    expect(r).toEqual({ ok: false, reason: 'conv must be a string (got number)' });
  });
});
