/**
 * The messages part of the `Store`: messages with per-conversation sequences, the per-user C2C inbox
 * that drives sync, and roaming history. Each user's view of a conversation (read position, pin,
 * draft, cleared and deleted messages) is the conversations part.
 *
 * Conversations are named as the viewer sees them: `C2C<peer>` / `GROUP<groupID>`. A C2C conversation
 * is one sequence shared by both participants.
 */
import type { Refusal, WireConversationType, WireElement } from '@parley/protocol';

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
  /** The sender's nick as of the send, kept with the message. @default '' */
  readonly nick?: string;
  /** The sender's avatar URL as of the send. @default '' */
  readonly avatar?: string;
  /** Group messages: the sender's name card as of the send. @default '' */
  readonly nameCard?: string;
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
  /** The sender's nick as of the send ('' for messages stored without one). */
  readonly nick: string;
  /** The sender's avatar URL as of the send. */
  readonly avatar: string;
  /** The sender's group name card as of the send. */
  readonly nameCard: string;
}

/** What became of one draft of {@link MessageStore.append}. */
export type AppendOutcome =
  | {
      readonly ok: true;
      /** The stored message (for a duplicate: the one stored earlier, unchanged). */
      readonly message: MessageRecord;
      /** True when (from, ID) had been stored before: nothing new was written. */
      readonly duplicate: boolean;
    }
  /** Refused, e.g. 10010 when the group does not exist. */
  | Refusal;

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

/** Messages. Unknown apps: reads return nothing, writes reject with 70020. */
export interface MessageStore {
  /**
   * Stores a batch in ONE transaction: per draft, dedupe by (app, from, ID) (the earlier message is
   * returned, also within the batch), then assign the next sequence of its conversation, and for C2C
   * add it to the inbox of both participants (the sender's unless `syncToSender` is false) and make
   * sure both have the conversation. A group draft whose group does not exist is refused (10010)
   * without affecting the others. Outcomes are in draft order.
   */
  append(sdkAppID: number, drafts: readonly MessageDraft[]): Promise<AppendOutcome[]>;
  /** The user's C2C messages after `cursor` (0 = from the start), at most `count`. */
  syncInbox(sdkAppID: number, userID: string, cursor: number, count: number): Promise<InboxPage>;
  /** The inbox position of the user's newest C2C message (0 when none): `syncInbox` from `head - n` returns the `n` newest. */
  inboxHead(sdkAppID: number, userID: string): Promise<number>;
  /**
   * A page of one conversation as `userID` sees it: messages the user cleared or deleted, and
   * targeted messages for others, are left out. Rejects a malformed conversation ID with 70402.
   */
  getHistory(sdkAppID: number, userID: string, conversationID: string, range: HistoryRange): Promise<HistoryPage>;
}
