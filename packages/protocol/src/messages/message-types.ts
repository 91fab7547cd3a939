/**
 * Wire shapes of messages (see `docs/PROTOCOL.md` §Messaging): the message itself and the bodies of
 * the message commands.
 *
 * Wire messages are viewer-independent; SDKs turn them into Tencent-shaped `Message` objects
 * (`conversationID`, `flow`, `isRead`, ...) for the logged-in user.
 */

/** Conversation types on the wire (TYPES.CONV_C2C / CONV_GROUP values). */
export type WireConversationType = 'C2C' | 'GROUP';

/**
 * One element of a message body, named as Tencent's REST `MsgBody` items but camel-cased for the SDK:
 * - `TIMTextElem`: `{text}`
 * - `TIMCustomElem`: `{data, description?, extension?}`
 * - `TIMGroupTipElem` (server-generated): `{operationType: 1..11, operatorID, userIDList, groupProfile?}`
 */
export interface WireElement {
  readonly type: string;
  readonly content: Readonly<Record<string, unknown>>;
}

/** A stored (or online-only) message as the server sends it. */
export interface WireMessage {
  /** Client-assigned message id (unique per sender); the dedupe key. Server-generated for tips and REST sends. */
  readonly ID: string;
  readonly conversationType: WireConversationType;
  /** Sender UserID (`@TIM#SYSTEM` for group tips). */
  readonly from: string;
  /** Receiver UserID (C2C) or GroupID. */
  readonly to: string;
  /** Sequence in its conversation, assigned at commit; 0 for online-only messages (never stored). */
  readonly seq: number;
  /** Server commit time, whole seconds. */
  readonly time: number;
  /** Client random (uint32), echoed. */
  readonly random: number;
  readonly elements: readonly WireElement[];
  readonly cloudCustomData: string;
  /** Group message priority (`High` | `Normal` | `Low` | `Lowest`). */
  readonly priority: string;
  /** UserIDs @-mentioned (may contain TYPES.MSG_AT_ALL). */
  readonly atUserList: readonly string[];
  /** True for `onlineUserOnly` sends: delivered to online users, never stored or synced. */
  readonly isOnlineOnly: boolean;
  /** Targeted group message: only these members receive it (empty = everyone). */
  readonly receiverList: readonly string[];
}

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

/** Largest message body accepted, in UTF-8 bytes of the JSON of `elements` + `cloudCustomData` (Tencent: 12 KB). */
export const MAX_MESSAGE_BYTES = 12 * 1024;
