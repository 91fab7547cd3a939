/**
 * The messaging state of one SDK instance: the message cache, the conversation list, the group
 * list and the sync engine, tied to the session's lifecycle. It observes the session (first
 * sync before `SDK_READY`, a resync after every reconnect, a reset when the session ends),
 * routes the messaging pushes, and emits the messaging events.
 *
 * Until `SDK_READY` it holds its events back: the first sync fills the caches, then, right
 * after `SDK_READY`, the app gets the conversation list, the total unread count, the group list
 * and the messages that arrived while it was offline.
 */
import { conversationID, EVENT, MessagingPush, type FrameBody, type Parsed, type PushFrame, type WireGroup } from '@parley/protocol';
import { ConversationStore } from '../conversations/conversation-cache.js';
import { GroupApplications } from '../groups/group-applications.js';
import { GroupStore } from '../groups/group-cache.js';
import { groupSystemNotice, GroupSystemNoticeType, type FactoryContext } from '../model/message-factory.js';
import { MessageStore } from '../messages/message-cache.js';
import type { Message } from '../model/message-types.js';
import {
  parseApplicationHandledPush,
  parseApplicationPush,
  parseConversationPush,
  parseGroupPush,
  parseMessagePush,
  type ConversationChange,
  type GroupChangeKind,
} from '../model/messaging-wire.js';
import type { SessionClient, SessionObserver } from './session-client.js';
import { SyncEngine } from '../messages/sync-engine.js';

/** Messaging state and events of one instance. */
export class MessagingCore implements SessionObserver {
  readonly store = new MessageStore();
  readonly conversations: ConversationStore;
  readonly groups: GroupStore;
  readonly engine: SyncEngine;
  readonly applications: GroupApplications;
  /** Bumped when a session ends; work begun in an older session checks it after each await and stops. */
  generation = 0;
  private holding = false;
  private held: Message[] = [];
  private lastTotal = 0;

  constructor(readonly session: SessionClient) {
    this.conversations = new ConversationStore({
      viewer: () => this.viewer,
      toMessage: (wire, isRead) => this.store.resolve(wire, this.viewer, isRead),
      countIncomingAbove: (id, seq) => this.store.countIncomingAbove(id, seq),
      groupInfo: (groupID) => this.groups.info(groupID),
    });
    this.groups = new GroupStore(
      () => this.viewer,
      (groupID) => this.conversations.get(conversationID('GROUP', groupID)),
    );
    this.engine = new SyncEngine(this);
    this.applications = new GroupApplications(this);
    session.observe(this);
  }

  /** The logged-in UserID ('' when none). */
  get viewer(): string {
    return this.session.loginUser;
  }

  /** The session's logger. */
  get logger(): SessionClient['options']['env']['logger'] {
    return this.session.options.env.logger;
  }

  /** What the message factory needs: the sender, the server clock, randomness. */
  factoryContext(): FactoryContext {
    return { userID: this.viewer, nowMs: () => this.session.serverTime(), random: this.session.options.env.random };
  }

  /** Sends a command on the session's connection. */
  request(cmd: string, body: FrameBody): Promise<FrameBody> {
    return this.session.request(cmd, body);
  }

  /** Hands new messages to the app (`MESSAGE_RECEIVED`), or holds them until `SDK_READY`. */
  deliver(messages: readonly Message[]): void {
    if (messages.length === 0) return;
    if (this.holding) this.held.push(...messages);
    else this.session.emitter.emit(EVENT.MESSAGE_RECEIVED, [...messages]);
  }

  /** Emits the list events for whatever changed since the last flush (nothing while holding). */
  flush(): void {
    if (this.holding) return;
    if (this.groups.takeDirty()) {
      this.conversations.touch();
      this.session.emitter.emit(EVENT.GROUP_LIST_UPDATED, this.groups.list());
    }
    if (this.conversations.takeDirty()) this.session.emitter.emit(EVENT.CONVERSATION_LIST_UPDATED, this.conversations.list());
    const total = this.conversations.totalUnread();
    if (total !== this.lastTotal) {
      this.lastTotal = total;
      this.session.emitter.emit(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, total);
    }
  }

