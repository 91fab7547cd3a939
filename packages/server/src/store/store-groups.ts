/**
 * The group part of the `Store` seam: groups, their members with roles, and join applications.
 * Permission rules live in the server's group service; the store keeps the data consistent (member
 * counts, limits checked atomically, membership and per-member conversation state in step).
 */
import type { WireGroupType, WireMemberRole } from '@parley/protocol';

/** A group's own fields. */
export interface GroupRecord {
  readonly groupID: string;
  readonly type: WireGroupType;
  readonly name: string;
  readonly introduction: string;
  readonly notification: string;
  readonly avatar: string;
  /** Owner UserID, `''` for a group without owner. */
  readonly ownerID: string;
  /** Creation time, whole seconds. */
  readonly createTime: number;
  /** Most members; 0 = unlimited. */
  readonly maxMemberNum: number;
  /** `FreeAccess` | `NeedPermission` | `DisableApply`. */
  readonly joinOption: string;
  readonly muteAllMembers: boolean;
}

/** A group with its derived numbers. */
export interface GroupView extends GroupRecord {
  readonly memberNum: number;
  /** Highest message sequence of the group (0 = none). */
  readonly seq: number;
}

/** Fields of a group that can change. */
export type GroupPatch = Partial<Pick<GroupRecord, 'name' | 'introduction' | 'notification' | 'avatar' | 'joinOption' | 'muteAllMembers' | 'ownerID'>>;

/** A member of a group. */
export interface GroupMemberRecord {
  readonly userID: string;
  readonly role: WireMemberRole;
  /** Join time, whole seconds. */
  readonly joinTime: number;
  readonly nameCard: string;
}

/** What {@link GroupStore.addGroupMembers} did with one member. */
export type AddMemberResult = 'added' | 'already' | 'full';

/** A pending application to join a group. */
export interface GroupApplication {
  readonly userID: string;
  readonly message: string;
  /** Application time, whole seconds. */
  readonly time: number;
}

/** A group the user belongs to, with the user's own membership. */
export interface JoinedGroup {
  readonly group: GroupView;
  readonly member: GroupMemberRecord;
}

/** The group methods of the {@link Store}. Unknown apps: reads return nothing, writes reject with 70020. */
export interface GroupStore {
  /**
   * Creates a group with its first members (owner included), each starting with the group read.
   * Rejects with 10021 when the group ID is in use.
   */
  createGroup(sdkAppID: number, group: GroupRecord, members: readonly GroupMemberRecord[]): Promise<GroupView>;
  getGroup(sdkAppID: number, groupID: string): Promise<GroupView | undefined>;
  /** Applies `patch`; `undefined` if the group does not exist. */
  updateGroup(sdkAppID: number, groupID: string, patch: GroupPatch): Promise<GroupView | undefined>;
  /**
   * Deletes a group with its members, applications, messages and its members' conversation state;
   * returns the members it had (ordered by UserID), or `undefined` if it did not exist. The ID can be
   * used again afterwards.
   */
  deleteGroup(sdkAppID: number, groupID: string): Promise<string[] | undefined>;
  /**
   * Adds members in one transaction while the group has fewer than `limit` members (`'full'` for the
   * rest); existing members are left as they are (`'already'`). A new member starts with the group
   * read up to its current sequence, and any application of theirs is removed. Results are in input
   * order. Rejects with 10010 when the group does not exist.
   */
  addGroupMembers(sdkAppID: number, groupID: string, members: readonly GroupMemberRecord[], limit: number): Promise<AddMemberResult[]>;
  /** Removes members with their conversation state of the group; returns those that were members. */
  removeGroupMembers(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<string[]>;
  /** Sets a member's role; false if the user is not a member. */
  setGroupMemberRole(sdkAppID: number, groupID: string, userID: string, role: WireMemberRole): Promise<boolean>;
  /** The members among `userIDs`, in input order. */
  getGroupMembers(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<GroupMemberRecord[]>;
  /** A page of members ordered by UserID. */
  listGroupMembers(sdkAppID: number, groupID: string, offset: number, count: number): Promise<GroupMemberRecord[]>;
  /** Every group the user is a member of, ordered by GroupID. */
  listJoinedGroups(sdkAppID: number, userID: string): Promise<JoinedGroup[]>;
  /** Records (replaces) a user's application to join; rejects with 10010 when the group does not exist. */
  putGroupApplication(sdkAppID: number, groupID: string, application: GroupApplication): Promise<void>;
  /** Pending applications, oldest first. */
  listGroupApplications(sdkAppID: number, groupID: string): Promise<GroupApplication[]>;
  /** Removes an application; false if there was none. */
  deleteGroupApplication(sdkAppID: number, groupID: string, userID: string): Promise<boolean>;
}
