/**
 * The seam between the profiles feature and the others, both ways. Other features read profiles
 * through {@link ProfilePort} (the relationship chain reads the target's `allowType` and the nick
 * and avatar of applicants); the composition passes the profile service in. The profiles feature
 * asks {@link ProfileAudience} who besides the user hears of a profile change: Tencent's web SDK
 * reports PROFILE_UPDATED for the user's own profile and for friends' profiles, and who the friends
 * are is the relationship chain's business. Without an audience, a change reaches only the user's
 * own instances.
 */
import type { WireProfile } from '@parley/protocol';

/** The profiles feature as the other features see it. */
export interface ProfilePort {
  /** The profiles of the accounts among `userIDs` that exist, in the order asked. */
  get(sdkAppID: number, userIDs: readonly string[]): Promise<WireProfile[]>;
}

/** Who besides the user hears that the user's profile changed. */
export interface ProfileAudience {
  /** UserIDs (other than `userID`) that get `profile.updated` when `userID`'s profile changes. */
  audienceOf(sdkAppID: number, userID: string): Promise<readonly string[]>;
}

/** The audience when no feature provides one: nobody besides the user. */
export const NO_PROFILE_AUDIENCE: ProfileAudience = Object.freeze({ audienceOf: async () => [] });
