/**
 * The conversations part of the `Store`: each user's own view of a conversation (read position,
 * pin, draft, cleared history, messages deleted for that user only) and the list of their
 * conversations. The messages themselves are the messages part.
 */
import type { WireConversationType } from '@parley/protocol';
import type { MessageRecord } from '../messages/message-store.js';

/** A user's own state of one conversation. */
export interface ConversationState {
  readonly conversationID: string;
  /** Read up to this sequence. */
  readonly readSeq: number;
  readonly isPinned: boolean;
  readonly draftText: string;
  /** History up to this sequence is cleared for this user. */
  readonly clearedSeq: number;
  /** Deleted from the list at this sequence; it shows again once the conversation passes it. `null` = not deleted. */
  readonly deletedSeq: number | null;
  /** Last pin/draft/delete change, whole seconds (0 = never). */
  readonly updatedAt: number;
}

/** A conversation as one user sees it. */
export interface ConversationView extends ConversationState {
  readonly type: WireConversationType;
  /** Peer UserID or GroupID. */
  readonly target: string;
  /** Highest sequence of the conversation (0 = no message yet). */
  readonly maxSeq: number;
  /**
   * Messages after `max(readSeq, clearedSeq)` the user can see, not sent by the user, not group tips
   * and not targeted, and not deleted by the user.
   */
  readonly unreadCount: number;
  /** Newest message the user can see (not cleared, not deleted, not targeted at others). */
  readonly lastMessage: MessageRecord | null;
}

/**
 * A change of a user's conversation state. `readSeq` and `clearedSeq` only ever rise (a lower value
 * is ignored); the other fields are set as given.
 */
export interface ConversationPatch {
  readonly readSeq?: number;
  readonly isPinned?: boolean;
  readonly draftText?: string;
  readonly clearedSeq?: number;
  readonly deletedSeq?: number | null;
  readonly updatedAt?: number;
}

/** One patch of {@link ConversationStore.update}. */
export interface ConversationPatchEntry {
  readonly conversationID: string;
  readonly patch: ConversationPatch;
}

/** Conversation views and per-user state. Unknown apps: reads return nothing, writes reject with 70020. */
export interface ConversationStore {
  /**
   * Views of conversations. Without `conversationIDs`: every conversation of the user (C2C ones the
   * user has, plus one per joined group), except deleted ones with nothing newer; in no particular
   * order. With `conversationIDs`: a view of each, in the given order, deleted or not.
   * Rejects malformed conversation IDs with 70402.
   */
  get(sdkAppID: number, userID: string, conversationIDs?: readonly string[]): Promise<ConversationView[]>;
  /** Applies patches to the user's conversation states (creating them), in one transaction; a malformed ID (70402) applies none. */
  update(sdkAppID: number, userID: string, patches: readonly ConversationPatchEntry[]): Promise<void>;
  /** Deletes messages for this user only (idempotent; unknown sequences are ignored). */
  deleteMessages(sdkAppID: number, userID: string, conversationID: string, seqs: readonly number[]): Promise<void>;
}
