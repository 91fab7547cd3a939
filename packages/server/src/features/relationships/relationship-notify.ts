/**
 * The relationship pushes: after a change, each affected user's whole new list goes to every
 * instance of that user, on every node, through `Delivery` (the instance that made the change
 * included: Tencent's web SDK fires the list events there too). Also the store-record → wire
 * conversions the commands and routes share.
 */
import { RelationshipPushes, type ApplicationListAnswer, type WireFriend, type WireFriendApplication } from '@parley/protocol';
import type { FriendApplicationList, FriendRecord, Store } from '@parley/store';
import type { Delivery } from '../../sessions/delivery.js';
import type { ProfilePort } from '../profiles/profile-port.js';

/** A store friend as the wire's `WireFriend` (time in seconds). */
export function wireFriend(record: FriendRecord): WireFriend {
  const { customFields, addTime, ...fields } = record;
  return { ...fields, addTime: Math.floor(addTime / 1000), friendCustomField: customFields };
}

/** What the notifier reads and pushes with. */
export interface RelationshipNotifierDeps {
  readonly store: Store;
  readonly delivery: Delivery;
  readonly profiles: ProfilePort;
}

/** Which lists of which users changed. */
export interface RelationshipChanges {
  readonly friends?: Iterable<string>;
  readonly applications?: Iterable<string>;
  readonly groups?: Iterable<string>;
  readonly blacklist?: Iterable<string>;
}

/** Reads the users' lists and pushes them. */
export class RelationshipNotifier {
  constructor(private readonly d: RelationshipNotifierDeps) {}

  /** The user's applications with the other users' nick and avatar, and the unread count. */
  async applications(sdkAppID: number, userID: string, list?: FriendApplicationList): Promise<ApplicationListAnswer> {
    const { applications, readAt } = list ?? (await this.d.store.friendApplications.list(sdkAppID, userID));
    const others = applications.map((a) => (a.from === userID ? a.to : a.from));
    const profiles = new Map((await this.d.profiles.get(sdkAppID, others)).map((p) => [p.userID, p]));
    const friendApplicationList = applications.map((a, i): WireFriendApplication => {
      const other = others[i] ?? a.to;
      const profile = profiles.get(other);
      return {
        userID: other,
        nick: profile?.nick ?? '',
        avatar: profile?.avatar ?? '',
        time: Math.floor(a.time / 1000),
        source: a.source,
        wording: a.wording,
        type: a.from === userID ? 'Pendency_Type_SendOut' : 'Pendency_Type_ComeIn',
      };
    });
    const unreadCount = applications.filter((a) => a.to === userID && a.time > readAt).length;
    return { friendApplicationList, unreadCount };
  }

  /** Pushes the changed lists to every instance of each user named. */
  async push(sdkAppID: number, changes: RelationshipChanges): Promise<void> {
    const { store, delivery } = this.d;
    for (const userID of new Set(changes.friends)) {
      const friendList = (await store.friends.list(sdkAppID, userID)).map(wireFriend);
      delivery.toUsers(sdkAppID, [userID], RelationshipPushes.friendsUpdated.name, { friendList });
    }
    for (const userID of new Set(changes.applications)) {
      delivery.toUsers(sdkAppID, [userID], RelationshipPushes.applicationsUpdated.name, { ...(await this.applications(sdkAppID, userID)) });
    }
    for (const userID of new Set(changes.groups)) {
      const friendGroupList = await store.friendGroups.list(sdkAppID, userID);
      delivery.toUsers(sdkAppID, [userID], RelationshipPushes.groupsUpdated.name, { friendGroupList });
    }
    for (const userID of new Set(changes.blacklist)) {
      const userIDList = (await store.blacklist.list(sdkAppID, userID)).map((e) => e.userID);
      delivery.toUsers(sdkAppID, [userID], RelationshipPushes.blacklistUpdated.name, { userIDList });
    }
  }
}
