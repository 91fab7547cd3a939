/**
 * Definitions of the profile commands and push (`profile.*`).
 */
import { defineCommand, definePush } from '../core/command-def.js';
import { emptyBody } from '../core/parse-kit.js';
import { parseProfileAnswer, parseProfileListAnswer, parseProfilePush } from './profile-answers.js';
import { parseGetProfilesRequest, parseUpdateProfileRequest } from './profile-parse.js';
import { ProfileWireName } from './profile-types.js';

/** The profile commands. */
export const ProfileCommands = {
  /** The caller's own profile. */
  getMine: defineCommand({ name: ProfileWireName.GET_MINE, parseRequest: emptyBody('ERR_SVR_PROFILE_INVALID_PARAMETERS'), parseAnswer: parseProfileAnswer }),
  /** The profiles of 1..100 users; accounts that do not exist are left out. */
  get: defineCommand({ name: ProfileWireName.GET, parseRequest: parseGetProfilesRequest, parseAnswer: parseProfileListAnswer }),
  /** Changes some fields of the caller's profile; answers the whole profile. */
  update: defineCommand({ name: ProfileWireName.UPDATE, parseRequest: parseUpdateProfileRequest, parseAnswer: parseProfileAnswer }),
} as const;

/** The profile push. */
export const ProfilePushes = {
  /** The user's profile changed on another instance. */
  updated: definePush({ name: ProfileWireName.UPDATED, parseBody: parseProfilePush }),
} as const;
