/**
 * Gets every message to the app exactly once, whatever the network does.
 *
 * - **Sync.** At login (before `SDK_READY`) and after every reconnect: load the conversation
 *   list, page `openim.sync` from the session's C2C cursor until `isCompleted`, then for every
 *   joined group whose sequence is above the last one known here, fetch the gap with
 *   `openim.getmsg {afterSeq}`, and reload the group list.
 * - **Live pushes** (`openim.msg`). A push whose sequence jumps past the last known one of its
 *   conversation triggers a gap fill first, so the missing messages reach the app before it.
 * - **Once only.** Everything goes through the message store's "seen" keys (conversation +
 *   sequence, sender + ID): a push racing the sync, a duplicate push, the echo of one's own send
 *   are delivered at most once.
 *
 * All of this work runs one task at a time (a promise chain), so a push that arrives during a
 * sync or a gap fill is handled after it, in order.
 *
 * On a fresh login the cursor is 0 and the first sync asks for the newest
 * {@link INITIAL_C2C_RECENT} C2C messages only (older ones stay reachable as history); they fill
 * the cache, and only what the user has not read yet (from others, above the conversation's read
 * sequence) is delivered as `MESSAGE_RECEIVED`. A resync after a reconnect always continues from the
 * cursor, so nothing sent during a drop is skipped. Group history before the
 * read sequence is not fetched, and at most {@link INITIAL_GROUP_CATCHUP} unread messages per
 * group are.
 */
import { ConversationCommands, conversationID, ErrorCode, GroupCommands, MessageCommands, MessagePushes, ParleyError, type WireMessage } from '@parley/protocol';
import { conversationOf } from '../model/message-factory.js';
import type { Message } from '../model/message-types.js';
import { isNetworkFailure } from '../session/api-args.js';
import type { HubPart, HubRegistry } from '../session/messaging-hub.js';
import type { SyncPorts } from './message-ports.js';

/** Messages per `openim.sync` page. */
export const SYNC_PAGE_SIZE = 100;
/** Messages per gap-fill page (`openim.getmsg`, the contract's maximum). */
export const GAP_PAGE_SIZE = 100;
/** Newest C2C messages fetched by the first sync of a login (a fresh client does not download all history). */
export const INITIAL_C2C_RECENT = 1000;
/** Most unread messages fetched per group by the first sync of a login. */
export const INITIAL_GROUP_CATCHUP = 100;
/** Pages after which a sync or a gap fill stops (a guard against a server that never completes). */
export const MAX_PAGES = 200;

/** How fetched messages are delivered: `live` = everything not seen; `initial` = only unread messages from others. */
type Mode = 'live' | 'initial';

/** The catch-up and dedupe machinery of one instance. */
export class SyncEngine implements HubPart {
  private chain: Promise<void> = Promise.resolve();
  private cursor = 0;
  private initialDone = false;
  /** Per conversation: every message up to this sequence has been fetched or delivered. */
  private readonly knownSeq = new Map<string, number>();

  constructor(private readonly ports: SyncPorts) {}

  /** Registers the message push with the hub. */
  register(hub: HubRegistry): void {
    hub.onPush(MessagePushes.message, (push) => this.onMessagePush(push.message));
  }

  /** Hub part: the first sync of a login runs before `SDK_READY`. */
  prepare(): Promise<void> {
    return this.initialSync();
  }

  /** Hub part: after a reconnect, catch up. */
  resumed(): void {
    this.resync();
  }

  /** True once a sync of this login has completed. */
  get isSynced(): boolean {
    return this.initialDone;
  }

  /** Forgets the session's cursor and sequences; work still running for it stops at its next await. */
  reset(): void {
    this.chain = Promise.resolve();
    this.cursor = 0;
    this.initialDone = false;
    this.knownSeq.clear();
  }

  /** Runs the first sync of a login; resolves when it is done or has failed (never rejects). */
  initialSync(): Promise<void> {
    return this.enqueue((epoch) => this.sync(epoch));
  }

  /** Queues a sync (after a reconnect). */
  resync(): void {
    void this.enqueue((epoch) => this.sync(epoch));
  }

  /** Queues a live message push. */
  onMessagePush(wire: WireMessage): void {
    void this.enqueue((epoch) => this.live(wire, epoch));
  }

  /** Queues other push work, so it runs in order with the messages. */
  run(task: () => void): void {
    void this.enqueue(async () => task());
  }

