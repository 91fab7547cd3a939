/**
 * The message APIs of the web instance: creating, sending and resending messages, reading
 * history (`getMessageList`, `getMessageListHopping`), `findMessage`, deleting, clearing and
 * marking read. Each resolves Tencent's `{code: 0, data}` or rejects with a `ParleyError`.
 *
 * Exactly-once sends: a message keeps its ID across `resendMessage`, and the server answers a
 * known ID with the stored copy, so a resend after a lost answer never makes a second message.
 */
import { ConversationCommands, ErrorCode, MessageCommands, ParleyError, TYPES, type WireMessage } from '@parley/protocol';
import { createCustomMessage, createTextAtMessage, createTextMessage, isSdkMessage, mergeWire, sendRequestOf } from '../model/message-factory.js';
import type { Message } from '../model/message-types.js';
import { conversationArg, intInRange, invalidArgument, record } from '../session/api-args.js';
import { ok, type ChatResponse } from '../session/chat-response.js';
import { toParleyError } from '../model/sdk-errors.js';
import type { MessageApiPorts } from './message-ports.js';

/** Default and largest page of `getMessageList` / `getMessageListHopping` (Tencent: 15; Parley allows up to 100). */
export const DEFAULT_PAGE = 15;
const MAX_PAGE = 100;
/** Most messages one `deleteMessage` call takes (the contract's limit). */
export const MAX_DELETE = 30;

interface SendOptions {
  readonly onlineUserOnly: boolean;
  readonly receiverList: string[];
}

/** Result of `getMessageList`. */
export interface MessageListResult {
  readonly messageList: Message[];
  /** ID to pass for the next (older) page; '' when the page was empty. */
  readonly nextReqMessageID: string;
  readonly isCompleted: boolean;
}

/** Result of `getMessageListHopping`. */
export interface MessageHoppingResult {
  readonly messageList: Message[];
  readonly isCompleted: boolean;
  /** `sequence` to pass to continue in the same direction. */
  readonly nextMessageSeq: number;
  /** Time (seconds) of the message at the far end of this page, for continuing by `time`. */
  readonly nextMessageTime: number;
}

function parseSendOptions(value: unknown): SendOptions {
  if (value === undefined || value === null) return { onlineUserOnly: false, receiverList: [] };
  const o = record('sendMessage', value);
  const online = o['onlineUserOnly'] ?? false;
  if (typeof online !== 'boolean') throw invalidArgument('sendMessage: onlineUserOnly must be a boolean');
  const list = o['receiverList'] ?? [];
  if (!Array.isArray(list) || !list.every((u) => typeof u === 'string')) throw invalidArgument('sendMessage: receiverList must be an array of UserIDs');
  return { onlineUserOnly: online, receiverList: [...(list as string[])] };
}

/** Message operations of one instance. */
export class MessageApi {
  private readonly sending = new Map<Message, Promise<ChatResponse<{ message: Message }>>>();
  private readonly sendOptions = new WeakMap<Message, SendOptions>();

  constructor(private readonly ports: MessageApiPorts) {}

  /** See `ChatInstance.createTextMessage`. */
  createTextMessage(options: unknown): Message {
    return createTextMessage(this.ports.hub.factoryContext(), options);
  }

  /** See `ChatInstance.createTextAtMessage`. */
  createTextAtMessage(options: unknown): Message {
    return createTextAtMessage(this.ports.hub.factoryContext(), options);
  }

  /** See `ChatInstance.createCustomMessage`. */
  createCustomMessage(options: unknown): Message {
    return createCustomMessage(this.ports.hub.factoryContext(), options);
  }

