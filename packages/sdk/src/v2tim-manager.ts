/**
 * The V2TIM-style facade (`TencentImSDKPlugin.v2TIMManager`): a thin layer over the same session
 * core as the web API. Every method resolves `{code, desc, data?}` and never throws or rejects:
 * failures become codes (6013 before initSDK, 6014 not logged in, 7501 login in flight, 6017 bad
 * arguments, the server's code for a refused login, 2903 for anything unexpected).
 */
import { ErrorCode, EVENT, isRecord, KickedOutType, NetState, ParleyError, type NetStateValue } from '@parley/protocol';
import { createChatCore, type ChatCore, type LoginOptions } from './chat-instance.js';
import { toParleyError } from './connection.js';
import { parseSDKAppID, resolveSessionOptions, type SessionOptions } from './options.js';
import { VERSION } from './version.js';
import { webLogLevel, type V2TimCallback, type V2TimSDKListener, type V2TimValueCallback } from './v2tim-types.js';

const OK_DESC = 'ok';

function ok(): V2TimCallback;
function ok<T>(data: T): V2TimValueCallback<T>;
function ok<T>(...data: [T] | []): V2TimValueCallback<T> {
  return data.length === 0 ? { code: 0, desc: OK_DESC } : { code: 0, desc: OK_DESC, data: data[0] };
}

function fail(code: number, desc: string): V2TimCallback {
  return { code, desc };
}

