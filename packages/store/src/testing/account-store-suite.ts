/** Conformance: accounts (import, ensure, get, delete, count), per-app isolation and concurrency. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { AccountRecord } from '../index.js';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, tryMutate, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;
const T0 = 1_700_000_000_000;
const T1 = T0 + 60_000;

const byUserID = (a: { userID: string }, b: { userID: string }): number => (a.userID < b.userID ? -1 : a.userID > b.userID ? 1 : 0);
const sorted = (ids: readonly string[]): string[] => [...ids].sort();

/** Registers the account tests against the fixture's store. */
export function describeAccountContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };

  describe('accounts.import', () => {
    it('creates missing accounts with the given nick and faceUrl, empty when not given', async () => {
      await withApps();
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'Alice', faceUrl: 'https://x/a.png' }, { userID: 'bob' }], T0);
      const accounts = (await fx.store.accounts.get(APP, ['alice', 'bob'])).sort(byUserID);
      expect(accounts).toStrictEqual<AccountRecord[]>([
        { userID: 'alice', nick: 'Alice', faceUrl: 'https://x/a.png', createdAt: T0 },
        { userID: 'bob', nick: '', faceUrl: '', createdAt: T0 },
      ]);
    });

    it('updates nick and faceUrl of existing accounts only when given, keeping createdAt', async () => {
      await withApps();
      await fx.store.accounts.import(APP, [
        { userID: 'alice', nick: 'Alice', faceUrl: 'a.png' },
        { userID: 'bob', nick: 'Bob', faceUrl: 'b.png' },
        { userID: 'carol', nick: 'Carol', faceUrl: 'c.png' },
      ], T0);
      await fx.store.accounts.import(APP, [
        { userID: 'alice', nick: 'Alicia' },
        { userID: 'bob', faceUrl: 'b2.png' },
        { userID: 'carol' },
      ], T1);
      expect((await fx.store.accounts.get(APP, ['alice', 'bob', 'carol'])).sort(byUserID)).toStrictEqual<AccountRecord[]>([
        { userID: 'alice', nick: 'Alicia', faceUrl: 'a.png', createdAt: T0 },
        { userID: 'bob', nick: 'Bob', faceUrl: 'b2.png', createdAt: T0 },
        { userID: 'carol', nick: 'Carol', faceUrl: 'c.png', createdAt: T0 },
      ]);
    });

    it('treats an empty nick or faceUrl as given and clears the field', async () => {
      await withApps();
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'Alice', faceUrl: 'a.png' }], T0);
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: '', faceUrl: '' }], T1);
      expect(await fx.store.accounts.get(APP, ['alice'])).toStrictEqual([{ userID: 'alice', nick: '', faceUrl: '', createdAt: T0 }]);
    });

    it('applies repeated entries of one batch in order, the last given value winning', async () => {
      await withApps();
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'First', faceUrl: 'f.png' }, { userID: 'alice', nick: 'Second' }], T0);
      expect(await fx.store.accounts.get(APP, ['alice'])).toStrictEqual([{ userID: 'alice', nick: 'Second', faceUrl: 'f.png', createdAt: T0 }]);
      expect(await fx.store.accounts.count(APP)).toBe(1);
    });

    it('round-trips nicks with quotes, emoji and non-Latin letters', async () => {
      await withApps();
      const nick = `O'Brien "the" \\ 小明 🎉`;
      await fx.store.accounts.import(APP, [{ userID: 'u_1-x', nick, faceUrl: 'https://cdn.example/a b.png?x=1&y="2"' }], T0);
      expect(await fx.store.accounts.get(APP, ['u_1-x'])).toStrictEqual([
        { userID: 'u_1-x', nick, faceUrl: 'https://cdn.example/a b.png?x=1&y="2"', createdAt: T0 },
      ]);
    });
  });

  describe('accounts.ensure', () => {
    it('creates only the missing accounts and returns exactly their UserIDs', async () => {
      await withApps();
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'Alice' }], T0);
      const created = await fx.store.accounts.ensure(APP, ['alice', 'bob', 'carol'], T1);
      expect(sorted(created)).toStrictEqual(['bob', 'carol']);
      expect((await fx.store.accounts.get(APP, ['alice', 'bob', 'carol'])).sort(byUserID)).toStrictEqual<AccountRecord[]>([
        { userID: 'alice', nick: 'Alice', faceUrl: '', createdAt: T0 },
        { userID: 'bob', nick: '', faceUrl: '', createdAt: T1 },
        { userID: 'carol', nick: '', faceUrl: '', createdAt: T1 },
      ]);
    });

    it('creates and reports a UserID repeated in the input once', async () => {
      await withApps();
      const created = await fx.store.accounts.ensure(APP, ['bob', 'bob', 'carol', 'bob'], T0);
      expect(sorted(created)).toStrictEqual(['bob', 'carol']);
      expect(await fx.store.accounts.count(APP)).toBe(2);
    });

    it('returns an empty array when every account exists or the input is empty', async () => {
      await withApps();
      await fx.store.accounts.ensure(APP, ['alice'], T0);
      expect(await fx.store.accounts.ensure(APP, ['alice'], T1)).toStrictEqual([]);
      expect(await fx.store.accounts.ensure(APP, [], T1)).toStrictEqual([]);
    });

    it('creates a batch of 2,000 accounts in one call', async () => {
      await withApps();
      const ids = Array.from({ length: 2000 }, (_, i) => `user${i}`);
      expect(await fx.store.accounts.ensure(APP, ids, T0)).toHaveLength(2000);
      expect(await fx.store.accounts.count(APP)).toBe(2000);
      expect(await fx.store.accounts.get(APP, ids)).toHaveLength(2000);
    });

    it('creates each UserID exactly once across 50 concurrent overlapping calls', async () => {
      await withApps();
      // Call i asks for user i..i+9: neighbouring calls overlap on 9 ids; 59 ids in all.
      const calls = Array.from({ length: 50 }, (_, i) => Array.from({ length: 10 }, (_, j) => `user${i + j}`));
      const results = await Promise.all(calls.map((ids) => fx.store.accounts.ensure(APP, ids, T0)));
      const allCreated = results.flat();
      const distinct = new Set(calls.flat());
      expect(distinct.size).toBe(59);
      expect(allCreated).toHaveLength(distinct.size);
      expect(new Set(allCreated)).toStrictEqual(distinct);
      results.forEach((created, i) => expect(calls[i]).toEqual(expect.arrayContaining(created)));
      expect(await fx.store.accounts.count(APP)).toBe(59);
    });
  });

  describe('accounts.get, delete and count', () => {
    it('returns only the accounts that exist, each once', async () => {
      await withApps();
      await fx.store.accounts.ensure(APP, ['alice', 'bob'], T0);
      const found = await fx.store.accounts.get(APP, ['bob', 'nobody', 'bob', 'alice']);
      expect(found.sort(byUserID).map((a) => a.userID)).toStrictEqual(['alice', 'bob']);
      expect(await fx.store.accounts.get(APP, [])).toStrictEqual([]);
    });

    it('deletes accounts and returns only those that existed, each once', async () => {
      await withApps();
      await fx.store.accounts.ensure(APP, ['alice', 'bob', 'carol'], T0);
      const deleted = await fx.store.accounts.delete(APP, ['bob', 'nobody', 'carol', 'bob']);
      expect(sorted(deleted)).toStrictEqual(['bob', 'carol']);
      expect((await fx.store.accounts.get(APP, ['alice', 'bob', 'carol'])).map((a) => a.userID)).toStrictEqual(['alice']);
      expect(await fx.store.accounts.delete(APP, ['bob'])).toStrictEqual([]);
    });

    it('lets a deleted account be created again with a new createdAt and empty profile', async () => {
      await withApps();
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'Alice' }], T0);
      await fx.store.accounts.delete(APP, ['alice']);
      expect(await fx.store.accounts.ensure(APP, ['alice'], T1)).toStrictEqual(['alice']);
      expect(await fx.store.accounts.get(APP, ['alice'])).toStrictEqual([{ userID: 'alice', nick: '', faceUrl: '', createdAt: T1 }]);
    });

    it('counts the accounts of an app through creations and deletions', async () => {
      await withApps();
      expect(await fx.store.accounts.count(APP)).toBe(0);
      await fx.store.accounts.ensure(APP, ['a', 'b', 'c'], T0);
      await fx.store.accounts.import(APP, [{ userID: 'c', nick: 'C' }, { userID: 'd' }], T0);
      expect(await fx.store.accounts.count(APP)).toBe(4);
      await fx.store.accounts.delete(APP, ['a', 'x']);
      expect(await fx.store.accounts.count(APP)).toBe(3);
    });

    it('treats an unknown app as having no accounts', async () => {
      expect(await fx.store.accounts.get(999, ['alice'])).toStrictEqual([]);
      expect(await fx.store.accounts.delete(999, ['alice'])).toStrictEqual([]);
      expect(await fx.store.accounts.count(999)).toBe(0);
    });

    it('ignores changes to returned accounts', async () => {
      await withApps();
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'Alice' }], T0);
      const [account] = await fx.store.accounts.get(APP, ['alice']);
      if (account === undefined) throw new Error('expected an account');
      tryMutate(() => ((account as { nick: string }).nick = 'mutated'));
      expect(await fx.store.accounts.get(APP, ['alice'])).toStrictEqual([{ userID: 'alice', nick: 'Alice', faceUrl: '', createdAt: T0 }]);
    });
  });

  describe('accounts belong to one app', () => {
    it('keeps the same UserID in two apps independent', async () => {
      await withApps();
      await fx.store.accounts.import(APP, [{ userID: 'alice', nick: 'In A' }], T0);
      expect(await fx.store.accounts.ensure(OTHER_APP, ['alice'], T1)).toStrictEqual(['alice']);
      await fx.store.accounts.import(OTHER_APP, [{ userID: 'alice', nick: 'In B' }], T1);
      expect(await fx.store.accounts.get(APP, ['alice'])).toStrictEqual([{ userID: 'alice', nick: 'In A', faceUrl: '', createdAt: T0 }]);
      expect(await fx.store.accounts.get(OTHER_APP, ['alice'])).toStrictEqual([{ userID: 'alice', nick: 'In B', faceUrl: '', createdAt: T1 }]);
      expect(await fx.store.accounts.delete(OTHER_APP, ['alice'])).toStrictEqual(['alice']);
      expect(await fx.store.accounts.count(APP)).toBe(1);
      expect(await fx.store.accounts.count(OTHER_APP)).toBe(0);
    });

    it('rejects account writes for an unknown app (70020) without creating it', async () => {
      await expectParleyRejection(fx.store.accounts.import(999, [{ userID: 'alice' }], T0), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
      await expectParleyRejection(fx.store.accounts.ensure(999, ['alice'], T0), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND, /999/);
      await expectParleyRejection(fx.store.accounts.ensure(999, [], T0), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
      expect(await fx.store.accounts.count(999)).toBe(0);
      expect(await fx.store.apps.get(999)).toBeUndefined();
    });
  });
}