  /** See `ChatInstance.sendMessage`. Sending a message that is already on its way returns the same promise. */
  async sendMessage(message: unknown, options?: unknown): Promise<ChatResponse<{ message: Message }>> {
    if (!isSdkMessage(message)) throw ParleyError.of('MSG_INSTANCE_REQUIRED');
    const inFlight = this.sending.get(message);
    if (inFlight) return inFlight;
    const opts = options === undefined ? (this.sendOptions.get(message) ?? parseSendOptions(undefined)) : parseSendOptions(options);
    this.sendOptions.set(message, opts);
    const sent = this.send(message, opts).finally(() => this.sending.delete(message));
    this.sending.set(message, sent);
    return sent;
  }

  /** See `ChatInstance.resendMessage`. */
  async resendMessage(message: unknown): Promise<ChatResponse<{ message: Message }>> {
    if (!isSdkMessage(message)) throw ParleyError.of('MSG_INSTANCE_REQUIRED');
    if (!this.sending.has(message)) message.isResend = true;
    return this.sendMessage(message);
  }

  private async send(message: Message, opts: SendOptions): Promise<ChatResponse<{ message: Message }>> {
    const { hub, messages, conversations } = this.ports;
    if (message.from !== hub.viewer) {
      throw new ParleyError(ErrorCode.INVALID_OPERATION, `This message was created by ${message.from}, not by the logged-in user`, { message });
    }
    const epoch = hub.epoch;
    message.status = 'unSend';
    if (opts.onlineUserOnly) {
      message.isOnlineOnly = true;
      messages.markSeen(message);
    } else {
      messages.addLocal(message);
      conversations.applyMessage(message);
      hub.flush();
    }
    try {
      const wire = (await hub.call(MessageCommands.send, { ...sendRequestOf(message, opts) })).message;
      if (hub.isCurrent(epoch) && wire.seq > 0) {
        messages.upsert(wire, hub.viewer, true);
        messages.markSeen(message);
        conversations.applyMessage(message);
        this.ports.noteOwnSend(message.conversationID, wire.seq);
        hub.flush();
      } else {
        mergeWire(message, wire);
      }
      return ok({ message });
    } catch (error) {
      message.status = 'fail';
      if (hub.isCurrent(epoch)) {
        conversations.touch();
        hub.flush();
      }
      const e = toParleyError(error);
      throw new ParleyError(e.code, e.message, { ...e.data, message }, { cause: e });
    }
  }

  /** See `ChatInstance.getMessageList`. */
  async getMessageList(options: unknown): Promise<ChatResponse<MessageListResult>> {
    const o = record('getMessageList', options);
    const conversation = conversationArg('getMessageList', o['conversationID']);
    const count = intInRange('getMessageList', 'count', o['count'], 1, MAX_PAGE, DEFAULT_PAGE);
    const next = o['nextReqMessageID'];
    let beforeSeq: number | undefined;
    if (next !== undefined && next !== '') {
      const anchor = typeof next === 'string' ? this.ports.messages.findByID(next) : undefined;
      if (!anchor || anchor.conversationID !== conversation.id || anchor.sequence === 0) {
        throw invalidArgument(`getMessageList: nextReqMessageID ${JSON.stringify(next)} is not a stored message of ${conversation.id} in the cache`);
      }
      beforeSeq = anchor.sequence;
    }
    const page = await this.history(conversation.id, beforeSeq !== undefined ? { beforeSeq } : {}, count);
    const oldest = page.messages[0];
    const messageList = beforeSeq === undefined ? [...page.messages, ...this.ports.messages.unsent(conversation.id)] : page.messages;
    return ok({ messageList, nextReqMessageID: oldest?.ID ?? '', isCompleted: page.isCompleted });
  }

