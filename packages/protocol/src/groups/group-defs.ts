/**
 * Definitions of the group commands and pushes (`group_open_http_svc.*`). Invalid request fields
 * answer `ERR_SVR_GROUP_INVALID_PARAMETERS`, as the group request parsers do.
 */
import { defineCommand, definePush } from '../core/command-def.js';
import { emptyBody, MALFORMED_ANSWER } from '../core/parse-kit.js';
import { MessagingCommand as C, MessagingPush } from '../core/wire-names.js';
import {
  parseAddMembersAnswer,
  parseApplicationHandledPush,
  parseApplicationPush,
  parseApplicationsAnswer,
  parseGroupAnswer,
  parseGroupListAnswer,
  parseGroupPush,
  parseJoinAnswer,
  parseMembersAnswer,
} from './group-answers.js';
import {
  parseAddMembersRequest,
  parseCreateGroupRequest,
  parseDeleteMembersRequest,
  parseGroupIDRequest,
  parseGroupMembersRequest,
  parseHandleGroupApplicationRequest,
  parseJoinGroupRequest,
  parseSetMemberRoleRequest,
  parseUpdateGroupRequest,
} from './group-parse.js';

const parseEmptyRequest = emptyBody('ERR_SVR_GROUP_INVALID_PARAMETERS');
const parseEmptyAnswer = emptyBody(MALFORMED_ANSWER, 'answer');

/** The group commands. */
export const GroupCommands = {
  /** Create a group; answers it. */
  create: defineCommand({ name: C.CREATE_GROUP, parseRequest: parseCreateGroupRequest, parseAnswer: parseGroupAnswer }),
  /** Join or apply to join; answers the status and the group. */
  join: defineCommand({ name: C.JOIN_GROUP, parseRequest: parseJoinGroupRequest, parseAnswer: parseJoinAnswer }),
  /** Leave a group. */
  quit: defineCommand({ name: C.QUIT_GROUP, parseRequest: parseGroupIDRequest, parseAnswer: parseEmptyAnswer }),
  /** Dismiss a group. */
  dismiss: defineCommand({ name: C.DISMISS_GROUP, parseRequest: parseGroupIDRequest, parseAnswer: parseEmptyAnswer }),
  /** The groups the user is a member of. */
  joinedList: defineCommand({ name: C.JOINED_GROUPS, parseRequest: parseEmptyRequest, parseAnswer: parseGroupListAnswer }),
  /** One group's profile. */
  info: defineCommand({ name: C.GROUP_INFO, parseRequest: parseGroupIDRequest, parseAnswer: parseGroupAnswer }),
  /** Change a group's profile; answers the group. */
  update: defineCommand({ name: C.UPDATE_GROUP, parseRequest: parseUpdateGroupRequest, parseAnswer: parseGroupAnswer }),
  /** One page of a group's members. */
  members: defineCommand({ name: C.GROUP_MEMBERS, parseRequest: parseGroupMembersRequest, parseAnswer: parseMembersAnswer }),
  /** Add members; answers a result per user. */
  addMembers: defineCommand({ name: C.ADD_MEMBERS, parseRequest: parseAddMembersRequest, parseAnswer: parseAddMembersAnswer }),
  /** Remove members. */
  deleteMembers: defineCommand({ name: C.DELETE_MEMBERS, parseRequest: parseDeleteMembersRequest, parseAnswer: parseEmptyAnswer }),
  /** Make a member an admin or a plain member. */
  setMemberRole: defineCommand({ name: C.SET_MEMBER_ROLE, parseRequest: parseSetMemberRoleRequest, parseAnswer: parseEmptyAnswer }),
  /** Pending join applications to the groups the caller manages. */
  applications: defineCommand({ name: C.GROUP_APPLICATIONS, parseRequest: parseEmptyRequest, parseAnswer: parseApplicationsAnswer }),
  /** Accept or reject an application; answers the group. */
  handleApplication: defineCommand({ name: C.HANDLE_GROUP_APPLICATION, parseRequest: parseHandleGroupApplicationRequest, parseAnswer: parseGroupAnswer }),
} as const;

/** The group pushes. */
export const GroupPushes = {
  /** The user's group list changed. */
  changed: definePush({ name: MessagingPush.GROUP_CHANGED, parseBody: parseGroupPush }),
  /** Someone applied to join a group the user manages. */
  application: definePush({ name: MessagingPush.GROUP_APPLICATION, parseBody: parseApplicationPush }),
  /** An application was decided. */
  applicationHandled: definePush({ name: MessagingPush.GROUP_APPLICATION_HANDLED, parseBody: parseApplicationHandledPush }),
} as const;
