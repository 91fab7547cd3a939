/**
 * What the messages feature works with, declared here so that it imports no other feature: the
 * hub's shared ports, its own cache, and the parts of the conversation list and the group list
 * that sending, history and sync keep up to date. The composition root (`web/chat-core.ts`)
 * passes the conversation and group caches, which fit these shapes.
 */
import type { WireConversation, WireConversationType, WireGroup } from '@parley/protocol';
import type { Conversation, Message } from '../model/message-types.js';
import type { HubPorts } from '../session/messaging-hub.js';
import type { MessageCache } from './message-cache.js';

/** The hub ports the messages feature uses. */
export type MessageHub = Pick<HubPorts, 'viewer' | 'logger' | 'epoch' | 'isCurrent' | 'call' | 'callParsed' | 'deliver' | 'flush' | 'factoryContext'>;

/** The conversations `setAllMessageRead` marks read. */
export type ReadAllScope = 'c2c' | 'group' | 'all';

/** The conversation list, as the messages feature updates it. */
export interface ConversationsPort {
  has(conversationID: string): boolean;
  /** Every message up to this sequence is read. */
  readSeq(conversationID: string): number;
  /** Each listed conversation of `type` with its latest sequence. */
  sequences(type: WireConversationType): [string, number][];
  get(conversationID: string): Conversation | undefined;
  replaceAll(wires: readonly WireConversation[]): void;
  applySnapshot(wire: WireConversation): void;
  applyMessage(message: Message): void;
  markRead(conversationID: string): void;
  /** Marks every conversation of `scope` read; returns their IDs. */
  markAllRead(scope: ReadAllScope): string[];
  clearLastMessage(conversationID: string): void;
  /** The list must be emitted again (a message's status changed). */
  touch(): void;
}

/** The group list, as a sync reloads it. */
export interface GroupsPort {
  replaceAll(groups: readonly WireGroup[]): void;
}

/** What the sync engine works with: the hub's ports, its own message cache, and the lists it fills. */
export interface SyncPorts {
  readonly hub: MessageHub;
  readonly messages: MessageCache;
  readonly conversations: ConversationsPort;
  readonly groups: GroupsPort;
}

/** What the message operations work with. */
export interface MessageApiPorts {
  readonly hub: MessageHub;
  readonly messages: MessageCache;
  readonly conversations: ConversationsPort;
  /** The server stored one of this client's sends at `seq` (the sync engine advances its known sequence). */
  noteOwnSend(conversationID: string, seq: number): void;
}
