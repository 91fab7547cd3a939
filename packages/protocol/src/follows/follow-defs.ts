/**
 * Definitions of the follow commands and push (`follow.*`).
 */
import { defineCommand, definePush } from '../core/command-def.js';
import { parseFollowChangedPush, parseFollowCheckAnswer, parseFollowInfoAnswer, parseFollowListAnswer, parseFollowResultsAnswer } from './follow-answers.js';
import { parseFollowCheckRequest, parseFollowInfoRequest, parseFollowListRequest, parseFollowUsersRequest } from './follow-parse.js';
import { FollowWireName } from './follow-types.js';

/** The follow commands. */
export const FollowCommands = {
  /** Follows 1..20 users; a result per user. */
  follow: defineCommand({ name: FollowWireName.FOLLOW, parseRequest: parseFollowUsersRequest, parseAnswer: parseFollowResultsAnswer }),
  /** Unfollows 1..20 users; a result per user. */
  unfollow: defineCommand({ name: FollowWireName.UNFOLLOW, parseRequest: parseFollowUsersRequest, parseAnswer: parseFollowResultsAnswer }),
  /** A page of the caller's following, followers or mutual-followers list. */
  list: defineCommand({ name: FollowWireName.LIST, parseRequest: parseFollowListRequest, parseAnswer: parseFollowListAnswer }),
  /** The followers, following and mutual counts of users (or of the caller). */
  info: defineCommand({ name: FollowWireName.INFO, parseRequest: parseFollowInfoRequest, parseAnswer: parseFollowInfoAnswer }),
  /** The follow type between the caller and each of 1..100 users. */
  check: defineCommand({ name: FollowWireName.CHECK, parseRequest: parseFollowCheckRequest, parseAnswer: parseFollowCheckAnswer }),
} as const;

/** The follow push. */
export const FollowPushes = {
  /** Users were added to or removed from one of the recipient's three lists. */
  changed: definePush({ name: FollowWireName.CHANGED, parseBody: parseFollowChangedPush }),
} as const;
