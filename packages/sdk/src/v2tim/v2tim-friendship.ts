/**
 * V2TIM's friendship manager (`v2TIMManager.getFriendshipManager()`): the method groups of
 * `v2tim-friendship-calls.ts` composed into one object, plus `addFriendListener` /
 * `removeFriendListener`. The web API's list events carry whole lists; V2TIM's listener hears what
 * changed, so each event is compared with the list before it (read at `SDK_READY`): added and
 * removed friends (`onFriendListAdded`, `onFriendListDeleted`), changed ones (`onFriendInfoChanged`),
 * applications added, removed and read, and blocked users added and removed. A friend's profile
 * change (PROFILE_UPDATED) is `onFriendInfoChanged` too. The follow calls of native V2TIM's
 * friendship manager (`v2tim-follows.ts`) are one more method group, their list events the
 * listener's `onMyFollowersListChanged`, `onMyFollowingListChanged`, `onMutualFollowersListChanged`.
 */
import { EVENT } from '@parley/protocol';
import type { Friend, FriendApplication } from '../model/relationship-objects.js';
import type { ChatCore } from '../web/chat-core.js';
import { applicationCalls, applicationInfoOf, blacklistCalls, blockedInfoOf, friendCalls, friendGroupCalls, friendInfoOf, type CoreSource } from './v2tim-friendship-calls.js';
import type { V2TimFriendshipListener } from './v2tim-friendship-types.js';
import { bindV2TimFollowListener, createV2TimFollowMethods } from './v2tim-follows.js';

/** Listener registration of the friendship manager. */
function listenerCalls(listeners: Set<V2TimFriendshipListener>) {
  return {
    /** Adds a `V2TimFriendshipListener`. */
    addFriendListener: (listener: V2TimFriendshipListener): void => void listeners.add(listener),
    /** Removes one listener, or every listener when none is given. */
    removeFriendListener: (listener?: V2TimFriendshipListener): void => {
      if (listener === undefined) listeners.clear();
      else listeners.delete(listener);
    },
  };
}

/** Builds the friendship manager's method groups over `core`. Another group joins by spreading it in here. */
function friendshipMethods(core: CoreSource, listeners: Set<V2TimFriendshipListener>) {
  return {
    ...friendCalls(core),
    ...applicationCalls(core),
    ...friendGroupCalls(core),
    ...blacklistCalls(core),
    ...createV2TimFollowMethods(() => core()?.chat),
    ...listenerCalls(listeners),
  };
}

/** The friendship manager react-native-tim-js apps call. */
export type V2TIMFriendshipManager = ReturnType<typeof friendshipMethods>;

/** What the V2TIM manager keeps: the manager it hands out, and how it is wired to each new core. */
export interface FriendshipFacade {
  readonly manager: V2TIMFriendshipManager;
  /** Follows the list events of a new core (after `initSDK`). */
  attach(core: ChatCore, onError: (message: string, error: unknown) => void): void;
}

const key = (f: Friend): string => JSON.stringify([f.remark, f.groupList, f.friendCustomField, f.profile]);
const appKey = (a: FriendApplication): string => `${a.type}:${a.userID}`;

