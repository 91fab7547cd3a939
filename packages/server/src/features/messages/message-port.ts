/**
 * What the other features may use of the messages feature: the app lookup, the conversation check
 * and the commit of a server-made message (group tips, REST sends). Conversations and groups depend
 * on this port, never on the service class; the composition passes the service in.
 */
import { randomBytes } from 'node:crypto';
import type { NormalizedSendMessage, SendMessageResponse, WireSenderNames } from '@parley/protocol';
import type { GroupView } from '@parley/store';
import type { AppState } from '../../directories/app-cache.js';

/** Who sends, and how. */
export interface SendContext {
  readonly sdkAppID: number;
  /** Sender UserID (`@TIM#SYSTEM` for tips). */
  readonly from: string;
  /** The instance id the send came from: it gets the answer, not a push. */
  readonly origin?: string;
  /** Deliver to the sender's instances and inbox (REST `SyncOtherMachine`). @default true */
  readonly syncToSender?: boolean;
  /** Message time, whole seconds. @default now */
  readonly time?: number;
  /** Push to online instances. False for imports. @default true */
  readonly deliver?: boolean;
  /** Users pushed to besides the recipients (e.g. members just removed, for the tip that says so). */
  readonly alsoNotify?: readonly string[];
  /**
   * The sender's nick, avatar and name card the message keeps. Given: the message joins the commit
   * queue synchronously. @default looked up (profile; group name card) when the message is committed
   */
  readonly names?: WireSenderNames;
}

/** What {@link MessageService.commit} did: the answer, and its message encoded once for every frame that carries it. */
export interface CommittedSend extends SendMessageResponse {
  /** `JSON.stringify(message)`. */
  readonly messageJson: string;
}

/** A server-made message ID (tips, REST sends without a key): 20 characters of `[A-Za-z0-9_-]`. */
export function serverMessageID(): string {
  return `s${randomBytes(14).toString('base64url').slice(0, 19)}`;
}

/** The messages feature as the other features see it. */
export interface MessagePort {
  /** The app's state; 70020 when it is gone. */
  app(sdkAppID: number): Promise<AppState>;
  /** Checks that `userID` may use the conversation (peer exists, or caller is a member); the group for group conversations. */
  checkConversation(sdkAppID: number, userID: string, conv: { readonly type: 'C2C' | 'GROUP'; readonly target: string }): Promise<GroupView | undefined>;
  /** Stores (unless online-only) and delivers a message; resolves once it is committed. */
  commit(ctx: SendContext, req: NormalizedSendMessage, group?: GroupView): Promise<CommittedSend>;
}
