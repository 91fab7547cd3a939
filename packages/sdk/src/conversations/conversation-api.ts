/**
 * The conversation APIs of the web instance. The reads (`getConversationList`,
 * `getConversationProfile` of a listed conversation, `getTotalUnreadMessageCount`) answer from
 * the in-memory list, so they work before `SDK_READY` too; the writes go to the
 * server and apply its answer.
 */
import { ConversationCommands, ErrorCode, ParleyError, type CommandDef, type ConversationResponse, type WireConversation } from '@parley/protocol';
import type { Conversation } from '../model/message-types.js';
import { conversationArg, invalidArgument, record } from '../session/api-args.js';
import { ok, type ChatResponse } from '../session/chat-response.js';
import type { HubPorts } from '../session/messaging-hub.js';
import type { ConversationCache } from './conversation-cache.js';

/** Result of `getConversationList`. */
export interface ConversationListResult {
  readonly conversationList: Conversation[];
  /** True once the first sync of this login has completed. */
  readonly isSyncCompleted: boolean;
}

/** What the conversation operations work with. */
export interface ConversationApiPorts {
  readonly hub: Pick<HubPorts, 'epoch' | 'isCurrent' | 'call' | 'flush'>;
  readonly conversations: ConversationCache;
  /** Drops the cached messages of a conversation (the messages feature's cache). */
  clearMessages(conversationID: string): void;
  /** True once a sync of this login has completed (the sync engine). */
  isSynced(): boolean;
}

/** Conversation operations of one instance. */
export class ConversationApi {
  constructor(private readonly ports: ConversationApiPorts) {}

  /** See `ChatInstance.getConversationList`. */
  async getConversationList(options?: unknown): Promise<ChatResponse<ConversationListResult>> {
    let list = this.ports.conversations.list();
    const ids = Array.isArray(options) ? options : undefined;
    if (ids) list = list.filter((c) => ids.includes(c.conversationID));
    return ok({ conversationList: list, isSyncCompleted: this.ports.isSynced() });
  }

  /**
   * See `ChatInstance.getConversationProfile`. A listed conversation comes from memory; another
   * one is asked of the server when logged in (an ID nobody wrote in yet gives an empty
   * conversation, as Tencent's does), else the call fails with the not-ready reason.
   */
  async getConversationProfile(conversationID: unknown): Promise<ChatResponse<{ conversation: Conversation }>> {
    const conversation = conversationArg('getConversationProfile', conversationID);
    const cached = this.ports.conversations.get(conversation.id);
    if (cached) return ok({ conversation: cached });
    const epoch = this.ports.hub.epoch;
    let wire: WireConversation;
    try {
      wire = (await this.ports.hub.call(ConversationCommands.get, { conversationID: conversation.id })).conversation;
    } catch (error) {
      if (error instanceof ParleyError && error.code === ErrorCode.CONV_NOT_FOUND) return ok({ conversation: this.blank(conversation.id) });
      throw error;
    }
    if (this.ports.hub.isCurrent(epoch) && (wire.lastMessage !== null || wire.isPinned || wire.draftText !== '')) {
      this.ports.conversations.applySnapshot(wire);
      this.ports.hub.flush();
    }
    return ok({ conversation: this.ports.conversations.get(conversation.id) ?? this.blank(conversation.id) });
  }

  /** See `ChatInstance.getTotalUnreadMessageCount`. */
  getTotalUnreadMessageCount(): number {
    return this.ports.conversations.totalUnread();
  }

  /** See `ChatInstance.deleteConversation`. */
  async deleteConversation(
    options: unknown,
  ): Promise<ChatResponse<{ conversationID: string } | { conversationIDList: string[] }>> {
    const single = typeof options === 'string';
    let ids: string[];
    let clearHistory = true;
    if (single) {
      ids = [conversationArg('deleteConversation', options).id];
    } else {
      const o = record('deleteConversation', options);
      const list = o['conversationIDList'];
      if (!Array.isArray(list) || list.length === 0 || list.length > 100) throw invalidArgument('deleteConversation: conversationIDList must be an array of 1..100 conversation IDs');
      ids = list.map((id) => conversationArg('deleteConversation', id).id);
      const clear = o['clearHistoryMessage'] ?? true;
      if (typeof clear !== 'boolean') throw invalidArgument('deleteConversation: clearHistoryMessage must be a boolean');
      clearHistory = clear;
    }
    const epoch = this.ports.hub.epoch;
    for (const id of ids) {
      await this.ports.hub.call(ConversationCommands.delete, { conversationID: id, clearHistory });
      if (!this.ports.hub.isCurrent(epoch)) break;
      this.ports.conversations.remove(id);
      if (clearHistory) this.ports.clearMessages(id);
      this.ports.hub.flush();
    }
    return ok(single ? { conversationID: ids[0] ?? '' } : { conversationIDList: ids });
  }

  /** See `ChatInstance.pinConversation`. */
  async pinConversation(options: unknown): Promise<ChatResponse<{ conversationID: string }>> {
    const o = record('pinConversation', options);
    const conversation = conversationArg('pinConversation', o['conversationID']);
    if (typeof o['isPinned'] !== 'boolean') throw invalidArgument('pinConversation: isPinned must be a boolean');
    await this.write(ConversationCommands.pin, { conversationID: conversation.id, isPinned: o['isPinned'] });
    return ok({ conversationID: conversation.id });
  }

  /** See `ChatInstance.setConversationDraft`. */
  async setConversationDraft(options: unknown): Promise<ChatResponse<{ conversationID: string }>> {
    const o = record('setConversationDraft', options);
    const conversation = conversationArg('setConversationDraft', o['conversationID']);
    const draftText = o['draftText'] ?? '';
    if (typeof draftText !== 'string') throw invalidArgument('setConversationDraft: draftText must be a string');
    await this.write(ConversationCommands.setDraft, { conversationID: conversation.id, draftText });
    return ok({ conversationID: conversation.id });
  }

  /** Sends a command answered with `{conversation}` and applies that state. */
  private async write(def: CommandDef<unknown, ConversationResponse>, body: Record<string, unknown>): Promise<void> {
    const epoch = this.ports.hub.epoch;
    const { conversation } = await this.ports.hub.call(def, body);
    if (!this.ports.hub.isCurrent(epoch)) return;
    this.ports.conversations.applySnapshot(conversation);
    this.ports.hub.flush();
  }

  private blank(id: string): Conversation {
    const conversation = this.ports.conversations.blank(id);
    if (!conversation) throw ParleyError.of('INVALID_CONV_ID', id);
    return conversation;
  }
}
