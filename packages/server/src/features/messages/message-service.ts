/**
 * Sending, syncing and paging messages. A stored send is answered only after its batch committed
 * (see {@link AppendBatcher}); then the message is pushed to the recipients' online instances and the
 * sender's other instances. Online-only messages and AVChatRoom messages are pushed without storage.
 */
import {
  EncodedBody,
  MessagingPush,
  NO_SENDER_NAMES,
  ParleyError,
  SYSTEM_CONVERSATION_ID,
  storesHistory,
  type NormalizedHistory,
  type NormalizedSendMessage,
  type SendMessageResponse,
  type SyncResponse,
  type HistoryResponse,
  type WireMessage,
  type WireSenderNames,
} from '@parley/protocol';
import type { AppCache, AppState } from '../../directories/app-cache.js';
import type { GroupView, MessageDraft, Store } from '@parley/store';
import type { Clock } from '../../time/clock.js';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { AppendBatcher } from './append-batcher.js';
import type { Delivery } from '../../sessions/delivery.js';
import type { GroupDirectory } from '../../directories/group-directory.js';
import { wireMessage } from '../../gateway/wire-convert.js';
import { ProfileDirectory } from '../../directories/profile-directory.js';
import type { CommittedSend, MessagePort, SendContext } from './message-port.js';
import type { BlacklistCheck } from '../relationships/relationship-port.js';

export type { CommittedSend, SendContext } from './message-port.js';

/** Dependencies of {@link MessageService}. */
export interface MessageServiceDeps {
  readonly store: Store;
  readonly apps: AppCache;
  readonly clock: Clock;
  readonly batcher: AppendBatcher;
  readonly delivery: Delivery;
  readonly accounts: AccountDirectory;
  readonly groups: GroupDirectory;
  /** Refuses C2C sends to a user who blocks the sender (20007). @default no blacklist */
  readonly blacklist?: BlacklistCheck;
  /** The senders' names (the composition passes its cached, cluster-true one). @default an uncached read of the store */
  readonly profiles?: ProfileDirectory;
}

/** The answer to a send as a pre-encoded body: the same text as `JSON.stringify({ message, duplicate })`. */
export function encodedSendAnswer(sent: CommittedSend): EncodedBody {
  return new EncodedBody(`{"message":${sent.messageJson},"duplicate":${sent.duplicate}}`);
}

/** Messages: send, sync, history. */
export class MessageService implements MessagePort {
  readonly #d: MessageServiceDeps;
  /** The last client send of each connection, keyed weakly so a closed connection's entry goes with it. */
  readonly #sendTails = new WeakMap<object, Promise<void>>();
  readonly #profiles: ProfileDirectory;

  constructor(deps: MessageServiceDeps) {
    this.#d = deps;
    this.#profiles = deps.profiles ?? new ProfileDirectory(deps.store);
  }