  /** See `ChatInstance.getMessageListHopping`. */
  async getMessageListHopping(options: unknown): Promise<ChatResponse<MessageHoppingResult>> {
    const api = 'getMessageListHopping';
    const o = record(api, options);
    const conversation = conversationArg(api, o['conversationID']);
    const direction = intInRange(api, 'direction', o['direction'], 0, 1, 0);
    const count = intInRange(api, 'count', o['count'], 1, MAX_PAGE, DEFAULT_PAGE);
    let sequence = o['sequence'] === undefined ? undefined : intInRange(api, 'sequence', o['sequence'], 0, Number.MAX_SAFE_INTEGER, 0);
    const time = o['time'] === undefined ? undefined : intInRange(api, 'time', o['time'], 0, Number.MAX_SAFE_INTEGER, 0);
    if (sequence === undefined && time !== undefined) {
      sequence = await this.sequenceAt(conversation.id, time, direction);
      if (sequence === undefined) return ok({ messageList: [], isCompleted: true, nextMessageSeq: 0, nextMessageTime: time });
    }
    const range = direction === 0 ? (sequence === undefined ? {} : { beforeSeq: sequence + 1 }) : { afterSeq: Math.max((sequence ?? 1) - 1, 0) };
    const page = await this.history(conversation.id, range, count);
    const edge = direction === 0 ? page.messages[0] : page.messages.at(-1);
    return ok({
      messageList: page.messages,
      isCompleted: page.isCompleted,
      nextMessageSeq: edge ? (direction === 0 ? Math.max(edge.sequence - 1, 0) : edge.sequence + 1) : (sequence ?? 0),
      nextMessageTime: edge?.time ?? time ?? 0,
    });
  }

  /** See `ChatInstance.findMessage`. */
  findMessage(messageID: unknown): Message | null {
    return typeof messageID === 'string' ? (this.ports.messages.findByID(messageID) ?? null) : null;
  }

  /** See `ChatInstance.deleteMessage`. */
  async deleteMessage(messageList: unknown): Promise<ChatResponse<{ messageList: Message[] }>> {
    if (!Array.isArray(messageList) || messageList.length === 0 || messageList.length > MAX_DELETE) {
      throw invalidArgument(`deleteMessage: pass an array of 1..${MAX_DELETE} messages`);
    }
    if (!messageList.every(isSdkMessage)) throw ParleyError.of('MSG_INSTANCE_REQUIRED', 'deleteMessage takes messages the SDK returned');
    const list = messageList as Message[];
    const id = list[0]?.conversationID ?? '';
    if (list.some((m) => m.conversationID !== id)) throw invalidArgument('deleteMessage: all messages must belong to one conversation');
    const seqs = list.filter((m) => m.sequence > 0 && !m.isOnlineOnly).map((m) => m.sequence);
    const epoch = this.ports.hub.epoch;
    if (seqs.length > 0) await this.ports.hub.call(MessageCommands.delete, { conversationID: id, seqs });
    for (const m of list) m.isDeleted = true;
    if (this.ports.hub.isCurrent(epoch)) {
      for (const m of list) this.ports.messages.remove(m);
      const last = this.ports.conversations.get(id)?.lastMessage;
      if (last && list.some((m) => m.sequence === last.lastSequence && m.sequence > 0)) await this.refreshConversation(id, epoch);
      this.ports.hub.flush();
    }
    return ok({ messageList: list });
  }

  /** See `ChatInstance.clearHistoryMessage`. */
  async clearHistoryMessage(conversationID: unknown): Promise<ChatResponse<Record<string, never>>> {
    const conversation = conversationArg('clearHistoryMessage', conversationID);
    const epoch = this.ports.hub.epoch;
    await this.ports.hub.call(MessageCommands.clearHistory, { conversationID: conversation.id });
    if (this.ports.hub.isCurrent(epoch)) {
      this.ports.messages.clearConversation(conversation.id);
      this.ports.conversations.clearLastMessage(conversation.id);
      await this.refreshConversation(conversation.id, epoch);
      this.ports.hub.flush();
    }
    return ok({});
  }

