/**
 * Parsers of the answers and pushes of the message commands (the SDK's side of `openim.*`), so a
 * body that breaks the contract becomes one reason naming the field (`"sync answer.messages[3].seq
 * must be a non-negative integer"`) instead of `undefined` fields later. Unknown fields are ignored
 * (docs/PROTOCOL.md §13, Versioning); every field the contract declares is required.
 */
import { MALFORMED_ANSWER, runParser, type ParseResult } from '../core/parse-kit.js';
import { readMessage, type WireMessage } from '../shared/wire-message.js';
import type { HistoryResponse, SendMessageResponse, SyncResponse } from './message-types.js';

/** Body of the `openim.msg` push. */
export interface MessagePush {
  readonly message: WireMessage;
}

/** Parses the answer of `openim.sendmsg`. */
export function parseSendAnswer(body: unknown): ParseResult<SendMessageResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ message: r.object('message', readMessage), duplicate: r.bool('duplicate') }), 'send answer');
}

/** Parses the answer of `openim.sync`. */
export function parseSyncAnswer(body: unknown): ParseResult<SyncResponse> {
  return runParser(
    body,
    MALFORMED_ANSWER,
    (r) => ({
      messages: r.list('messages', readMessage),
      cursor: r.uint('cursor'),
      isCompleted: r.bool('isCompleted'),
      groups: r.list('groups', (g) => ({ groupID: g.str('groupID'), seq: g.uint('seq') })),
    }),
    'sync answer',
  );
}

/** Parses the answer of `openim.getmsg`. */
export function parseHistoryAnswer(body: unknown): ParseResult<HistoryResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ messages: r.list('messages', readMessage), isCompleted: r.bool('isCompleted') }), 'history answer');
}

/** Parses the body of the `openim.msg` push. */
export function parseMessagePush(body: unknown): ParseResult<MessagePush> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ message: r.object('message', readMessage) }), 'message push');
}
