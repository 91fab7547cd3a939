/**
 * The profile audience the relationship chain gives the profiles feature. Tencent's web SDK raises
 * PROFILE_UPDATED for friends' profiles too, so everyone who has the user in their friend list
 * (both-way friends and one-way adders) hears of the user's profile changes.
 */
import type { FriendStore } from '@parley/store';
import type { ProfileAudience } from '../profiles/profile-port.js';

/** The users who have the changed user in their friend list, read from `friends` at each change. */
export function friendAudience(friends: FriendStore): ProfileAudience {
  return { audienceOf: (sdkAppID, userID) => friends.ownersOf(sdkAppID, userID) };
}