  /** Session hook: a fresh login; the first sync runs before `SDK_READY`. */
  async onLoggedIn(): Promise<void> {
    this.reset();
    this.holding = true;
    await this.engine.initialSync();
    await this.catchUpApplications();
  }

  /** Session hook: `SDK_READY` was emitted; release the first sync's results. */
  onReady(): void {
    this.holding = false;
    this.groups.takeDirty();
    this.conversations.takeDirty();
    this.lastTotal = this.conversations.totalUnread();
    const emitter = this.session.emitter;
    emitter.emit(EVENT.CONVERSATION_LIST_UPDATED, this.conversations.list());
    emitter.emit(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, this.lastTotal);
    emitter.emit(EVENT.GROUP_LIST_UPDATED, this.groups.list());
    const held = this.held;
    this.held = [];
    this.deliver(held);
  }

  /** Session hook: back online after a drop; catch up on what was missed. */
  onReconnected(): void {
    this.engine.resync();
    void this.catchUpApplications();
  }

  /** Join applications made while the user was away arrive as notices; a failure only costs those notices. */
  private async catchUpApplications(): Promise<void> {
    try {
      await this.applications.catchUp();
    } catch (error) {
      this.logger.warn('could not fetch pending group applications:', error);
    }
  }

  /** Session hook: the session ended; forget its state. */
  onSessionEnded(): void {
    this.reset();
  }

  /** Session hook: a push. */
  onPush(frame: PushFrame): void {
    const body = frame.body;
    switch (frame.ev) {
      case MessagingPush.MESSAGE:
        return this.accept('message', parseMessagePush(body), (wire) => this.engine.onMessagePush(wire));
      case MessagingPush.CONVERSATION_CHANGED:
        return this.accept('conversation', parseConversationPush(body), (change) => this.engine.run(() => this.applyConversationChange(change)));
      case MessagingPush.GROUP_CHANGED:
        return this.accept('group', parseGroupPush(body), (g) => this.engine.run(() => this.applyGroupChange(g.groupID, g.change, g.group)));
      case MessagingPush.GROUP_APPLICATION:
        return this.accept('application', parseApplicationPush(body), (a) => this.applications.onApplication(a));
      case MessagingPush.GROUP_APPLICATION_HANDLED:
        return this.accept('application outcome', parseApplicationHandledPush(body), (o) => this.applications.onHandled(o));
      default:
        this.logger.debug('push not handled', frame.ev);
    }
  }

  /** Applies a parsed push; a malformed one is logged and ignored (protocol §13). */
  private accept<T>(what: string, parsed: Parsed<T>, apply: (value: T) => void): void {
    if (parsed.ok) apply(parsed.value);
    else this.logger.warn(`ignored a malformed ${what} push:`, parsed.reason);
  }


  /** Applies the server's news about one conversation (read, pinned, draft or deleted elsewhere). */
  applyConversationChange(change: ConversationChange): void {
    if (change.kind === 'deleted') {
      this.conversations.remove(change.conversationID);
    } else {
      this.conversations.applySnapshot(change.conversation);
      this.store.markRead(change.conversation.conversationID, change.conversation.readSeq);
    }
    this.flush();
  }

  /** Applies a change of the user's group list. */
  applyGroupChange(groupID: string, change: GroupChangeKind, group: WireGroup | undefined): void {
    if (change !== 'joined' && change !== 'updated') {
      this.groups.remove(groupID);
      const notice = change === 'kicked' ? GroupSystemNoticeType.KICKED_OUT : change === 'dismissed' ? GroupSystemNoticeType.DISMISSED : undefined;
      if (notice !== undefined) this.deliver([groupSystemNotice(groupID, notice, this.viewer, this.session.serverTime(), this.session.options.env.random)]);
    } else if (!group) {
      this.logger.warn(`group push "${change}" for ${groupID} carried no group; the list catches up at the next sync`);
    } else if (change === 'joined') {
      this.engine.noteJoined(group.groupID, group.nextMessageSeq);
      this.groups.put(group);
    } else {
      this.groups.refresh(group);
    }
    this.flush();
  }

  private reset(): void {
    this.generation++;
    this.engine.reset();
    this.store.clear();
    this.conversations.clear();
    this.groups.clear();
    this.applications.reset();
    this.holding = false;
    this.held = [];
    this.lastTotal = 0;
  }
}
