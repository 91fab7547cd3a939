/**
 * The relationship pushes: each carries the user's whole new list, and becomes Tencent's event with
 * Tencent's data: `FRIEND_LIST_UPDATED` (`Friend[]`, profiles read first),
 * `FRIEND_APPLICATION_LIST_UPDATED` (`{friendApplicationList, unreadCount}`),
 * `FRIEND_GROUP_LIST_UPDATED` (`FriendGroup[]`) and `BLACKLIST_UPDATED` (UserIDs). Events leave in
 * the order their pushes arrived, although a friend list waits for its profiles.
 */
import { RelationshipPushes } from '@parley/protocol';
import type { HubRegistry } from '../session/messaging-hub.js';
import { applicationListOf, type FriendApplicationListResult, type RelationshipApi } from './relationship-api.js';
import { friendGroupOf, type Friend, type FriendGroup } from '../model/relationship-objects.js';

/** Where the relationship events go. */
export interface RelationshipPushPorts {
  readonly api: Pick<RelationshipApi, 'friendsOf'>;
  friendsUpdated(friends: Friend[]): void;
  applicationsUpdated(list: FriendApplicationListResult): void;
  groupsUpdated(groups: FriendGroup[]): void;
  blacklistUpdated(userIDs: string[]): void;
  /** Logs a failure to read the friends' profiles (the event then goes out without them). */
  warn(message: string, error: unknown): void;
}

/** Registers the relationship pushes with the hub. */
export function registerRelationshipPushes(hub: HubRegistry, ports: RelationshipPushPorts): void {
  let tail: Promise<void> = Promise.resolve();
  const inOrder = (emit: () => void | Promise<void>): void => {
    tail = tail.then(emit).catch((error: unknown) => ports.warn('a relationship event failed:', error));
  };
  hub.onPush(RelationshipPushes.friendsUpdated, ({ friendList }) =>
    inOrder(async () => ports.friendsUpdated(await ports.api.friendsOf(friendList))),
  );
  hub.onPush(RelationshipPushes.applicationsUpdated, (body) => inOrder(() => ports.applicationsUpdated(applicationListOf(body))));
  hub.onPush(RelationshipPushes.groupsUpdated, ({ friendGroupList }) => inOrder(() => ports.groupsUpdated(friendGroupList.map(friendGroupOf))));
  hub.onPush(RelationshipPushes.blacklistUpdated, ({ userIDList }) => inOrder(() => ports.blacklistUpdated([...userIDList])));
}
