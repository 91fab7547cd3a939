/**
 * The profiles part of the `Store`: each account's profile in the fields of Tencent's `Profile`.
 * `nick` and `avatar` are the account's `nick` and `faceUrl` (what REST `account_import` writes),
 * so a profile and an account never disagree; the other fields belong to the profile.
 */
import type { ProfileAllowType, ProfileCustomField, ProfileForbidType, ProfileGender, ProfilePatch } from '@parley/protocol';

/** One account's profile. */
export interface ProfileRecord {
  readonly userID: string;
  /** The account's nick. */
  readonly nick: string;
  /** The account's face URL. */
  readonly avatar: string;
  readonly gender: ProfileGender;
  readonly birthday: number;
  readonly location: string;
  readonly selfSignature: string;
  readonly allowType: ProfileAllowType;
  readonly language: number;
  readonly level: number;
  readonly role: number;
  readonly messageSettings: number;
  readonly adminForbidType: ProfileForbidType;
  /** Custom fields, by key ascending. */
  readonly customFields: readonly ProfileCustomField[];
  /** Last `update`, ms since the epoch; 0 when never updated. */
  readonly updatedAt: number;
}

/** A change of some profile fields; custom fields are set by key, the others kept. */
export type ProfileRecordPatch = ProfilePatch;

/** Profiles. An account that does not exist has no profile. */
export interface ProfileStore {
  /** The profiles of the accounts among `userIDs` that exist, each once, in the order asked. */
  get(sdkAppID: number, userIDs: readonly string[]): Promise<ProfileRecord[]>;
  /**
   * Applies `patch` to one account's profile atomically and stamps `now` (ms); resolves the new
   * profile, or `undefined` when the account does not exist. Rejects with 70020 for an unknown app.
   */
  update(sdkAppID: number, userID: string, patch: ProfileRecordPatch, now: number): Promise<ProfileRecord | undefined>;
}
