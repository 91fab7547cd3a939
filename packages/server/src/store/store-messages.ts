/**
 * The messaging part of the `Store` seam: messages with per-conversation sequences, the per-user C2C
 * inbox that drives sync, roaming history, and each user's view of a conversation (read position,
 * pin, draft, cleared and deleted messages).
 *
 * Conversations are named as the viewer sees them: `C2C<peer>` / `GROUP<groupID>`. A C2C conversation
 * is one sequence shared by both participants.
 */
import type { WireConversationType, WireElement } from '@parley/protocol';

/** A message to store; the store assigns its sequence. */
export interface MessageDraft {
  /** The dedupe key together with `from`: a second draft with the same (from, ID) is not stored again. */
  readonly ID: string;
  readonly conversationType: WireConversationType;
  /** Sender UserID (`@TIM#SYSTEM` for group tips). */
  readonly from: string;
  /** Receiver UserID (C2C) or GroupID. */
  readonly to: string;
  /** Commit time, whole seconds since the epoch. */
  readonly time: number;
  /** Client random (uint32). */
  readonly random: number;
  readonly elements: readonly WireElement[];
  readonly cloudCustomData: string;
  readonly priority: string;
  readonly atUserList: readonly string[];
  /** Targeted group message: only these members (and the sender) see it; empty = everyone. */
  readonly receiverList: readonly string[];
  /**
   * C2C only: `false` keeps the message out of the sender's inbox and conversation list (REST
   * `SyncOtherMachine: 2`). @default true
   */
  readonly syncToSender?: boolean;
}

/** A stored message. */
export interface MessageRecord {
  readonly ID: string;
  readonly conversationType: WireConversationType;
  readonly from: string;
  readonly to: string;
  /** Sequence in its conversation: 1, 2, 3, … assigned at commit, never reused. */
  readonly seq: number;
  readonly time: number;
  readonly random: number;
  readonly elements: readonly WireElement[];
  readonly cloudCustomData: string;
  readonly priority: string;
  readonly atUserList: readonly string[];
  readonly receiverList: readonly string[];
}

/** What became of one draft of {@link MessageStore.appendMessages}. */
export type AppendOutcome =
  | {
      readonly ok: true;
      /** The stored message (for a duplicate: the one stored earlier, unchanged). */
      readonly message: MessageRecord;
      /** True when (from, ID) had been stored before: nothing new was written. */
      readonly duplicate: boolean;
    }
  | {
      readonly ok: false;
      /** Registry code, e.g. 10010 when the group does not exist. */
      readonly code: number;
      readonly reason: string;
    };

/** One page of a user's C2C inbox. */
export interface InboxPage {
  /** C2C messages the user sent or received after the cursor, oldest first. */
  readonly messages: MessageRecord[];
  /** Inbox position of the last message returned (the given cursor when there is none). */
  readonly cursor: number;
  /** False when more messages follow. */
  readonly isCompleted: boolean;
}

/** Which part of a conversation {@link MessageStore.getHistory} returns. */
export interface HistoryRange {
  /** Only messages with seq < beforeSeq (the newest of them). */
  readonly beforeSeq?: number;
  /** Only messages with seq > afterSeq (the oldest of them). Without any bound: the newest page. */
  readonly afterSeq?: number;
  /** Only messages with time ≤ untilTime, seconds (the newest of them). */
  readonly untilTime?: number;
  /** Only messages with time ≥ sinceTime, seconds (the oldest of them). At most one bound is given. */
  readonly sinceTime?: number;
  /** Page size, ≥ 1. */
  readonly count: number;
}

/** One page of history, oldest first. */
export interface HistoryPage {
  readonly messages: MessageRecord[];
  /** True when nothing visible lies further in the requested direction. */
  readonly isCompleted: boolean;
}

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

/** The messaging methods of the {@link Store}. Unknown apps: reads return nothing, writes reject with 70020. */
export interface MessageStore {
  /**
   * Stores a batch in ONE transaction: per draft, dedupe by (app, from, ID) (the earlier message is
   * returned, also within the batch), then assign the next sequence of its conversation, and for C2C
   * add it to the inbox of both participants (the sender's unless `syncToSender` is false) and make
   * sure both have the conversation. A group draft whose group does not exist is refused (10010)
   * without affecting the others. Outcomes are in draft order.
   */
  appendMessages(sdkAppID: number, drafts: readonly MessageDraft[]): Promise<AppendOutcome[]>;
  /** The user's C2C messages after `cursor` (0 = from the start), at most `count`. */
  syncInbox(sdkAppID: number, userID: string, cursor: number, count: number): Promise<InboxPage>;
  /** The inbox position of the user's newest C2C message (0 when none): `syncInbox` from `head - n` returns the `n` newest. */
  inboxHead(sdkAppID: number, userID: string): Promise<number>;
  /**
   * A page of one conversation as `userID` sees it: messages the user cleared or deleted, and
   * targeted messages for others, are left out.
   */
  getHistory(sdkAppID: number, userID: string, conversationID: string, range: HistoryRange): Promise<HistoryPage>;
  /**
   * Views of conversations. Without `conversationIDs`: every conversation of the user (C2C ones the
   * user has, plus one per joined group), except deleted ones with nothing newer; in no particular
   * order. With `conversationIDs`: a view of each, in the given order, deleted or not.
   * Rejects malformed conversation IDs with 70402.
   */
  getConversations(sdkAppID: number, userID: string, conversationIDs?: readonly string[]): Promise<ConversationView[]>;
  /** Applies patches to the user's conversation states (creating them), in one transaction. */
  updateConversations(sdkAppID: number, userID: string, patches: readonly { readonly conversationID: string; readonly patch: ConversationPatch }[]): Promise<void>;
  /** Deletes messages for this user only (idempotent; unknown sequences are ignored). */
  deleteMessages(sdkAppID: number, userID: string, conversationID: string, seqs: readonly number[]): Promise<void>;
}
