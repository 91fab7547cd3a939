/**
 * The conversation push (`recentcontact.changed`): the server's news about one conversation (read,
 * pinned, draft or deleted on another device), applied in order with the message pushes.
 */
import { ConversationPushes, type ConversationChange } from '@parley/protocol';
import type { HubPorts, HubRegistry } from '../session/messaging-hub.js';
import type { ConversationCache } from './conversation-cache.js';

/** What applying a conversation push needs. */
export interface ConversationPushPorts {
  readonly hub: Pick<HubPorts, 'flush'>;
  readonly conversations: ConversationCache;
  /** Marks the cached messages of a conversation read up to `seq` (the messages feature's cache). */
  markMessagesRead(conversationID: string, seq: number): void;
  /** Runs `task` in order with the message pushes (the sync engine's queue). */
  inOrder(task: () => void): void;
}

/** Registers the conversation push with the hub. */
export function registerConversationPushes(hub: HubRegistry, ports: ConversationPushPorts): void {
  hub.onPush(ConversationPushes.changed, (change) => ports.inOrder(() => applyConversationChange(ports, change)));
}

/** Applies the server's news about one conversation. */
export function applyConversationChange(ports: ConversationPushPorts, change: ConversationChange): void {
  if (change.kind === 'deleted') {
    ports.conversations.remove(change.conversationID);
  } else {
    ports.conversations.applySnapshot(change.conversation);
    ports.markMessagesRead(change.conversation.conversationID, change.conversation.readSeq);
  }
  ports.hub.flush();
}
