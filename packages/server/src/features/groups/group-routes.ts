/**
 * `group_open_http_svc/*` endpoints with Tencent's field names: `create_group`, `get_group_info`,
 * `add_group_member`, `delete_group_member`, `destroy_group`, `send_group_msg` and
 * `get_joined_group_list`. The caller is an app admin, so the group permission rules do not apply.
 */
import { createHash } from 'node:crypto';
import {
  checkCustomGroupID,
  GROUP_FIELD_LIMITS as L,
  GROUP_TYPES,
  isValidGroupID,
  isValidUserID,
  JOIN_OPTIONS,
  MAX_MEMBERS_PER_REQUEST,
  MAX_MESSAGE_BYTES,
  MESSAGE_PRIORITIES,
  messageBodyBytes,
  ParleyError,
  runParser,
  type BodyReader,
  type MessagingParsed,
  type NormalizedCreateGroup,
  type NormalizedSendMessage,
} from '@parley/protocol';
import type { GroupDirectory } from '../../directories/group-directory.js';
import type { GroupMemberService } from './group-member-service.js';
import type { GroupActor, GroupService } from './group-service.js';
import type { MessagePort } from '../messages/message-port.js';
import type { Clock } from '../../time/clock.js';
import { msgKey, parseMsgBody } from '../../rest/rest-msg-body.js';
import { defineRoute, type AnyRestRoute, type RestCaller } from '../../rest/rest-route.js';

/** Most groups per `get_group_info`. */
const MAX_GROUP_INFO = 50;

/** What the group routes need. */
export interface GroupRouteDeps {
  readonly groups: GroupService;
  readonly members: GroupMemberService;
  readonly directory: GroupDirectory;
  readonly messages: MessagePort;
  readonly clock: Clock;
}

function parsed<T>(result: MessagingParsed<T>): T {
  if (!result.ok) throw ParleyError.of(result.error, result.reason);
  return result.value;
}

/** Reads a REST body with Tencent field names; bad fields answer 10004 (10015 for a bad GroupId). */
function read<T>(body: unknown, fn: (r: BodyReader) => T): T {
  return parsed(runParser(body, 'ERR_SVR_GROUP_INVALID_PARAMETERS', fn));
}

function groupId(r: BodyReader, key = 'GroupId'): string {
  const id = r.raw(key);
  if (!isValidGroupID(id)) return r.fail(`${key} must be a group ID of 1..48 printable ASCII characters`, 'ERR_SVR_GROUP_INVALID_GROUPID');
  return id;
}

function account(r: BodyReader, key: string): string {
  const id = r.raw(key);
  return isValidUserID(id) ? id : r.fail(`${key} must be a UserID`);
}

/** `[{Member_Account}]`-style lists → UserIDs (1..500, duplicates removed). */
function accounts(r: BodyReader, key: string, field: string | undefined): string[] {
  const list = r.raw(key);
  if (!Array.isArray(list) || list.length === 0) return r.fail(`${key} must be a non-empty array`);
  if (list.length > MAX_MEMBERS_PER_REQUEST) return r.fail(`${key} holds more than ${MAX_MEMBERS_PER_REQUEST} accounts`, 'ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT');
  return [
    ...new Set(
      list.map((item: unknown, i) => {
        const id = field === undefined ? item : typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined;
        return isValidUserID(id) ? id : r.fail(`${key}[${i}]${field ? `.${field}` : ''} must be a UserID`);
      }),
    ),
  ];
}

const admin = (caller: RestCaller): GroupActor => ({ sdkAppID: caller.app.app.sdkAppID, userID: caller.identifier, asAdmin: true });

