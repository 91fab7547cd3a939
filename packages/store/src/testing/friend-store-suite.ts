/** Conformance: friends (one row per direction, limits, consumed applications) and friend groups. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { FriendEdge, FriendRecord } from '../index.js';
import { testAppRecord } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;
const T0 = 1_700_000_000_000;
const LIMITS = { maxFriends: 3000, maxGroups: 32 };

const edge = (owner: string, friend: string, extra: Partial<FriendEdge> = {}): FriendEdge => ({ owner, friend, remark: '', groupName: '', source: 'AddSource_Type_Web', wording: '', ...extra });
const friend = (userID: string, extra: Partial<FriendRecord> = {}): FriendRecord => ({ userID, remark: '', groupList: [], source: 'AddSource_Type_Web', wording: '', addTime: T0, customFields: [], ...extra });

/** Registers the friend tests against the fixture's store. */
export function describeFriendContract(fx: StoreFixture): void {
  const app = (): Promise<void> => fx.store.apps.create(testAppRecord(APP));

  describe('friends.add and list', () => {
    it('writes one direction per edge, skips existing friends, and lists oldest first', async () => {
      await app();
      const first = await fx.store.friends.add(APP, [edge('alice', 'bob', { remark: 'B', wording: 'hi' }), edge('bob', 'alice')], T0, LIMITS);
      expect(first).toStrictEqual({ ok: true, added: [edge('alice', 'bob', { remark: 'B', wording: 'hi' }), edge('bob', 'alice')] });
      const again = await fx.store.friends.add(APP, [edge('alice', 'bob'), edge('alice', 'carol')], T0 + 1, LIMITS);
      expect(again).toStrictEqual({ ok: true, added: [edge('alice', 'carol')] });
      expect(await fx.store.friends.list(APP, 'alice')).toStrictEqual([friend('bob', { remark: 'B', wording: 'hi' }), friend('carol', { addTime: T0 + 1 })]);
      expect(await fx.store.friends.list(APP, 'carol')).toStrictEqual([]);
      expect(await fx.store.friends.links(APP, 'alice', ['bob', 'carol', 'dave'])).toStrictEqual([
        { userID: 'bob', inMine: true, inTheirs: true },
        { userID: 'carol', inMine: true, inTheirs: false },
        { userID: 'dave', inMine: false, inTheirs: false },
      ]);
    });

    it('names the owners of a user: both-way friends and one-way adders, in UserID order', async () => {
      await app();
      await fx.store.friends.add(APP, [edge('carol', 'alice'), edge('alice', 'bob'), edge('bob', 'alice'), edge('alice', 'dave')], T0, LIMITS);
      expect(await fx.store.friends.ownersOf(APP, 'alice')).toStrictEqual(['bob', 'carol']);
      expect(await fx.store.friends.ownersOf(APP, 'dave')).toStrictEqual(['alice']);
      await fx.store.friends.remove(APP, 'alice', ['bob'], true);
      expect(await fx.store.friends.ownersOf(APP, 'alice')).toStrictEqual(['carol']);
      expect(await fx.store.friends.ownersOf(APP + 1, 'alice')).toStrictEqual([]);
    });

    it('writes nothing when an owner would pass the friend limit, naming that owner', async () => {
      await app();
      await fx.store.friends.add(APP, [edge('bob', 'x')], T0, LIMITS);
      const outcome = await fx.store.friends.add(APP, [edge('alice', 'bob'), edge('bob', 'alice')], T0, { maxFriends: 1, maxGroups: 32 });
      expect(outcome).toStrictEqual({ ok: false, fullOwner: 'bob' });
      expect(await fx.store.friends.list(APP, 'alice')).toStrictEqual([]);
    });

    it("consumes the owner's pending application and puts the friend in the named group, created when missing", async () => {
      await app();
      await fx.store.friendApplications.put(APP, { from: 'alice', to: 'bob', source: 'AddSource_Type_Web', wording: '', remark: '', groupName: '', addType: 'Add_Type_Both', time: T0 }, 100);
      await fx.store.friends.add(APP, [edge('alice', 'bob', { groupName: 'Work' })], T0, LIMITS);
      expect(await fx.store.friendApplications.get(APP, 'alice', 'bob')).toBeUndefined();
      expect(await fx.store.friends.get(APP, 'alice', ['bob', 'nobody'])).toStrictEqual([friend('bob', { groupList: ['Work'] })]);
      expect(await fx.store.friendGroups.list(APP, 'alice')).toStrictEqual([{ name: 'Work', userIDList: ['bob'] }]);
    });

    it('consumes the application of an edge that already exists too, and nothing when refused', async () => {
      await app();
      const application = { from: 'alice', to: 'bob', source: 'AddSource_Type_Web', wording: '', remark: '', groupName: '', addType: 'Add_Type_Both' as const, time: T0 };
      await fx.store.friends.add(APP, [edge('alice', 'bob')], T0, LIMITS);
      await fx.store.friendApplications.put(APP, application, 100);
      expect(await fx.store.friends.add(APP, [edge('alice', 'bob'), edge('alice', 'carol')], T0, { maxFriends: 1, maxGroups: 32 })).toStrictEqual({ ok: false, fullOwner: 'alice' });
      expect(await fx.store.friendApplications.get(APP, 'alice', 'bob')).toStrictEqual(application);
      expect(await fx.store.friends.add(APP, [edge('alice', 'bob')], T0, LIMITS)).toStrictEqual({ ok: true, added: [] });
      expect(await fx.store.friendApplications.get(APP, 'alice', 'bob')).toBeUndefined();
    });

    it('rejects a write for an unknown app with 70020', async () => {
      await expectParleyRejection(fx.store.friends.add(999, [edge('a', 'b')], T0, LIMITS), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
      expect(await fx.store.friends.list(999, 'a')).toStrictEqual([]);
    });
  });

  describe('friends.remove, removeAll and update', () => {
    it('removes one way or both ways and takes the friend out of the owner groups', async () => {
      await app();
      await fx.store.friends.add(APP, [edge('alice', 'bob', { groupName: 'G' }), edge('bob', 'alice'), edge('alice', 'carol'), edge('carol', 'alice')], T0, LIMITS);
      expect(await fx.store.friends.remove(APP, 'alice', ['bob', 'nobody'], false)).toStrictEqual(['bob']);
      expect(await fx.store.friends.links(APP, 'alice', ['bob'])).toStrictEqual([{ userID: 'bob', inMine: false, inTheirs: true }]);
      expect(await fx.store.friendGroups.list(APP, 'alice')).toStrictEqual([{ name: 'G', userIDList: [] }]);
      expect(await fx.store.friends.remove(APP, 'alice', ['carol'], true)).toStrictEqual(['carol']);
      expect(await fx.store.friends.list(APP, 'carol')).toStrictEqual([]);
      await fx.store.friends.add(APP, [edge('alice', 'dave'), edge('dave', 'alice')], T0, LIMITS);
      expect(await fx.store.friends.removeAll(APP, 'alice', true)).toStrictEqual(['dave']);
      expect(await fx.store.friends.list(APP, 'dave')).toStrictEqual([]);
      expect(await fx.store.friends.list(APP, 'bob')).toStrictEqual([friend('alice')]);
    });

    it('updates the remark and merges custom fields by key, an empty value removing one', async () => {
      await app();
      await fx.store.friends.add(APP, [edge('alice', 'bob')], T0, LIMITS);
      await fx.store.friends.update(APP, 'alice', 'bob', { customFields: [{ key: 'Tag_SNS_Custom_B', value: '1' }, { key: 'Tag_SNS_Custom_A', value: '2' }] });
      const updated = await fx.store.friends.update(APP, 'alice', 'bob', { remark: 'Bobby', customFields: [{ key: 'Tag_SNS_Custom_B', value: '' }] });
      expect(updated).toStrictEqual(friend('bob', { remark: 'Bobby', customFields: [{ key: 'Tag_SNS_Custom_A', value: '2' }] }));
      expect(await fx.store.friends.get(APP, 'alice', ['bob'])).toStrictEqual([updated]);
      expect(await fx.store.friends.update(APP, 'alice', 'carol', { remark: 'x' })).toBeUndefined();
    });
  });
}

/** Registers the friend group tests against the fixture's store. */
export function describeFriendGroupContract(fx: StoreFixture): void {
  const withFriends = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
    await fx.store.friends.add(APP, [edge('alice', 'bob'), edge('alice', 'carol')], T0, LIMITS);
  };

  describe('friendGroups', () => {
    it('creates a group with the friends among the users, refusing a taken name and a full list', async () => {
      await withFriends();
      expect(await fx.store.friendGroups.create(APP, 'alice', 'A', ['bob', 'stranger'], 2, T0)).toStrictEqual({ ok: true, change: { group: { name: 'A', userIDList: ['bob'] }, changed: ['bob'] } });
      expect(await fx.store.friendGroups.create(APP, 'alice', 'A', [], 2, T0)).toStrictEqual({ ok: false, reason: 'exists' });
      await fx.store.friendGroups.create(APP, 'alice', 'B', [], 2, T0 + 1);
      expect(await fx.store.friendGroups.create(APP, 'alice', 'C', [], 2, T0 + 2)).toStrictEqual({ ok: false, reason: 'full' });
      expect(await fx.store.friendGroups.list(APP, 'alice')).toStrictEqual([{ name: 'A', userIDList: ['bob'] }, { name: 'B', userIDList: [] }]);
    });

    it('adds and removes members, reporting the users it changed', async () => {
      await withFriends();
      await fx.store.friendGroups.create(APP, 'alice', 'A', [], 32, T0);
      expect(await fx.store.friendGroups.addMembers(APP, 'alice', 'A', ['carol', 'bob', 'stranger'])).toStrictEqual({ group: { name: 'A', userIDList: ['carol', 'bob'] }, changed: ['carol', 'bob'] });
      expect(await fx.store.friendGroups.addMembers(APP, 'alice', 'A', ['bob'])).toStrictEqual({ group: { name: 'A', userIDList: ['carol', 'bob'] }, changed: [] });
      expect(await fx.store.friendGroups.removeMembers(APP, 'alice', 'A', ['carol', 'stranger'])).toStrictEqual({ group: { name: 'A', userIDList: ['bob'] }, changed: ['carol'] });
      expect(await fx.store.friendGroups.addMembers(APP, 'alice', 'missing', ['bob'])).toBeUndefined();
      expect(await fx.store.friendGroups.removeMembers(APP, 'alice', 'missing', ['bob'])).toBeUndefined();
    });

    it("sets a friend's groups exactly, creating the missing ones, and writes nothing for a stranger or past the limit", async () => {
      await withFriends();
      await fx.store.friendGroups.create(APP, 'alice', 'A', ['bob'], 32, T0);
      await fx.store.friendGroups.create(APP, 'alice', 'B', ['bob', 'carol'], 32, T0 + 1);
      expect(await fx.store.friendGroups.setGroupsOf(APP, 'alice', 'bob', ['B', 'C'], 32, T0 + 2)).toStrictEqual(['B', 'C']);
      expect(await fx.store.friendGroups.list(APP, 'alice')).toStrictEqual([
        { name: 'A', userIDList: [] },
        { name: 'B', userIDList: ['bob', 'carol'] },
        { name: 'C', userIDList: ['bob'] },
      ]);
      expect(await fx.store.friendGroups.setGroupsOf(APP, 'alice', 'stranger', ['A'], 32, T0)).toBe('not-friend');
      expect(await fx.store.friendGroups.setGroupsOf(APP, 'alice', 'carol', ['D', 'E'], 4, T0)).toBe('full');
      expect((await fx.store.friendGroups.list(APP, 'alice')).map((g) => g.name)).toStrictEqual(['A', 'B', 'C']);
      expect(await fx.store.friendGroups.setGroupsOf(APP, 'alice', 'bob', [], 32, T0)).toStrictEqual([]);
      expect(await fx.store.friends.get(APP, 'alice', ['bob'])).toMatchObject([{ groupList: [] }]);
    });

    it('renames (refusing a taken name) and deletes, leaving the friendships', async () => {
      await withFriends();
      await fx.store.friendGroups.create(APP, 'alice', 'A', ['bob'], 32, T0);
      await fx.store.friendGroups.create(APP, 'alice', 'B', [], 32, T0 + 1);
      expect(await fx.store.friendGroups.rename(APP, 'alice', 'A', 'B')).toBe('exists');
      expect(await fx.store.friendGroups.rename(APP, 'alice', 'X', 'Y')).toBe('missing');
      expect(await fx.store.friendGroups.rename(APP, 'alice', 'A', 'Z')).toStrictEqual({ name: 'Z', userIDList: ['bob'] });
      expect(await fx.store.friends.get(APP, 'alice', ['bob'])).toMatchObject([{ groupList: ['Z'] }]);
      expect(await fx.store.friendGroups.delete(APP, 'alice', 'Z')).toStrictEqual({ name: 'Z', userIDList: ['bob'] });
      expect(await fx.store.friendGroups.delete(APP, 'alice', 'Z')).toBeUndefined();
      expect(await fx.store.friends.get(APP, 'alice', ['bob'])).toMatchObject([{ groupList: [] }]);
    });
  });
}
