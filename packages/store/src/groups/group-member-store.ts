/**
 * The group-members part of the `Store`: who belongs to a group, with which role. Adding and
 * removing members keeps each member's conversation state of the group in step, in the same
 * transaction.
 */
import type { WireMemberRole } from '@parley/protocol';

/** A member of a group. */
export interface GroupMemberRecord {
  readonly userID: string;
  readonly role: WireMemberRole;
  /** Join time, whole seconds. */
  readonly joinTime: number;
  readonly nameCard: string;
}

/** What {@link GroupMemberStore.add} did with one member. */
export type AddMemberResult = 'added' | 'already' | 'full';

/** Group members. Unknown apps: reads return nothing, writes reject with 70020. */
export interface GroupMemberStore {
  /**
   * Adds members in one transaction while the group has fewer than `limit` members (`'full'` for the
   * rest); existing members are left as they are (`'already'`). A new member starts with the group
   * read up to its current sequence, and any application of theirs is removed. Results are in input
   * order. Rejects with 10010 when the group does not exist.
   */
  add(sdkAppID: number, groupID: string, members: readonly GroupMemberRecord[], limit: number): Promise<AddMemberResult[]>;
  /** Removes members with their conversation state of the group; returns those that were members. */
  remove(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<string[]>;
  /** Sets a member's role; false if the user is not a member. */
  setRole(sdkAppID: number, groupID: string, userID: string, role: WireMemberRole): Promise<boolean>;
  /** The members among `userIDs`, in input order, each once. */
  get(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<GroupMemberRecord[]>;
  /** A page of members ordered by UserID: `count` members after skipping `offset`. */
  list(sdkAppID: number, groupID: string, offset: number, count: number): Promise<GroupMemberRecord[]>;
}
