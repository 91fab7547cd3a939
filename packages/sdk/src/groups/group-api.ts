/**
 * The basic group APIs of the web instance (create, join, quit, dismiss, profiles, members,
 * roles). Results carry Tencent's `Group` / `GroupMember` shapes; changes to the user's own
 * group list are applied at once and reported with `GROUP_LIST_UPDATED`.
 */
import { GroupCommands, ParleyError, TYPES, type CommandDef, type CreateGroupRequest, type UpdateGroupRequest, type WireGroup } from '@parley/protocol';
import type { Group, GroupMember } from '../model/message-types.js';
import { intInRange, invalidArgument, nonEmpty, optionalString, record, userIDList } from '../session/api-args.js';
import { ok, type ChatResponse } from '../session/chat-response.js';
import type { HubPorts } from '../session/messaging-hub.js';
import { applicationOf } from './group-applications.js';
import { toGroupMember, type GroupCache } from './group-cache.js';

/** Group types `createGroup` accepts: Tencent's values (`TYPES.GRP_*`) and their V2TIM names. */
const GROUP_TYPE_NAMES: Readonly<Record<string, CreateGroupRequest['type']>> = {
  [TYPES.GRP_WORK]: 'Private',
  [TYPES.GRP_PUBLIC]: 'Public',
  [TYPES.GRP_MEETING]: 'ChatRoom',
  [TYPES.GRP_AVCHATROOM]: 'AVChatRoom',
  [TYPES.GRP_COMMUNITY]: 'Community',
  Work: 'Private',
  Meeting: 'ChatRoom',
};
const JOIN_OPTIONS: ReadonlySet<string> = new Set([TYPES.JOIN_OPTIONS_FREE_ACCESS, TYPES.JOIN_OPTIONS_NEED_PERMISSION, TYPES.JOIN_OPTIONS_DISABLE_APPLY]);
/** Largest member page (Tencent's web SDK: 100). */
const MAX_MEMBER_PAGE = 100;

/** Parses a group type name (web or V2TIM spelling), or 2600. */
export function groupTypeOf(value: unknown): CreateGroupRequest['type'] {
  const type = typeof value === 'string' ? GROUP_TYPE_NAMES[value] : undefined;
  if (!type) throw ParleyError.of('ILLEGAL_GRP_TYPE', `${String(value)}: use one of TYPES.GRP_WORK, GRP_PUBLIC, GRP_MEETING, GRP_AVCHATROOM, GRP_COMMUNITY`);
  return type;
}

function joinOption(api: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !JOIN_OPTIONS.has(value)) throw invalidArgument(`${api}: joinOption must be one of TYPES.JOIN_OPTIONS_*`);
  return value;
}

