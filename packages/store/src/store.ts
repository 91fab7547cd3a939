/**
 * The `Store` seam: everything the server persists, as a record of narrow sub-stores. A backend
 * (`@parley/store-sqlite` today, PostgreSQL later) builds one object per part and hands them over
 * together; it never forwards one method to another. Transactions stay inside the backend: a part
 * that needs another part's data in the same transaction (deleting a group drops its messages) is
 * wired to it by the backend.
 *
 * Every backend must pass the conformance suite in `@parley/store/testing` (`runStoreSuite`), one
 * suite part per sub-store. All methods are async so that networked stores fit; the server keeps
 * hot data (apps, known accounts, sig invalidations) in memory and does not call the store on every
 * frame.
 *
 * Common rules of every part: an unknown SDKAppID reads as empty (`undefined`, `[]`, 0), a write
 * for it rejects with 70020; once `close()` was called, every call rejects with 88505.
 */
import type { AccountStore } from './accounts/account-store.js';
import type { SigInvalidationStore } from './accounts/sig-invalidation-store.js';
import type { AppStore } from './apps/app-store.js';
import type { ConversationStore } from './conversations/conversation-store.js';
import type { GroupApplicationStore } from './groups/group-application-store.js';
import type { GroupMemberStore } from './groups/group-member-store.js';
import type { GroupStore } from './groups/group-store.js';
import type { MessageStore } from './messages/message-store.js';
import type { ProfileStore } from './profiles/profile-store.js';
import type { UserStatusStore } from './status/user-status-store.js';
import type { FollowStore } from './follows/follow-store.js';
import type { ProfileFieldStore } from './profiles/profile-field-store.js';
import type { UsageStore } from './usage/usage-store.js';
import type { BlacklistStore } from './relationships/blacklist-store.js';
import type { FriendApplicationStore } from './relationships/friend-application-store.js';
import type { FriendGroupStore } from './relationships/friend-group-store.js';
import type { FriendStore } from './relationships/friend-store.js';

/** Persistent storage of the server: one narrow sub-store per kind of data, plus the lifecycle. */
export interface Store {
  /** Applications (tenants). */
  readonly apps: AppStore;
  /** Accounts (users) of each app. */
  readonly accounts: AccountStore;
  /** REST-kick invalidations of users' UserSigs. */
  readonly sigInvalidations: SigInvalidationStore;
  /** Daily active users and peak connections. */
  readonly usage: UsageStore;
  /** Messages, their per-conversation sequences and the per-user C2C inbox. */
  readonly messages: MessageStore;
  /** Each user's view and state of their conversations. */
  readonly conversations: ConversationStore;
  /** Groups and the groups a user belongs to. */
  readonly groups: GroupStore;
  /** Members of groups with their roles. */
  readonly groupMembers: GroupMemberStore;
  /** Pending applications to join groups. */
  readonly groupApplications: GroupApplicationStore;
  /** Profiles of accounts (nick and avatar shared with `accounts`). */
  readonly profiles: ProfileStore;
  /** Users' custom statuses, last announced status types and status subscriptions. */
  readonly userStatus: UserStatusStore;
  /** Who follows whom, with each user's counts. */
  readonly follows: FollowStore;
  /** Each user's friends. */
  readonly friends: FriendStore;
  /** Pending friend applications. */
  readonly friendApplications: FriendApplicationStore;
  /** Each user's friend groups. */
  readonly friendGroups: FriendGroupStore;
  /** Each user's blacklist. */
  readonly blacklist: BlacklistStore;
  /** Custom profile fields each app declares. */
  readonly profileFields: ProfileFieldStore;
  /** Flushes and closes. Further calls of any part reject with 88505; a second close resolves. */
  close(): Promise<void>;
}
