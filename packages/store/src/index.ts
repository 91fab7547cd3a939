/**
 * `@parley/store`: the Store contract of Parley. A `Store` is a record of narrow sub-stores (apps,
 * accounts, sig invalidations, usage, messages, conversations, groups, group members, group
 * applications); this package holds their interfaces, the records they exchange, and the runtime
 * helpers every backend shares (conversation keys, record patches, argument checks, errors). The
 * conformance suite is the `@parley/store/testing` subpath.
 * @packageDocumentation
 */
export type { Store } from './store.js';
export type { AppStore, AppRecord, AppPatch, AppStatus, AppLimits, LoginSettings } from './apps/app-store.js';
export { freezeAppRecord, patchAppRecord } from './apps/app-records.js';
export type { AccountStore, AccountRecord, AccountInput } from './accounts/account-store.js';
export type { SigInvalidationStore, SigInvalidation } from './accounts/sig-invalidation-store.js';
export type { UsageStore, DailyStats } from './usage/usage-store.js';
export { isUtcDay, assertUtcDay, assertConnections } from './usage/usage-checks.js';
export type { MessageStore, MessageDraft, MessageRecord, AppendOutcome, InboxPage, HistoryRange, HistoryPage } from './messages/message-store.js';
export { c2cKey, groupKey, messageKey, addressOf, conversationIDFor } from './messages/conversation-keys.js';
export type { ConversationAddress } from './messages/conversation-keys.js';
export type {
  ConversationStore,
  ConversationState,
  ConversationView,
  ConversationPatch,
  ConversationPatchEntry,
} from './conversations/conversation-store.js';
export { defaultConversationState, applyConversationPatch } from './conversations/conversation-states.js';
export type { GroupStore, GroupRecord, GroupView, GroupPatch, JoinedGroup } from './groups/group-store.js';
export type { GroupMemberStore, GroupMemberRecord, AddMemberResult } from './groups/group-member-store.js';
export type { GroupApplicationStore, GroupApplication } from './groups/group-application-store.js';
export { groupRecordOf, patchGroupRecord } from './groups/group-records.js';
export type { ProfileStore, ProfileRecord, ProfileRecordPatch, ProfileNames } from './profiles/profile-store.js';
export { defaultProfileRecord, applyProfilePatch } from './profiles/profile-records.js';
export type { ProfileFieldStore } from './profiles/profile-field-store.js';
export {
  storeError,
  storeClosedError,
  appNotFoundError,
  appExistsError,
  groupNotFoundError,
  groupIDInUseError,
  groupNotFoundOutcome,
} from './store-errors.js';
export type { StoreErrorOptions } from './store-errors.js';
export type { UserStatusStore, UserStatusRecord, UserStatusPatch, UserStatusChange } from './status/user-status-store.js';
export type { FollowStore, FollowOutcome, UnfollowOutcome, FollowEntry, FollowPage, FollowCounts } from './follows/follow-store.js';
export type { FriendStore, FriendRecord, FriendEdge, FriendLimits, FriendAddOutcome, FriendLink, FriendPatch } from './relationships/friend-store.js';
export type { FriendApplicationStore, FriendApplicationRecord, FriendApplicationList } from './relationships/friend-application-store.js';
export type { FriendGroupStore, FriendGroupRecord, FriendGroupChange, FriendGroupCreateOutcome } from './relationships/friend-group-store.js';
export type { BlacklistStore, BlacklistEntry } from './relationships/blacklist-store.js';