/** Copies the optional string fields that are set. */
function strings(api: string, o: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = optionalString(api, key, o[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** What the group operations work with. */
export interface GroupApiPorts {
  readonly hub: Pick<HubPorts, 'epoch' | 'isCurrent' | 'call' | 'flush'>;
  readonly groups: GroupCache;
  /** The user joined a group whose latest sequence is `seq` (the sync engine: earlier messages are not "missed"). */
  noteJoined(groupID: string, seq: number): void;
}

/** Group operations of one instance. */
export class GroupApi {
  constructor(private readonly ports: GroupApiPorts) {}

  /** See `ChatInstance.createGroup`. */
  async createGroup(options: unknown): Promise<ChatResponse<{ group: Group; overLimitUserIDList: string[] }>> {
    const api = 'createGroup';
    const o = record(api, options);
    const memberList = o['memberList'] ?? [];
    if (!Array.isArray(memberList)) throw invalidArgument(`${api}: memberList must be an array of {userID, role?}`);
    const members = memberList.map((m: unknown): { userID: string; role?: 'Admin' | 'Member' } => {
      const r = record(api, m);
      const role = r['role'];
      const userID = nonEmpty(api, 'memberList[].userID', r['userID']);
      if (role === undefined) return { userID };
      if (role === 'Admin' || role === 'Member') return { userID, role };
      throw invalidArgument(`${api}: memberList role must be Admin or Member`);
    });
    const option = joinOption(api, o['joinOption']);
    const body: CreateGroupRequest = {
      type: groupTypeOf(o['type'] ?? TYPES.GRP_WORK),
      name: nonEmpty(api, 'name', o['name']),
      ...strings(api, o, ['groupID', 'introduction', 'notification', 'avatar']),
      ...(option !== undefined ? { joinOption: option } : {}),
      ...(o['maxMemberNum'] !== undefined ? { maxMemberNum: intInRange(api, 'maxMemberNum', o['maxMemberNum'], 1, 1_000_000, 0) } : {}),
      ...(members.length > 0 ? { memberList: members } : {}),
    };
    const group = await this.created({ ...body });
    return ok({ group, overLimitUserIDList: [] });
  }

  /** See `ChatInstance.joinGroup`. */
  async joinGroup(options: unknown): Promise<ChatResponse<{ status: string; group: Group }>> {
    const o = record('joinGroup', options);
    const groupID = nonEmpty('joinGroup', 'groupID', o['groupID']);
    const applyMessage = optionalString('joinGroup', 'applyMessage', o['applyMessage']);
    const epoch = this.ports.hub.epoch;
    const answer = await this.ports.hub.call(GroupCommands.join, { groupID, ...(applyMessage !== undefined ? { applyMessage } : {}) });
    if (answer.status !== TYPES.JOIN_STATUS_WAIT_APPROVAL && this.ports.hub.isCurrent(epoch)) this.addToList(answer.group);
    return ok({ status: answer.status, group: this.ports.groups.toGroup(answer.group) });
  }

  /** See `ChatInstance.handleGroupApplication`. */
  async handleGroupApplication(options: unknown): Promise<ChatResponse<{ group: Group }>> {
    const api = 'handleGroupApplication';
    const o = record(api, options);
    const action = o['handleAction'];
    if (action !== 'Agree' && action !== 'Reject') throw invalidArgument(`${api}: handleAction must be "Agree" or "Reject"`);
    const handleMessage = optionalString(api, 'handleMessage', o['handleMessage']);
    const application = applicationOf(o['message']);
    if (!application) throw invalidArgument(`${api}: message must be a group system notice of a join application (operationType 1)`);
    const body = { ...application, action, ...(handleMessage !== undefined ? { handleMessage } : {}) };
    const { group } = await this.ports.hub.call(GroupCommands.handleApplication, body);
    return ok({ group: this.ports.groups.toGroup(group) });
  }

  /** See `ChatInstance.quitGroup`. */
  async quitGroup(groupID: unknown): Promise<ChatResponse<{ groupID: string }>> {
    return this.leave('quitGroup', GroupCommands.quit, groupID);
  }

  /** See `ChatInstance.dismissGroup`. */
  async dismissGroup(groupID: unknown): Promise<ChatResponse<{ groupID: string }>> {
    return this.leave('dismissGroup', GroupCommands.dismiss, groupID);
  }

  /** See `ChatInstance.getGroupList`. */
  async getGroupList(): Promise<ChatResponse<{ groupList: Group[] }>> {
    const epoch = this.ports.hub.epoch;
    const { groups } = await this.ports.hub.call(GroupCommands.joinedList, {});
    if (!this.ports.hub.isCurrent(epoch)) return ok({ groupList: groups.map((g) => this.ports.groups.toGroup(g)) });
    this.ports.groups.replaceAll(groups);
    for (const g of groups) this.ports.noteJoined(g.groupID, g.nextMessageSeq);
    this.ports.hub.flush();
    return ok({ groupList: this.ports.groups.list() });
  }

  /** See `ChatInstance.getGroupProfile`. */
  async getGroupProfile(options: unknown): Promise<ChatResponse<{ group: Group }>> {
    const groupID = nonEmpty('getGroupProfile', 'groupID', record('getGroupProfile', options)['groupID']);
    const group = await this.fetchGroup(groupID);
    return ok({ group: this.ports.groups.toGroup(group) });
  }

  /** See `ChatInstance.updateGroupProfile`. */
  async updateGroupProfile(options: unknown): Promise<ChatResponse<{ group: Group }>> {
    const api = 'updateGroupProfile';
    const o = record(api, options);
    const mute = o['muteAllMembers'];
    if (mute !== undefined && typeof mute !== 'boolean') throw invalidArgument(`${api}: muteAllMembers must be a boolean`);
    const option = joinOption(api, o['joinOption']);
    const body: UpdateGroupRequest = {
      groupID: nonEmpty(api, 'groupID', o['groupID']),
      ...strings(api, o, ['name', 'introduction', 'notification', 'avatar']),
      ...(option !== undefined ? { joinOption: option } : {}),
      ...(mute !== undefined ? { muteAllMembers: mute } : {}),
    };
    const epoch = this.ports.hub.epoch;
    const { group } = await this.ports.hub.call(GroupCommands.update, { ...body });
    if (this.ports.hub.isCurrent(epoch)) {
      this.ports.groups.refresh(group);
      this.ports.hub.flush();
    }
    return ok({ group: this.ports.groups.toGroup(group) });
  }

  /** See `ChatInstance.getGroupMemberList`. */
  async getGroupMemberList(options: unknown): Promise<ChatResponse<{ memberList: GroupMember[]; offset: number; isCompleted: boolean }>> {
    const api = 'getGroupMemberList';
    const o = record(api, options);
    const groupID = nonEmpty(api, 'groupID', o['groupID']);
    const count = intInRange(api, 'count', o['count'], 1, MAX_MEMBER_PAGE, 15);
    const offset = intInRange(api, 'offset', o['offset'], 0, Number.MAX_SAFE_INTEGER, 0);
    const answer = await this.ports.hub.call(GroupCommands.members, { groupID, offset, count });
    return ok({ memberList: answer.members.map(toGroupMember), offset: answer.isCompleted ? 0 : answer.nextOffset, isCompleted: answer.isCompleted });
  }

  /** See `ChatInstance.addGroupMember`. */
  async addGroupMember(options: unknown): Promise<
    ChatResponse<{ successUserIDList: string[]; failureUserIDList: string[]; existedUserIDList: string[]; overLimitUserIDList: string[]; group: Group | undefined }>
  > {
    const o = record('addGroupMember', options);
    const groupID = nonEmpty('addGroupMember', 'groupID', o['groupID']);
    const userIDs = userIDList('addGroupMember', 'userIDList', o['userIDList'], 500);
    const { results } = await this.ports.hub.call(GroupCommands.addMembers, { groupID, userIDList: userIDs });
    const pick = (code: number): string[] => results.filter((r) => r.result === code).map((r) => r.userID);
    return ok({
      successUserIDList: pick(1),
      failureUserIDList: pick(0),
      existedUserIDList: pick(2),
      overLimitUserIDList: [],
      group: this.cachedGroup(groupID),
    });
  }

  /** See `ChatInstance.deleteGroupMember`. */
  async deleteGroupMember(options: unknown): Promise<ChatResponse<{ group: Group | undefined; userIDList: string[] }>> {
    const o = record('deleteGroupMember', options);
    const groupID = nonEmpty('deleteGroupMember', 'groupID', o['groupID']);
    const userIDs = userIDList('deleteGroupMember', 'userIDList', o['userIDList'], 100);
    const reason = optionalString('deleteGroupMember', 'reason', o['reason']);
    await this.ports.hub.call(GroupCommands.deleteMembers, { groupID, userIDList: userIDs, ...(reason !== undefined ? { reason } : {}) });
    return ok({ group: this.cachedGroup(groupID), userIDList: userIDs });
  }

  /** See `ChatInstance.setGroupMemberRole`. */
  async setGroupMemberRole(options: unknown): Promise<ChatResponse<{ group: Group | undefined; member: { userID: string; role: string } }>> {
    const o = record('setGroupMemberRole', options);
    const groupID = nonEmpty('setGroupMemberRole', 'groupID', o['groupID']);
    const userID = nonEmpty('setGroupMemberRole', 'userID', o['userID']);
    const role = o['role'];
    if (role !== TYPES.GRP_MBR_ROLE_ADMIN && role !== TYPES.GRP_MBR_ROLE_MEMBER) {
      throw ParleyError.of('INVALID_MEMBER_ROLE', 'setGroupMemberRole: role must be TYPES.GRP_MBR_ROLE_ADMIN or GRP_MBR_ROLE_MEMBER');
    }
    await this.ports.hub.call(GroupCommands.setMemberRole, { groupID, userID, role });
    return ok({ group: this.cachedGroup(groupID), member: { userID, role } });
  }

  /** Creates a group (the user becomes its owner) and lists it. */
  private async created(body: Record<string, unknown>): Promise<Group> {
    const epoch = this.ports.hub.epoch;
    const { group } = await this.ports.hub.call(GroupCommands.create, body);
    if (this.ports.hub.isCurrent(epoch)) this.addToList(group);
    return this.ports.groups.toGroup(group);
  }

  private addToList(group: WireGroup): void {
    this.ports.noteJoined(group.groupID, group.nextMessageSeq);
    this.ports.groups.put(group);
    this.ports.hub.flush();
  }

  private async leave(api: string, def: CommandDef<unknown, unknown>, groupID: unknown): Promise<ChatResponse<{ groupID: string }>> {
    const id = nonEmpty(api, 'groupID', groupID);
    const epoch = this.ports.hub.epoch;
    await this.ports.hub.call(def, { groupID: id });
    if (this.ports.hub.isCurrent(epoch)) {
      this.ports.groups.remove(id);
      this.ports.hub.flush();
    }
    return ok({ groupID: id });
  }

  private async fetchGroup(groupID: string): Promise<WireGroup> {
    const epoch = this.ports.hub.epoch;
    const { group } = await this.ports.hub.call(GroupCommands.info, { groupID });
    if (this.ports.hub.isCurrent(epoch)) {
      this.ports.groups.refresh(group);
      this.ports.hub.flush();
    }
    return group;
  }

  private cachedGroup(groupID: string): Group | undefined {
    const wire = this.ports.groups.wire(groupID);
    return wire ? this.ports.groups.toGroup(wire) : undefined;
  }
}
