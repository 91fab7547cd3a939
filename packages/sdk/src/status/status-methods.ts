/**
 * The user-status methods of a `TencentCloudChat` instance as a public-method table; each asks the
 * server, so each runs only once ready.
 */
import type { UserStatus, UserStatusFailure } from '../model/message-types.js';
import type { ChatResponse } from '../session/chat-response.js';
import { gated, type MethodTable } from '../session/method-table.js';
import type { StatusApi } from './status-api.js';

/** The user-status methods of an instance. */
export const STATUS_METHODS = {
  /** Sets the user's custom status (at most 100 bytes; '' clears it); every instance of the user hears `USER_STATUS_UPDATED`. */
  setSelfStatus: gated((api: StatusApi) => (options: { customStatus: string }): Promise<ChatResponse<UserStatus>> => api.setSelfStatus(options)),

  /** The statuses of 1..500 users; users that do not exist are in `failureUserList` (70107). */
  getUserStatus: gated(
    (api: StatusApi) =>
      (options: { userIDList: string[] }): Promise<ChatResponse<{ successUserList: UserStatus[]; failureUserList: UserStatusFailure[] }>> =>
        api.getUserStatus(options),
  ),

  /** Subscribes to the statuses of 1..100 users (`USER_STATUS_UPDATED` on each change). */
  subscribeUserStatus: gated(
    (api: StatusApi) =>
      (options: { userIDList: string[] }): Promise<ChatResponse<{ failureUserList: UserStatusFailure[] }>> =>
        api.subscribeUserStatus(options),
  ),

  /** Unsubscribes from some users, or from all of them when called without a list. */
  unsubscribeUserStatus: gated(
    (api: StatusApi) =>
      (options?: { userIDList?: string[] }): Promise<ChatResponse<{ failureUserList: UserStatusFailure[] }>> =>
        api.unsubscribeUserStatus(options),
  ),
} satisfies MethodTable<StatusApi>;
