import { describe, expect, it } from 'vitest';
import { ERRORS } from './error-codes.js';
import { refusal } from './refusal.js';

describe('refusal', () => {
  it('carries the registry code and the registry wording with the detail', () => {
    expect(refusal('ERR_SVR_GROUP_NOT_FOUND', 'g1')).toEqual({ ok: false, code: 10010, reason: `${ERRORS.ERR_SVR_GROUP_NOT_FOUND.message}: g1` });
  });

  it('words a refusal without detail as the registry message alone, and keeps data when given', () => {
    expect(refusal('ERR_SVR_ACCOUNT_USERSIG_EMPTY')).toEqual({ ok: false, code: ERRORS.ERR_SVR_ACCOUNT_USERSIG_EMPTY.code, reason: ERRORS.ERR_SVR_ACCOUNT_USERSIG_EMPTY.message });
    expect(refusal('ERR_SVR_GROUP_NOT_FOUND', 'x', { groupID: 'x' }).data).toEqual({ groupID: 'x' });
  });
});
