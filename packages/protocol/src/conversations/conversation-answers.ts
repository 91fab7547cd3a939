/**
 * Parsers of the list answer and the push of the conversation commands (the SDK's side of
 * `recentcontact.*`). Same rules as the message answers: every declared field required, unknown
 * fields ignored. The answer carrying one conversation is in `shared/wire-conversation.ts`, since
 * `openim.setread` answers it too.
 */
import { MALFORMED_ANSWER, runParser, type ParseResult } from '../core/parse-kit.js';
import { readConversation, type WireConversation } from '../shared/wire-conversation.js';

/** Answer of `recentcontact.get_list`. */
export interface ConversationListResponse {
  readonly conversations: readonly WireConversation[];
}

/** Body of the `recentcontact.changed` push, told apart: a new state, or a deletion. */
export type ConversationChange = { readonly kind: 'changed'; readonly conversation: WireConversation } | { readonly kind: 'deleted'; readonly conversationID: string };

/** Parses the answer of `recentcontact.get_list`. */
export function parseConversationListAnswer(body: unknown): ParseResult<ConversationListResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ conversations: r.list('conversations', readConversation) }), 'conversation list answer');
}

/** Parses the body of the `recentcontact.changed` push. */
export function parseConversationPush(body: unknown): ParseResult<ConversationChange> {
  return runParser(
    body,
    MALFORMED_ANSWER,
    (r): ConversationChange =>
      r.raw('deleted') === true ? { kind: 'deleted', conversationID: r.str('conversationID') } : { kind: 'changed', conversation: r.object('conversation', readConversation) },
    'conversation push',
  );
}
