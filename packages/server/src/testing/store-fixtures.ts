/**
 * Record builders for tests of anything that uses a {@link Store}: valid, fully populated records
 * whose fields can be overridden one by one.
 */
import type { AppRecord, LoginSettings } from '../store/index.js';

/**
 * Login settings with a different instance limit on each platform, so a store that mixes platforms
 * up fails a round-trip comparison.
 */
export const TEST_LOGIN_SETTINGS: LoginSettings = Object.freeze({
  policy: 'triple',
  maxInstances: Object.freeze({ Web: 10, Android: 1, IPhone: 2, IPad: 3, Windows: 2, Mac: 1, Linux: 3 }),
});

/**
 * A valid active app with SDKAppID `sdkAppID`; `overrides` replaces whole fields.
 * Defaults: name `App <id>`, a 64-hex secret key derived from the id, admins `['administrator']`,
 * {@link TEST_LOGIN_SETTINGS}, no limits, createdAt 1,700,000,000,000 ms.
 */
export function testAppRecord(sdkAppID: number, overrides: Partial<AppRecord> = {}): AppRecord {
  return {
    sdkAppID,
    secretKey: sdkAppID.toString(16).padStart(64, 'a'),
    name: `App ${sdkAppID}`,
    admins: ['administrator'],
    status: 'active',
    loginSettings: TEST_LOGIN_SETTINGS,
    limits: {},
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}
