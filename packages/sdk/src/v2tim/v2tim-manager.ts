/**
 * The V2TIM-style facade (`TencentImSDKPlugin.v2TIMManager`): a thin layer over the same session
 * core as the web API. Every method resolves `{code, desc, data?}` and never throws or rejects:
 * failures become codes (6013 before initSDK, 6014 not logged in, 7501 login in flight, 6017 bad
 * arguments, the server's code for a refused login, 2903 for anything unexpected).
 */
import { ErrorCode, EVENT, isRecord, KickedOutType, NetState, ParleyError, type NetStateValue } from '@parley/protocol';
import { createChatCore, type ChatCore } from '../web/chat-core.js';
import type { LoginOptions } from '../web/chat-instance.js';
import { parseSDKAppID, resolveSessionOptions, type SessionOptions } from '../platform/options.js';
import { VERSION } from '../platform/version.js';
import type { V2TimMessage, V2TimSimpleMsgListener } from './v2tim-message-types.js';
import { groupCall, sendSimple, SimpleMsgListeners } from './v2tim-messaging.js';
import { profileUpdateOf, userFullInfoOf, v2UserStatusOf } from './v2tim-profiles.js';
import { createFriendshipFacade, type V2TIMFriendshipManager } from './v2tim-friendship.js';
import { fail, failFrom, notInitialized, notLoggedIn, ok } from './v2tim-results.js';
import { webLogLevel, type V2TimCallback, type V2TimSDKListener, type V2TimUserFullInfo, type V2TimUserStatus, type V2TimValueCallback } from './v2tim-types.js';

/** Not-ready reasons that mean "kicked out" (3002, 3003, 3004, 3006). */
const KICK_REASONS: ReadonlySet<number> = new Set([
  ErrorCode.KICKED_OUT_MULT_DEVICE,
  ErrorCode.KICKED_OUT_MULT_ACCOUNT,
  ErrorCode.KICKED_OUT_USERSIG_EXPIRED,
  ErrorCode.KICKED_OUT_REST_API,
]);

