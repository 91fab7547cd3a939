/**
 * Types and constants of the V2TIM-style API (React Native `react-native-tim-js` / Flutter
 * names), as react-native-tim-js declares them.
 */

/** Result of a V2TIM call without a value. `code` 0 is success. */
export interface V2TimCallback {
  readonly code: number;
  readonly desc: string;
}

/** Result of a V2TIM call with a value (present on success). */
export interface V2TimValueCallback<T> extends V2TimCallback {
  readonly data?: T;
}

/** A user's profile, as `onSelfInfoUpdated` reports it. */
export interface V2TimUserFullInfo {
  readonly userID?: string;
  readonly nickName?: string;
  readonly faceUrl?: string;
  readonly selfSignature?: string;
  readonly gender?: number;
  readonly allowType?: number;
  readonly customInfo?: Readonly<Record<string, string>>;
  readonly role?: number;
  readonly level?: number;
  readonly birthday?: number;
}

/** A user's online status, as `onUserStatusChanged` reports it. */
export interface V2TimUserStatus {
  readonly userID?: string;
  /** 0 unknown, 1 online, 2 offline, 3 not logged in. */
  readonly statusType?: number;
  readonly customStatus?: string;
}

/** SDK-level callbacks; every member is optional. */
export interface V2TimSDKListener {
  /** The SDK is connecting to the server (at login, and before each reconnect attempt). */
  onConnecting?(): void;
  /** Connected (logged in, or resumed after a drop). */
  onConnectSuccess?(): void;
  /** A connection attempt failed with a network error (`code` 2800 or 2801); the SDK retries by itself while logged in. */
  onConnectFailed?(code: number, error: string): void;
  /** Kicked out by another login (multipleAccount, multipleDevice) or by the REST API; call login() again. */
  onKickedOffline?(): void;
  /** The UserSig expired while online; get a new one and call login() again. */
  onUserSigExpired?(): void;
  /** Declared for compatibility; fired once profiles exist. */
  onSelfInfoUpdated?(info: V2TimUserFullInfo): void;
  /** Declared for compatibility; fired once user status subscriptions exist. */
  onUserStatusChanged?(userStatusList: V2TimUserStatus[]): void;
}

/** V2TIM log levels. */
export const LogLevelEnum = {
  V2TIM_LOG_NONE: 0,
  V2TIM_LOG_DEBUG: 3,
  V2TIM_LOG_INFO: 4,
  V2TIM_LOG_WARN: 5,
  V2TIM_LOG_ERROR: 6,
} as const;

/** One of the {@link LogLevelEnum} values. */
export type LogLevelValue = (typeof LogLevelEnum)[keyof typeof LogLevelEnum];

/** Maps a V2TIM log level to the web SDK's 0..4 scale; unknown values give 1 (release). */
export function webLogLevel(level: unknown): number {
  switch (level) {
    case LogLevelEnum.V2TIM_LOG_NONE:
      return 4;
    case LogLevelEnum.V2TIM_LOG_DEBUG:
      return 0;
    case LogLevelEnum.V2TIM_LOG_INFO:
      return 1;
    case LogLevelEnum.V2TIM_LOG_WARN:
      return 2;
    case LogLevelEnum.V2TIM_LOG_ERROR:
      return 3;
    default:
      return 1;
  }
}
