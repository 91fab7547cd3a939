/**
 * The profile-fields part of the `Store`: the custom profile fields each app declares (Tencent's
 * console list). The profiles feature checks writes and filters reads against it.
 */
import type { ProfileFieldDeclaration } from '@parley/protocol';

/** Custom profile field declarations per app. Unknown apps: reads return nothing, writes reject with 70020. */
export interface ProfileFieldStore {
  /** The app's declarations, in the order they were set. */
  list(sdkAppID: number): Promise<ProfileFieldDeclaration[]>;
  /** Replaces the app's declarations with `fields` (checked by the caller: distinct keys) in one transaction. */
  replace(sdkAppID: number, fields: readonly ProfileFieldDeclaration[]): Promise<void>;
}
