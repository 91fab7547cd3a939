/**
 * The message and conversation commands of `MessagingCommand` on the WebSocket gateway. Every body is
 * parsed at the edge (`@parley/protocol` parsers); a bad one is answered with the error the parser
 * names.
 */
import {
  MessagingCommand,
  ParleyError,
  parseConversationRequest,
  parseDeleteConversationRequest,
  parseDeleteMessagesRequest,
  parseHistoryRequest,
  parsePinConversationRequest,
  parseSendMessageRequest,
  parseSetAllReadRequest,
  parseSetDraftRequest,
  parseSetReadRequest,
  parseSyncRequest,
  type MessagingParsed,
} from '@parley/protocol';
import type { ClientConnection } from '../../gateway/client-connection.js';
import type { WsGateway } from '../../gateway/ws-gateway.js';
import type { SinkTable } from '../../sessions/sink-table.js';
import type { Caller, ConversationService } from '../conversations/conversation-service.js';
import { encodedSendAnswer, type MessageService } from './message-service.js';

/** What the message commands need. */
export interface MessagingCommandDeps {
  readonly sinks: SinkTable;
  readonly messages: MessageService;
  readonly conversations: ConversationService;
}

/** The typed body, or the parser's error as a `ParleyError`. */
export function parsedBody<T>(parsed: MessagingParsed<T>): T {
  if (!parsed.ok) throw ParleyError.of(parsed.error, parsed.reason);
  return parsed.value;
}

/** The logged-in user of a connection (6014 when the instance is gone, e.g. kicked mid-request). */
export function callerOf(sinks: SinkTable, conn: ClientConnection): Caller & { readonly origin: string } {
  const inst = conn.instanceID === undefined ? undefined : sinks.get(conn.instanceID);
  if (!inst || inst.pending) throw ParleyError.of('ERR_SDK_NOT_LOGGED_IN');
  return { sdkAppID: inst.sdkAppID, userID: inst.userID, origin: inst.instanceID };
}

/** Registers the message and conversation commands. */
export function registerMessagingCommands(gateway: WsGateway, deps: MessagingCommandDeps): void {
  const { sinks, messages, conversations } = deps;
  const caller = (conn: ClientConnection): Caller & { readonly origin: string } => callerOf(sinks, conn);

  // Sends of one connection are checked one after another and queued for commit in arrival order,
  // so they are committed (and numbered) in the order the client sent them, yet still share batches.
  const queued = new WeakMap<ClientConnection, Promise<void>>();
  gateway.register(MessagingCommand.SEND, async (conn, req) => {
    const body = parsedBody(parseSendMessageRequest(req.body));
    const c = caller(conn);
    const ctx = { sdkAppID: c.sdkAppID, from: c.userID, origin: c.origin };
    const previous = queued.get(conn) ?? Promise.resolve();
    let release = (): void => undefined;
    queued.set(conn, new Promise<void>((resolve) => (release = resolve)));
    try {
      await previous;
      const committed = messages.commit(ctx, body, await messages.checkClientSend(ctx, body));
      release();
      return encodedSendAnswer(await committed);
    } finally {
      release();
    }
  });
  gateway.register(MessagingCommand.SYNC, async (conn, req) => {
    const body = parsedBody(parseSyncRequest(req.body));
    const c = caller(conn);
    return { ...(await messages.sync(c.sdkAppID, c.userID, body.cursor, body.count, body.recent)) };
  });
  gateway.register(MessagingCommand.HISTORY, async (conn, req) => {
    const body = parsedBody(parseHistoryRequest(req.body));
    const c = caller(conn);
    return { ...(await messages.history(c.sdkAppID, c.userID, body)) };
  });
  gateway.register(MessagingCommand.SET_READ, async (conn, req) => {
    const body = parsedBody(parseSetReadRequest(req.body));
    return { conversation: await conversations.setRead(caller(conn), body.conversation, body.seq) };
  });
  gateway.register(MessagingCommand.SET_ALL_READ, async (conn, req) => {
    const body = parsedBody(parseSetAllReadRequest(req.body));
    await conversations.setAllRead(caller(conn), body.scope);
    return {};
  });
  gateway.register(MessagingCommand.DELETE, async (conn, req) => {
    const body = parsedBody(parseDeleteMessagesRequest(req.body));
    await conversations.deleteMessages(caller(conn), body.conversation, body.seqs);
    return {};
  });
  gateway.register(MessagingCommand.CLEAR_HISTORY, async (conn, req) => {
    const body = parsedBody(parseConversationRequest(req.body));
    await conversations.clearHistory(caller(conn), body.conversation);
    return {};
  });
  gateway.register(MessagingCommand.CONVERSATIONS, async (conn) => ({ conversations: await conversations.list(caller(conn)) }));
  gateway.register(MessagingCommand.CONVERSATION, async (conn, req) => {
    const body = parsedBody(parseConversationRequest(req.body));
    return { conversation: await conversations.get(caller(conn), body.conversation) };
  });
  gateway.register(MessagingCommand.DELETE_CONVERSATION, async (conn, req) => {
    const body = parsedBody(parseDeleteConversationRequest(req.body));
    await conversations.deleteConversation(caller(conn), body.conversation, body.clearHistory);
    return {};
  });
  gateway.register(MessagingCommand.PIN_CONVERSATION, async (conn, req) => {
    const body = parsedBody(parsePinConversationRequest(req.body));
    return { conversation: await conversations.pin(caller(conn), body.conversation, body.isPinned) };
  });
  gateway.register(MessagingCommand.SET_DRAFT, async (conn, req) => {
    const body = parsedBody(parseSetDraftRequest(req.body));
    return { conversation: await conversations.setDraft(caller(conn), body.conversation, body.draftText) };
  });
}
