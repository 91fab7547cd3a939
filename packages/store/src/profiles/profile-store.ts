/**
 * The profiles part of the `Store`: each account's profile in the fields of Tencent's `Profile`.
 * `nick` and `avatar` are the account's `nick` and `faceUrl` (what REST `account_import` writes),
 * so a profile and an account never disagree; the other fields belong to the profile.
 */
import type { ProfileCustomField, ProfilePatch, WireProfile } from '@parley/protocol';

/**
 * One account's profile: the wire `Profile` fields, except that the store keeps custom fields as
 * `customFields` (by key ascending) and the last change as `updatedAt` in ms (the wire says
 * `profileCustomField` and `lastUpdatedTime` in seconds). `nick` and `avatar` are the account's nick
 * and face URL.
 */
export interface ProfileRecord extends Omit<WireProfile, 'profileCustomField' | 'lastUpdatedTime'> {
  /** Custom fields, by key ascending. */
  readonly customFields: readonly ProfileCustomField[];
  /** Last `update`, ms since the epoch; 0 when never updated. */
  readonly updatedAt: number;
}

/** A change of some profile fields; custom fields are set by key, the others kept. */
export type ProfileRecordPatch = ProfilePatch;

/** A user's display names: the profile's nick and avatar. */
export interface ProfileNames {
  readonly userID: string;
  readonly nick: string;
  readonly avatar: string;
}

/** Profiles. An account that does not exist has no profile. */
export interface ProfileStore {
  /** The profiles of the accounts among `userIDs` that exist, each once, in the order asked. */
  get(sdkAppID: number, userIDs: readonly string[]): Promise<ProfileRecord[]>;
  /**
   * Only the nick and avatar of the accounts among `userIDs` that exist, each once, in the order
   * asked: what every message send reads, so it must cost no more than a keyed read of two values.
   */
  names(sdkAppID: number, userIDs: readonly string[]): Promise<ProfileNames[]>;
  /**
   * Applies `patch` to one account's profile atomically and stamps `now` (ms); resolves the new
   * profile, or `undefined` when the account does not exist. Rejects with 70020 for an unknown app.
   */
  update(sdkAppID: number, userID: string, patch: ProfileRecordPatch, now: number): Promise<ProfileRecord | undefined>;
}
