/**
 * The friend groups part of the `Store`: named groups of an owner's friends. Only friends can be in
 * a group; deleting a friendship takes the friend out of every group of the owner.
 */

/** A friend group. */
export interface FriendGroupRecord {
  readonly name: string;
  /** Its friends, in the order they were put in. */
  readonly userIDList: readonly string[];
}

/** What a member change did: the group after it, and the UserIDs it changed. */
export interface FriendGroupChange {
  readonly group: FriendGroupRecord;
  readonly changed: readonly string[];
}

/** What {@link FriendGroupStore.create} did. */
export type FriendGroupCreateOutcome = { readonly ok: true; readonly change: FriendGroupChange } | { readonly ok: false; readonly reason: 'exists' | 'full' };

/** Friend groups. An unknown app reads as empty; writes for it reject with 70020. */
export interface FriendGroupStore {
  /** The owner's groups, oldest first. */
  list(sdkAppID: number, owner: string): Promise<FriendGroupRecord[]>;
  /**
   * Creates a group with those of `userIDs` that are the owner's friends (`changed`); refuses when the
   * name is taken or the owner has `maxGroups` groups already.
   */
  create(sdkAppID: number, owner: string, name: string, userIDs: readonly string[], maxGroups: number, now: number): Promise<FriendGroupCreateOutcome>;
  /** Deletes a group (the friendships stay); resolves it as it was, or `undefined` when missing. */
  delete(sdkAppID: number, owner: string, name: string): Promise<FriendGroupRecord | undefined>;
  /** Renames a group; resolves it, `'missing'` or `'exists'` (the new name is taken). */
  rename(sdkAppID: number, owner: string, oldName: string, newName: string): Promise<FriendGroupRecord | 'missing' | 'exists'>;
  /** Puts those of `userIDs` that are friends and not yet in the group into it; `undefined` when the group is missing. */
  addMembers(sdkAppID: number, owner: string, name: string, userIDs: readonly string[]): Promise<FriendGroupChange | undefined>;
  /**
   * Puts the owner's friend `friend` in exactly the groups `names` and out of every other, creating
   * the missing groups at `now`, in one transaction; resolves the friend's groups after (by name),
   * `'not-friend'`, or `'full'` when the new groups would pass `maxGroups` (nothing written).
   */
  setGroupsOf(sdkAppID: number, owner: string, friend: string, names: readonly string[], maxGroups: number, now: number): Promise<string[] | 'not-friend' | 'full'>;
  /** Takes those of `userIDs` that are in the group out of it; `undefined` when the group is missing. */
  removeMembers(sdkAppID: number, owner: string, name: string, userIDs: readonly string[]): Promise<FriendGroupChange | undefined>;
}
