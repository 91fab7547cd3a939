/**
 * The friend applications part of the `Store`: pending requests from one user to another, and the
 * time each user last read the requests sent to them (the unread count is the requests newer than it).
 */
import type { AddType } from '@parley/protocol';

/** A pending friend application from `from` to `to`. */
export interface FriendApplicationRecord {
  readonly from: string;
  readonly to: string;
  readonly source: string;
  readonly wording: string;
  /** The remark and friend group `from` gives `to` once accepted. */
  readonly remark: string;
  readonly groupName: string;
  /** Both-way or one-way, as asked. */
  readonly addType: AddType;
  /** When it was sent, ms since the epoch. */
  readonly time: number;
}

/** A user's applications, both directions, and when the user last read them. */
export interface FriendApplicationList {
  /** Sent to or by the user, newest first. */
  readonly applications: readonly FriendApplicationRecord[];
  /** When the user last marked the applications sent to them read, ms; 0 when never. */
  readonly readAt: number;
}

/** Friend applications. An unknown app reads as empty; writes for it reject with 70020. */
export interface FriendApplicationStore {
  /** The applications sent to or by `userID`. */
  list(sdkAppID: number, userID: string): Promise<FriendApplicationList>;
  /** The application from `from` to `to`, if pending. */
  get(sdkAppID: number, from: string, to: string): Promise<FriendApplicationRecord | undefined>;
  /**
   * Stores an application, replacing an earlier one from the same sender to the same user; resolves
   * false (nothing written) when `to` already has `maxPending` other applications pending.
   */
  put(sdkAppID: number, application: FriendApplicationRecord, maxPending: number): Promise<boolean>;
  /** Deletes the application from `from` to `to`; resolves whether there was one. */
  delete(sdkAppID: number, from: string, to: string): Promise<boolean>;
  /** Marks the applications sent to `userID` read at `now` (ms). */
  markRead(sdkAppID: number, userID: string, now: number): Promise<void>;
}
