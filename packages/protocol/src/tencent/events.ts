/**
 * `TencentCloudChat.EVENT`: event names an app subscribes to with `chat.on(EVENT.X, handler)`.
 * Names and string values are Tencent's (web SDK 3.x), including the five that exist only in the
 * runtime bundle and not in its `.d.ts`. Apps compare against these strings, so they never change.
 */
export const EVENT = {
  /** The SDK finished logging in and syncing; most APIs work from now on. No data. */
  SDK_READY: 'sdkStateReady',
  /** The SDK is not ready (logged out, kicked, or reset). No data. */
  SDK_NOT_READY: 'sdkStateNotReady',
  /** New messages arrived. Data: `Message[]`. */
  MESSAGE_RECEIVED: 'onMessageReceived',
  /** Custom data for a room (AVChatRoom) arrived. */
  ROOM_CUSTOM_DATA_RECEIVED: 'onRoomCustomDataReceived',
  /** Messages were modified by someone. Data: `Message[]`. */
  MESSAGE_MODIFIED: 'onMessageModified',
  /** Messages were revoked (recalled). Data: `Message[]`. */
  MESSAGE_REVOKED: 'onMessageRevoked',
  /** The peer read this user's one-to-one messages. */
  MESSAGE_READ_BY_PEER: 'onMessageReadByPeer',
  /** Read receipts arrived for messages that requested them. */
  MESSAGE_READ_RECEIPT_RECEIVED: 'onMessageReadReceiptReceived',
  /** The conversation list changed. Data: `Conversation[]`. */
  CONVERSATION_LIST_UPDATED: 'onConversationListUpdated',
  /** The total unread count changed. Data: a number. */
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: 'onTotalUnreadMessageCountUpdated',
  /** The list of conversation groups changed. */
  CONVERSATION_GROUP_LIST_UPDATED: 'onConversationGroupListUpdated',
  /** The conversations inside a conversation group changed. */
  CONVERSATION_IN_GROUP_UPDATED: 'onConversationInGroupUpdated',
  /** The list of joined groups changed. Data: `Group[]`. */
  GROUP_LIST_UPDATED: 'onGroupListUpdated',
  /** Group attributes changed. Note Tencent's value has no `on` prefix. */
  GROUP_ATTRIBUTES_UPDATED: 'groupAttributesUpdated',
  /** A group counter changed. */
  GROUP_COUNTER_UPDATED: 'onGroupCounterUpdated',
  /** A community topic was created. */
  TOPIC_CREATED: 'onTopicCreated',
  /** A community topic was deleted. */
  TOPIC_DELETED: 'onTopicDeleted',
  /** A community topic changed. */
  TOPIC_UPDATED: 'onTopicUpdated',
  /** Own or friends' profiles changed. Data: `Profile[]`. */
  PROFILE_UPDATED: 'onProfileUpdated',
  /** Subscribed users' online status changed. */
  USER_STATUS_UPDATED: 'onUserStatusUpdated',
  /** The blacklist changed. Note Tencent's value has no `on` prefix. */
  BLACKLIST_UPDATED: 'blacklistUpdated',
  /** The friend list changed. */
  FRIEND_LIST_UPDATED: 'onFriendListUpdated',
  /** The friend groups changed. */
  FRIEND_GROUP_LIST_UPDATED: 'onFriendGroupListUpdated',
  /** The friend application list changed. */
  FRIEND_APPLICATION_LIST_UPDATED: 'onFriendApplicationListUpdated',
  /** This user's followers changed. */
  MY_FOLLOWERS_LIST_UPDATED: 'onMyFollowersListUpdated',
  /** The users this user follows changed. */
  MY_FOLLOWING_LIST_UPDATED: 'onMyFollowingListUpdated',
  /** Mutual followers changed. */
  MUTUAL_FOLLOWERS_LIST_UPDATED: 'onMutualFollowersListUpdated',
  /** This instance was kicked out. Data: `{ type: TYPES.KICKED_OUT_* }`. */
  KICKED_OUT: 'kickedOut',
  /** An SDK-level error. Data: `{ code, message }`. */
  ERROR: 'error',
  /** The connection state changed. Data: `{ state: TYPES.NET_STATE_* }`. */
  NET_STATE_CHANGE: 'netStateChange',
  /** The global receive option (do-not-disturb) changed. */
  ALL_RECEIVE_MESSAGE_OPT_UPDATED: 'onAllReceiveMessageOptUpdated',
  /** Pinned group messages changed. */
  PINNED_GROUP_MESSAGE_UPDATED: 'onPinnedGroupMessageUpdated',
  // Runtime-only (absent from Tencent's d.ts, present in its bundle).
  /** The instance was destroyed with `destroy()`. */
  SDK_DESTROY: 'sdkDestroy',
  /** Message extensions were added or changed. */
  MESSAGE_EXTENSIONS_UPDATED: 'onMessageExtensionsUpdated',
  /** Message extensions were deleted. */
  MESSAGE_EXTENSIONS_DELETED: 'onMessageExtensionsDeleted',
  /** Message reactions changed. */
  MESSAGE_REACTIONS_UPDATED: 'onMessageReactionsUpdated',
  /** The server pushed new configuration. */
  SERVER_CONFIG_UPDATED: 'onServerConfigUpdated',
} as const;

/** Name of an {@link EVENT} entry, e.g. `'SDK_READY'`. */
export type EventName = keyof typeof EVENT;

/** String value of an {@link EVENT} entry, e.g. `'sdkStateReady'`. */
export type EventValue = (typeof EVENT)[EventName];
