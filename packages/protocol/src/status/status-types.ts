/**
 * Wire shapes of the user-status commands (`status.*`): a user's status in the fields of Tencent's
 * web SDK (`{ userID, statusType, customStatus }`), the limits Tencent documents for them, and the
 * names of the commands and the push.
 */

/** Wire names of the user-status commands and push. */
export const StatusWireName = {
  SET_SELF: 'status.set_self',
  GET: 'status.get',
  SUBSCRIBE: 'status.subscribe',
  UNSUBSCRIBE: 'status.unsubscribe',
  UPDATED: 'status.updated',
} as const;

/** At most this many UserIDs per `status.get` (Tencent: "up to 500 users at a time"). */
export const MAX_STATUS_GET_IDS = 500;
/** At most this many UserIDs per `status.subscribe` / `status.unsubscribe` (Tencent: 100 per request). */
export const MAX_STATUS_SUBSCRIBE_IDS = 100;
/** Longest custom status, in UTF-8 bytes (Tencent's `V2TIMUserStatus.customStatus`: at most 100 bytes). */
export const MAX_CUSTOM_STATUS_BYTES = 100;
/**
 * Most users one user's subscription list holds; subscribing beyond it drops the earliest
 * subscriptions, as Tencent does ("the list has a cap; past it the earliest subscribed are evicted").
 * Tencent does not document the number; this is Parley's.
 */
export const MAX_STATUS_SUBSCRIPTIONS = 200;

/** `TYPES.USER_STATUS_*` values (0 unknown, 1 online, 2 offline, 3 not logged in). */
export const USER_STATUS_TYPES = [0, 1, 2, 3] as const;

/** A `TYPES.USER_STATUS_*` value. */
export type UserStatusType = (typeof USER_STATUS_TYPES)[number];

/** One user's status, as Tencent's web SDK reports it. */
export interface WireUserStatus {
  readonly userID: string;
  /** `TYPES.USER_STATUS_*`. */
  readonly statusType: UserStatusType;
  /** The user's own custom status; '' when none. */
  readonly customStatus: string;
}

/** A user a status request could not be served for, with the registry code. */
export interface StatusFailure {
  readonly userID: string;
  readonly code: number;
  readonly message: string;
}

/** Body of `status.set_self`. */
export interface SetSelfStatusRequest {
  /** '' clears the custom status. */
  readonly customStatus: string;
}

/** Body of `status.get` and `status.subscribe`. */
export interface StatusUsersRequest {
  readonly userIDList: readonly string[];
}

/** Body of `status.unsubscribe`: no list (or an empty one) drops every subscription. */
export interface UnsubscribeStatusRequest {
  readonly userIDList?: readonly string[];
}

/** Answer of `status.set_self`: the caller's status after the change. */
export interface SetSelfStatusResponse {
  readonly status: WireUserStatus;
}

/** Answer of `status.get`. */
export interface GetStatusResponse {
  readonly successUserList: readonly WireUserStatus[];
  readonly failureUserList: readonly StatusFailure[];
}

/** Answer of `status.subscribe` and `status.unsubscribe`. */
export interface StatusFailuresResponse {
  readonly failureUserList: readonly StatusFailure[];
}

/** Body of the `status.updated` push. */
export interface StatusUpdatedPush {
  readonly userStatusList: readonly WireUserStatus[];
}