  /** The server stored one of this client's sends at `seq`: advance the known sequence if that closes no gap. */
  noteOwnSend(conversation: string, seq: number): void {
    if (this.knownSeq.get(conversation) === seq - 1) this.knownSeq.set(conversation, seq);
  }

  /** The user joined a group whose latest sequence is `seq`: earlier messages are not "missed". */
  noteJoined(groupID: string, seq: number): void {
    const id = conversationID('GROUP', groupID);
    if (!this.knownSeq.has(id)) this.knownSeq.set(id, seq);
  }

  /**
   * Stores messages, updates their conversations and delivers the ones the app has not seen.
   * Messages of one conversation must come oldest first. Returns the stored objects.
   */
  accept(wires: readonly WireMessage[], mode: Mode): Message[] {
    const { hub, messages, conversations } = this.ports;
    const viewer = hub.viewer;
    const fresh: Message[] = [];
    const all: Message[] = [];
    for (const wire of wires) {
      const conversation = conversationOf(wire, viewer);
      const seen = messages.isSeen(conversation, wire);
      const isRead = wire.seq > 0 && wire.seq <= conversations.readSeq(conversation);
      const { message } = messages.upsert(wire, viewer, isRead);
      all.push(message);
      if (wire.seq > 0 && !wire.isOnlineOnly) conversations.applyMessage(message);
      if (seen) continue;
      messages.markSeen(message);
      if (mode === 'initial' && !(message.flow === 'in' && !isRead)) continue;
      fresh.push(message);
    }
    hub.deliver(fresh);
    return all;
  }

  private enqueue(task: (epoch: number) => Promise<void>): Promise<void> {
    const hub = this.ports.hub;
    const epoch = hub.epoch;
    const run = this.chain
      .then(() => (hub.isCurrent(epoch) ? task(epoch) : undefined))
      .catch((error: unknown) => {
        // Work of an ended session, or a sync cut by a network drop (the reconnect syncs again).
        if (!hub.isCurrent(epoch) || isNetworkFailure(error)) hub.logger.debug('message sync stopped:', error);
        else hub.logger.warn('message sync step failed:', error);
      });
    this.chain = run;
    return run;
  }

  /** Throws when the session that started the work has ended (the caller's catch logs it quietly). */
  private check(epoch: number): void {
    if (!this.ports.hub.isCurrent(epoch)) throw new ParleyError(ErrorCode.LOGGED_OUT, 'The session ended during a sync');
  }

  private async sync(epoch: number): Promise<void> {
    const mode: Mode = this.initialDone ? 'live' : 'initial';
    const listed = await this.step('conversation list', epoch, async () => {
      const answer = await this.ports.hub.call(ConversationCommands.list, {});
      this.check(epoch);
      this.ports.conversations.replaceAll(answer.conversations);
    });
    // Without read sequences, a first sync cannot tell unread history from read history: it delivers nothing.
    const syncMode: Mode | 'silent' = mode === 'initial' && !listed ? 'silent' : mode;
    const groups = await this.syncC2C(epoch, syncMode);
    if (groups) {
      for (const { groupID, seq } of groups) await this.catchUpGroup(epoch, groupID, seq, syncMode);
    }
    await this.step('group list', epoch, async () => {
      const { groups: list } = await this.ports.hub.call(GroupCommands.joinedList, {});
      this.check(epoch);
      this.ports.groups.replaceAll(list);
      for (const g of list) this.noteJoined(g.groupID, g.nextMessageSeq);
    });
    if (groups) this.initialDone = true;
    this.ports.hub.flush();
  }

  /** Pages `openim.sync` to completion; returns the groups' sequences, or `undefined` when it failed. */
  private async syncC2C(epoch: number, mode: Mode | 'silent'): Promise<{ groupID: string; seq: number }[] | undefined> {
    let groups: { groupID: string; seq: number }[] | undefined;
    await this.step('sync', epoch, async () => {
      for (let page = 0; page < MAX_PAGES; page++) {
        const fresh = mode === 'initial' && this.cursor === 0;
        const body = { cursor: this.cursor, count: SYNC_PAGE_SIZE, ...(fresh ? { recent: INITIAL_C2C_RECENT } : {}) };
        const answer = await this.ports.hub.call(MessageCommands.sync, body);
        this.check(epoch);
        this.acceptSilently(answer.messages, mode);
        for (const m of answer.messages) this.raise(conversationOf(m, this.ports.hub.viewer), m.seq);
        this.cursor = answer.cursor;
        groups = [...answer.groups];
        if (answer.isCompleted) break;
      }
      // Every C2C message up to the list's sequences was in this sync or has been deleted.
      for (const [id, maxSeq] of this.ports.conversations.sequences('C2C')) this.raise(id, maxSeq);
    });
    return groups;
  }

