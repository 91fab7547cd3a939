/**
 * The groups part of the `Store`: groups with their own fields and derived numbers, and the groups a
 * user belongs to. Members and join applications are parts of their own. Permission rules live in
 * the server's group service; the store keeps the data consistent (member counts, membership and
 * per-member conversation state in step).
 */
import type { WireGroupType } from '@parley/protocol';
import type { GroupMemberRecord } from './group-member-store.js';

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

/** A group the user belongs to, with the user's own membership. */
export interface JoinedGroup {
  readonly group: GroupView;
  readonly member: GroupMemberRecord;
}

/** Groups. Unknown apps: reads return nothing, writes reject with 70020. */
export interface GroupStore {
  /**
   * Creates a group with its first members (owner included), each starting with the group read.
   * Rejects with 10021 when the group ID is in use.
   */
  create(sdkAppID: number, group: GroupRecord, members: readonly GroupMemberRecord[]): Promise<GroupView>;
  /** The group, or `undefined` if it does not exist. */
  get(sdkAppID: number, groupID: string): Promise<GroupView | undefined>;
  /** Applies `patch` (see `patchGroupRecord`); `undefined` if the group does not exist. */
  update(sdkAppID: number, groupID: string, patch: GroupPatch): Promise<GroupView | undefined>;
  /**
   * Deletes a group with its members, applications, messages and its members' conversation state,
   * in one transaction; returns the members it had (ordered by UserID), or `undefined` if it did not
   * exist. The ID can be used again afterwards.
   */
  delete(sdkAppID: number, groupID: string): Promise<string[] | undefined>;
  /** Every group the user is a member of, ordered by GroupID. */
  listJoined(sdkAppID: number, userID: string): Promise<JoinedGroup[]>;
}
