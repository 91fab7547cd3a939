/**
 * Session constants shared by server and SDK: platforms, login statuses, kick-out types, network states.
 * Values are Tencent Cloud Chat's wherever Tencent defines one.
 */

/**
 * The platforms a login can declare, named as in Tencent's console "Max Login Instances per User
 * per Platform" setting and `query_online_status` details. React Native, mini-programs and uni-app
 * count as `Web`.
 */
export const PLATFORMS = ['Web', 'Android', 'IPhone', 'IPad', 'Windows', 'Mac', 'Linux'] as const;

/** One of {@link PLATFORMS}. */
export type Platform = (typeof PLATFORMS)[number];

/** Native (non-web) platforms; each allows 1..3 instances per user, web allows 1..10. */
export const NATIVE_PLATFORMS: readonly Exclude<Platform, 'Web'>[] = ['Android', 'IPhone', 'IPad', 'Windows', 'Mac', 'Linux'];

/** Mobile platforms, for the `triple` policy. */
export const MOBILE_PLATFORMS: readonly Platform[] = ['Android', 'IPhone', 'IPad'];

/** Desktop platforms, for the `triple` policy. Linux counts as desktop. */
export const DESKTOP_PLATFORMS: readonly Platform[] = ['Windows', 'Mac', 'Linux'];

/** Upper bound of per-platform instance limits: Web 10, each native platform 3. */
export const MAX_INSTANCES_LIMIT: Readonly<Record<Platform, number>> = {
  Web: 10,
  Android: 3,
  IPhone: 3,
  IPad: 3,
  Windows: 3,
  Mac: 3,
  Linux: 3,
};

/** True if `value` names a {@link Platform}. */
export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/**
 * Maps any client platform name to the platform it counts as. Tencent counts React Native,
 * mini-programs, mini-games and uni-app as web instances. Returns `undefined` for unknown names.
 */
export function normalizePlatform(name: string): Platform | undefined {
  if (isPlatform(name)) return name;
  const lower = name.toLowerCase();
  if (['web', 'reactnative', 'react-native', 'rn', 'miniprogram', 'mini-program', 'minigame', 'uniapp', 'uni-app'].includes(lower)) return 'Web';
  if (lower === 'ios' || lower === 'iphone') return 'IPhone';
  if (lower === 'macos' || lower === 'mac') return 'Mac';
  const byLower = PLATFORMS.find((p) => p.toLowerCase() === lower);
  return byLower;
}

/** The multi-client login policies (see `docs/LOGIN-POLICIES.md`). */
export const LOGIN_POLICIES = ['single', 'dual', 'triple', 'multi'] as const;

/** One of {@link LOGIN_POLICIES}. */
export type LoginPolicy = (typeof LOGIN_POLICIES)[number];

/**
 * V2TIM-style login status values, as the seed document specifies them (0/1/2; native V2TIM uses 1/2/3).
 */
export const V2TIM_LOGIN_STATUS = {
  V2TIM_STATUS_LOGINED: 0,
  V2TIM_STATUS_LOGINING: 1,
  V2TIM_STATUS_LOGOUT: 2,
} as const;

/** Kick-out reasons as the `TYPES.KICKED_OUT_*` string values of the web SDK. */
export const KickedOutType = {
  /** Another instance of the same account on the same platform pushed this one out. */
  MULT_ACCOUNT: 'multipleAccount',
  /** An instance on another platform pushed this one out under the multi-device policy. */
  MULT_DEVICE: 'multipleDevice',
  /** The UserSig expired while online. */
  USERSIG_EXPIRED: 'userSigExpired',
  /** An admin kicked the account through REST `im_open_login_svc/kick`. */
  REST_API: 'REST_API_Kick',
} as const;

/** One of the {@link KickedOutType} values. */
export type KickedOutTypeValue = (typeof KickedOutType)[keyof typeof KickedOutType];

/** Tencent's numeric `kickType` for a kick-out reason (1 same platform, 2 other device, 3 REST). 4 is Parley's for sig expiry. */
export const KICK_TYPE_NUMBER: Readonly<Record<KickedOutTypeValue, number>> = {
  multipleAccount: 1,
  multipleDevice: 2,
  REST_API_Kick: 3,
  userSigExpired: 4,
};

/** Network states of `NET_STATE_CHANGE`, as `TYPES.NET_STATE_*` values. */
export const NetState = {
  CONNECTED: 'connected',
  CONNECTING: 'connecting',
  DISCONNECTED: 'disconnected',
} as const;

/** One of the {@link NetState} values. */
export type NetStateValue = (typeof NetState)[keyof typeof NetState];

/** Rules for a UserID: 1..32 bytes of `[A-Za-z0-9_-]`. */
export const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** True if `value` is a valid UserID. */
export function isValidUserID(value: unknown): value is string {
  return typeof value === 'string' && USER_ID_PATTERN.test(value);
}

/** Online states reported by `query_online_status`. */
export const OnlineState = {
  ONLINE: 'Online',
  PUSH_ONLINE: 'PushOnline',
  OFFLINE: 'Offline',
} as const;
