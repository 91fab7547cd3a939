import { describe, expect, it } from 'vitest';
import { EVENT } from './events.js';

// Tencent's web SDK 3.x EVENT table, written out independently of events.ts: 32 names from the
// d.ts plus 5 found only in the runtime bundle. Apps compare against these exact strings.
const EXPECTED_EVENTS: Readonly<Record<string, string>> = {
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  MESSAGE_RECEIVED: 'onMessageReceived',
  ROOM_CUSTOM_DATA_RECEIVED: 'onRoomCustomDataReceived',
  MESSAGE_MODIFIED: 'onMessageModified',
  MESSAGE_REVOKED: 'onMessageRevoked',
  MESSAGE_READ_BY_PEER: 'onMessageReadByPeer',
  MESSAGE_READ_RECEIPT_RECEIVED: 'onMessageReadReceiptReceived',
  CONVERSATION_LIST_UPDATED: 'onConversationListUpdated',
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: 'onTotalUnreadMessageCountUpdated',
  CONVERSATION_GROUP_LIST_UPDATED: 'onConversationGroupListUpdated',
  CONVERSATION_IN_GROUP_UPDATED: 'onConversationInGroupUpdated',
  GROUP_LIST_UPDATED: 'onGroupListUpdated',
  GROUP_ATTRIBUTES_UPDATED: 'groupAttributesUpdated',
  GROUP_COUNTER_UPDATED: 'onGroupCounterUpdated',
  TOPIC_CREATED: 'onTopicCreated',
  TOPIC_DELETED: 'onTopicDeleted',
  TOPIC_UPDATED: 'onTopicUpdated',
  PROFILE_UPDATED: 'onProfileUpdated',
  USER_STATUS_UPDATED: 'onUserStatusUpdated',
  BLACKLIST_UPDATED: 'blacklistUpdated',
  FRIEND_LIST_UPDATED: 'onFriendListUpdated',
  FRIEND_GROUP_LIST_UPDATED: 'onFriendGroupListUpdated',
  FRIEND_APPLICATION_LIST_UPDATED: 'onFriendApplicationListUpdated',
  MY_FOLLOWERS_LIST_UPDATED: 'onMyFollowersListUpdated',
  MY_FOLLOWING_LIST_UPDATED: 'onMyFollowingListUpdated',
  MUTUAL_FOLLOWERS_LIST_UPDATED: 'onMutualFollowersListUpdated',
  KICKED_OUT: 'kickedOut',
  ERROR: 'error',
  NET_STATE_CHANGE: 'netStateChange',
  ALL_RECEIVE_MESSAGE_OPT_UPDATED: 'onAllReceiveMessageOptUpdated',
  PINNED_GROUP_MESSAGE_UPDATED: 'onPinnedGroupMessageUpdated',
  SDK_DESTROY: 'sdkDestroy',
  MESSAGE_EXTENSIONS_UPDATED: 'onMessageExtensionsUpdated',
  MESSAGE_EXTENSIONS_DELETED: 'onMessageExtensionsDeleted',
  MESSAGE_REACTIONS_UPDATED: 'onMessageReactionsUpdated',
  SERVER_CONFIG_UPDATED: 'onServerConfigUpdated',
};

describe('EVENT', () => {
  it('has exactly the 37 names of Tencent\'s table (32 from the d.ts, 5 runtime-only)', () => {
    expect(Object.keys(EXPECTED_EVENTS)).toHaveLength(37);
    expect(Object.keys(EVENT).sort()).toEqual(Object.keys(EXPECTED_EVENTS).sort());
  });

  it.each(Object.entries(EXPECTED_EVENTS))('maps %s to Tencent\'s string %s', (name, value) => {
    expect((EVENT as Record<string, string>)[name]).toBe(value);
  });

  it('uses every value once, so a handler can never be registered for two events by mistake', () => {
    expect(new Set(Object.values(EVENT)).size).toBe(Object.keys(EVENT).length);
  });
});