  /** See `ChatInstance.setMessageRead`. */
  async setMessageRead(options: unknown): Promise<ChatResponse<Record<string, never>>> {
    const conversation = conversationArg('setMessageRead', record('setMessageRead', options)['conversationID']);
    const epoch = this.ports.hub.epoch;
    const answer = await this.ports.hub.callParsed(MessageCommands.setRead, { conversationID: conversation.id });
    if (!this.ports.hub.isCurrent(epoch)) return ok({});
    if (answer.ok) {
      this.ports.conversations.applySnapshot(answer.value.conversation);
      this.ports.messages.markRead(conversation.id, answer.value.conversation.readSeq);
    } else {
      this.ports.hub.logger.warn('setMessageRead: malformed answer, marking read locally:', answer.reason);
      this.ports.conversations.markRead(conversation.id);
      this.ports.messages.markRead(conversation.id);
    }
    this.ports.hub.flush();
    return ok({});
  }

  /** See `ChatInstance.setAllMessageRead`. */
  async setAllMessageRead(options?: unknown): Promise<ChatResponse<Record<string, never>>> {
    const raw = options === undefined ? undefined : record('setAllMessageRead', options)['scope'];
    const scopes: Record<string, 'c2c' | 'group' | 'all'> = {
      [TYPES.READ_ALL_C2C_MSG]: 'c2c',
      [TYPES.READ_ALL_GROUP_MSG]: 'group',
      [TYPES.READ_ALL_MSG]: 'all',
    };
    const scope = raw === undefined ? 'all' : typeof raw === 'string' ? scopes[raw] : undefined;
    if (!scope) throw invalidArgument('setAllMessageRead: scope must be TYPES.READ_ALL_C2C_MSG, READ_ALL_GROUP_MSG or READ_ALL_MSG');
    const epoch = this.ports.hub.epoch;
    await this.ports.hub.call(MessageCommands.setAllRead, { scope });
    if (this.ports.hub.isCurrent(epoch)) {
      for (const id of this.ports.conversations.markAllRead(scope)) this.ports.messages.markRead(id);
      this.ports.hub.flush();
    }
    return ok({});
  }

  /** Fetches one page of history, caches it and marks it seen (the app has it now). */
  private async history(
    id: string,
    range: { beforeSeq?: number; afterSeq?: number; untilTime?: number; sinceTime?: number },
    count: number,
  ): Promise<{ messages: Message[]; isCompleted: boolean }> {
    const epoch = this.ports.hub.epoch;
    const answer = await this.ports.hub.call(MessageCommands.history, { conversationID: id, ...range, count });
    const wires = [...answer.messages].sort((a, b) => a.seq - b.seq);
    const messages = this.ports.hub.isCurrent(epoch) ? this.cacheHistory(id, wires) : [];
    return { messages, isCompleted: answer.isCompleted };
  }

  private cacheHistory(id: string, wires: readonly WireMessage[]): Message[] {
    const { hub, messages: cache, conversations } = this.ports;
    const readSeq = conversations.readSeq(id);
    const messages = wires.map((wire) => {
      const { message } = cache.upsert(wire, hub.viewer, wire.seq <= readSeq);
      if (wire.seq > 0) conversations.applyMessage(message);
      cache.markSeen(message);
      return message;
    });
    hub.flush();
    return messages;
  }

  /**
   * The sequence nearest `time` (seconds): the newest message sent at or before it (direction 0), or
   * the oldest sent at or after it (1). One request: the server pages by time (`untilTime` / `sinceTime`).
   */
  private async sequenceAt(id: string, time: number, direction: number): Promise<number | undefined> {
    const { messages } = await this.history(id, direction === 0 ? { untilTime: time } : { sinceTime: time }, 1);
    return messages[0]?.sequence;
  }

  private async refreshConversation(id: string, epoch: number): Promise<void> {
    try {
      const answer = await this.ports.hub.callParsed(ConversationCommands.get, { conversationID: id });
      if (answer.ok && this.ports.hub.isCurrent(epoch) && this.ports.conversations.has(id)) this.ports.conversations.applySnapshot(answer.value.conversation);
    } catch (error) {
      this.ports.hub.logger.debug(`refreshing ${id} failed (the list catches up at the next sync):`, error);
    }
  }
}
