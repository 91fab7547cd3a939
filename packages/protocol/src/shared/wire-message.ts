/**
 * The wire message, shared by the message and conversation features (a conversation carries its
 * last message): its shape, its size limit and its answer reader.
 *
 * Wire messages are viewer-independent; SDKs turn them into Tencent-shaped `Message` objects
 * (`conversationID`, `flow`, `isRead`, ...) for the logged-in user.
 */
import type { BodyReader } from '../core/parse-kit.js';

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
  /** The sender's nickname when the server accepted the message ('' when none); later profile changes leave it as it was, as on Tencent. */
  readonly nick: string;
  /** The sender's avatar URL when the server accepted the message ('' when none). */
  readonly avatar: string;
  /** Group messages: the sender's name card in the group when the message was accepted; '' for C2C. */
  readonly nameCard: string;
}

/** The sender's names a message carries, as of its send: `nick` and `avatar` from the profile, `nameCard` from the group. */
export interface WireSenderNames {
  readonly nick: string;
  readonly avatar: string;
  readonly nameCard: string;
}

/** Names of a message whose sender has none (online-only tips, messages stored before senders' names were kept). */
export const NO_SENDER_NAMES: WireSenderNames = Object.freeze({ nick: '', avatar: '', nameCard: '' });

/** Largest message body accepted, in UTF-8 bytes of the JSON of `elements` + `cloudCustomData` (Tencent: 12 KB). */
export const MAX_MESSAGE_BYTES = 12 * 1024;

const CONVERSATION_TYPES: readonly WireConversationType[] = ['C2C', 'GROUP'];

function readElement(r: BodyReader): WireElement {
  return { type: r.str('type'), content: r.record('content') };
}

/** Reads a {@link WireMessage} (also inside conversations). */
export function readMessage(r: BodyReader): WireMessage {
  const elements = r.list('elements', readElement);
  return {
    ID: r.str('ID'),
    conversationType: r.oneOf('conversationType', CONVERSATION_TYPES),
    from: r.str('from'),
    to: r.str('to'),
    seq: r.uint('seq'),
    time: r.uint('time'),
    random: r.uint('random'),
    elements,
    cloudCustomData: r.str('cloudCustomData'),
    priority: r.str('priority'),
    atUserList: r.strings('atUserList'),
    isOnlineOnly: r.bool('isOnlineOnly'),
    receiverList: r.strings('receiverList'),
    nick: r.str('nick'),
    avatar: r.str('avatar'),
    nameCard: r.str('nameCard'),
  };
}
