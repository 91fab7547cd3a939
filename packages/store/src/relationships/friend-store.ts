/**
 * The friends part of the `Store`: each user's friend list, one row per direction (a both-way
 * friendship is two rows). Deleting a friend takes the friend out of the owner's friend groups in the
 * same transaction; adding one consumes the owner's pending application to that user.
 */
import type { FriendCustomField } from '@parley/protocol';

/** One friend of an owner. */
export interface FriendRecord {
  /** The friend. */
  readonly userID: string;
  readonly remark: string;
  /** The owner's friend groups the friend is in, by name ascending. */
  readonly groupList: readonly string[];
  /** `AddSource_Type_<name>`. */
  readonly source: string;
  readonly wording: string;
  /** When the friendship was made, ms since the epoch. */
  readonly addTime: number;
  /** Custom fields, by key ascending. */
  readonly customFields: readonly FriendCustomField[];
}

/** One direction of a friendship to write: `owner` gets `friend` in its list. */
export interface FriendEdge {
  readonly owner: string;
  readonly friend: string;
  readonly remark: string;
  /** A friend group of the owner to put the friend in ('' for none); created when missing and the owner has fewer than `maxGroups`. */
  readonly groupName: string;
  readonly source: string;
  readonly wording: string;
}

/** Limits {@link FriendStore.add} checks inside its transaction. */
export interface FriendLimits {
  /** Most friends per user. */
  readonly maxFriends: number;
  /** Most friend groups per user (a group named by an edge is created only below it). */
  readonly maxGroups: number;
}

/** What {@link FriendStore.add} did: the edges written, or the owner whose list is full (nothing written). */
export type FriendAddOutcome = { readonly ok: true; readonly added: readonly FriendEdge[] } | { readonly ok: false; readonly fullOwner: string };

/** How two users relate, seen from `owner`. */
export interface FriendLink {
  readonly userID: string;
  /** `userID` is in `owner`'s friend list. */
  readonly inMine: boolean;
  /** `owner` is in `userID`'s friend list. */
  readonly inTheirs: boolean;
}

/** Changes of one friend: a new remark, custom fields set by key (`''` removes one). */
export interface FriendPatch {
  readonly remark?: string;
  readonly customFields?: readonly FriendCustomField[];
}

/** Friend lists. An unknown app reads as empty; writes for it reject with 70020. */
export interface FriendStore {
  /** The owner's friends, oldest friendship first (then by UserID). */
  list(sdkAppID: number, owner: string): Promise<FriendRecord[]>;
  /** The owner's friends among `userIDs`, in the order asked, each once. */
  get(sdkAppID: number, owner: string, userIDs: readonly string[]): Promise<FriendRecord[]>;
  /**
   * The users who have `userID` in their friend list (both-way friends and one-way adders), in
   * UserID order: who hears of `userID`'s profile changes.
   */
  ownersOf(sdkAppID: number, userID: string): Promise<string[]>;
  /** How `owner` and each of `userIDs` relate, in the order asked, each once. */
  links(sdkAppID: number, owner: string, userIDs: readonly string[]): Promise<FriendLink[]>;
  /**
   * Writes the edges atomically at `now` (ms): edges whose friend is already in the owner's list are
   * skipped (not in `added`). Each edge asked, written or skipped, deletes the owner's pending
   * application to the friend in the same transaction (accepting an application is one write).
   * When an owner would exceed `limits.maxFriends`, nothing is written and the outcome names the owner.
   */
  add(sdkAppID: number, edges: readonly FriendEdge[], now: number, limits: FriendLimits): Promise<FriendAddOutcome>;
  /**
   * Removes `userIDs` from `owner`'s list (and, when `both`, `owner` from theirs), taking them out of
   * the owners' friend groups; resolves the UserIDs that were in `owner`'s list.
   */
  remove(sdkAppID: number, owner: string, userIDs: readonly string[], both: boolean): Promise<string[]>;
  /** Removes every friend of `owner` (and `owner` from their lists when `both`); resolves the UserIDs removed from `owner`'s list. */
  removeAll(sdkAppID: number, owner: string, both: boolean): Promise<string[]>;
  /** Applies `patch` to one friend; resolves the new record, or `undefined` when `userID` is not the owner's friend. */
  update(sdkAppID: number, owner: string, userID: string, patch: FriendPatch): Promise<FriendRecord | undefined>;
}
