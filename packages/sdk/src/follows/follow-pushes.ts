/**
 * The follow push (`follow.changed`): users were added to or removed from one of the user's lists;
 * the app hears `MY_FOLLOWERS_LIST_UPDATED`, `MY_FOLLOWING_LIST_UPDATED` or
 * `MUTUAL_FOLLOWERS_LIST_UPDATED` with `data: { userInfoList: Profile[], isAdd }` (the arguments of
 * native V2TIM's `onMy…ListChanged(userInfoList, isAdd)`).
 */
import { EVENT, FollowPushes, type FollowListType } from '@parley/protocol';
import type { FollowListChange, Profile } from '../model/message-types.js';
import type { HubRegistry } from '../session/messaging-hub.js';

/** The event of each list. */
export const FOLLOW_LIST_EVENTS = {
  followers: EVENT.MY_FOLLOWERS_LIST_UPDATED,
  following: EVENT.MY_FOLLOWING_LIST_UPDATED,
  mutual: EVENT.MUTUAL_FOLLOWERS_LIST_UPDATED,
} as const satisfies Record<FollowListType, string>;

/** What applying a follow push needs. */
export interface FollowPushPorts {
  /** The profiles of users, in the order asked. */
  readonly profilesOf: (userIDs: readonly string[]) => Promise<Profile[]>;
  /** Emits the list's event. */
  listChanged(event: (typeof FOLLOW_LIST_EVENTS)[FollowListType], change: FollowListChange): void;
  /** Reports a push whose profiles could not be read (the event is still emitted, with an empty `userInfoList`). */
  readonly onError: (error: unknown) => void;
}

/** Registers the follow push with the hub. */
export function registerFollowPushes(hub: HubRegistry, ports: FollowPushPorts): void {
  hub.onPush(FollowPushes.changed, ({ listType, isAdd, userIDList }) => {
    void ports
      .profilesOf(userIDList)
      .catch((error: unknown) => {
        ports.onError(error);
        return [];
      })
      .then((userInfoList) => ports.listChanged(FOLLOW_LIST_EVENTS[listType], { userInfoList, isAdd }));
  });
}
