/**
 * The wire conversation, shared by the conversation and message features (`openim.setread` answers
 * a conversation): its shape, the answer carrying one, and their readers.
 */
import { MALFORMED_ANSWER, runParser, type BodyReader, type ParseResult } from '../core/parse-kit.js';
import { readMessage, type WireConversationType, type WireMessage } from './wire-message.js';

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
  /** C2C: the peer's current nick and avatar (Tencent's `Conversation.userProfile`); `null` for groups. */
  readonly userProfile: WireUserBrief | null;
}

/** A user's current nick and avatar, as conversations and member lists carry them. */
export interface WireUserBrief {
  readonly userID: string;
  readonly nick: string;
  readonly avatar: string;
}

/** Reads a {@link WireUserBrief}. */
export function readUserBrief(r: BodyReader): WireUserBrief {
  return { userID: r.str('userID'), nick: r.str('nick'), avatar: r.str('avatar') };
}

/** Answer carrying one conversation. */
export interface ConversationResponse {
  readonly conversation: WireConversation;
}

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
    userProfile: r.raw('userProfile') === null ? null : r.object('userProfile', readUserBrief),
  };
}

/** Parses an answer carrying `{conversation}`. */
export function parseConversationAnswer(body: unknown): ParseResult<ConversationResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ conversation: r.object('conversation', readConversation) }), 'answer');
}
