import { describe, expect, it } from 'vitest';
import { ERRORS, ErrorCode } from '@parley/protocol';
import { appNotFoundError, groupNotFoundOutcome, storeClosedError, storeError } from './store-errors.js';

describe('store errors', () => {
  it('formats an internal error as the registry text and the detail, keeping cause and data', () => {
    const cause = new Error('SQLITE_BUSY');
    const error = storeError('the write failed', { cause, data: { table: 'apps' } });
    expect(error.code).toBe(ErrorCode.ERR_SVR_ACCOUNT_INTERNAL_ERROR);
    expect(error.message).toBe(`${ERRORS.ERR_SVR_ACCOUNT_INTERNAL_ERROR.message}: the write failed`);
    expect(error.cause).toBe(cause);
    expect(error.data).toStrictEqual({ table: 'apps' });
    expect(storeError('x').data).toStrictEqual({});
  });

  it('has one shape for a closed store, an unknown app and a missing group', () => {
    expect(storeClosedError().code).toBe(ErrorCode.PARLEY_SERVER_SHUTTING_DOWN);
    expect(appNotFoundError(7)).toMatchObject({ code: ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, message: expect.stringMatching(/SDKAppID 7$/) as string });
    expect(groupNotFoundOutcome('g1')).toStrictEqual({ ok: false, code: ErrorCode.ERR_SVR_GROUP_NOT_FOUND, reason: `${ERRORS.ERR_SVR_GROUP_NOT_FOUND.message}: g1` });
  });
});
