import { describe, expect, it } from 'vitest';
import type { AppPatch, AppRecord } from './app-store.js';
import { patchAppRecord } from './app-records.js';

const app: AppRecord = {
  sdkAppID: 1,
  secretKey: 'k',
  name: 'One',
  admins: ['administrator'],
  status: 'active',
  loginSettings: { policy: 'dual', maxInstances: { Web: 1, Android: 1, IPhone: 1, IPad: 1, Windows: 1, Mac: 1, Linux: 1 } },
  limits: { maxAccounts: 5 },
  createdAt: 1000,
};

describe('patchAppRecord', () => {
  it('replaces only the fields present, as whole values, and ignores undefined ones', () => {
    // Plain JavaScript callers can pass `undefined` values that exactOptionalPropertyTypes forbids.
    const patched = patchAppRecord(app, { name: 'Two', limits: {}, admins: undefined } as unknown as AppPatch);
    expect(patched).toStrictEqual({ ...app, name: 'Two', limits: {} });
  });

  it('returns a frozen copy holding only the fields of AppRecord', () => {
    const withExtra = { ...app, extra: true } as AppRecord;
    const patched = patchAppRecord(withExtra, {});
    expect(patched).toStrictEqual(app);
    expect(Object.isFrozen(patched) && Object.isFrozen(patched.admins) && Object.isFrozen(patched.loginSettings.maxInstances)).toBe(true);
  });
});
