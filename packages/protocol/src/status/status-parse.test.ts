import { describe, expect, it } from 'vitest';
import { parseGetStatusRequest, parseSetSelfStatusRequest, parseSubscribeStatusRequest, parseUnsubscribeStatusRequest } from './status-parse.js';
import { parseGetStatusAnswer, parseStatusPush } from './status-answers.js';

const errorOf = (parsed: { ok: boolean; error?: string }): string | undefined => (parsed.ok ? undefined : parsed.error);
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `u${i}`);

describe('user-status request parsers', () => {
  it('takes a custom status of at most 100 bytes, the empty one clearing it', () => {
    expect(parseSetSelfStatusRequest({ customStatus: 'x'.repeat(100) }).ok).toBe(true);
    expect(parseSetSelfStatusRequest({ customStatus: '' })).toEqual({ ok: true, value: { customStatus: '' } });
    expect(errorOf(parseSetSelfStatusRequest({ customStatus: 'é'.repeat(51) }))).toBe('ERR_INVALID_PARAMETERS');
    expect(errorOf(parseSetSelfStatusRequest({ customStatus: 3 }))).toBe('ERR_INVALID_PARAMETERS');
    expect(errorOf(parseSetSelfStatusRequest({}))).toBe('ERR_INVALID_PARAMETERS');
  });

  it('takes 1..500 UserIDs to query and 1..100 to subscribe, duplicates dropped', () => {
    expect(parseGetStatusRequest({ userIDList: ['a', 'b', 'a'] })).toEqual({ ok: true, value: { userIDList: ['a', 'b'] } });
    expect(parseGetStatusRequest({ userIDList: ids(500) }).ok).toBe(true);
    expect(errorOf(parseGetStatusRequest({ userIDList: ids(501) }))).toBe('ERR_INVALID_PARAMETERS');
    expect(errorOf(parseGetStatusRequest({ userIDList: [] }))).toBe('ERR_INVALID_PARAMETERS');
    expect(parseSubscribeStatusRequest({ userIDList: ids(100) }).ok).toBe(true);
    expect(errorOf(parseSubscribeStatusRequest({ userIDList: ids(101) }))).toBe('ERR_INVALID_PARAMETERS');
    expect(errorOf(parseSubscribeStatusRequest({ userIDList: ['bad id!'] }))).toBe('ERR_INVALID_PARAMETERS');
  });

  it('reads an unsubscribe without a list, or with an empty one, as "every subscription"', () => {
    expect(parseUnsubscribeStatusRequest({})).toEqual({ ok: true, value: {} });
    expect(parseUnsubscribeStatusRequest({ userIDList: [] })).toEqual({ ok: true, value: {} });
    expect(parseUnsubscribeStatusRequest({ userIDList: ['a'] })).toEqual({ ok: true, value: { userIDList: ['a'] } });
    expect(errorOf(parseUnsubscribeStatusRequest({ userIDList: ids(101) }))).toBe('ERR_INVALID_PARAMETERS');
  });
});

describe('user-status answer parsers', () => {
  it('reads statuses and failures, and refuses a status type outside TYPES.USER_STATUS_*', () => {
    expect(parseGetStatusAnswer({ successUserList: [{ userID: 'a', statusType: 1, customStatus: '' }], failureUserList: [{ userID: 'b', code: 70107, message: 'x' }] }).ok).toBe(true);
    expect(parseStatusPush({ userStatusList: [{ userID: 'a', statusType: 4, customStatus: '' }] }).ok).toBe(false);
  });
});
