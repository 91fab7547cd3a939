/**
 * Parsers of the answers and pushes of the group commands (the SDK's side of
 * `group_open_http_svc.*`). Same rules as the message answers: every declared field required,
 * unknown fields ignored (docs/PROTOCOL.md §13).
 */
import { MALFORMED_ANSWER, runParser, type BodyReader, type ParseResult } from '../core/parse-kit.js';
import { GROUP_TYPES, JoinStatus, MEMBER_ROLES } from './group-rules.js';
import type { GroupApplicationAction, WireGroup, WireGroupApplication, WireGroupMember } from './group-types.js';

/** An answer carrying one group (create, info, update, handle application). */
export interface GroupResponse {
  readonly group: WireGroup;
}

/** Answer of `get_joined_group_list`. */
export interface GroupListResponse {
  readonly groups: readonly WireGroup[];
}

/** How `apply_join_group` went (`JoinStatus` values). */
export type JoinStatusValue = (typeof JoinStatus)[keyof typeof JoinStatus];

/** Answer of `apply_join_group`. */
export interface JoinGroupResponse {
  readonly status: JoinStatusValue;
  readonly group: WireGroup;
}

/** Answer of `get_group_member_list`: one page. */
export interface GroupMembersResponse {
  readonly members: readonly WireGroupMember[];
  /** Pass as `offset` for the next page. */
  readonly nextOffset: number;
  readonly isCompleted: boolean;
}

/** Answer of `add_group_member`: per user, 0 failed, 1 added, 2 already a member. */
export interface AddMembersResponse {
  readonly results: readonly { readonly userID: string; readonly result: number }[];
}

/** Answer of `get_group_application_list`. */
export interface GroupApplicationsResponse {
  readonly applications: readonly WireGroupApplication[];
}

/** How the user's group list changed (`group_changed` push). */
export type GroupChangeKind = 'joined' | 'left' | 'kicked' | 'dismissed' | 'updated';

/** Body of the `group_changed` push; `group` comes with `joined` and `updated`. */
export interface GroupChangedPush {
  readonly groupID: string;
  readonly change: GroupChangeKind;
  readonly group?: WireGroup;
}

/** Body of the `group_application` push. */
export interface GroupApplicationPush {
  readonly application: WireGroupApplication;
}

/** Body of the `group_application_handled` push: how an application was decided. */
export interface ApplicationOutcome {
  readonly groupID: string;
  readonly userID: string;
  readonly action: GroupApplicationAction;
  readonly handleMessage: string;
  readonly operatorID: string;
}

const JOIN_STATUSES: readonly JoinStatusValue[] = Object.values(JoinStatus);
const CHANGES: readonly GroupChangeKind[] = ['joined', 'left', 'kicked', 'dismissed', 'updated'];
const ACTIONS: readonly GroupApplicationAction[] = ['Agree', 'Reject'];

/** Reads a {@link WireGroup}. */
export function readGroup(r: BodyReader): WireGroup {
  return {
    groupID: r.str('groupID'),
    type: r.oneOf('type', GROUP_TYPES),
    name: r.str('name'),
    introduction: r.str('introduction'),
    notification: r.str('notification'),
    avatar: r.str('avatar'),
    ownerID: r.str('ownerID'),
    createTime: r.uint('createTime'),
    memberNum: r.uint('memberNum'),
    maxMemberNum: r.uint('maxMemberNum'),
    joinOption: r.str('joinOption'),
    muteAllMembers: r.bool('muteAllMembers'),
    nextMessageSeq: r.uint('nextMessageSeq'),
    ...(r.has('selfRole') ? { selfRole: r.oneOf('selfRole', MEMBER_ROLES) } : {}),
    ...(r.has('selfJoinTime') ? { selfJoinTime: r.uint('selfJoinTime') } : {}),
  };
}

function readMember(r: BodyReader): WireGroupMember {
  return { userID: r.str('userID'), role: r.oneOf('role', MEMBER_ROLES), joinTime: r.uint('joinTime'), nameCard: r.str('nameCard'), nick: r.str('nick'), avatar: r.str('avatar') };
}

function readApplication(r: BodyReader): WireGroupApplication {
  return { groupID: r.str('groupID'), groupName: r.str('groupName'), userID: r.str('userID'), message: r.str('message'), time: r.uint('time') };
}

/** Parses an answer carrying `{group}`. */
export function parseGroupAnswer(body: unknown): ParseResult<GroupResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ group: r.object('group', readGroup) }), 'answer');
}

/** Parses the answer of `get_joined_group_list`. */
export function parseGroupListAnswer(body: unknown): ParseResult<GroupListResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ groups: r.list('groups', readGroup) }), 'group list answer');
}

/** Parses the answer of `apply_join_group`. */
export function parseJoinAnswer(body: unknown): ParseResult<JoinGroupResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ status: r.oneOf('status', JOIN_STATUSES), group: r.object('group', readGroup) }), 'join answer');
}

/** Parses the answer of `get_group_member_list`. */
export function parseMembersAnswer(body: unknown): ParseResult<GroupMembersResponse> {
  return runParser(
    body,
    MALFORMED_ANSWER,
    (r) => ({ members: r.list('members', readMember), nextOffset: r.uint('nextOffset'), isCompleted: r.bool('isCompleted') }),
    'member list answer',
  );
}

/** Parses the answer of `add_group_member`. */
export function parseAddMembersAnswer(body: unknown): ParseResult<AddMembersResponse> {
  const item = (r: BodyReader) => {
    const result = r.uint('result');
    if (result > 2) r.fail(`${r.field('result')} must be 0, 1 or 2 (got ${result})`);
    return { userID: r.str('userID'), result };
  };
  return runParser(body, MALFORMED_ANSWER, (r) => ({ results: r.list('results', item) }), 'add member answer');
}

/** Parses the answer of `get_group_application_list`. */
export function parseApplicationsAnswer(body: unknown): ParseResult<GroupApplicationsResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ applications: r.list('applications', readApplication) }), 'application list');
}

/** Parses the body of the `group_changed` push. */
export function parseGroupPush(body: unknown): ParseResult<GroupChangedPush> {
  return runParser(
    body,
    MALFORMED_ANSWER,
    (r) => {
      const change = r.oneOf('change', CHANGES);
      const group = r.has('group') ? r.object('group', readGroup) : undefined;
      return { groupID: r.str('groupID'), change, ...(group !== undefined ? { group } : {}) };
    },
    'group push',
  );
}

/** Parses the body of the `group_application` push. */
export function parseApplicationPush(body: unknown): ParseResult<GroupApplicationPush> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ application: r.object('application', readApplication) }), 'application push');
}

/** Parses the body of the `group_application_handled` push. */
export function parseApplicationHandledPush(body: unknown): ParseResult<ApplicationOutcome> {
  return runParser(
    body,
    MALFORMED_ANSWER,
    (r) => ({ groupID: r.str('groupID'), userID: r.str('userID'), action: r.oneOf('action', ACTIONS), handleMessage: r.str('handleMessage'), operatorID: r.str('operatorID') }),
    'application outcome',
  );
}
