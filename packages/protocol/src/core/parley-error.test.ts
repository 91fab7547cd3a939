import { describe, expect, it } from 'vitest';
import { ERRORS } from '../errors/error-codes.js';
import { ParleyError } from './parley-error.js';

describe('ParleyError', () => {
  it('has the shape of Tencent\'s imError: an Error with code, message and data defaulting to {}', () => {
    const e = new ParleyError(2024);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ParleyError');
    expect(e.code).toBe(2024);
    expect(e.message).toBe(ERRORS.USER_NOT_LOGGED_IN.message);
    expect(e.data).toEqual({});
  });

  it('keeps an explicit message, data and cause', () => {
    const cause = new Error('socket reset');
    const e = new ParleyError(2800, 'lost', { closeCode: 1006 }, { cause });
    expect(e.message).toBe('lost');
    expect(e.data).toEqual({ closeCode: 1006 });
    expect(e.cause).toBe(cause);
  });

  it('falls back to "Error <code>" for a code outside the registry', () => {
    expect(new ParleyError(123456).message).toBe('Error 123456');
  });

  it('builds from a registry name with `of`, appending a detail to the registry message', () => {
    const e = ParleyError.of('ERR_SVR_ACCOUNT_USERSIG_EXPIRED', 'expired at 2026-01-01', { at: 1 });
    expect(e.code).toBe(70001);
    expect(e.message).toBe(`${ERRORS.ERR_SVR_ACCOUNT_USERSIG_EXPIRED.message}: expired at 2026-01-01`);
    expect(e.data).toEqual({ at: 1 });
    expect(ParleyError.of('LOGGED_OUT').message).toBe(ERRORS.LOGGED_OUT.message);
  });

  it('exposes the registry remediation, or undefined when there is none', () => {
    expect(ParleyError.of('ERR_SVR_ACCOUNT_FREQ_LIMIT').remediation).toBe(ERRORS.ERR_SVR_ACCOUNT_FREQ_LIMIT.remediation);
    expect(ParleyError.of('LOGGED_OUT').remediation).toBeUndefined();
    expect(new ParleyError(123456).remediation).toBeUndefined();
  });

  it('recognises its instances and look-alikes from another copy of the package, but not plain errors', () => {
    expect(ParleyError.is(ParleyError.of('LOGGED_OUT'))).toBe(true);
    const lookAlike = Object.assign(new Error('x'), { code: 1, data: {} });
    expect(ParleyError.is(lookAlike)).toBe(true);
    expect(ParleyError.is(new Error('x'))).toBe(false);
    expect(ParleyError.is({ code: 1, data: {} })).toBe(false);
    expect(ParleyError.is(undefined)).toBe(false);
  });
});
