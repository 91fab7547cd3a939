/**
 * Messaging helpers over {@link RawClient} for server tests: log in, call a command expecting success
 * or a given error code, and wait for pushes.
 */
import { Command, MessagingPush, type PushFrame, type ResponseFrame, type WireMessage } from '@parley/protocol';
import { RawClient } from './raw-client.js';
import type { TestServer } from './test-server.js';

/** A logged-in raw client with messaging helpers. */
export class ChatClient {
  readonly raw: RawClient;
  readonly userID: string;
  #nextMsg = 1;

  private constructor(raw: RawClient, userID: string) {
    this.raw = raw;
    this.userID = userID;
  }

  /** Connects and logs in `userID` (default platform Web). */
  static async login(ts: Pick<TestServer, 'wsUrl' | 'app' | 'sig'>, userID: string, platform = 'Web'): Promise<ChatClient> {
    const raw = await RawClient.connect(ts.wsUrl);
    const res = await raw.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID, userSig: ts.sig(userID), platform });
    if (res.code !== 0) throw new Error(`login of ${userID} failed: ${res.code} ${res.message ?? ''}`);
    return new ChatClient(raw, userID);
  }

  /** Sends a request and returns the whole response. */
  request(cmd: string, body: Record<string, unknown> = {}): Promise<ResponseFrame> {
    return this.raw.request(cmd, body);
  }

  /** Sends a request that must succeed; returns its body. */
  async ok(cmd: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const res = await this.raw.request(cmd, body);
    if (res.code !== 0) throw new Error(`${cmd} failed: ${res.code} ${res.message ?? ''}`);
    return { ...res.body };
  }

  /** Sends a request that must fail; returns its code. */
  async code(cmd: string, body: Record<string, unknown> = {}): Promise<number> {
    return (await this.raw.request(cmd, body)).code;
  }

  /** A fresh message ID of this client. */
  nextID(): string {
    return `${this.userID}-${this.#nextMsg++}`;
  }

  /** The body of a text send to a peer or group. */
  textBody(conversationType: 'C2C' | 'GROUP', to: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { conversationType, to, ID: this.nextID(), random: 1, elements: [{ type: 'TIMTextElem', content: { text } }], ...extra };
  }

  /** Messages received as pushes, in arrival order. */
  messages(): WireMessage[] {
    return this.pushes(MessagingPush.MESSAGE).map((p) => p.body['message'] as WireMessage);
  }

  /** Pushes of one event, in arrival order. */
  pushes(ev: string): PushFrame[] {
    return this.raw.pushes.filter((p) => p.ev === ev);
  }

  /** Resolves when `predicate` holds, polling every 5 ms; rejects after `timeoutMs`. */
  async until(predicate: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > timeoutMs) throw new Error(`${this.userID}: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  close(): void {
    this.raw.close();
  }
}
