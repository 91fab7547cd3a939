/**
 * The user-status part of the `Store`: each user's custom status with the last announced status type
 * (so every node agrees on what subscribers were last told), and each user's subscription list.
 * Whether a user is online comes from the session directory, not from here.
 */
import type { UserStatusType } from '@parley/protocol';

/** One user's stored status. */
export interface UserStatusRecord {
  readonly userID: string;
  /** The last status type announced for the user (`TYPES.USER_STATUS_*`). */
  readonly statusType: UserStatusType;
  /** The user's custom status; '' when none. */
  readonly customStatus: string;
}

/** A change of a user's stored status; a field left out is kept. */
export interface UserStatusPatch {
  readonly statusType?: UserStatusType;
  readonly customStatus?: string;
}

/** What {@link UserStatusStore.update} changed. */
export interface UserStatusChange {
  /** The record before, `undefined` when the user had none. */
  readonly before: UserStatusRecord | undefined;
  readonly after: UserStatusRecord;
}

/** User statuses and status subscriptions. A user without a record reads as unknown status, no custom status. */
export interface UserStatusStore {
  /** The records of the users among `userIDs` that have one, each once, in the order asked. */
  get(sdkAppID: number, userIDs: readonly string[]): Promise<UserStatusRecord[]>;
  /**
   * Applies `patch` to a user's record atomically (a missing record starts as status 0, custom
   * status ''); resolves the record before and after. Rejects with 70020 for an unknown app.
   */
  update(sdkAppID: number, userID: string, patch: UserStatusPatch): Promise<UserStatusChange>;
  /**
   * Puts `targets` at the end of `subscriber`'s subscription list (a target already there moves to the
   * end), then drops the earliest entries beyond `limit`, in one transaction. Rejects with 70020 for an
   * unknown app.
   */
  subscribe(sdkAppID: number, subscriber: string, targets: readonly string[], limit: number): Promise<void>;
  /** Removes `targets` from `subscriber`'s list, or every entry when `targets` is undefined. */
  unsubscribe(sdkAppID: number, subscriber: string, targets?: readonly string[]): Promise<void>;
  /** `subscriber`'s subscription list, earliest first. */
  subscriptions(sdkAppID: number, subscriber: string): Promise<string[]>;
  /** The users whose lists hold `target`, in no particular order. */
  subscribers(sdkAppID: number, target: string): Promise<string[]>;
}
