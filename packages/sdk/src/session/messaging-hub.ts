/**
 * The messaging hub of one SDK instance: what every feature shares, tied to the session's
 * lifecycle, and nothing that belongs to one feature. It
 *
 * - counts epochs: a session that ends starts a new epoch, and work begun in an older one checks
 *   {@link MessagingHub.isCurrent} after each await and stops;
 * - sends commands by their protocol definition ({@link MessagingHub.call}) and hands back the
 *   parsed, typed answer, so no feature parses an answer by hand;
 * - routes pushes by registration ({@link MessagingHub.onPush}): each feature registers the push
 *   definitions it handles and gets their parsed bodies, so adding a feature adds registrations,
 *   not a branch here;
 * - runs the registered {@link HubPart}s at each lifecycle step (reset, first sync, resync,
 *   flush, release at `SDK_READY`);
 * - holds new messages and list events back until `SDK_READY`: the first sync fills the caches,
 *   then, right after `SDK_READY`, the parts release the lists and the hub the messages that
 *   arrived while the user was offline.
 *
 * It imports no feature: features get the narrow {@link HubPorts} they use, and the composition
 * root (`web/chat-core.ts`) builds the features and registers them.
 */
import { EVENT, type CommandDef, type FrameBody, type ParseResult, type PushDef, type PushFrame } from '@parley/protocol';
import type { FactoryContext } from '../model/message-factory.js';
import type { Message } from '../model/message-types.js';
import { answerOf } from '../model/sdk-errors.js';
import type { SdkLogger } from '../platform/environment.js';
import type { SessionClient, SessionObserver } from './session-client.js';

/**
 * One step of a feature in the session's lifecycle. Parts run in registration order; every
 * member is optional.
 */
export interface HubPart {
  /** The session ended, or a fresh login starts: forget the session's state. */
  reset?(): void;
  /** A fresh login: work that must finish before `SDK_READY` (awaited part by part, in order). */
  prepare?(): Promise<void>;
  /** Back online after a drop: catch up on what was missed. */
  resumed?(): void;
  /** Emit the events for whatever changed (never called while the hub holds events back). */
  flush?(): void;
  /** `SDK_READY` was emitted: emit what the first sync gathered. */
  release?(): void;
}

/** Handles the raw body of one push name (after {@link HubRegistry.onPush} parsed it). */
export type PushHandler = (body: FrameBody) => void;

/** The hub as features see it: the few things they share. Features take a `Pick` of it. */
export interface HubPorts {
  /** The logged-in UserID (`''` when none). */
  readonly viewer: string;
  /** The session's logger. */
  readonly logger: SdkLogger;
  /** The current epoch; see {@link isCurrent}. */
  readonly epoch: number;
  /** False once the session that was current at `epoch` has ended (its work is superseded). */
  isCurrent(epoch: number): boolean;
  /**
   * Sends the command `def` names and parses its answer with `def`.
   * @throws ParleyError with `UNCAUGHT_ERROR` (2903) when the answer breaks the contract, or the
   *   server's error.
   */
  call<A>(def: CommandDef<unknown, A>, body: FrameBody): Promise<A>;
  /** {@link call} for callers that recover from a malformed answer: the parse result instead of a throw. */
  callParsed<A>(def: CommandDef<unknown, A>, body: FrameBody): Promise<ParseResult<A>>;
  /** Hands new messages to the app (`MESSAGE_RECEIVED`), or holds them until `SDK_READY`. */
  deliver(messages: readonly Message[]): void;
  /** Emits the list events for whatever changed (nothing while holding). */
  flush(): void;
  /** What the message factory needs: the sender, the server clock, randomness. */
  factoryContext(): FactoryContext;
}

/** Where features register: push handlers and lifecycle parts. */
export interface HubRegistry {
  /**
   * Routes the pushes `def` names to `handler` with their parsed body; a malformed body is logged
   * and ignored (docs/PROTOCOL.md §13).
   * @throws Error when the push already has a handler (two features claiming one push is a wiring mistake).
   */
  onPush<B>(def: PushDef<B>, handler: (body: B) => void): void;
  /** Adds a lifecycle part (run after the parts added before it). */
  addPart(part: HubPart): void;
}

/** Shared messaging state and lifecycle of one instance. */
export class MessagingHub implements HubPorts, HubRegistry {
  private readonly pushes = new Map<string, PushHandler>();
  private readonly parts: HubPart[] = [];
  private currentEpoch = 0;
  private holding = false;
  private held: Message[] = [];

  constructor(private readonly session: SessionClient) {
    const observer: SessionObserver = {
      onLoggedIn: () => this.loggedIn(),
      onReady: () => this.ready(),
      onReconnected: () => {
        for (const part of this.parts) part.resumed?.();
      },
      onSessionEnded: () => this.reset(),
      onPush: (frame) => this.route(frame),
    };
    session.observe(observer);
  }

  get viewer(): string {
    return this.session.loginUser;
  }

  get logger(): SdkLogger {
    return this.session.options.env.logger;
  }

  get epoch(): number {
    return this.currentEpoch;
  }

  isCurrent(epoch: number): boolean {
    return epoch === this.currentEpoch;
  }

  factoryContext(): FactoryContext {
    return { userID: this.viewer, nowMs: () => this.session.serverTime(), random: this.session.options.env.random };
  }

  async call<A>(def: CommandDef<unknown, A>, body: FrameBody): Promise<A> {
    return answerOf(await this.callParsed(def, body));
  }

  async callParsed<A>(def: CommandDef<unknown, A>, body: FrameBody): Promise<ParseResult<A>> {
    return def.parseAnswer(await this.session.request(def.name, body));
  }

  deliver(messages: readonly Message[]): void {
    if (messages.length === 0) return;
    if (this.holding) this.held.push(...messages);
    else this.session.emitter.emit(EVENT.MESSAGE_RECEIVED, [...messages]);
  }

  flush(): void {
    if (this.holding) return;
    for (const part of this.parts) part.flush?.();
  }

  onPush<B>(def: PushDef<B>, handler: (body: B) => void): void {
    if (this.pushes.has(def.name)) throw new Error(`MessagingHub.onPush(): ${def.name} already has a handler`);
    this.pushes.set(def.name, (body) => {
      const parsed = def.parseBody(body);
      if (parsed.ok) handler(parsed.value);
      else this.logger.warn(`ignored a malformed ${def.name} push:`, parsed.reason);
    });
  }

  addPart(part: HubPart): void {
    this.parts.push(part);
  }

  /** A fresh login: the parts' first sync runs before `SDK_READY`. */
  private async loggedIn(): Promise<void> {
    this.reset();
    this.holding = true;
    for (const part of this.parts) await part.prepare?.();
  }

  /** `SDK_READY` was emitted: release the first sync's results. */
  private ready(): void {
    this.holding = false;
    for (const part of this.parts) part.release?.();
    const held = this.held;
    this.held = [];
    this.deliver(held);
  }

  /** A push: to the handler registered for its name. */
  private route(frame: PushFrame): void {
    const handler = this.pushes.get(frame.ev);
    if (handler) handler(frame.body);
    else this.logger.debug('push not handled', frame.ev);
  }

  private reset(): void {
    this.currentEpoch++;
    for (const part of this.parts) part.reset?.();
    this.holding = false;
    this.held = [];
  }
}
