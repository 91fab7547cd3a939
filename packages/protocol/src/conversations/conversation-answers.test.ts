/**
 * Answers and the push of the conversation commands: both forms of `recentcontact.changed`, and a
 * reason that names the field of a broken conversation.
 */
import { describe, expect, it } from 'vitest';
import { parseConversationAnswer } from '../shared/wire-conversation.js';
import { parseConversationListAnswer, parseConversationPush } from './conversation-answers.js';

const conversation = {
  conversationID: 'C2Cbob',
  type: 'C2C',
  target: 'bob',
  lastMessage: null,
  maxSeq: 4,
  readSeq: 2,
  unreadCount: 2,
  isPinned: false,
  draftText: '',
  updatedAt: 1_767_000_000,
  userProfile: { userID: 'bob', nick: 'Bob', avatar: 'https://example.invalid/b.png' },
};

describe('conversation answers and pushes', () => {
  it('read both forms of recentcontact.changed', () => {
    expect(parseConversationPush({ conversationID: 'C2Cbob', deleted: true })).toEqual({ ok: true, value: { kind: 'deleted', conversationID: 'C2Cbob' } });
    expect(parseConversationPush({ conversation })).toEqual({ ok: true, value: { kind: 'changed', conversation } });
    expect(parseConversationPush({ conversation: { conversationID: 'C2Cbob' } })).toMatchObject({ ok: false, reason: expect.stringContaining('conversation push.conversation.type') });
  });

  it('read one conversation and the list, naming the offending field', () => {
    expect(parseConversationAnswer({ conversation })).toEqual({ ok: true, value: { conversation } });
    expect(parseConversationListAnswer({ conversations: [conversation] })).toEqual({ ok: true, value: { conversations: [conversation] } });
    expect(parseConversationListAnswer({ conversations: [{ ...conversation, lastMessage: 'hi' }] })).toEqual({
      ok: false,
      error: 'UNCAUGHT_ERROR',
      reason: 'conversation list answer.conversations[0].lastMessage must be an object (got string)',
    });
    const group = { ...conversation, conversationID: 'GROUPg1', type: 'GROUP', target: 'g1', userProfile: null };
    expect(parseConversationAnswer({ conversation: group })).toEqual({ ok: true, value: { conversation: group } });
    expect(parseConversationAnswer({ conversation: { ...conversation, userProfile: { userID: 'bob', nick: 3, avatar: '' } } })).toMatchObject({
      ok: false,
      reason: 'answer.conversation.userProfile.nick must be a string (got number)',
    });
    expect(parseConversationAnswer({})).toEqual({ ok: false, error: 'UNCAUGHT_ERROR', reason: 'answer.conversation must be an object (got undefined)' });
  });
});