/** The V2TIM manager. One singleton is `TencentImSDKPlugin.v2TIMManager`; tests may make more. */
export class V2TIMManager {
  private core: ChatCore | undefined;
  private sdkAppID: number | undefined;
  private readonly listeners = new Set<V2TimSDKListener>();
  private readonly friendship = createFriendshipFacade(() => this.core);
  private readonly simpleListeners = new SimpleMsgListeners((name, error) =>
    this.core?.session.options.env.logger.error(`V2TimSimpleMsgListener.${name} threw:`, error),
  );

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
      this.simpleListeners.remove();
      if (core) await core.chat.destroy();
      return ok();
    } catch (error) {
      return failFrom(error);
    }
  }

  /**
   * Logs in and resolves once the SDK is ready (after the first message sync), so every API works
   * right after; a kick during that sync still resolves code 0 (the kick is reported to the
   * listener, as any later kick is). Codes: 7501 while
   * another login is in flight, 6017 without userID/userSig, 7003 malformed userID, 70001 expired
   * UserSig, the server's code for other refusals, 2800/2801 network failure/timeout.
   */
  async login(userID: string, userSig: string): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      const res = await core.chat.login({ userID, userSig } as LoginOptions);
      if (!res.data.repeatLogin && !(await this.untilReady(core))) {
        const reason = core.session.notReadyReason;
        // Kicked before SDK_READY (during the first sync): the login itself succeeded, and the
        // listener has had onKickedOffline / onUserSigExpired, as after any later kick.
        if (KICK_REASONS.has(reason)) return ok();
        return failFrom(new ParleyError(reason, 'The session ended right after login'));
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

  /**
   * Sends a text message to a user; `data` is the sent message. Codes: 6013, 6014, 6017, or the server's.
   * The argument order is react-native-tim-js's (`userID` first); native Java/ObjC put the text first.
   */
  async sendC2CTextMessage(userID: string, text: string): Promise<V2TimValueCallback<V2TimMessage>> {
    return this.core ? sendSimple(this.core, { kind: 'text', content: text, to: userID, conversationType: 'C2C' }) : notInitialized();
  }

  /** Sends a custom message (`customData` = the custom element's data) to a user. */
  async sendC2CCustomMessage(userID: string, customData: string): Promise<V2TimValueCallback<V2TimMessage>> {
    return this.core ? sendSimple(this.core, { kind: 'custom', content: customData, to: userID, conversationType: 'C2C' }) : notInitialized();
  }

  /** Sends a text message to a group; `priority` is a `MessagePriorityEnum` value. @default normal */
  async sendGroupTextMessage(groupID: string, text: string, priority?: number): Promise<V2TimValueCallback<V2TimMessage>> {
    return this.core ? sendSimple(this.core, { kind: 'text', content: text, to: groupID, conversationType: 'GROUP', priority }) : notInitialized();
  }

  /** Sends a custom message to a group; `priority` is a `MessagePriorityEnum` value. @default normal */
  async sendGroupCustomMessage(groupID: string, customData: string, priority?: number): Promise<V2TimValueCallback<V2TimMessage>> {
    return this.core ? sendSimple(this.core, { kind: 'custom', content: customData, to: groupID, conversationType: 'GROUP', priority }) : notInitialized();
  }

  /** Adds a simple-message listener: text and custom messages from others, C2C and group. */
  addSimpleMsgListener(listener: V2TimSimpleMsgListener): void {
    this.simpleListeners.add(listener);
  }

  /** Removes `listener`, or every simple-message listener when none is given. */
  removeSimpleMsgListener(listener?: V2TimSimpleMsgListener): void {
    this.simpleListeners.remove(listener);
  }

  /**
   * Creates a group; `data` is its GroupID. `groupType` is V2TIM's (`Work`, `Public`, `Meeting`,
   * `AVChatRoom`, `Community`) or the web's (`Private`, `ChatRoom`); 2600 for another. The name comes
   * first, as in react-native-tim-js.
   */
  async createGroup(groupName: string, groupType: string, groupID?: string): Promise<V2TimValueCallback<string>> {
    const core = this.core;
    if (!core) return notInitialized();
    return groupCall(
      () => core.chat.createGroup({ type: groupType, name: groupName, ...(groupID !== undefined ? { groupID } : {}) }),
      (res) => res.data.group.groupID,
    );
  }

  /** Joins a group (`message` is the application text for groups that need approval). */
  async joinGroup(groupID: string, message?: string): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    return groupCall(() => core.chat.joinGroup({ groupID, ...(message !== undefined ? { applyMessage: message } : {}) }));
  }

  /** Leaves a group. */
  async quitGroup(groupID: string): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    return groupCall(() => core.chat.quitGroup(groupID));
  }

  /** Dismisses a group (owner only). */
  async dismissGroup(groupID: string): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    return groupCall(() => core.chat.dismissGroup(groupID));
  }

  /** The profiles of the users in `userIDList` that exist (1..100), in react-native-tim-js's `V2TimUserFullInfo` shape. */
  async getUsersInfo(userIDList: string[]): Promise<V2TimValueCallback<V2TimUserFullInfo[]>> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      const res = await core.chat.getUserProfile({ userIDList });
      return ok(res.data.map(userFullInfoOf));
    } catch (error) {
      return failFrom(error);
    }
  }

  /** Changes the fields of the user's own profile that `userFullInfo` gives (`customInfo` keys without the `Tag_Profile_Custom_` prefix). */
  async setSelfInfo(userFullInfo: V2TimUserFullInfo): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      await core.chat.updateMyProfile(profileUpdateOf(userFullInfo));
      return ok();
    } catch (error) {
      return failFrom(error);
    }
  }

  /** Sets the user's own custom status (react-native-tim-js: `setSelfStatus(status)`; '' clears it, at most 100 bytes). */
  async setSelfStatus(status: string): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      await core.chat.setSelfStatus({ customStatus: status });
      return ok();
    } catch (error) {
      return failFrom(error);
    }
  }

  /**
   * The statuses of the users in `userIDList` (1..500) that could be read; when none could, the first
   * failure's code (react-native-tim-js: "only successes are returned; all failing is an error").
   */
  async getUserStatus(userIDList: string[]): Promise<V2TimValueCallback<V2TimUserStatus[]>> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      const { successUserList, failureUserList } = (await core.chat.getUserStatus({ userIDList })).data;
      const first = failureUserList[0];
      if (successUserList.length === 0 && first !== undefined) return fail(first.code, first.message);
      return ok(successUserList.map(v2UserStatusOf));
    } catch (error) {
      return failFrom(error);
    }
  }

  /**
   * Subscribes to the statuses of 1..100 users (`onUserStatusChanged` on each change). Not in
   * react-native-tim-js; native V2TIM's `subscribeUserStatus(userIDList)` in its argument order.
   */
  async subscribeUserStatus(userIDList: string[]): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      await core.chat.subscribeUserStatus({ userIDList });
      return ok();
    } catch (error) {
      return failFrom(error);
    }
  }

  /** Unsubscribes from some users, or from every one without a list (native V2TIM's `unsubscribeUserStatus`). */
  async unsubscribeUserStatus(userIDList?: string[]): Promise<V2TimCallback> {
    const core = this.core;
    if (!core) return notInitialized();
    try {
      await core.chat.unsubscribeUserStatus(userIDList === undefined ? undefined : { userIDList });
      return ok();
    } catch (error) {
      return failFrom(error);
    }
  }

  /** The friendship manager: friends, friend applications, friend groups and the blacklist (react-native-tim-js's `V2TIMFriendshipManager`). */
  getFriendshipManager(): V2TIMFriendshipManager {
    return this.friendship.manager;
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
    this.simpleListeners.attach(core);
    this.friendship.attach(core, (message, error) => core.session.options.env.logger.error(message, error));
    core.chat.on(EVENT.KICKED_OUT, ({ data }) => {
      if (data.type === KickedOutType.USERSIG_EXPIRED) this.notify('onUserSigExpired');
      else this.notify('onKickedOffline');
    });
    core.chat.on(EVENT.PROFILE_UPDATED, ({ data }) => {
      // Others' profiles (a friend's, through the profile audience) are the friendship listener's business.
      for (const profile of data) if (profile.userID === core.chat.getLoginUser()) this.notify('onSelfInfoUpdated', userFullInfoOf(profile));
    });
    core.chat.on(EVENT.USER_STATUS_UPDATED, ({ data }) => this.notify('onUserStatusChanged', data.map(v2UserStatusOf)));
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
