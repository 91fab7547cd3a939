/**
 * The local message cache of one session, and the set of messages the app has already been
 * shown. One object per message: a message fetched again (sync, gap fill, history, the echo of
 * one's own send) updates the object the app already holds instead of making a second one.
 *
 * "Seen" keys are `conversation#seq` and `sender + ID`: a message is delivered to the app
 * (MESSAGE_RECEIVED) only if neither key is seen, so a push racing a sync, a duplicate push and
 * a resend that the server answers twice all reach the app once.
 */
import type { WireMessage } from '@parley/protocol';
import { conversationOf, mergeWire, messageFromWire } from '../model/message-factory.js';
import type { Message } from '../model/message-types.js';

interface ConversationMessages {
  /** Stored messages by sequence. */
  readonly bySeq: Map<number, Message>;
  /** Local messages without a sequence yet (sending or failed), oldest first. */
  readonly unsent: Message[];
}

const senderKey = (from: string, ID: string): string => `m:${from}\u0000${ID}`;
const seqKey = (conversationID: string, seq: number): string => `c:${conversationID}#${seq}`;

/** Messages of one session, by conversation. */
export class MessageCache {
  private readonly conversations = new Map<string, ConversationMessages>();
  private readonly bySender = new Map<string, Message>();
  private readonly byID = new Map<string, Message>();
  private readonly seen = new Set<string>();

  /** The cached message with this ID (any sender), if any. */
  findByID(ID: string): Message | undefined {
    return this.byID.get(ID);
  }

  /** True when the app has been given this message (by either key). */
  isSeen(conversationID: string, wire: Pick<WireMessage, 'seq' | 'from' | 'ID'>): boolean {
    return this.seen.has(senderKey(wire.from, wire.ID)) || (wire.seq > 0 && this.seen.has(seqKey(conversationID, wire.seq)));
  }

  /** Records that the app has this message (delivered, fetched as history, or its own). */
  markSeen(message: Message): void {
    this.seen.add(senderKey(message.from, message.ID));
    if (message.sequence > 0) this.seen.add(seqKey(message.conversationID, message.sequence));
  }

  /** Adds a message created on this client (no sequence yet). Idempotent. */
  addLocal(message: Message): void {
    this.index(message);
    const cache = this.cacheOf(message.conversationID);
    if (message.sequence === 0 && !cache.unsent.includes(message)) cache.unsent.push(message);
    this.markSeen(message);
  }

  /**
   * Stores the server's copy of a message: updates the object already held for the same sender
   * and ID (one's own send, a refetch), else makes a new one. Online-only messages (seq 0) are
   * not kept. `isRead` decides the new object's `isRead` for incoming messages.
   */
  upsert(wire: WireMessage, viewer: string, isRead: boolean): { message: Message; created: boolean } {
    const existing = this.bySender.get(senderKey(wire.from, wire.ID));
    const message = existing ?? messageFromWire(wire, viewer, isRead);
    if (existing) mergeWire(existing, wire);
    if (wire.seq > 0) {
      const cache = this.cacheOf(conversationOf(wire, viewer));
      const at = cache.unsent.indexOf(message);
      if (at >= 0) cache.unsent.splice(at, 1);
      cache.bySeq.set(wire.seq, message);
      this.index(message);
    }
    return { message, created: !existing };
  }

  /**
   * The object for a wire message without caching it: the one already held (updated), else a
   * new one. For a conversation's last message, which may be a message the client has not been
   * delivered yet (it must still arrive as a push or by sync) or one it has deleted.
   */
  resolve(wire: WireMessage, viewer: string, isRead: boolean): Message {
    const existing = this.bySender.get(senderKey(wire.from, wire.ID));
    if (!existing) return messageFromWire(wire, viewer, isRead);
    mergeWire(existing, wire);
    return existing;
  }

  /** Messages of a conversation: stored ones by sequence, then unsent ones. */
  list(conversationID: string): Message[] {
    const cache = this.conversations.get(conversationID);
    if (!cache) return [];
    return [...[...cache.bySeq.values()].sort((a, b) => a.sequence - b.sequence), ...cache.unsent];
  }

  /** Local messages of a conversation that have no sequence (sending or failed). */
  unsent(conversationID: string): Message[] {
    return [...(this.conversations.get(conversationID)?.unsent ?? [])];
  }

  /** Incoming stored messages of a conversation with a sequence above both bounds (unread ones the server has not counted yet). */
  countIncomingAbove(conversationID: string, seq: number): number {
    let n = 0;
    for (const m of this.conversations.get(conversationID)?.bySeq.values() ?? []) if (m.flow === 'in' && m.sequence > seq) n++;
    return n;
  }

  /** Marks incoming messages up to `seq` (all when omitted) read. */
  markRead(conversationID: string, seq = Number.MAX_SAFE_INTEGER): void {
    for (const m of this.conversations.get(conversationID)?.bySeq.values() ?? []) if (m.sequence <= seq) m.isRead = true;
  }

  /** Every conversation that has cached messages. */
  conversationIDs(): string[] {
    return [...this.conversations.keys()];
  }

  /** Drops a message from the cache (it stays "seen"). */
  remove(message: Message): void {
    const cache = this.conversations.get(message.conversationID);
    if (cache) {
      if (cache.bySeq.get(message.sequence) === message) cache.bySeq.delete(message.sequence);
      const at = cache.unsent.indexOf(message);
      if (at >= 0) cache.unsent.splice(at, 1);
    }
    this.unindex(message);
  }

  /** Drops every cached message of a conversation (they stay "seen"). */
  clearConversation(conversationID: string): void {
    const cache = this.conversations.get(conversationID);
    if (!cache) return;
    for (const m of [...cache.bySeq.values(), ...cache.unsent]) this.unindex(m);
    this.conversations.delete(conversationID);
  }

  /** Forgets everything (the session ended). */
  clear(): void {
    this.conversations.clear();
    this.bySender.clear();
    this.byID.clear();
    this.seen.clear();
  }

  private cacheOf(conversationID: string): ConversationMessages {
    let cache = this.conversations.get(conversationID);
    if (!cache) {
      cache = { bySeq: new Map(), unsent: [] };
      this.conversations.set(conversationID, cache);
    }
    return cache;
  }

  private index(message: Message): void {
    this.bySender.set(senderKey(message.from, message.ID), message);
    this.byID.set(message.ID, message);
  }

  private unindex(message: Message): void {
    if (this.bySender.get(senderKey(message.from, message.ID)) === message) this.bySender.delete(senderKey(message.from, message.ID));
    if (this.byID.get(message.ID) === message) this.byID.delete(message.ID);
  }
}
