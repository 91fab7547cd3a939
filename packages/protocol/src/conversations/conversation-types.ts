/**
 * Wire shapes of conversations (see `docs/PROTOCOL.md` §Messaging): a conversation as one user sees
 * it, and the loose helpers that split and build conversation IDs.
 */
import type { WireConversationType, WireMessage } from '../messages/message-types.js';

/** A conversation as seen by one user. */
export interface WireConversation {
  /** `C2C<peer>` or `GROUP<groupID>`. */
  readonly conversationID: string;
  readonly type: WireConversationType;
  /** Peer UserID or GroupID. */
  readonly target: string;
  readonly lastMessage: WireMessage | null;
  /** Highest sequence in the conversation. */
  readonly maxSeq: number;
  /** The user has read up to this sequence. */
  readonly readSeq: number;
  /** Messages from others after readSeq. */
  readonly unreadCount: number;
  readonly isPinned: boolean;
  readonly draftText: string;
  /** Last activity, whole seconds (the last message time, or pin/draft time). */
  readonly updatedAt: number;
}

/** Answer carrying one conversation. */
export interface ConversationResponse {
  readonly conversation: WireConversation;
}

/** Conversation ids of the system conversation (group system notices). */
export const SYSTEM_CONVERSATION_ID = '@TIM#SYSTEM';

/** `C2C<peer>` / `GROUP<groupID>` → its parts; `undefined` for anything else. */
export function parseConversationID(id: unknown): { type: WireConversationType; target: string } | undefined {
  if (typeof id !== 'string') return undefined;
  if (id.startsWith('C2C') && id.length > 3) return { type: 'C2C', target: id.slice(3) };
  if (id.startsWith('GROUP') && id.length > 5) return { type: 'GROUP', target: id.slice(5) };
  return undefined;
}

/** Builds a conversation id. */
export function conversationID(type: WireConversationType, target: string): string {
  return `${type === 'C2C' ? 'C2C' : 'GROUP'}${target}`;
}
