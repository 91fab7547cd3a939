/** The group-applications part of the `Store`: pending applications to join a group. */

/** A pending application to join a group. */
export interface GroupApplication {
  readonly userID: string;
  readonly message: string;
  /** Application time, whole seconds. */
  readonly time: number;
}

/**
 * Join applications, one per user and group. Adding the user as a member removes theirs (see
 * `GroupMemberStore.add`). Unknown apps: reads return nothing, writes reject with 70020.
 */
export interface GroupApplicationStore {
  /** Records (replaces) a user's application to join; rejects with 10010 when the group does not exist. */
  put(sdkAppID: number, groupID: string, application: GroupApplication): Promise<void>;
  /** Pending applications, oldest first. */
  list(sdkAppID: number, groupID: string): Promise<GroupApplication[]>;
  /** Removes an application; false if there was none. */
  delete(sdkAppID: number, groupID: string, userID: string): Promise<boolean>;
}
