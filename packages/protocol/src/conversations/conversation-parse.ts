/**
 * Parsers of the conversation request bodies (`recentcontact.*`); invalid fields answer
 * `PARLEY_BAD_REQUEST`. `recentcontact.get` takes `{conversationID}` like `openim.clearhistory` and
 * shares its parser (`parseConversationRequest` in `shared/wire-ids.ts`).
 */
import { runParser, type MessagingParsed } from '../core/parse-kit.js';
import { MAX_MESSAGE_BYTES } from '../shared/wire-message.js';
import { readConversationID, type ConversationRef } from '../shared/wire-ids.js';

/** Parses the body of `recentcontact.delete`. */
export function parseDeleteConversationRequest(body: unknown): MessagingParsed<{ readonly conversation: ConversationRef; readonly clearHistory: boolean }> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => ({ conversation: readConversationID(r), clearHistory: r.optionalBoolean('clearHistory') ?? false }));
}

/** Parses the body of `recentcontact.pin`. */
export function parsePinConversationRequest(body: unknown): MessagingParsed<{ readonly conversation: ConversationRef; readonly isPinned: boolean }> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => ({ conversation: readConversationID(r), isPinned: r.boolean('isPinned') }));
}

/** Parses the body of `recentcontact.set_draft` (`draftText` ≤ `MAX_MESSAGE_BYTES`; `''` clears it). */
export function parseSetDraftRequest(body: unknown): MessagingParsed<{ readonly conversation: ConversationRef; readonly draftText: string }> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => ({ conversation: readConversationID(r), draftText: r.string('draftText', MAX_MESSAGE_BYTES) }));
}
