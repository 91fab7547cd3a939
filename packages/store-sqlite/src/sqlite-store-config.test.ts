import { describe, expect, it } from 'vitest';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_CHECKPOINT_INTERVAL_MS, resolveSqliteStoreConfig } from './sqlite-store-config.js';

describe('resolveSqliteStoreConfig', () => {
  it('defaults busyTimeoutMs to 5000 ms and checkpointIntervalMs to 200 ms', () => {
    expect(DEFAULT_BUSY_TIMEOUT_MS).toBe(5000);
    expect(DEFAULT_CHECKPOINT_INTERVAL_MS).toBe(200);
    expect(resolveSqliteStoreConfig({ path: 'x.db' })).toStrictEqual({ path: 'x.db', busyTimeoutMs: 5000, checkpointIntervalMs: 200 });
  });

  it('keeps given options', () => {
    expect(resolveSqliteStoreConfig({ path: ':memory:', busyTimeoutMs: 0, checkpointIntervalMs: 1 })).toStrictEqual({
      path: ':memory:',
      busyTimeoutMs: 0,
      checkpointIntervalMs: 1,
    });
  });

  it.each([
    [{ path: '' }, /path must be a non-empty/],
    [{ path: 'x.db', busyTimeoutMs: -1 }, /busyTimeoutMs must be an integer/],
    [{ path: 'x.db', busyTimeoutMs: 1.5 }, /busyTimeoutMs must be an integer/],
    [{ path: 'x.db', busyTimeoutMs: 2 ** 31 }, /busyTimeoutMs must be an integer in 0\.\.2147483647/],
    [{ path: 'x.db', checkpointIntervalMs: 0 }, /checkpointIntervalMs must be an integer in 1\.\.2147483647/],
    [{ path: 'x.db', checkpointIntervalMs: 2 ** 31 }, /checkpointIntervalMs must be an integer/],
  ])('rejects %j with 70402', (config, message) => {
    let thrown: unknown;
    try {
      resolveSqliteStoreConfig(config);
    } catch (error) {
      thrown = error;
    }
    if (!ParleyError.is(thrown)) throw new Error('expected a ParleyError');
    expect(thrown.code).toBe(ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS);
    expect(thrown.message).toMatch(message);
  });
});
