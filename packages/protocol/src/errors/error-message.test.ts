/** The one wording of an error message: the registry's message, then the detail. */
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../core/parley-error.js';
import { ERRORS } from './error-codes.js';
import { errorMessage } from './error-message.js';

describe('errorMessage', () => {
  it('appends the detail to the registry message, by name or by entry', () => {
    expect(errorMessage('ERR_SVR_GROUP_NOT_FOUND', 'g1')).toBe(`${ERRORS.ERR_SVR_GROUP_NOT_FOUND.message}: g1`);
    expect(errorMessage(ERRORS.ERR_SVR_GROUP_NOT_FOUND, 'g1')).toBe(`${ERRORS.ERR_SVR_GROUP_NOT_FOUND.message}: g1`);
  });

  it('is the registry message alone without a detail (or with an empty one)', () => {
    expect(errorMessage('PARLEY_BAD_REQUEST')).toBe(ERRORS.PARLEY_BAD_REQUEST.message);
    expect(errorMessage('PARLEY_BAD_REQUEST', '')).toBe(ERRORS.PARLEY_BAD_REQUEST.message);
  });

  it('is what ParleyError.of writes', () => {
    expect(ParleyError.of('PARLEY_BAD_REQUEST', 'x').message).toBe(errorMessage('PARLEY_BAD_REQUEST', 'x'));
  });
});
