/**
 * Payloads of the events the SDK emits, keyed by Tencent's `EVENT` string values: the session
 * core's, and the messaging layer's (messages, conversations, groups).
 */
import { EVENT, type KickedOutTypeValue, type NetStateValue } from '@parley/protocol';
import type { EmittedEvent } from '../platform/emitter.js';
import type { Conversation, FollowListChange, Group, Message, Profile, UserStatus } from '../model/message-types.js';
import type { Friend, FriendApplication, FriendGroup } from '../model/relationship-objects.js';

/** Event name → payload (`data`) type. */
export interface ChatEventMap {
  /** Logged in and synced; the gated APIs work now. No data. */
  [EVENT.SDK_READY]: undefined;
  /** Not ready any more (logout, kick, failed resume). No data. */
  [EVENT.SDK_NOT_READY]: undefined;
  /** Kicked out; `type` is one of `TYPES.KICKED_OUT_*`. */
  [EVENT.KICKED_OUT]: { readonly type: KickedOutTypeValue };
  /** The connection state changed; `state` is one of `TYPES.NET_STATE_*`. */
  [EVENT.NET_STATE_CHANGE]: { readonly state: NetStateValue };
  /** An SDK-level error: a gated API called while not ready, or a session that could not be resumed. */
  [EVENT.ERROR]: { readonly code: number; readonly message: string };
  /** The instance was destroyed. No data. */
  [EVENT.SDK_DESTROY]: undefined;
  /** New messages (others', and the user's own sent from another instance), each delivered once, oldest first per conversation. */
  [EVENT.MESSAGE_RECEIVED]: Message[];
  /** The whole conversation list, pinned first, then by last activity. */
  [EVENT.CONVERSATION_LIST_UPDATED]: Conversation[];
  /** The total unread count changed (also emitted once after `SDK_READY`). */
  [EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED]: number;
  /** The joined-group list changed (also emitted once after `SDK_READY`). */
  [EVENT.GROUP_LIST_UPDATED]: Group[];
  /** The user's own profile changed on another instance or by REST `portrait_set`. */
  [EVENT.PROFILE_UPDATED]: Profile[];
  /** The status of a subscribed user, or the user's own, changed. */
  [EVENT.USER_STATUS_UPDATED]: UserStatus[];
  /** Users started or stopped following the user. */
  [EVENT.MY_FOLLOWERS_LIST_UPDATED]: FollowListChange;
  /** The user followed or unfollowed users (on any instance, or by REST). */
  [EVENT.MY_FOLLOWING_LIST_UPDATED]: FollowListChange;
  /** Users became, or stopped being, mutual followers of the user. */
  [EVENT.MUTUAL_FOLLOWERS_LIST_UPDATED]: FollowListChange;
  /** The user's whole friend list, after any change on any instance. */
  [EVENT.FRIEND_LIST_UPDATED]: Friend[];
  /** The user's friend applications (both directions) and the unread count, after any change. */
  [EVENT.FRIEND_APPLICATION_LIST_UPDATED]: { readonly friendApplicationList: FriendApplication[]; readonly unreadCount: number };
  /** The user's friend groups, after any change. */
  [EVENT.FRIEND_GROUP_LIST_UPDATED]: FriendGroup[];
  /** The user's blacklist (UserIDs), after any change. */
  [EVENT.BLACKLIST_UPDATED]: string[];
}

/** A known event name. */
export type ChatEventName = keyof ChatEventMap;

/** What a handler of event `K` receives. */
export type ChatEvent<K extends ChatEventName> = EmittedEvent<K, ChatEventMap[K]>;
