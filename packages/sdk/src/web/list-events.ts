/**
 * The list events of one instance: `CONVERSATION_LIST_UPDATED`, `TOTAL_UNREAD_MESSAGE_COUNT_UPDATED`
 * and `GROUP_LIST_UPDATED`, emitted for whatever changed at each hub flush, and all three once at
 * `SDK_READY`. It lives here, in the composition layer, because it spans two features: a group's
 * name or avatar shows in its conversation, so a changed group list re-emits the conversation list.
 */
import { EVENT } from '@parley/protocol';
import type { ConversationCache } from '../conversations/conversation-cache.js';
import type { GroupCache } from '../groups/group-cache.js';
import type { Emitter } from '../platform/emitter.js';
import type { ChatEventMap } from '../session/chat-events.js';
import type { HubPart } from '../session/messaging-hub.js';

/** Publishes the list events of two caches as one hub part. */
export class ListEvents implements HubPart {
  private lastTotal = 0;

  constructor(
    private readonly emitter: Emitter<ChatEventMap>,
    private readonly conversations: ConversationCache,
    private readonly groups: GroupCache,
  ) {}

  /** Emits the events of what changed since the last flush (groups first: they touch the conversations). */
  flush(): void {
    if (this.groups.takeDirty()) {
      this.conversations.touch();
      this.emitter.emit(EVENT.GROUP_LIST_UPDATED, this.groups.list());
    }
    if (this.conversations.takeDirty()) this.emitter.emit(EVENT.CONVERSATION_LIST_UPDATED, this.conversations.list());
    const total = this.conversations.totalUnread();
    if (total !== this.lastTotal) {
      this.lastTotal = total;
      this.emitter.emit(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, total);
    }
  }

  /** At `SDK_READY`: the conversation list, the total unread count and the group list, in that order. */
  release(): void {
    this.groups.takeDirty();
    this.conversations.takeDirty();
    this.lastTotal = this.conversations.totalUnread();
    this.emitter.emit(EVENT.CONVERSATION_LIST_UPDATED, this.conversations.list());
    this.emitter.emit(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, this.lastTotal);
    this.emitter.emit(EVENT.GROUP_LIST_UPDATED, this.groups.list());
  }

  /** The session ended: the next session starts from zero unread. */
  reset(): void {
    this.lastTotal = 0;
  }
}
