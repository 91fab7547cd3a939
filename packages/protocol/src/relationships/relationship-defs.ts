/**
 * Definitions of the relationship commands and pushes (`sns.*`): friends, friend applications,
 * friend groups, the blacklist. Every change is pushed to every instance of each user whose lists
 * changed (the caller's own instances included: Tencent's web SDK fires the list events there too).
 */
import { defineCommand, definePush } from '../core/command-def.js';
import * as A from './relationship-answers.js';
import * as P from './relationship-parse.js';
import { RelationshipWireName as N } from './relationship-types.js';

/** The relationship commands. */
export const RelationshipCommands = {
  /** The caller's friends. */
  friendList: defineCommand({ name: N.FRIEND_LIST, parseRequest: P.parseNoRelationshipParams, parseAnswer: A.parseFriendListAnswer }),
  /** Adds a friend, or sends an application when the target needs to confirm (answer code 30539). */
  addFriend: defineCommand({ name: N.FRIEND_ADD, parseRequest: P.parseAddFriendRequest, parseAnswer: A.parseAddFriendAnswer }),
  /** Deletes friends, one-way or both ways. */
  deleteFriend: defineCommand({ name: N.FRIEND_DELETE, parseRequest: P.parseDeleteFriendRequest, parseAnswer: A.parseUserResultsAnswer }),
  /** The relation of the caller and each of some users. */
  checkFriend: defineCommand({ name: N.FRIEND_CHECK, parseRequest: P.parseCheckFriendRequest, parseAnswer: A.parseCheckFriendAnswer }),
  /** Some friends of the caller. */
  getFriend: defineCommand({ name: N.FRIEND_GET, parseRequest: P.parseFriendGetRequest, parseAnswer: A.parseFriendGetAnswer }),
  /** Changes a friend's remark or custom fields. */
  updateFriend: defineCommand({ name: N.FRIEND_UPDATE, parseRequest: P.parseUpdateFriendRequest, parseAnswer: A.parseFriendAnswer }),
  /** The caller's applications, both directions, and the unread count. */
  applicationList: defineCommand({ name: N.APPLICATION_LIST, parseRequest: P.parseNoRelationshipParams, parseAnswer: A.parseApplicationListAnswer }),
  /** Accepts an application sent to the caller. */
  acceptApplication: defineCommand({ name: N.APPLICATION_ACCEPT, parseRequest: P.parseAcceptApplicationRequest, parseAnswer: A.parseEmptyRelationshipAnswer }),
  /** Refuses an application sent to the caller. */
  refuseApplication: defineCommand({ name: N.APPLICATION_REFUSE, parseRequest: P.parseUserRequest, parseAnswer: A.parseEmptyRelationshipAnswer }),
  /** Deletes an application, sent to or by the caller. */
  deleteApplication: defineCommand({ name: N.APPLICATION_DELETE, parseRequest: P.parseDeleteApplicationRequest, parseAnswer: A.parseEmptyRelationshipAnswer }),
  /** Marks the applications sent to the caller as read. */
  readApplications: defineCommand({ name: N.APPLICATION_READ, parseRequest: P.parseNoRelationshipParams, parseAnswer: A.parseEmptyRelationshipAnswer }),
  /** The caller's friend groups. */
  groupList: defineCommand({ name: N.GROUP_LIST, parseRequest: P.parseNoRelationshipParams, parseAnswer: A.parseFriendGroupListAnswer }),
  /** Creates a friend group, optionally with friends in it. */
  createGroup: defineCommand({ name: N.GROUP_CREATE, parseRequest: P.parseFriendGroupMembersRequest(true), parseAnswer: A.parseFriendGroupResultAnswer }),
  /** Deletes a friend group (the friends stay). */
  deleteGroup: defineCommand({ name: N.GROUP_DELETE, parseRequest: P.parseFriendGroupRequest, parseAnswer: A.parseFriendGroupAnswer }),
  /** Renames a friend group. */
  renameGroup: defineCommand({ name: N.GROUP_RENAME, parseRequest: P.parseRenameFriendGroupRequest, parseAnswer: A.parseFriendGroupAnswer }),
  /** Puts friends in a friend group. */
  addGroupMembers: defineCommand({ name: N.GROUP_ADD_MEMBERS, parseRequest: P.parseFriendGroupMembersRequest(false), parseAnswer: A.parseFriendGroupResultAnswer }),
  /** Takes friends out of a friend group. */
  removeGroupMembers: defineCommand({ name: N.GROUP_REMOVE_MEMBERS, parseRequest: P.parseFriendGroupMembersRequest(false), parseAnswer: A.parseFriendGroupResultAnswer }),
  /** The caller's blacklist. */
  blacklist: defineCommand({ name: N.BLACKLIST_GET, parseRequest: P.parseNoRelationshipParams, parseAnswer: A.parseBlacklistAnswer }),
  /** Adds users to the blacklist (ending friendships and applications between them). */
  addToBlacklist: defineCommand({ name: N.BLACKLIST_ADD, parseRequest: P.parseBlacklistRequest, parseAnswer: A.parseUserResultsAnswer }),
  /** Removes users from the blacklist. */
  removeFromBlacklist: defineCommand({ name: N.BLACKLIST_DELETE, parseRequest: P.parseBlacklistRequest, parseAnswer: A.parseUserResultsAnswer }),
} as const;

/** The relationship pushes: each carries the user's whole new list. */
export const RelationshipPushes = {
  /** The user's friend list changed. */
  friendsUpdated: definePush({ name: N.FRIENDS_UPDATED, parseBody: A.parseFriendListAnswer }),
  /** The user's friend applications changed (or were read). */
  applicationsUpdated: definePush({ name: N.APPLICATIONS_UPDATED, parseBody: A.parseApplicationListAnswer }),
  /** The user's friend groups changed. */
  groupsUpdated: definePush({ name: N.GROUPS_UPDATED, parseBody: A.parseFriendGroupListAnswer }),
  /** The user's blacklist changed. */
  blacklistUpdated: definePush({ name: N.BLACKLIST_UPDATED, parseBody: A.parseBlacklistAnswer }),
} as const;
