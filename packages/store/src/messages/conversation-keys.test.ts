import { describe, expect, it } from 'vitest';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { addressOf, c2cKey, conversationIDFor, groupKey, messageKey } from './conversation-keys.js';

describe('conversation keys', () => {
  it('gives a C2C pair one key whoever looks, and a group its own namespace', () => {
    expect(c2cKey('bob', 'alice')).toBe('c:alice:bob');
    expect(c2cKey('alice', 'bob')).toBe('c:alice:bob');
    expect(groupKey('alice:bob')).toBe('g:alice:bob');
    expect(messageKey({ conversationType: 'C2C', from: 'bob', to: 'alice' })).toBe('c:alice:bob');
    expect(messageKey({ conversationType: 'GROUP', from: 'bob', to: 'g1' })).toBe('g:g1');
  });

  it('resolves a viewer\'s conversation ID to the shared key', () => {
    expect(addressOf('alice', 'C2Cbob')).toStrictEqual({ type: 'C2C', target: 'bob', key: 'c:alice:bob' });
    expect(addressOf('bob', 'C2Calice')).toStrictEqual({ type: 'C2C', target: 'alice', key: 'c:alice:bob' });
    expect(addressOf('alice', 'GROUPg1')).toStrictEqual({ type: 'GROUP', target: 'g1', key: 'g:g1' });
  });

  it('rejects a malformed conversation ID with 70402', () => {
    for (const id of ['bob', 'GROUP', 'C2C']) {
      expect(() => addressOf('alice', id)).toThrow(expect.objectContaining({ code: ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS }) as ParleyError);
    }
  });

  it('names a message\'s conversation as each viewer sees it', () => {
    const c2c = { conversationType: 'C2C', from: 'alice', to: 'bob' } as const;
    expect(conversationIDFor('alice', c2c)).toBe('C2Cbob');
    expect(conversationIDFor('bob', c2c)).toBe('C2Calice');
    expect(conversationIDFor('bob', { conversationType: 'GROUP', from: 'alice', to: 'g1' })).toBe('GROUPg1');
  });
});
