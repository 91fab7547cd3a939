/**
 * Helpers for the messaging tests: a fake server with the messaging model installed, logged-in
 * and ready web instances, and recorders of the messaging events.
 */
import { EVENT } from '@parley/protocol';
import type { ChatCreateOptions, ChatInstance, Conversation, Message } from '../src/index.js';
import { FakeMessaging } from './fake-messaging.js';
import { FakeServer } from './fake-server.js';
import { eventually, newChat } from './sdk-harness.js';

/** A fake server with messaging, and the instances a test made (destroyed by {@link World.close}). */
export class World {
  readonly chats: ChatInstance[] = [];

  private constructor(
    readonly server: FakeServer,
    readonly fake: FakeMessaging,
  ) {}

  static async start(): Promise<World> {
    const server = await FakeServer.start();
    // The same model tests/protocol holds to the real server: peers must be accounts (logged in or
    // added with {@link World.addAccounts}), groups record tips and take their type's defaults.
    return new World(server, FakeMessaging.install(server));
  }

  /** Makes `userIDs` existing accounts although they never log in (as users imported on the server). */
  addAccounts(...userIDs: string[]): void {
    for (const u of userIDs) this.fake.accounts.add(u);
  }

  /** An instance that is not logged in yet. */
  chat(extra: Partial<ChatCreateOptions> = {}): ChatInstance {
    const chat = newChat(this.server, extra);
    this.chats.push(chat);
    return chat;
  }

  /** An instance logged in as `userID`, after SDK_READY, with its messaging events recorded. */
  async ready(userID: string, extra: Partial<ChatCreateOptions> = {}): Promise<Recorded> {
    const chat = this.chat(extra);
    const rec = record(chat);
    await chat.login({ userID, userSig: `sig-${userID}` });
    await eventually(() => chat.isReady(), `${userID} SDK_READY`);
    return rec;
  }

  async close(): Promise<void> {
    for (const chat of this.chats.splice(0)) await chat.destroy();
    await this.server.close();
  }
}

/** An instance and what it emitted. */
export interface Recorded {
  readonly chat: ChatInstance;
  /** Every message of every MESSAGE_RECEIVED, in order. */
  readonly received: Message[];
  /** Each MESSAGE_RECEIVED batch. */
  readonly batches: Message[][];
  /** Each CONVERSATION_LIST_UPDATED list. */
  readonly lists: Conversation[][];
  /** Each TOTAL_UNREAD_MESSAGE_COUNT_UPDATED value. */
  readonly totals: number[];
  /** Event names in order (messaging events and SDK_READY). */
  readonly order: string[];
}

/** Records the messaging events of `chat`. */
export function record(chat: ChatInstance): Recorded {
  const rec: Recorded = { chat, received: [], batches: [], lists: [], totals: [], order: [] };
  chat.on(EVENT.MESSAGE_RECEIVED, (e) => {
    rec.batches.push(e.data);
    rec.received.push(...e.data);
    rec.order.push(e.name);
  });
  chat.on(EVENT.CONVERSATION_LIST_UPDATED, (e) => {
    rec.lists.push(e.data);
    rec.order.push(e.name);
  });
  chat.on(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, (e) => {
    rec.totals.push(e.data);
    rec.order.push(e.name);
  });
  chat.on(EVENT.GROUP_LIST_UPDATED, (e) => rec.order.push(e.name));
  chat.on(EVENT.SDK_READY, (e) => rec.order.push(e.name));
  return rec;
}

/** Texts of messages (`payload.text`). */
export const texts = (messages: readonly Message[]): string[] => messages.map((m) => String(m.payload['text']));
