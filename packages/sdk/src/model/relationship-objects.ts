/**
 * Tencent's relationship objects as the web SDK hands them out: `Friend` (with the friend's
 * `profile`), `FriendApplication` and `FriendGroup` (with `count`), built from the wire shapes.
 */
import { PROFILE_DEFAULTS, type WireFriend, type WireFriendApplication, type WireFriendGroup } from '@parley/protocol';
import type { Profile } from './message-types.js';

/** Tencent's `Friend`. */
export interface Friend {
  userID: string;
  /** The caller's remark for the friend. */
  remark: string;
  /** The caller's friend groups the friend is in. */
  groupList: string[];
  /** `AddSource_Type_<name>`. */
  source: string;
  wording: string;
  /** When the friendship was made, seconds. */
  addTime: number;
  /** `Tag_SNS_Custom_<name>` fields. */
  friendCustomField: { key: string; value: string }[];
  /** The friend's profile. */
  profile: Profile;
}

/** Tencent's `FriendApplication`. */
export interface FriendApplication {
  /** The other user. */
  userID: string;
  avatar: string;
  nick: string;
  /** Seconds. */
  time: number;
  source: string;
  wording: string;
  /** `TYPES.SNS_APPLICATION_SENT_TO_ME` or `TYPES.SNS_APPLICATION_SENT_BY_ME`. */
  type: string;
}

/** Tencent's `FriendGroup`. */
export interface FriendGroup {
  name: string;
  /** Number of friends in it. */
  count: number;
  userIDList: string[];
}

/** The profile of a user whose profile could not be read (an account deleted since). */
export function blankProfile(userID: string): Profile {
  return { userID, nick: '', avatar: '', ...PROFILE_DEFAULTS, profileCustomField: [], lastUpdatedTime: 0 };
}

/** A wire friend with its profile as Tencent's `Friend` (a fresh, mutable copy). */
export function friendOf(wire: WireFriend, profile: Profile | undefined): Friend {
  return {
    userID: wire.userID,
    remark: wire.remark,
    groupList: [...wire.groupList],
    source: wire.source,
    wording: wire.wording,
    addTime: wire.addTime,
    friendCustomField: wire.friendCustomField.map((f) => ({ key: f.key, value: f.value })),
    profile: profile ?? blankProfile(wire.userID),
  };
}

/** A wire application as Tencent's `FriendApplication`. */
export function applicationOf(wire: WireFriendApplication): FriendApplication {
  return { ...wire };
}

/** A wire friend group as Tencent's `FriendGroup`. */
export function friendGroupOf(wire: WireFriendGroup): FriendGroup {
  return { name: wire.name, count: wire.userIDList.length, userIDList: [...wire.userIDList] };
}
