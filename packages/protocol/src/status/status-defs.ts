/**
 * Definitions of the user-status commands and push (`status.*`).
 */
import { defineCommand, definePush } from '../core/command-def.js';
import { parseGetStatusAnswer, parseSetSelfStatusAnswer, parseStatusFailuresAnswer, parseStatusPush } from './status-answers.js';
import { parseGetStatusRequest, parseSetSelfStatusRequest, parseSubscribeStatusRequest, parseUnsubscribeStatusRequest } from './status-parse.js';
import { StatusWireName } from './status-types.js';

/** The user-status commands. */
export const StatusCommands = {
  /** Sets (or with '' clears) the caller's custom status; answers the caller's status. */
  setSelf: defineCommand({ name: StatusWireName.SET_SELF, parseRequest: parseSetSelfStatusRequest, parseAnswer: parseSetSelfStatusAnswer }),
  /** The statuses of 1..500 users; accounts that do not exist are failures (70107). */
  get: defineCommand({ name: StatusWireName.GET, parseRequest: parseGetStatusRequest, parseAnswer: parseGetStatusAnswer }),
  /** Adds 1..100 users to the caller's subscription list. */
  subscribe: defineCommand({ name: StatusWireName.SUBSCRIBE, parseRequest: parseSubscribeStatusRequest, parseAnswer: parseStatusFailuresAnswer }),
  /** Removes users from the caller's subscription list; no list removes them all. */
  unsubscribe: defineCommand({ name: StatusWireName.UNSUBSCRIBE, parseRequest: parseUnsubscribeStatusRequest, parseAnswer: parseStatusFailuresAnswer }),
} as const;

/** The user-status push. */
export const StatusPushes = {
  /** The status of a subscribed user, or the user's own, changed. */
  updated: definePush({ name: StatusWireName.UPDATED, parseBody: parseStatusPush }),
} as const;