  private async catchUpGroup(epoch: number, groupID: string, seq: number, mode: Mode | 'silent'): Promise<void> {
    const id = conversationID('GROUP', groupID);
    const known = this.knownSeq.get(id);
    let base = known;
    if (base === undefined) {
      base = this.ports.conversations.has(id) ? this.ports.conversations.readSeq(id) : seq;
      base = Math.max(base, seq - INITIAL_GROUP_CATCHUP, 0);
    }
    if (seq <= base) {
      this.raise(id, Math.max(base, seq));
      return;
    }
    const from = base;
    await this.step(`catch-up of ${id}`, epoch, async () => {
      const filled = await this.fill(epoch, id, from, mode);
      this.raise(id, filled.complete ? Math.max(filled.highest, seq) : from);
    });
  }

  private async live(wire: WireMessage, epoch: number): Promise<void> {
    if (wire.seq === 0 || wire.isOnlineOnly) {
      this.accept([wire], 'live');
      this.ports.hub.flush();
      return;
    }
    const id = conversationOf(wire, this.ports.hub.viewer);
    const known = this.knownSeq.get(id);
    if (known === undefined || wire.seq <= known + 1) {
      this.accept([wire], 'live');
      this.raise(id, known === undefined || wire.seq === known + 1 ? wire.seq : known);
      this.ports.hub.flush();
      return;
    }
    try {
      const filled = await this.fill(epoch, id, known, 'live');
      if (filled.complete) this.raise(id, Math.max(filled.highest, wire.seq));
    } catch (error) {
      if (!this.ports.hub.isCurrent(epoch)) return;
      // The gap stays open (known unchanged): the next push or the next sync retries it.
      this.ports.hub.logger.warn(`gap fill of ${id} after ${known} failed:`, error);
    }
    this.accept([wire], 'live');
    this.ports.hub.flush();
  }

  /** Fetches everything after `afterSeq` page by page. `complete` is false when it stopped at the page limit. */
  private async fill(epoch: number, id: string, afterSeq: number, mode: Mode | 'silent'): Promise<{ highest: number; complete: boolean }> {
    let after = afterSeq;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.ports.hub.call(MessageCommands.history, { conversationID: id, afterSeq: after, count: GAP_PAGE_SIZE });
      this.check(epoch);
      const messages = [...answer.messages].sort((a, b) => a.seq - b.seq);
      this.acceptSilently(messages, mode);
      const top = messages.reduce((max, m) => Math.max(max, m.seq), after);
      if (answer.isCompleted || top <= after) return { highest: top, complete: true };
      after = top;
    }
    return { highest: after, complete: false };
  }

  /** {@link accept}, or for `silent` only store and mark seen (no delivery). */
  private acceptSilently(wires: readonly WireMessage[], mode: Mode | 'silent'): void {
    if (mode !== 'silent') {
      this.accept(wires, mode);
      return;
    }
    for (const wire of wires) {
      const { message } = this.ports.messages.upsert(wire, this.ports.hub.viewer, true);
      if (wire.seq > 0) this.ports.conversations.applyMessage(message);
      this.ports.messages.markSeen(message);
    }
  }

  private raise(id: string, seq: number): void {
    this.knownSeq.set(id, Math.max(this.knownSeq.get(id) ?? 0, seq));
  }

  /**
   * Runs one step of a sync. A network failure aborts the whole sync (the reconnect that
   * follows syncs again); any other failure (an older server without the command, a malformed
   * answer) is logged and the sync goes on. Returns whether the step succeeded.
   */
  private async step(name: string, epoch: number, work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      if (!this.ports.hub.isCurrent(epoch) || isNetworkFailure(error)) throw error;
      if (error instanceof ParleyError && error.code === ErrorCode.PARLEY_UNKNOWN_COMMAND) {
        this.ports.hub.logger.info(`message sync: the server does not support the ${name} yet (${error.message})`);
      } else {
        this.ports.hub.logger.warn(`message sync: ${name} failed:`, error);
      }
      return false;
    }
  }
}
