/**
 * Conversation IDs (see `docs/PROTOCOL.md` §Messaging): the system conversation and the loose helpers
 * that split and build conversation IDs. The conversation itself is `shared/wire-conversation.ts`.
 */
import type { WireConversationType } from '../shared/wire-message.js';

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
