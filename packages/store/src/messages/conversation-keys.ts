/**
 * How stores name conversations internally: one key per conversation whoever looks at it
 * (`c:<lo>:<hi>` for a C2C pair, `g:<groupID>` for a group), derived from the viewer's
 * conversation ID (`C2C<peer>` / `GROUP<groupID>`). Every backend uses these, so the keys of one
 * backend's data mean the same in another's.
 */
import { ParleyError, parseConversationRef, type WireConversationType } from '@parley/protocol';
import type { MessageDraft, MessageRecord } from './message-store.js';

/** A conversation as a store addresses it. */
export interface ConversationAddress {
  /** Viewer-independent storage key. */
  readonly key: string;
  readonly type: WireConversationType;
  /** Peer UserID or GroupID. */
  readonly target: string;
}

/** Storage key of the C2C conversation between `a` and `b` (order does not matter). */
export function c2cKey(a: string, b: string): string {
  return a < b ? `c:${a}:${b}` : `c:${b}:${a}`;
}

/** Storage key of a group's conversation. */
export function groupKey(groupID: string): string {
  return `g:${groupID}`;
}

/** Storage key of the conversation a draft or message belongs to. */
export function messageKey(message: Pick<MessageDraft, 'conversationType' | 'from' | 'to'>): string {
  return message.conversationType === 'C2C' ? c2cKey(message.from, message.to) : groupKey(message.to);
}

/** Resolves a viewer's conversation ID; rejects a malformed one with 70402. */
export function addressOf(viewer: string, conversationID: string): ConversationAddress {
  const ref = parseConversationRef(conversationID);
  if (!ref.ok) throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', ref.reason);
  const { type, target } = ref.value;
  return { type, target, key: type === 'C2C' ? c2cKey(viewer, target) : groupKey(target) };
}

/** The conversation ID under which `viewer` sees `message`. */
export function conversationIDFor(viewer: string, message: Pick<MessageRecord, 'conversationType' | 'from' | 'to'>): string {
  if (message.conversationType === 'GROUP') return `GROUP${message.to}`;
  return `C2C${message.from === viewer ? message.to : message.from}`;
}
