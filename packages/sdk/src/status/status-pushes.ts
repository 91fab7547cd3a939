/**
 * The user-status push (`status.updated`): a subscribed user's status, or the user's own, changed;
 * the app hears `USER_STATUS_UPDATED` with `data: [{ userID, statusType, customStatus }]`.
 */
import { StatusPushes } from '@parley/protocol';
import type { UserStatus } from '../model/message-types.js';
import type { HubRegistry } from '../session/messaging-hub.js';
import { userStatusOf } from './status-api.js';

/** What applying a status push needs. */
export interface StatusPushPorts {
  /** Emits `USER_STATUS_UPDATED`. */
  statusesUpdated(statuses: UserStatus[]): void;
}

/** Registers the status push with the hub. */
export function registerStatusPushes(hub: HubRegistry, ports: StatusPushPorts): void {
  hub.onPush(StatusPushes.updated, ({ userStatusList }) => ports.statusesUpdated(userStatusList.map(userStatusOf)));
}
