/**
 * Wire shapes of messages (see `docs/PROTOCOL.md` §Messaging): the bodies of the message commands.
 * The message itself (`WireMessage`) is in `shared/wire-message.ts`, since conversations carry it too.
 */
import type { WireConversationType, WireElement, WireMessage } from '../shared/wire-message.js';

/** Body of `openim.sendmsg`. */
export interface SendMessageRequest {
  readonly conversationType: WireConversationType;
  /** Peer UserID (C2C) or GroupID. */
  readonly to: string;
  /** Unique per sender; 1..64 chars of [A-Za-z0-9_-]. A resend with the same id returns the stored message. */
  readonly ID: string;
  readonly random: number;
  readonly elements: readonly WireElement[];
  readonly cloudCustomData?: string;
  readonly priority?: string;
  readonly atUserList?: readonly string[];
  readonly onlineUserOnly?: boolean;
  readonly receiverList?: readonly string[];
}

/** Answer to `openim.sendmsg`: the message as stored (durable before this answer). */
export interface SendMessageResponse {
  readonly message: WireMessage;
  /** True when this ID had been stored before (a resend after a lost answer). */
  readonly duplicate: boolean;
}

/** Body of `openim.sync`. */
export interface SyncRequest {
  /** The user's C2C inbox cursor from the previous sync answer; 0 (or absent) on a fresh client. */
  readonly cursor?: number;
  /** Max messages in this page. @default 100 (max 500) */
  readonly count?: number;
  /**
   * With `cursor` 0 only: start this many messages before the newest one instead of at the
   * beginning of the inbox, so a fresh client does not download the user's whole C2C history (older
   * messages stay reachable through `openim.getmsg`). Omit it to sync everything. (1..100000)
   */
  readonly recent?: number;
}

/**
 * Answer to `openim.sync`: C2C messages of the user (sent and received) after `cursor`,
 * oldest first, and the current sequence of every joined group (the client fills group gaps with
 * `openim.getmsg`).
 */
export interface SyncResponse {
  readonly messages: readonly WireMessage[];
  /** Pass back in the next sync. */
  readonly cursor: number;
  /** False when more C2C messages are waiting: sync again with the new cursor. */
  readonly isCompleted: boolean;
  readonly groups: readonly { readonly groupID: string; readonly seq: number }[];
}

/** Body of `openim.getmsg`. Exactly one of `beforeSeq` / `afterSeq` may be given; neither = latest page. */
export interface HistoryRequest {
  /** `C2C<peer>` or `GROUP<groupID>`. */
  readonly conversationID: string;
  /** Messages with seq < beforeSeq, newest page (returned oldest first). */
  readonly beforeSeq?: number;
  /** Messages with seq > afterSeq, oldest page. */
  readonly afterSeq?: number;
  /** Messages sent at or before this time (whole seconds), newest page (returned oldest first). */
  readonly untilTime?: number;
  /** Messages sent at or after this time (whole seconds), oldest page. */
  readonly sinceTime?: number;
  /** Page size. @default 15 (max 100) */
  readonly count?: number;
}

/** Answer to `openim.getmsg`: oldest first; messages this user deleted or cleared are left out. */
export interface HistoryResponse {
  readonly messages: readonly WireMessage[];
  /** True when there is nothing further in the requested direction. */
  readonly isCompleted: boolean;
}

/** Body of `openim.setread`. */
export interface SetReadRequest {
  readonly conversationID: string;
  /** Read up to this sequence. @default the conversation's latest */
  readonly seq?: number;
}

/** Body of `openim.deletemsg`. */
export interface DeleteMessagesRequest {
  readonly conversationID: string;
  /** Sequences of the messages to delete (≤ 30). */
  readonly seqs: readonly number[];
}