  /**
   * The names a message of `from` keeps, as Tencent's server stamps them at send time: the profile's
   * nick and avatar (cached, see {@link ProfileDirectory}), and in a group the sender's name card (a
   * keyed read of the member row). Nothing for `@TIM#SYSTEM`.
   */
  async senderNames(sdkAppID: number, from: string, group?: GroupView): Promise<WireSenderNames> {
    if (from === SYSTEM_CONVERSATION_ID) return NO_SENDER_NAMES;
    if (group === undefined) {
      const { nick, avatar } = await this.#profiles.brief(sdkAppID, from);
      return { nick, avatar, nameCard: '' };
    }
    const [brief, member] = await Promise.all([this.#profiles.brief(sdkAppID, from), this.#d.store.groupMembers.get(sdkAppID, group.groupID, [from]).then((m) => m[0])]);
    return { nick: brief.nick, avatar: brief.avatar, nameCard: member?.nameCard ?? '' };
  }

  /** The app's state; 70020 when it is gone. */
  async app(sdkAppID: number): Promise<AppState> {
    const state = await this.#d.apps.get(sdkAppID);
    if (!state) throw ParleyError.of('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', String(sdkAppID));
    return state;
  }

  /**
   * A client's send: C2C needs an existing peer (20003) who does not block the sender (20007); a group send needs an existing group
   * (10010), membership (10007), and no mute-all unless the sender is owner or admin (10017).
   */
  async sendFromClient(ctx: SendContext, req: NormalizedSendMessage): Promise<SendMessageResponse> {
    return this.commit(ctx, req, await this.checkClientSend(ctx, req));
  }

  /** The permission checks of {@link MessageService.sendFromClient}; returns the group of a group send. */
  /**
   * A client's send, answered with the pre-encoded send answer. Sends of one connection are checked
   * one after another and queued for commit in arrival order, so they are committed (and numbered)
   * in the order the client sent them, yet still share batches with every other connection.
   * @param connection - identity of the socket the send came on (only used as the ordering key)
   */
  async clientSend(ctx: SendContext, req: NormalizedSendMessage, connection: object): Promise<EncodedBody> {
    const previous = this.#sendTails.get(connection) ?? Promise.resolve();
    let release = (): void => undefined;
    this.#sendTails.set(connection, new Promise<void>((resolve) => (release = resolve)));
    try {
      await previous;
      const group = await this.checkClientSend(ctx, req);
      // Looked up before commit, so the send joins the commit queue before this connection's next one.
      const names = await this.senderNames(ctx.sdkAppID, ctx.from, group);
      const committed = this.commit({ ...ctx, names }, req, group);
      release();
      return encodedSendAnswer(await committed);
    } finally {
      release();
    }
  }

  async checkClientSend(ctx: SendContext, req: NormalizedSendMessage): Promise<GroupView | undefined> {
    const app = await this.app(ctx.sdkAppID);
    if (req.conversationType === 'C2C') {
      if (!(await this.#d.accounts.exists(app, req.to))) throw ParleyError.of('ERR_SVR_MSG_INVALID_ID', `the peer ${req.to} does not exist`);
      // Tencent: a user on the recipient's blacklist cannot message the recipient (20007).
      if (req.to !== ctx.from && (await this.#d.blacklist?.blocks(ctx.sdkAppID, req.to, ctx.from)) === true) {
        throw ParleyError.of('ERR_SVR_MSG_IN_PEER_BLACKLIST', `${req.to} has blocked ${ctx.from}`);
      }
      return undefined;
    }
    const group = await this.#d.groups.group(ctx.sdkAppID, req.to);
    if (!group) throw ParleyError.of('ERR_SVR_GROUP_NOT_FOUND', req.to);
    const role = await this.#d.groups.roleOf(ctx.sdkAppID, req.to, ctx.from);
    if (role === undefined) throw ParleyError.of('ERR_SVR_GROUP_PERMISSION_DENY', `${ctx.from} is not a member of ${req.to}`);
    if (group.muteAllMembers && role === 'Member') throw ParleyError.of('ERR_SVR_GROUP_SHUTUP_DENY', 'the whole group is muted');
    if (req.receiverList.length > 0 && (group.type === 'AVChatRoom' || group.type === 'Community')) {
      throw ParleyError.of('ERR_SVR_GROUP_INVALID_PARAMETERS', `targeted messages are not available in ${group.type} groups`);
    }
    return group;
  }

  /**
   * Stores (unless online-only or AVChatRoom) and delivers a message whose permissions were checked.
   * A resend of a stored (from, ID) answers the stored message with `duplicate: true` and is not
   * pushed again. The message joins the commit queue synchronously, when this is called, so calls
   * made in some order are committed in that order.
   */
  async commit(ctx: SendContext, req: NormalizedSendMessage, group?: GroupView): Promise<CommittedSend> {
    if (ctx.names === undefined && ctx.from !== SYSTEM_CONVERSATION_ID) return this.#commitNamed(ctx, req, group, await this.senderNames(ctx.sdkAppID, ctx.from, group));
    return this.#commitNamed(ctx, req, group, ctx.names ?? NO_SENDER_NAMES);
  }

  async #commitNamed(ctx: SendContext, req: NormalizedSendMessage, group: GroupView | undefined, names: WireSenderNames): Promise<CommittedSend> {
    const time = ctx.time ?? Math.floor(this.#d.clock.now() / 1000);
    const stored = !req.onlineUserOnly && (group === undefined || storesHistory(group.type));
    let message: WireMessage;
    let duplicate = false;
    if (stored) {
      const draft: MessageDraft = {
        ID: req.ID,
        conversationType: req.conversationType,
        from: ctx.from,
        to: req.to,
        time,
        random: req.random,
        elements: req.elements,
        cloudCustomData: req.cloudCustomData,
        priority: req.priority,
        atUserList: req.atUserList,
        receiverList: req.receiverList,
        ...(ctx.syncToSender === false ? { syncToSender: false } : {}),
        ...names,
      };
      const outcome = await this.#d.batcher.append(ctx.sdkAppID, draft);
      if (!outcome.ok) throw new ParleyError(outcome.code, outcome.reason);
      message = wireMessage(outcome.message);
      duplicate = outcome.duplicate;
    } else {
      const { onlineUserOnly, ...fields } = req;
      message = { ...fields, from: ctx.from, seq: 0, time, isOnlineOnly: onlineUserOnly, ...names };
    }
    const messageJson = JSON.stringify(message);
    if (!duplicate && ctx.deliver !== false) await this.#deliver(ctx, message, messageJson);
    return { message, duplicate, messageJson };
  }

  async #deliver(ctx: SendContext, message: WireMessage, messageJson: string): Promise<void> {
    let recipients: string[];
    if (message.conversationType === 'C2C') recipients = [message.to, ctx.from];
    else {
      const members = await this.#d.groups.members(ctx.sdkAppID, message.to);
      // A targeted message reaches its receivers that are members (and the sender's other instances).
      recipients = message.receiverList.length > 0 ? [...message.receiverList.filter((u) => members.has(u)), ctx.from] : [...members.keys()];
    }
    if (ctx.syncToSender === false) recipients = recipients.filter((u) => u !== ctx.from || u === message.to);
    if (ctx.alsoNotify) recipients.push(...ctx.alsoNotify);
    this.#d.delivery.toUsers(ctx.sdkAppID, recipients, MessagingPush.MESSAGE, new EncodedBody(`{"message":${messageJson}}`), ctx.origin);
  }

  /**
   * The user's C2C messages after `cursor`, plus the current sequence of every joined group. With
   * cursor 0 and `recent`, the page starts `recent` messages before the newest (a fresh client).
   */
  async sync(sdkAppID: number, userID: string, cursor: number, count: number, recent?: number): Promise<SyncResponse> {
    const from = cursor === 0 && recent !== undefined ? Math.max(0, (await this.#d.store.messages.inboxHead(sdkAppID, userID)) - recent) : cursor;
    const page = await this.#d.store.messages.syncInbox(sdkAppID, userID, from, count);
    const joined = await this.#d.store.groups.listJoined(sdkAppID, userID);
    return {
      messages: page.messages.map(wireMessage),
      cursor: page.cursor,
      isCompleted: page.isCompleted,
      groups: joined.map((j) => ({ groupID: j.group.groupID, seq: j.group.seq })),
    };
  }

  /** A page of history; the conversation must be the caller's (see {@link MessageService.checkConversation}). */
  async history(sdkAppID: number, userID: string, req: NormalizedHistory): Promise<HistoryResponse> {
    const group = await this.checkConversation(sdkAppID, userID, req.conversation);
    if (group !== undefined && !storesHistory(group.type)) return { messages: [], isCompleted: true };
    const page = await this.#d.store.messages.getHistory(sdkAppID, userID, req.conversation.conversationID, {
      count: req.count,
      ...(req.beforeSeq !== undefined ? { beforeSeq: req.beforeSeq } : {}),
      ...(req.afterSeq !== undefined ? { afterSeq: req.afterSeq } : {}),
      ...(req.untilTime !== undefined ? { untilTime: req.untilTime } : {}),
      ...(req.sinceTime !== undefined ? { sinceTime: req.sinceTime } : {}),
    });
    return { messages: page.messages.map(wireMessage), isCompleted: page.isCompleted };
  }

  /**
   * Checks that the user may look at a conversation: a C2C peer must exist (20003); a group must exist
   * (10010) and have the user as a member (10007). Returns the group for group conversations.
   */
  async checkConversation(sdkAppID: number, userID: string, conv: { readonly type: 'C2C' | 'GROUP'; readonly target: string }): Promise<GroupView | undefined> {
    if (conv.type === 'C2C') {
      const app = await this.app(sdkAppID);
      if (conv.target !== userID && !(await this.#d.accounts.exists(app, conv.target))) {
        throw ParleyError.of('ERR_SVR_MSG_INVALID_ID', `the peer ${conv.target} does not exist`);
      }
      return undefined;
    }
    const group = await this.#d.groups.group(sdkAppID, conv.target);
    if (!group) throw ParleyError.of('ERR_SVR_GROUP_NOT_FOUND', conv.target);
    if ((await this.#d.groups.roleOf(sdkAppID, conv.target, userID)) === undefined) {
      throw ParleyError.of('ERR_SVR_GROUP_PERMISSION_DENY', `${userID} is not a member of ${conv.target}`);
    }
    return group;
  }
}
