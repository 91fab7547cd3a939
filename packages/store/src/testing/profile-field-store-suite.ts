/** Conformance: custom profile field declarations (replace the whole list, read it back per app). */
import { describe, expect, it } from 'vitest';
import { ErrorCode, type ProfileFieldDeclaration } from '@parley/protocol';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;

const hobby: ProfileFieldDeclaration = { key: 'Tag_Profile_Custom_Hobby', type: 'string', maxLength: 64, read: ['app', 'admin'], write: ['app'] };
const score: ProfileFieldDeclaration = { key: 'Tag_Profile_Custom_Score', type: 'integer', maxLength: 0, read: ['admin'], write: ['admin'] };
const vip: ProfileFieldDeclaration = { key: 'Tag_Profile_Custom_Vip', type: 'string', maxLength: 500, read: ['app'], write: ['admin', 'app'] };

/** Registers the profile-field tests against the fixture's store. */
export function describeProfileFieldContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };

  describe('profileFields', () => {
    it('starts empty, returns a replaced list exactly and in order, per app', async () => {
      await withApps();
      expect(await fx.store.profileFields.list(APP)).toStrictEqual([]);
      await fx.store.profileFields.replace(APP, [score, hobby]);
      expect(await fx.store.profileFields.list(APP)).toStrictEqual([score, hobby]);
      expect(await fx.store.profileFields.list(OTHER_APP)).toStrictEqual([]);
    });

    it('replaces the whole list: fields left out are no longer declared', async () => {
      await withApps();
      await fx.store.profileFields.replace(APP, [hobby, score]);
      await fx.store.profileFields.replace(APP, [vip, { ...hobby, maxLength: 8 }]);
      expect(await fx.store.profileFields.list(APP)).toStrictEqual([vip, { ...hobby, maxLength: 8 }]);
      await fx.store.profileFields.replace(APP, []);
      expect(await fx.store.profileFields.list(APP)).toStrictEqual([]);
    });

    it('reads nothing for an unknown app and refuses to write for it with 70020', async () => {
      expect(await fx.store.profileFields.list(999)).toStrictEqual([]);
      await expectParleyRejection(fx.store.profileFields.replace(999, [hobby]), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
    });
  });
}