/** Creates the friendship manager and its event wiring. */
export function createFriendshipFacade(core: CoreSource): FriendshipFacade {
  const listeners = new Set<V2TimFriendshipListener>();
  const manager = Object.freeze(friendshipMethods(core, listeners));
  let friends: Map<string, Friend> | undefined;
  let applications: Map<string, FriendApplication> | undefined;
  let unread = 0;
  let blocked: Set<string> | undefined;

  const notify = <K extends keyof V2TimFriendshipListener>(name: K, onError: (message: string, error: unknown) => void, ...args: Parameters<NonNullable<V2TimFriendshipListener[K]>>): void => {
    for (const listener of [...listeners]) {
      const callback: unknown = listener[name];
      if (typeof callback !== 'function') continue;
      try {
        (callback as (...a: unknown[]) => void).apply(listener, args);
      } catch (error) {
        onError(`V2TimFriendshipListener.${name} threw:`, error);
      }
    }
  };

  return {
    manager,
    attach(c, onError) {
      const reset = (): void => {
        friends = undefined;
        applications = undefined;
        blocked = undefined;
      };
      // The lists before the first change: read once the session is ready.
      c.chat.on(EVENT.SDK_READY, () => {
        reset();
        void (async () => {
          try {
            // Sent together, so that they are answered before any call the app makes after SDK_READY.
            const [f, a, b] = await Promise.all([c.chat.getFriendList(), c.chat.getFriendApplicationList(), c.chat.getBlacklist()]);
            friends ??= new Map(f.data.map((x) => [x.userID, x]));
            applications ??= new Map(a.data.friendApplicationList.map((x) => [appKey(x), x]));
            unread = a.data.unreadCount;
            blocked ??= new Set(b.data);
          } catch (error) {
            onError('the friendship manager could not read the lists:', error);
          }
        })();
      });
      c.chat.on(EVENT.SDK_NOT_READY, reset);
      bindV2TimFollowListener(c.chat, {
        onMyFollowersListChanged: (list, isAdd) => notify('onMyFollowersListChanged', onError, list, isAdd),
        onMyFollowingListChanged: (list, isAdd) => notify('onMyFollowingListChanged', onError, list, isAdd),
        onMutualFollowersListChanged: (list, isAdd) => notify('onMutualFollowersListChanged', onError, list, isAdd),
      });
      // A friend's new profile is a changed friend to V2TIM (onFriendInfoChanged).
      c.chat.on(EVENT.PROFILE_UPDATED, ({ data }) => {
        if (friends === undefined) return;
        const changed: Friend[] = [];
        for (const profile of data) {
          const friend = friends.get(profile.userID);
          if (friend === undefined) continue;
          const next = { ...friend, profile };
          friends.set(profile.userID, next);
          changed.push(next);
        }
        if (changed.length > 0) notify('onFriendInfoChanged', onError, changed.map(friendInfoOf));
      });
      c.chat.on(EVENT.FRIEND_LIST_UPDATED, ({ data }) => {
        const next = new Map(data.map((f) => [f.userID, f]));
        const before = friends;
        friends = next;
        if (before === undefined) return;
        const added = data.filter((f) => !before.has(f.userID));
        const deleted = [...before.keys()].filter((id) => !next.has(id));
        const changed = data.filter((f) => before.has(f.userID) && key(before.get(f.userID) as Friend) !== key(f));
        if (added.length > 0) notify('onFriendListAdded', onError, added.map(friendInfoOf));
        if (deleted.length > 0) notify('onFriendListDeleted', onError, deleted);
        if (changed.length > 0) notify('onFriendInfoChanged', onError, changed.map(friendInfoOf));
      });
      c.chat.on(EVENT.FRIEND_APPLICATION_LIST_UPDATED, ({ data }) => {
        const next = new Map(data.friendApplicationList.map((a) => [appKey(a), a]));
        const before = applications;
        const wasUnread = unread;
        applications = next;
        unread = data.unreadCount;
        if (before === undefined) return;
        const added = data.friendApplicationList.filter((a) => !before.has(appKey(a)));
        const deleted = [...before.entries()].filter(([k]) => !next.has(k)).map(([, a]) => a.userID);
        if (added.length > 0) notify('onFriendApplicationListAdded', onError, added.map(applicationInfoOf));
        if (deleted.length > 0) notify('onFriendApplicationListDeleted', onError, deleted);
        if (added.length === 0 && deleted.length === 0 && wasUnread > 0 && data.unreadCount === 0) notify('onFriendApplicationListRead', onError);
      });
      c.chat.on(EVENT.BLACKLIST_UPDATED, ({ data }) => {
        const next = new Set(data);
        const before = blocked;
        blocked = next;
        if (before === undefined) return;
        const added = data.filter((id) => !before.has(id));
        const deleted = [...before].filter((id) => !next.has(id));
        if (added.length > 0) {
          void blockedInfoOf(c, added)
            .then((infos) => notify('onBlackListAdd', onError, infos))
            .catch((error: unknown) => onError('onBlackListAdd: could not read the profiles:', error));
        }
        if (deleted.length > 0) notify('onBlackListDeleted', onError, deleted);
      });
    },
  };
}