/** `create_group`: the group to make and its owner (`''` for none). */
function parseCreateGroup(body: unknown): { owner: string; req: NormalizedCreateGroup } {
  return read(body, (r) => {
    const type = r.optionalOneOf('Type', GROUP_TYPES) ?? r.fail(`Type is required: one of ${GROUP_TYPES.join(', ')}`);
    const rawID = r.raw('GroupId');
    let groupID: string | undefined;
    if (rawID !== undefined) {
      const checked = checkCustomGroupID(type, rawID);
      groupID = checked.ok ? checked.value : r.fail(checked.reason, 'ERR_SVR_GROUP_INVALID_GROUPID');
    }
    const members = r.raw('MemberList') === undefined ? [] : r.raw('MemberList');
    if (!Array.isArray(members)) return r.fail('MemberList must be an array');
    if (members.length > MAX_MEMBERS_PER_REQUEST) return r.fail(`MemberList holds more than ${MAX_MEMBERS_PER_REQUEST} members`, 'ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT');
    const memberList = members.map((m: unknown, i): { userID: string; role: 'Admin' | 'Member' } => {
      const rec = typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : {};
      if (!isValidUserID(rec['Member_Account'])) return r.fail(`MemberList[${i}].Member_Account must be a UserID`);
      const role = rec['Role'];
      if (role === 'Admin' || role === 'Member') return { userID: rec['Member_Account'], role };
      if (role !== undefined) return r.fail(`MemberList[${i}].Role must be "Admin" or "Member"`);
      return { userID: rec['Member_Account'], role: 'Member' };
    });
    const joinOption = r.optionalOneOf('ApplyJoinOption', JOIN_OPTIONS);
    const maxMemberNum = r.optionalInt('MaxMemberCount', 1, Number.MAX_SAFE_INTEGER);
    const owner = r.raw('Owner_Account') === undefined ? '' : account(r, 'Owner_Account');
    const req: NormalizedCreateGroup = {
      type,
      name: r.string('Name', L.name, 1),
      introduction: r.optionalString('Introduction', L.introduction) ?? '',
      notification: r.optionalString('Notification', L.notification) ?? '',
      avatar: r.optionalString('FaceUrl', L.avatar) ?? '',
      memberList: [...new Map(memberList.map((m) => [m.userID, m])).values()],
      ...(groupID !== undefined ? { groupID } : {}),
      ...(joinOption !== undefined ? { joinOption } : {}),
      ...(maxMemberNum !== undefined ? { maxMemberNum } : {}),
    };
    return { owner, req };
  });
}

/** `send_group_msg`; `from` is `undefined` when the admin identifier sends (known only to the handler). */
function parseGroupSend(body: unknown) {
  const b = read(body, (r) => {
    const id = groupId(r);
    const from = r.raw('From_Account') === undefined ? undefined : account(r, 'From_Account');
    const random = r.int('Random', 0, 0xffff_ffff);
    const priority = r.optionalOneOf('MsgPriority', MESSAGE_PRIORITIES) ?? 'Normal';
    const online = r.optionalInt('OnlineOnlyFlag', 0, 1) === 1;
    const cloudCustomData = r.optionalString('CloudCustomData', MAX_MESSAGE_BYTES) ?? '';
    const receivers = r.raw('To_Account') === undefined ? [] : accounts(r, 'To_Account', undefined);
    return { id, from, random, priority, online, cloudCustomData, receivers };
  });
  const elements = parseMsgBody(body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['MsgBody'] : undefined);
  const bytes = messageBodyBytes(elements, b.cloudCustomData);
  if (bytes > MAX_MESSAGE_BYTES) throw ParleyError.of('ERR_SVR_MSG_BODY_SIZE_LIMIT', `${bytes} bytes; at most ${MAX_MESSAGE_BYTES}`);
  return { ...b, elements };
}

