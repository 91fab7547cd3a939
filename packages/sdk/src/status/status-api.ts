/**
 * The user-status APIs of the web instance: `setSelfStatus`, `getUserStatus`, `subscribeUserStatus`
 * and `unsubscribeUserStatus`, answered from the server with Tencent's result shapes. The SDK checks
 * the arguments' shape (6017); the server checks the limits (a custom status of at most 100 bytes,
 * 500 users per query, 100 per subscription call).
 */
import { MAX_STATUS_GET_IDS, MAX_STATUS_SUBSCRIBE_IDS, StatusCommands, type StatusFailure, type WireUserStatus } from '@parley/protocol';
import type { UserStatus, UserStatusFailure } from '../model/message-types.js';
import { invalidArgument, record, userIDList } from '../session/api-args.js';
import { ok, type ChatResponse } from '../session/chat-response.js';
import type { HubPorts } from '../session/messaging-hub.js';

/** A wire status as Tencent's status object (a fresh, mutable copy). */
export function userStatusOf(wire: WireUserStatus): UserStatus {
  return { userID: wire.userID, statusType: wire.statusType, customStatus: wire.customStatus };
}

const failureOf = (f: StatusFailure): UserStatusFailure => ({ userID: f.userID, code: f.code, message: f.message });

/** What the status operations work with. */
export interface StatusApiPorts {
  readonly hub: Pick<HubPorts, 'call'>;
}

/** User-status operations of one instance. */
export class StatusApi {
  constructor(private readonly ports: StatusApiPorts) {}

  /** See `ChatInstance.setSelfStatus`: answers the caller's status after the change. */
  async setSelfStatus(options: unknown): Promise<ChatResponse<UserStatus>> {
    const customStatus = record('setSelfStatus', options)['customStatus'];
    if (typeof customStatus !== 'string') throw invalidArgument('setSelfStatus: customStatus must be a string');
    const { status } = await this.ports.hub.call(StatusCommands.setSelf, { customStatus });
    return ok(userStatusOf(status));
  }

  /** See `ChatInstance.getUserStatus`. */
  async getUserStatus(options: unknown): Promise<ChatResponse<{ successUserList: UserStatus[]; failureUserList: UserStatusFailure[] }>> {
    const ids = userIDList('getUserStatus', 'userIDList', record('getUserStatus', options)['userIDList'], MAX_STATUS_GET_IDS);
    const answer = await this.ports.hub.call(StatusCommands.get, { userIDList: ids });
    return ok({ successUserList: answer.successUserList.map(userStatusOf), failureUserList: answer.failureUserList.map(failureOf) });
  }

  /** See `ChatInstance.subscribeUserStatus`. */
  async subscribeUserStatus(options: unknown): Promise<ChatResponse<{ failureUserList: UserStatusFailure[] }>> {
    const ids = userIDList('subscribeUserStatus', 'userIDList', record('subscribeUserStatus', options)['userIDList'], MAX_STATUS_SUBSCRIBE_IDS);
    const { failureUserList } = await this.ports.hub.call(StatusCommands.subscribe, { userIDList: ids });
    return ok({ failureUserList: failureUserList.map(failureOf) });
  }

  /** See `ChatInstance.unsubscribeUserStatus`: no options, or no (or an empty) list, drops every subscription. */
  async unsubscribeUserStatus(options?: unknown): Promise<ChatResponse<{ failureUserList: UserStatusFailure[] }>> {
    const given = options === undefined ? undefined : record('unsubscribeUserStatus', options)['userIDList'];
    const all = given === undefined || (Array.isArray(given) && given.length === 0);
    const body = all ? {} : { userIDList: userIDList('unsubscribeUserStatus', 'userIDList', given, MAX_STATUS_SUBSCRIBE_IDS) };
    const { failureUserList } = await this.ports.hub.call(StatusCommands.unsubscribe, body);
    return ok({ failureUserList: failureUserList.map(failureOf) });
  }
}
