/**
 * What the profiles feature asks of other features. Tencent's web SDK reports PROFILE_UPDATED for
 * the user's own profile and for friends' profiles; who the friends are is the friends feature's
 * business, so the profiles service asks this port. The composition passes the friends feature's
 * implementation; without one, a change reaches only the user's own instances.
 */

/** Who besides the user hears that the user's profile changed. */
export interface ProfileAudience {
  /** UserIDs (other than `userID`) that get `profile.updated` when `userID`'s profile changes. */
  audienceOf(sdkAppID: number, userID: string): Promise<readonly string[]>;
}

/** The audience when no feature provides one: nobody besides the user. */
export const NO_PROFILE_AUDIENCE: ProfileAudience = Object.freeze({ audienceOf: async () => [] });
