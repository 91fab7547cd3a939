/**
 * The session methods of a `TencentCloudChat` instance (login, logout, events, server time, log
 * level, plugins) as a public-method table. All but `getServerTime` are in Tencent's whitelist.
 */
import { ok, type ChatResponse } from './chat-response.js';
import type { ChatEvent, ChatEventName } from './chat-events.js';
import type { EmittedEvent } from '../platform/emitter.js';
import { gated, whitelisted, type MethodTable } from './method-table.js';
import type { LoginResult, SessionClient } from './session-client.js';

/** Argument of `login()`. */
export interface LoginOptions {
  readonly userID: string;
  readonly userSig: string;
}

/** A handler of a known event; `this` is the context given to `on`. */
export type ChatEventHandler<K extends ChatEventName, C = unknown> = (this: C, event: ChatEvent<K>) => void;

/** A handler of any event name (events of later issues, or names the SDK does not emit). */
export type GenericEventHandler<C = unknown> = (this: C, event: EmittedEvent<string, unknown>) => void;

/** `on`, `once` and `off`: a known event name types its handler; any other name takes a generic one. */
export interface EventMethod {
  <K extends ChatEventName, C = unknown>(name: K, handler: ChatEventHandler<K, C>, context?: C): void;
  <C = unknown>(name: string, handler: GenericEventHandler<C>, context?: C): void;
}

/** What the session methods work with. */
export interface SessionMethodsTarget {
  readonly session: SessionClient;
  /** Called once `destroy()` has finished (drops the per-SDKAppID cache entry). */
  readonly onDestroyed: () => void;
}

type Empty = Record<string, never>;

/** The session methods of an instance. */
export const SESSION_METHODS = {
  /**
   * Logs in. Resolves `{code: 0, data: {actionStatus: 'OK', errorCode: 0, errorInfo, repeatLogin, ...}}`;
   * `SDK_READY` follows after the promise has resolved. Rejects with a `ParleyError`: 2002/2003
   * without userID/userSig, 7003 for a malformed userID, 2025 while another login is in flight,
   * 2800 network failure (or no WebSocket), 2801 timeout, or the server's code (70001, 70003, ...).
   */
  login: whitelisted(
    (t: SessionMethodsTarget) =>
      async (options: LoginOptions): Promise<ChatResponse<LoginResult>> =>
        ok(await t.session.login(options)),
  ),

  /** Logs out; emits `SDK_NOT_READY`. Resolves `{code: 0, data: {}}` even if the server call fails; rejects with 2024 when not logged in. */
  logout: whitelisted((t: SessionMethodsTarget) => async (): Promise<ChatResponse<Empty>> => {
    await t.session.logout();
    return ok({});
  }),

  /** The logged-in UserID, or `''`. */
  getLoginUser: whitelisted((t: SessionMethodsTarget) => (): string => t.session.loginUser),

  /**
   * Server time in **milliseconds** (local clock + offset from the login answer, refreshed by
   * each heartbeat answer). Before `SDK_READY` it returns a rejected Promise with the not-ready
   * code instead (Tencent's runtime behaviour; the declared type follows Tencent's d.ts).
   */
  getServerTime: gated((t: SessionMethodsTarget) => (): number => t.session.serverTime()),

  /** True between `SDK_READY` and `SDK_NOT_READY`. */
  isReady: whitelisted((t: SessionMethodsTarget) => (): boolean => t.session.isReady),

  /** Logs out if logged in, closes the socket, frees timers and handlers, emits `SDK_DESTROY`. */
  destroy: whitelisted((t: SessionMethodsTarget) => async (): Promise<ChatResponse<Empty>> => {
    if (!t.session.isDestroyed) {
      await t.session.destroy();
      t.onDestroyed();
    }
    return ok({});
  }),

  /** Calls `handler` with `{name, data}` and `this` = `context` whenever `name` is emitted. */
  on: whitelisted(
    (t: SessionMethodsTarget): EventMethod =>
      (name: string, handler: GenericEventHandler, context?: unknown): void => {
        t.session.emitter.on(name, handler, context);
      },
  ),

  /** Like `on`, for the next emit only. */
  once: whitelisted(
    (t: SessionMethodsTarget): EventMethod =>
      (name: string, handler: GenericEventHandler, context?: unknown): void => {
        t.session.emitter.on(name, handler, context, true);
      },
  ),

  /** Removes a handler added with `on` or `once` (only the registration with `context`, if given). */
  off: whitelisted(
    (t: SessionMethodsTarget): EventMethod =>
      (name: string, handler: GenericEventHandler, context?: unknown): void => {
        t.session.emitter.off(name, handler, context);
      },
  ),

  /** 0 everything, 1 release (default), 2 warnings, 3 errors, 4 nothing. Other values are ignored with a warning. */
  setLogLevel: whitelisted((t: SessionMethodsTarget) => (level: number): void => {
    t.session.options.env.logger.setLevel(level);
  }),

  /**
   * Accepts plugins such as `{'tim-upload-plugin': TIMUploadPlugin}`. Parley needs none of
   * Tencent's plugins, so they are accepted and ignored (apps keep their setup code unchanged).
   */
  registerPlugin: whitelisted(
    (t: SessionMethodsTarget) =>
      (plugins: Record<string, unknown>): void => {
        t.session.options.env.logger.debug('registerPlugin: ignored', Object.keys(plugins ?? {}));
      },
  ),

  /** Accepts a plugin (`chat.use(plugin)`); like `registerPlugin`, accepted and ignored. */
  use: whitelisted(
    (t: SessionMethodsTarget) =>
      (plugin: unknown): void => {
        t.session.options.env.logger.debug('use: plugin accepted and ignored', typeof plugin);
      },
  ),

  /** Experimental APIs: none exist in Parley yet; resolves `{code: 0, data: {}}` for any name. */
  callExperimentalAPI: whitelisted((t: SessionMethodsTarget) => async (api: string, _options?: unknown): Promise<ChatResponse<Empty>> => {
    t.session.options.env.logger.debug('callExperimentalAPI: no such API in Parley, ignored', api);
    return ok({});
  }),
} satisfies MethodTable<SessionMethodsTarget>;
