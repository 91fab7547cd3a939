/**
 * The conversation list and each user's state of a conversation: read position, pin, draft, cleared
 * history, deleted messages and deleted conversations. Changes are pushed to the user's other
 * instances as `recentcontact.changed`.
 */
import { MessagingPush, type ConversationRef, type ReadScope, type WireConversation } from '@parley/protocol';
import type { ConversationPatch, Store } from '@parley/store';
import type { Clock } from '../../time/clock.js';
import type { Delivery } from '../../sessions/delivery.js';
import type { MessagePort } from '../messages/message-port.js';
import { ProfileDirectory } from '../../directories/profile-directory.js';
import { compareConversations, wireConversation } from '../../gateway/wire-convert.js';

/** Dependencies of {@link ConversationService}. */
export interface ConversationServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly delivery: Delivery;
  readonly messages: MessagePort;
}

/** Who asks: the user and the instance the request came from. */
export interface Caller {
  readonly sdkAppID: number;
  readonly userID: string;
  /** Instance id of the requesting connection (it gets the answer, not a push). */
  readonly origin?: string;
}

/** Conversations of users. */
export class ConversationService {
  readonly #d: ConversationServiceDeps;
  /** The C2C peers' current nick and avatar (Tencent's `Conversation.userProfile`). */
  readonly #profiles: ProfileDirectory;

  constructor(deps: ConversationServiceDeps) {
    this.#d = deps;
    this.#profiles = new ProfileDirectory(deps.store);
  }

  /** Every conversation of the user: pinned first, then most recently active. */
  async list(caller: Caller): Promise<WireConversation[]> {
    const views = await this.#d.store.conversations.get(caller.sdkAppID, caller.userID);
    const peers = await this.#profiles.briefs(caller.sdkAppID, views.filter((v) => v.type === 'C2C').map((v) => v.target));
    return views.map((v) => wireConversation(v, peers.get(v.target))).sort(compareConversations);
  }

  /** One conversation (checked: existing peer, or a group the user belongs to). */
  async get(caller: Caller, conv: ConversationRef): Promise<WireConversation> {
    await this.#d.messages.checkConversation(caller.sdkAppID, caller.userID, conv);
    return this.#view(caller, conv.conversationID);
  }

  /** Marks read up to `seq` (default and at most the newest); the read position never goes back. */
  async setRead(caller: Caller, conv: ConversationRef, seq?: number): Promise<WireConversation> {
    const current = await this.get(caller, conv);
    const readSeq = Math.min(seq ?? current.maxSeq, current.maxSeq);
    return this.#update(caller, conv.conversationID, { readSeq });
  }

  /** Marks every conversation in `scope` read. */
  async setAllRead(caller: Caller, scope: ReadScope): Promise<void> {
    const unread = (await this.list(caller)).filter(
      (c) => c.unreadCount > 0 && (scope === 'all' || (scope === 'c2c' ? c.type === 'C2C' : c.type === 'GROUP')),
    );
    if (unread.length === 0) return;
    await this.#d.store.conversations.update(caller.sdkAppID, caller.userID, unread.map((c) => ({ conversationID: c.conversationID, patch: { readSeq: c.maxSeq } })));
    for (const c of unread) await this.#pushView(caller, c.conversationID);
  }

  /** Deletes messages for this user only. */
  async deleteMessages(caller: Caller, conv: ConversationRef, seqs: readonly number[]): Promise<void> {
    await this.#d.messages.checkConversation(caller.sdkAppID, caller.userID, conv);
    await this.#d.store.conversations.deleteMessages(caller.sdkAppID, caller.userID, conv.conversationID, seqs);
    await this.#pushView(caller, conv.conversationID);
  }

  /** Clears the history up to now, for this user only. */
  async clearHistory(caller: Caller, conv: ConversationRef): Promise<void> {
    const current = await this.get(caller, conv);
    await this.#update(caller, conv.conversationID, { clearedSeq: current.maxSeq, readSeq: current.maxSeq });
  }

  /**
   * Removes the conversation from the user's list (unpinning it and dropping its draft) until a newer
   * message arrives; `clearHistory` also clears what came before.
   */
  async deleteConversation(caller: Caller, conv: ConversationRef, clearHistory: boolean): Promise<void> {
    const current = await this.get(caller, conv);
    const patch: ConversationPatch = {
      deletedSeq: current.maxSeq,
      readSeq: current.maxSeq,
      isPinned: false,
      draftText: '',
      updatedAt: this.#now(),
      ...(clearHistory ? { clearedSeq: current.maxSeq } : {}),
    };
    await this.#d.store.conversations.update(caller.sdkAppID, caller.userID, [{ conversationID: conv.conversationID, patch }]);
    this.#d.delivery.toUsers(caller.sdkAppID, [caller.userID], MessagingPush.CONVERSATION_CHANGED, { conversationID: conv.conversationID, deleted: true }, caller.origin);
  }

  /** Pins or unpins. */
  async pin(caller: Caller, conv: ConversationRef, isPinned: boolean): Promise<WireConversation> {
    await this.#d.messages.checkConversation(caller.sdkAppID, caller.userID, conv);
    return this.#update(caller, conv.conversationID, { isPinned, deletedSeq: null, updatedAt: this.#now() });
  }

  /** Stores a draft (`''` removes it), shared by the user's devices. */
  async setDraft(caller: Caller, conv: ConversationRef, draftText: string): Promise<WireConversation> {
    await this.#d.messages.checkConversation(caller.sdkAppID, caller.userID, conv);
    return this.#update(caller, conv.conversationID, { draftText, deletedSeq: null, updatedAt: this.#now() });
  }

  async #update(caller: Caller, conversationID: string, patch: ConversationPatch): Promise<WireConversation> {
    await this.#d.store.conversations.update(caller.sdkAppID, caller.userID, [{ conversationID, patch }]);
    return this.#pushView(caller, conversationID);
  }

  /** Reads the conversation and tells the user's other instances about it. */
  async #pushView(caller: Caller, conversationID: string): Promise<WireConversation> {
    const conversation = await this.#view(caller, conversationID);
    this.#d.delivery.toUsers(caller.sdkAppID, [caller.userID], MessagingPush.CONVERSATION_CHANGED, { conversation }, caller.origin);
    return conversation;
  }

  async #view(caller: Caller, conversationID: string): Promise<WireConversation> {
    const [view] = await this.#d.store.conversations.get(caller.sdkAppID, caller.userID, [conversationID]);
    if (!view) throw new Error(`the store returned no view of ${conversationID}`);
    return wireConversation(view, view.type === 'C2C' ? await this.#profiles.brief(caller.sdkAppID, view.target) : undefined);
  }

  #now(): number {
    return Math.floor(this.#d.clock.now() / 1000);
  }
}
