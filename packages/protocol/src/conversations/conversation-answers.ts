/**
 * Parsers of the answers and pushes of the conversation commands (the SDK's side of
 * `recentcontact.*`, and of `openim.setread`, which answers a conversation). Same rules as the
 * message answers: every declared field required, unknown fields ignored.
 */
import { MALFORMED_ANSWER, runParser, type BodyReader, type ParseResult } from '../core/parse-kit.js';
import { readMessage } from '../messages/message-answers.js';
import type { WireConversationType } from '../messages/message-types.js';
import type { ConversationResponse, WireConversation } from './conversation-types.js';

/** Answer of `recentcontact.get_list`. */
export interface ConversationListResponse {
  readonly conversations: readonly WireConversation[];
}

/** Body of the `recentcontact.changed` push, told apart: a new state, or a deletion. */
export type ConversationChange = { readonly kind: 'changed'; readonly conversation: WireConversation } | { readonly kind: 'deleted'; readonly conversationID: string };

const TYPES: readonly WireConversationType[] = ['C2C', 'GROUP'];

/** Reads a {@link WireConversation}. */
export function readConversation(r: BodyReader): WireConversation {
  return {
    conversationID: r.str('conversationID'),
    type: r.oneOf('type', TYPES),
    target: r.str('target'),
    lastMessage: r.raw('lastMessage') === null ? null : r.object('lastMessage', readMessage),
    maxSeq: r.uint('maxSeq'),
    readSeq: r.uint('readSeq'),
    unreadCount: r.uint('unreadCount'),
    isPinned: r.bool('isPinned'),
    draftText: r.str('draftText'),
    updatedAt: r.uint('updatedAt'),
  };
}

/** Parses an answer carrying `{conversation}`. */
export function parseConversationAnswer(body: unknown): ParseResult<ConversationResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ conversation: r.object('conversation', readConversation) }), 'answer');
}

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