/** Web-API codes that V2TIM reports with its own numbers. */
const V2TIM_CODE: ReadonlyMap<number, number> = new Map([
  [ErrorCode.REPEAT_LOGIN, ErrorCode.ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS],
  [ErrorCode.NO_SDKAPPID, ErrorCode.ERR_INVALID_PARAMETERS],
  [ErrorCode.NO_IDENTIFIER, ErrorCode.ERR_INVALID_PARAMETERS],
  [ErrorCode.NO_USERSIG, ErrorCode.ERR_INVALID_PARAMETERS],
  [ErrorCode.USER_NOT_LOGGED_IN, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.SDK_IS_NOT_READY, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.LOGIN_FAILED, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.KICKED_OUT_MULT_DEVICE, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.KICKED_OUT_MULT_ACCOUNT, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.KICKED_OUT_USERSIG_EXPIRED, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.LOGGED_OUT, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.KICKED_OUT_REST_API, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
]);

/** Turns anything thrown into a V2TIM result; codes of the web API are translated (see {@link V2TIM_CODE}). */
function failFrom(error: unknown): V2TimCallback {
  const e = toParleyError(error);
  return fail(V2TIM_CODE.get(e.code) ?? e.code, e.message);
}

const notInitialized = (): V2TimCallback => fail(ErrorCode.ERR_SDK_NOT_INITIALIZED, 'The SDK is not initialized: call initSDK() first');
const notLoggedIn = (): V2TimCallback => fail(ErrorCode.ERR_SDK_NOT_LOGGED_IN, 'Not logged in: call login() first');

/** The V2TIM manager. One singleton is `TencentImSDKPlugin.v2TIMManager`; tests may make more. */
export class V2TIMManager {
  private core: ChatCore | undefined;
  private sdkAppID: number | undefined;
  private readonly listeners = new Set<V2TimSDKListener>();

  /**
   * Initializes the SDK for `sdkAppID`. `options` are Parley's (server address, WebSocket
   * constructor, platform, timers, ...; see `SessionOptions`). Resolves `{code: 0, desc: 'ok', data: true}`.
   * Initializing again with the same SDKAppID only adds the listener; another SDKAppID un-initializes first.
   */
  async initSDK(sdkAppID: number, logLevel?: number, listener?: V2TimSDKListener, options?: SessionOptions): Promise<V2TimValueCallback<boolean>> {
    try {
      const id = parseSDKAppID(sdkAppID);
      if (id === undefined) return fail(ErrorCode.ERR_INVALID_PARAMETERS, `initSDK: sdkAppID must be a positive integer (got ${String(sdkAppID)})`);
      if (options !== undefined && !isRecord(options)) return fail(ErrorCode.ERR_INVALID_PARAMETERS, 'initSDK: options must be an object');
      if (this.core && this.sdkAppID === id) {
        if (listener) this.listeners.add(listener);
        return ok(true);
      }
      if (this.core) await this.unInitSDK();
      const resolved = resolveSessionOptions({ ...options, logLevel: webLogLevel(logLevel) }, id, true);
      if (!resolved.ok) return fail(ErrorCode.ERR_INVALID_PARAMETERS, `initSDK: ${resolved.reason}`);
      const core = createChatCore(resolved.value);
      this.core = core;
      this.sdkAppID = id;
      if (listener) this.listeners.add(listener);
      this.wire(core);
      return ok(true);
    } catch (error) {
      return failFrom(error);
    }
  }

  /** Logs out if needed and releases everything; listeners are removed. */
  async unInitSDK(): Promise<V2TimCallback> {
    try {
      const core = this.core;
      this.core = undefined;
      this.sdkAppID = undefined;
      this.listeners.clear();
      if (core) await core.chat.destroy();
      return ok();
    } catch (error) {
      return failFrom(error);
    }
  }

  /**
   * Logs in and resolves once the SDK is ready, so every API works right after. Codes: 7501 while
   * another login is in flight, 6017 without userID/userSig, 7003 malformed userID, 70001 expired
   * UserSig, the server's code for other refusals, 2800/2801 network failure/timeout.
   */
  async login(userID: string, userSig: string): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      const res = await core.chat.login({ userID, userSig } as LoginOptions);
      if (!res.data.repeatLogin && !(await this.untilReady(core))) {
        return failFrom(new ParleyError(core.session.notReadyReason, 'The session ended right after login'));
      }
      return ok();
    } catch (error) {
      return failFrom(error);
    }
  }

  /** Logs out (6014 when not logged in). */
  async logout(): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      await core.chat.logout();
      return ok();
    } catch (error) {
      return failFrom(error);
    }
  }

  /** The logged-in UserID, or `''`. */
  async getLoginUser(): Promise<V2TimValueCallback<string>> {
    if (!this.core) return notInitialized();
    return ok(this.core.chat.getLoginUser());
  }

  /** 0 logged in (also while reconnecting), 1 logging in, 2 logged out (`V2TIM_LOGIN_STATUS`). */
  async getLoginStatus(): Promise<V2TimValueCallback<number>> {
    if (!this.core) return notInitialized();
    return ok<number>(this.core.session.loginStatus);
  }

  /** Server time in whole **seconds** (6014 when not logged in). */
  async getServerTime(): Promise<V2TimValueCallback<number>> {
    if (!this.core) return notInitialized();
    if (this.core.session.loginStatus !== 0) return notLoggedIn();
    return ok(Math.floor(this.core.session.serverTime() / 1000));
  }

  /** The SDK version string (works before initSDK). */
  async getVersion(): Promise<V2TimValueCallback<string>> {
    return ok(VERSION);
  }

  /** Adds an SDK listener (kept until removed or unInitSDK). */
  addListener(listener: V2TimSDKListener): void {
    if (isRecord(listener)) this.listeners.add(listener);
  }

  /** Removes `listener`, or every listener when none is given. */
  removeListener(listener?: V2TimSDKListener): void {
    if (listener === undefined) this.listeners.clear();
    else this.listeners.delete(listener);
  }

  /** Experimental APIs: none exist in Parley yet; resolves code 0 with `{}`. */
  async callExperimentalAPI(api: string, param?: unknown): Promise<V2TimValueCallback<unknown>> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      return ok<unknown>((await core.chat.callExperimentalAPI(api, param)).data);
    } catch (error) {
      return failFrom(error);
    }
  }

  /** Resolves true once `SDK_READY` has fired for the current login, false if the session ended first. */
  private untilReady(core: ChatCore): Promise<boolean> {
    if (core.session.isReady) return Promise.resolve(true);
    if (core.session.loginStatus !== 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (value: boolean): void => {
        core.chat.off(EVENT.SDK_READY, onReady);
        core.chat.off(EVENT.SDK_NOT_READY, onNotReady);
        resolve(value);
      };
      const onReady = (): void => done(true);
      const onNotReady = (): void => done(false);
      core.chat.on(EVENT.SDK_READY, onReady);
      core.chat.on(EVENT.SDK_NOT_READY, onNotReady);
    });
  }

  private wire(core: ChatCore): void {
    core.chat.on(EVENT.KICKED_OUT, ({ data }) => {
      if (data.type === KickedOutType.USERSIG_EXPIRED) this.notify('onUserSigExpired');
      else this.notify('onKickedOffline');
    });
    core.session.observe({
      onNetState: (state: NetStateValue, failure: ParleyError | undefined) => {
        if (state === NetState.CONNECTING) this.notify('onConnecting');
        else if (state === NetState.CONNECTED) this.notify('onConnectSuccess');
        else if (failure) this.notify('onConnectFailed', failure.code, failure.message);
      },
    });
  }

  private notify<K extends keyof V2TimSDKListener>(name: K, ...args: Parameters<NonNullable<V2TimSDKListener[K]>>): void {
    for (const listener of [...this.listeners]) {
      const callback: unknown = listener[name];
      if (typeof callback !== 'function') continue;
      try {
        (callback as (...a: unknown[]) => void).apply(listener, args);
      } catch (error) {
        this.core?.session.options.env.logger.error(`V2TimSDKListener.${name} threw:`, error);
      }
    }
  }
}

/** `import { TencentImSDKPlugin } from '@parley/sdk'`: holds the singleton `v2TIMManager`. */
export const TencentImSDKPlugin: { readonly v2TIMManager: V2TIMManager } = Object.freeze({ v2TIMManager: new V2TIMManager() });