/** Routes of the group service. */
export function groupRoutes(deps: GroupRouteDeps): AnyRestRoute[] {
  const createGroup = defineRoute({
    path: 'group_open_http_svc/create_group',
    parse: parseCreateGroup,
    handle: async (caller, { owner, req }) => {
      const group = await deps.groups.create(admin(caller), req, owner);
      return { GroupId: group.groupID };
    },
  });

  const getGroupInfo = defineRoute({
    path: 'group_open_http_svc/get_group_info',
    parse: (body) =>
      read(body, (r) => {
        const list = r.raw('GroupIdList');
        if (!Array.isArray(list) || list.length === 0 || list.length > MAX_GROUP_INFO) return r.fail(`GroupIdList must hold 1..${MAX_GROUP_INFO} group IDs`);
        return list.map((id: unknown, i) => (isValidGroupID(id) ? id : r.fail(`GroupIdList[${i}] must be a group ID`, 'ERR_SVR_GROUP_INVALID_GROUPID')));
      }),
    handle: async (caller, ids) => {
      const sdkAppID = caller.app.app.sdkAppID;
      const GroupInfo = await Promise.all(
        ids.map(async (GroupId) => {
          const g = await deps.directory.group(sdkAppID, GroupId);
          if (!g) return { GroupId, ErrorCode: ParleyError.of('ERR_SVR_GROUP_NOT_FOUND').code, ErrorInfo: 'group not found' };
          const roles = await deps.directory.members(sdkAppID, GroupId);
          return {
            GroupId,
            ErrorCode: 0,
            Type: g.type,
            Name: g.name,
            Introduction: g.introduction,
            Notification: g.notification,
            FaceUrl: g.avatar,
            Owner_Account: g.ownerID,
            CreateTime: g.createTime,
            MemberNum: g.memberNum,
            MaxMemberNum: g.maxMemberNum,
            ApplyJoinOption: g.joinOption,
            ShutUpAllMember: g.muteAllMembers ? 'On' : 'Off',
            // Tencent's NextMsgSeq is the sequence the next message will get.
            NextMsgSeq: g.seq + 1,
            MemberList: [...roles].map(([Member_Account, Role]) => ({ Member_Account, Role })),
          };
        }),
      );
      return { GroupInfo };
    },
  });

  const addGroupMember = defineRoute({
    path: 'group_open_http_svc/add_group_member',
    parse: (body) => read(body, (r) => ({ id: groupId(r), users: accounts(r, 'MemberList', 'Member_Account') })),
    handle: async (caller, { id, users }) => {
      const results = await deps.members.add(admin(caller), id, users);
      return { MemberList: results.map((x) => ({ Member_Account: x.userID, Result: x.result })) };
    },
  });

  const deleteGroupMember = defineRoute({
    path: 'group_open_http_svc/delete_group_member',
    parse: (body) =>
      read(body, (r) => {
        r.optionalString('Reason', L.reason);
        return { id: groupId(r), users: accounts(r, 'MemberToDel_Account', undefined) };
      }),
    handle: async (caller, { id, users }) => {
      await deps.members.remove(admin(caller), id, users);
      return {};
    },
  });

  const destroyGroup = defineRoute({
    path: 'group_open_http_svc/destroy_group',
    parse: (body) => read(body, (r) => groupId(r)),
    handle: async (caller, id) => {
      await deps.groups.dismiss(admin(caller), id);
      return {};
    },
  });

  const sendGroupMsg = defineRoute({
    path: 'group_open_http_svc/send_group_msg',
    parse: parseGroupSend,
    handle: async (caller, b) => {
      const sdkAppID = caller.app.app.sdkAppID;
      const group = await deps.directory.group(sdkAppID, b.id);
      if (!group) throw ParleyError.of('ERR_SVR_GROUP_NOT_FOUND', b.id);
      const time = Math.floor(deps.clock.now() / 1000);
      const hash = createHash('sha256').update(b.id).digest('base64url').slice(0, 12);
      const req: NormalizedSendMessage = {
        conversationType: 'GROUP',
        to: b.id,
        ID: `G${time}_${b.random}_${hash}`,
        random: b.random,
        elements: b.elements,
        cloudCustomData: b.cloudCustomData,
        priority: b.priority,
        atUserList: [],
        onlineUserOnly: b.online,
        receiverList: b.receivers,
      };
      const { message } = await deps.messages.commit({ sdkAppID, from: b.from ?? caller.identifier, time }, req, group);
      return { MsgTime: message.time, MsgSeq: message.seq, MsgKey: msgKey(message) };
    },
  });

  const getJoinedGroupList = defineRoute({
    path: 'group_open_http_svc/get_joined_group_list',
    parse: (body) =>
      read(body, (r) => ({
        user: account(r, 'Member_Account'),
        limit: r.optionalInt('Limit', 1, 10_000),
        offset: r.optionalInt('Offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
        type: r.optionalOneOf('GroupType', GROUP_TYPES),
      })),
    handle: async (caller, q) => {
      const all = (await deps.groups.joined({ sdkAppID: caller.app.app.sdkAppID, userID: q.user })).filter((g) => q.type === undefined || g.type === q.type);
      const page = all.slice(q.offset, q.limit === undefined ? undefined : q.offset + q.limit);
      return {
        TotalCount: all.length,
        GroupIdList: page.map((g) => ({ GroupId: g.groupID, Type: g.type, Name: g.name, SelfInfo: { Role: g.selfRole } })),
      };
    },
  });

  return [createGroup, getGroupInfo, addGroupMember, deleteGroupMember, destroyGroup, sendGroupMsg, getJoinedGroupList];
}
