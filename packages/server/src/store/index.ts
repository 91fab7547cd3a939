/**
 * The persistence seam of the server: the {@link Store} interface, its record types and the
 * in-memory implementation.
 * @packageDocumentation
 */
export type {
  Store,
  AppRecord,
  AppPatch,
  AppStatus,
  AppLimits,
  LoginSettings,
  AccountRecord,
  AccountInput,
  SigInvalidation,
  DailyStats,
} from './store.js';
export type {
  MessageStore,
  MessageDraft,
  MessageRecord,
  AppendOutcome,
  InboxPage,
  HistoryRange,
  HistoryPage,
  ConversationState,
  ConversationView,
  ConversationPatch,
} from './store-messages.js';
export type {
  GroupStore,
  GroupRecord,
  GroupView,
  GroupPatch,
  GroupMemberRecord,
  AddMemberResult,
  GroupApplication,
  JoinedGroup,
} from './store-groups.js';
export { MemoryStore } from './memory-store.js';
export { isUtcDay } from './store-records.js';
