/** Conformance: profiles (get many, partial update), sharing nick and avatar with accounts. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { ProfileRecord } from '../index.js';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;
const T0 = 1_700_000_000_000;
const T1 = T0 + 60_000;

const fresh = (userID: string, nick = '', avatar = ''): ProfileRecord => ({
  userID,
  nick,
  avatar,
  gender: 'Gender_Type_Unknown',
  birthday: 0,
  location: '',
  selfSignature: '',
  allowType: 'AllowType_Type_NeedConfirm',
  language: 0,
  level: 0,
  role: 0,
  messageSettings: 0,
  adminForbidType: 'AdminForbid_Type_None',
  customFields: [],
  updatedAt: 0,
});

/** Registers the profile tests against the fixture's store. */
export function describeProfileContract(fx: StoreFixture): void {
  const withAccounts = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
    await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'Alice', faceUrl: 'a.png' }, { userID: 'bob' }], T0);
  };

  describe('profiles.get', () => {
    it('reads the accounts that exist, each once, in the order asked, with the imported nick and face URL', async () => {
      await withAccounts();
      expect(await fx.store.profiles.get(APP, ['bob', 'nobody', 'alice', 'bob'])).toStrictEqual([fresh('bob'), fresh('alice', 'Alice', 'a.png')]);
    });

    it('reads nothing for an unknown app or another app', async () => {
      await withAccounts();
      expect(await fx.store.profiles.get(999, ['alice'])).toStrictEqual([]);
      expect(await fx.store.profiles.get(OTHER_APP, ['alice'])).toStrictEqual([]);
    });
  });

  describe('profiles.names', () => {
    it('returns only nick and avatar of the accounts that exist, each once, in the order asked, as updates and imports leave them', async () => {
      await withAccounts();
      expect(await fx.store.profiles.names(APP, ['bob', 'nobody', 'alice', 'bob'])).toStrictEqual([
        { userID: 'bob', nick: '', avatar: '' },
        { userID: 'alice', nick: 'Alice', avatar: 'a.png' },
      ]);
      await fx.store.profiles.update(APP, 'bob', { nick: 'Bob', avatar: 'b.png' }, T1);
      expect(await fx.store.profiles.names(APP, ['bob'])).toStrictEqual([{ userID: 'bob', nick: 'Bob', avatar: 'b.png' }]);
      expect(await fx.store.profiles.names(OTHER_APP, ['alice'])).toStrictEqual([]);
      expect(await fx.store.profiles.names(999, ['alice'])).toStrictEqual([]);
    });
  });

  describe('profiles.update', () => {
    it('changes only the given fields, merges custom fields by key and stamps the time', async () => {
      await withAccounts();
      await fx.store.profiles.update(APP, 'bob', { gender: 'Gender_Type_Male', profileCustomField: [{ key: 'Tag_Profile_Custom_B', value: 'x' }, { key: 'Tag_Profile_Custom_A', value: 1 }] }, T0);
      const updated = await fx.store.profiles.update(APP, 'bob', { nick: 'Bob', level: 3, profileCustomField: [{ key: 'Tag_Profile_Custom_B', value: 'y' }] }, T1);
      const expected: ProfileRecord = {
        ...fresh('bob', 'Bob'),
        gender: 'Gender_Type_Male',
        level: 3,
        customFields: [{ key: 'Tag_Profile_Custom_A', value: 1 }, { key: 'Tag_Profile_Custom_B', value: 'y' }],
        updatedAt: T1,
      };
      expect(updated).toStrictEqual(expected);
      expect(await fx.store.profiles.get(APP, ['bob'])).toStrictEqual([expected]);
    });

    it('writes nick and avatar through to the account, and reads an import made later', async () => {
      await withAccounts();
      await fx.store.profiles.update(APP, 'alice', { nick: 'Alicia', avatar: 'b.png', selfSignature: 'hi' }, T1);
      expect(await fx.store.accounts.get(APP, ['alice'])).toStrictEqual([{ userID: 'alice', nick: 'Alicia', faceUrl: 'b.png', createdAt: T0 }]);
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'Al' }], T1);
      expect(await fx.store.profiles.get(APP, ['alice'])).toMatchObject([{ nick: 'Al', avatar: 'b.png', selfSignature: 'hi' }]);
    });

    it('resolves undefined for an account that does not exist, and rejects an unknown app with 70020', async () => {
      await withAccounts();
      expect(await fx.store.profiles.update(APP, 'nobody', { nick: 'x' }, T1)).toBeUndefined();
      await expectParleyRejection(fx.store.profiles.update(999, 'alice', { nick: 'x' }, T1), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
    });

    it('forgets the profile with the account', async () => {
      await withAccounts();
      await fx.store.profiles.update(APP, 'bob', { level: 2 }, T1);
      await fx.store.accounts.delete(APP, ['bob']);
      await fx.store.accounts.import(APP, [{ userID: 'bob' }], T1);
      expect(await fx.store.profiles.get(APP, ['bob'])).toStrictEqual([fresh('bob')]);
    });
  });
}
