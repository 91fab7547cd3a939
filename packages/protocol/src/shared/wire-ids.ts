/**
 * Identifier rules of the messaging protocol, shared by its features: message IDs, group IDs and
 * conversation IDs, with strict parsers (the loose `parseConversationID` of
 * `conversations/conversation-types.ts` only splits the prefix). The rule for a custom group ID chosen
 * at creation is the groups feature's (`groups/group-rules.ts`).
 */
import { runParser, type BodyReader, type MessagingParsed } from '../core/parse-kit.js';
import { invalid, kindOf, utf8ByteLength, valid, type Parsed } from '../core/validate.js';
import { isValidUserID } from '../tencent/constants.js';
import type { WireConversationType } from './wire-message.js';

/** Client message IDs: 1..64 characters of `A–Z a–z 0–9 _ -`, unique per sender. */
export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True for a valid message ID ({@link MESSAGE_ID_PATTERN}). */
export function isValidMessageID(value: unknown): value is string {
  return typeof value === 'string' && MESSAGE_ID_PATTERN.test(value);
}

/** Longest group ID, in bytes (Tencent's limit). */
export const MAX_GROUP_ID_BYTES = 48;

const GROUP_ID_PATTERN = /^[\x21-\x7e]+$/;

/** True for a syntactically valid group ID: 1..48 printable ASCII characters without spaces. */
export function isValidGroupID(value: unknown): value is string {
  return typeof value === 'string' && GROUP_ID_PATTERN.test(value) && utf8ByteLength(value) <= MAX_GROUP_ID_BYTES;
}

/** A parsed conversation ID. */
export interface ConversationRef {
  /** `C2C<peer>` or `GROUP<groupID>`. */
  readonly conversationID: string;
  readonly type: WireConversationType;
  /** Peer UserID or GroupID. */
  readonly target: string;
}

/**
 * Strictly parses a conversation ID: `C2C` + a valid UserID, or `GROUP` + a valid group ID. The
 * system conversation (`@TIM#SYSTEM`) is not a message conversation and is refused.
 */
export function parseConversationRef(value: unknown, field = 'conversationID'): Parsed<ConversationRef> {
  if (typeof value !== 'string') return invalid(`${field} must be a string (got ${kindOf(value)})`);
  if (value.startsWith('C2C')) {
    const target = value.slice(3);
    if (!isValidUserID(target)) return invalid(`${field} must be "C2C" followed by a UserID of 1..32 letters, digits, "_" or "-"`);
    return valid({ conversationID: value, type: 'C2C', target });
  }
  if (value.startsWith('GROUP')) {
    const target = value.slice(5);
    if (!isValidGroupID(target)) return invalid(`${field} must be "GROUP" followed by a group ID of 1..${MAX_GROUP_ID_BYTES} printable ASCII characters`);
    return valid({ conversationID: value, type: 'GROUP', target });
  }
  return invalid(`${field} must start with "C2C" or "GROUP"`);
}

/** Reads the `conversationID` of a request strictly (see `parseConversationRef`). */
export function readConversationID(r: BodyReader): ConversationRef {
  const ref = parseConversationRef(r.raw('conversationID'));
  return ref.ok ? ref.value : r.fail(ref.reason);
}

/** Parses `{conversationID}` (`openim.clearhistory`, `recentcontact.get`). */
export function parseConversationRequest(body: unknown): MessagingParsed<{ readonly conversation: ConversationRef }> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => ({ conversation: readConversationID(r) }));
}
