/** Conformance: follow edges, their counts, pages of the three lists, follow types and the following cap. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const OTHER_APP = 1400000002;
const T0 = 1_700_000_000_000;

/** Registers the follow tests against the fixture's store. */
export function describeFollowContract(fx: StoreFixture): void {
  const withApps = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.apps.create(testAppRecord(OTHER_APP));
  };
  const ids = async (listType: 'following' | 'followers' | 'mutual', userID: string): Promise<string[]> =>
    (await fx.store.follows.list(APP, userID, listType, '', 100)).entries.map((e) => e.userID);

  describe('follows.follow and unfollow', () => {
    it('adds edges once, keeps the counts (mutual ones too) and takes them back', async () => {
      await withApps();
      expect(await fx.store.follows.follow(APP, 'alice', ['bob', 'carol', 'bob'], 10, T0)).toStrictEqual(['followed', 'followed', 'already']);
      expect(await fx.store.follows.follow(APP, 'bob', ['alice'], 10, T0 + 1)).toStrictEqual(['followed']);
      expect(await fx.store.follows.counts(APP, ['alice', 'bob', 'carol', 'nobody'])).toStrictEqual([
        { userID: 'alice', followers: 1, following: 2, mutual: 1 },
        { userID: 'bob', followers: 1, following: 1, mutual: 1 },
        { userID: 'carol', followers: 1, following: 0, mutual: 0 },
        { userID: 'nobody', followers: 0, following: 0, mutual: 0 },
      ]);
      expect(await fx.store.follows.unfollow(APP, 'alice', ['bob', 'dave'])).toStrictEqual(['unfollowed', 'not-following']);
      expect(await fx.store.follows.counts(APP, ['alice', 'bob'])).toStrictEqual([
        { userID: 'alice', followers: 1, following: 1, mutual: 0 },
        { userID: 'bob', followers: 0, following: 1, mutual: 0 },
      ]);
      expect(await fx.store.follows.counts(OTHER_APP, ['alice'])).toStrictEqual([{ userID: 'alice', followers: 0, following: 0, mutual: 0 }]);
    });

    it('refuses follows past the cap one by one, and a write for an unknown app with 70020', async () => {
      await withApps();
      expect(await fx.store.follows.follow(APP, 'alice', ['u1', 'u2', 'u3'], 2, T0)).toStrictEqual(['followed', 'followed', 'limit']);
      expect(await fx.store.follows.follow(APP, 'alice', ['u1'], 2, T0)).toStrictEqual(['already']);
      expect(await ids('following', 'alice')).toStrictEqual(['u1', 'u2']);
      await expectParleyRejection(fx.store.follows.follow(999, 'alice', ['bob'], 10, T0), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
    });
  });

  describe('follows.list, check', () => {
    it('pages each list oldest first and reports follow types', async () => {
      await withApps();
      await fx.store.follows.follow(APP, 'alice', ['u1', 'u2', 'u3', 'bob'], 10, T0);
      await fx.store.follows.follow(APP, 'bob', ['alice'], 10, T0 + 5);
      await fx.store.follows.follow(APP, 'u2', ['alice'], 10, T0 + 6);
      const first = await fx.store.follows.list(APP, 'alice', 'following', '', 3);
      expect(first.entries).toStrictEqual([{ userID: 'u1', followTime: T0 }, { userID: 'u2', followTime: T0 }, { userID: 'u3', followTime: T0 }]);
      const second = await fx.store.follows.list(APP, 'alice', 'following', first.nextCursor, 3);
      expect(second).toStrictEqual({ entries: [{ userID: 'bob', followTime: T0 }], nextCursor: '' });
      expect(await ids('followers', 'alice')).toStrictEqual(['bob', 'u2']);
      expect(await ids('mutual', 'alice')).toStrictEqual(['u2', 'bob']);
      expect(await fx.store.follows.check(APP, 'alice', ['u1', 'bob', 'carol'])).toStrictEqual([
        { userID: 'u1', followType: 2 },
        { userID: 'bob', followType: 3 },
        { userID: 'carol', followType: 0 },
      ]);
      expect(await fx.store.follows.check(APP, 'u1', ['alice'])).toStrictEqual([{ userID: 'alice', followType: 1 }]);
    });
  });
}
