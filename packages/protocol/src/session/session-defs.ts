/**
 * Definitions of the session commands and pushes (`im_open_status.*`): login, heartbeat and logout,
 * and the kick-out and shutdown pushes.
 */
import { defineCommand, definePush } from '../core/command-def.js';
import {
  parseEmptySessionRequest,
  parseHelloAnswer,
  parseKickoutPushBody,
  parseLoginAnswer,
  parseLoginRequestBody,
  parseLogoutAnswer,
  parseShutdownPush,
} from './session-answers.js';
import { Command, Push } from './session-commands.js';

/** The session commands. */
export const SessionCommands = {
  /** `wslogin`: log in or resume. */
  login: defineCommand({ name: Command.LOGIN, parseRequest: parseLoginRequestBody, parseAnswer: parseLoginAnswer }),
  /** `wshello`: heartbeat (also before login); answers the server clock. */
  hello: defineCommand({ name: Command.HELLO, parseRequest: parseEmptySessionRequest, parseAnswer: parseHelloAnswer }),
  /** `wslogout`: end this instance; the socket stays open. */
  logout: defineCommand({ name: Command.LOGOUT, parseRequest: parseEmptySessionRequest, parseAnswer: parseLogoutAnswer }),
} as const;

/** The session pushes. */
export const SessionPushes = {
  /** This instance was kicked out or its UserSig expired; the socket closes next. */
  kickout: definePush({ name: Push.KICKOUT, parseBody: parseKickoutPushBody }),
  /** The server is shutting down; the socket closes next with 1001. */
  shutdown: definePush({ name: Push.SHUTDOWN, parseBody: parseShutdownPush }),
} as const;
