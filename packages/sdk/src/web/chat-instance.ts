/**
 * The public methods of one `TencentCloudChat` instance (the object `create()` returns). Session
 * work is delegated to the {@link SessionClient}; the messaging methods come from
 * {@link ChatMessagingMethods}; every API outside the readiness whitelist runs through `guard`.
 */
import type { ParleyError } from '@parley/protocol';
import type { ChatEvent, ChatEventName } from '../session/chat-events.js';
import { ChatMessagingMethods, type ChatApis } from './chat-messaging-methods.js';
import { ok, type ChatResponse } from '../session/chat-response.js';
import type { EmittedEvent } from '../platform/emitter.js';
import type { SessionClient, LoginResult } from '../session/session-client.js';

export type { ChatResponse } from '../session/chat-response.js';
export type { ChatApis } from './chat-messaging-methods.js';

/** Argument of `login()`. */
export interface LoginOptions {
  readonly userID: string;
  readonly userSig: string;
}

/** A handler of a known event; `this` is the context given to `on`. */
export type ChatEventHandler<K extends ChatEventName, C = unknown> = (this: C, event: ChatEvent<K>) => void;

/** A handler of any event name (events of later issues, or names the SDK does not emit). */
export type GenericEventHandler<C = unknown> = (this: C, event: EmittedEvent<string, unknown>) => void;

/** One SDK instance: what `TencentCloudChat.create()` returns. */
export class ChatInstance extends ChatMessagingMethods {
  /** @param onDestroyed called once `destroy()` has finished (drops the per-SDKAppID cache entry). */
  constructor(
    session: SessionClient,
    apis: ChatApis,
    private readonly onDestroyed: () => void = () => {},
  ) {
    super(session, apis);
  }

  /**
   * Logs in. Resolves `{code: 0, data: {actionStatus: 'OK', errorCode: 0, errorInfo, repeatLogin, ...}}`;
   * `SDK_READY` follows after the promise has resolved. Rejects with a {@link ParleyError}: 2002/2003
   * without userID/userSig, 7003 for a malformed userID, 2025 while another login is in flight,
   * 2800 network failure (or no WebSocket), 2801 timeout, or the server's code (70001, 70003, ...).
   */
  async login(options: LoginOptions): Promise<ChatResponse<LoginResult>> {
    return ok(await this.session.login(options));
  }

  /** Logs out; emits `SDK_NOT_READY`. Resolves `{code: 0, data: {}}` even if the server call fails; rejects with 2024 when not logged in. */
  async logout(): Promise<ChatResponse<Record<string, never>>> {
    await this.session.logout();
    return ok({});
  }

  /** The logged-in UserID, or `''`. */
  getLoginUser(): string {
    return this.session.loginUser;
  }

  /**
   * Server time in **milliseconds** (local clock + offset from the login answer, refreshed by
   * each heartbeat answer). Before `SDK_READY` it returns a rejected Promise with the not-ready
   * code instead (Tencent's runtime behaviour; the declared type follows Tencent's d.ts).
   */
  getServerTime(): number {
    return this.guard('getServerTime', () => this.session.serverTime());
  }

  /** True between `SDK_READY` and `SDK_NOT_READY`. */
  isReady(): boolean {
    return this.session.isReady;
  }

  /** Logs out if logged in, closes the socket, frees timers and handlers, emits `SDK_DESTROY`. */
  async destroy(): Promise<ChatResponse<Record<string, never>>> {
    if (!this.session.isDestroyed) {
      await this.session.destroy();
      this.onDestroyed();
    }
    return ok({});
  }

  /** Calls `handler` with `{name, data}` and `this` = `context` whenever `name` is emitted. */
  on<K extends ChatEventName, C = unknown>(name: K, handler: ChatEventHandler<K, C>, context?: C): void;
  on<C = unknown>(name: string, handler: GenericEventHandler<C>, context?: C): void;
  on(name: string, handler: GenericEventHandler, context?: unknown): void {
    this.session.emitter.on(name, handler, context);
  }

  /** Like {@link on}, for the next emit only. */
  once<K extends ChatEventName, C = unknown>(name: K, handler: ChatEventHandler<K, C>, context?: C): void;
  once<C = unknown>(name: string, handler: GenericEventHandler<C>, context?: C): void;
  once(name: string, handler: GenericEventHandler, context?: unknown): void {
    this.session.emitter.on(name, handler, context, true);
  }

  /** Removes a handler added with {@link on} or {@link once} (only the registration with `context`, if given). */
  off<K extends ChatEventName, C = unknown>(name: K, handler: ChatEventHandler<K, C>, context?: C): void;
  off<C = unknown>(name: string, handler: GenericEventHandler<C>, context?: C): void;
  off(name: string, handler: GenericEventHandler, context?: unknown): void {
    this.session.emitter.off(name, handler, context);
  }

  /** 0 everything, 1 release (default), 2 warnings, 3 errors, 4 nothing. Other values are ignored with a warning. */
  setLogLevel(level: number): void {
    this.session.options.env.logger.setLevel(level);
  }

  /**
   * Accepts plugins such as `{'tim-upload-plugin': TIMUploadPlugin}`. Parley needs none of
   * Tencent's plugins, so they are accepted and ignored (apps keep their setup code unchanged).
   */
  registerPlugin(plugins: Record<string, unknown>): void {
    this.session.options.env.logger.debug('registerPlugin: ignored', Object.keys(plugins ?? {}));
  }

  /** Accepts a plugin (`chat.use(plugin)`); like {@link registerPlugin}, accepted and ignored. */
  use(plugin: unknown): void {
    this.session.options.env.logger.debug('use: plugin accepted and ignored', typeof plugin);
  }

  /** Experimental APIs: none exist in Parley yet; resolves `{code: 0, data: {}}` for any name. */
  async callExperimentalAPI(api: string, _options?: unknown): Promise<ChatResponse<Record<string, never>>> {
    this.session.options.env.logger.debug('callExperimentalAPI: no such API in Parley, ignored', api);
    return ok({});
  }
}
