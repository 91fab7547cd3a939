/** The conversation requests read their fields strictly. */
import { describe, expect, it } from 'vitest';
import type { MessagingParsed } from '../core/parse-kit.js';
import { MAX_MESSAGE_BYTES } from '../shared/wire-message.js';
import { parseConversationRequest } from '../shared/wire-ids.js';
import { parseDeleteConversationRequest, parsePinConversationRequest, parseSetDraftRequest } from './conversation-parse.js';

describe('the conversation requests', () => {
  it('conversation commands read their fields strictly', () => {
    expect(parseConversationRequest({ conversationID: 'GROUPg' }).ok).toBe(true);
    expect(parseDeleteConversationRequest({ conversationID: 'C2Cx' })).toMatchObject({ ok: true, value: { clearHistory: false } });
    expect(parsePinConversationRequest({ conversationID: 'C2Cx', isPinned: true })).toMatchObject({ ok: true, value: { isPinned: true } });
    expect(failure(parsePinConversationRequest({ conversationID: 'C2Cx' })).reason).toMatch(/isPinned is required/);
    expect(parseSetDraftRequest({ conversationID: 'C2Cx', draftText: '' })).toMatchObject({ ok: true, value: { draftText: '' } });
    expect(failure(parseSetDraftRequest({ conversationID: 'C2Cx', draftText: 'x'.repeat(MAX_MESSAGE_BYTES + 1) })).reason).toMatch(/draftText is longer/);
  });
});

function failure<T>(r: MessagingParsed<T>): { error: string; reason: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return { error: r.error, reason: r.reason };
}
