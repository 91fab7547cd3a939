/**
 * The group methods of a `TencentCloudChat` instance as a public-method table. `joinGroup` and
 * `quitGroup` are in Tencent's whitelist (they work once logged in); the others run only once
 * the SDK is ready.
 */
import type { CreateGroupOptions, UpdateGroupProfileOptions } from '../model/api-options.js';
import type { Group, GroupMember, Message } from '../model/message-types.js';
import type { ChatResponse } from '../session/chat-response.js';
import { gated, whitelisted, type MethodTable } from '../session/method-table.js';
import type { GroupApi } from './group-api.js';

/** The group methods of an instance. */
export const GROUP_METHODS = {
  /** Creates a group; the creator is its owner. */
  createGroup: gated((api: GroupApi) => (options: CreateGroupOptions): ReturnType<GroupApi['createGroup']> => api.createGroup(options)),

  /** Joins (or applies to join) a group; `status` is a `TYPES.JOIN_STATUS_*` value. Whitelisted (works once logged in). */
  joinGroup: whitelisted(
    (api: GroupApi) =>
      (options: { groupID: string; applyMessage?: string }): Promise<ChatResponse<{ status: string; group: Group }>> =>
        api.joinGroup(options),
  ),

  /**
   * Accepts or rejects a join application: `message` is the group system notice (`operationType` 1)
   * the app received for it. Owner or admin of the group.
   */
  handleGroupApplication: gated(
    (api: GroupApi) =>
      (options: { handleAction: 'Agree' | 'Reject'; handleMessage?: string; message: Message }): Promise<ChatResponse<{ group: Group }>> =>
        api.handleGroupApplication(options),
  ),

  /** Leaves a group. Whitelisted (works once logged in). */
  quitGroup: whitelisted((api: GroupApi) => (groupID: string): Promise<ChatResponse<{ groupID: string }>> => api.quitGroup(groupID)),

  /** Dismisses a group (owner only). */
  dismissGroup: gated((api: GroupApi) => (groupID: string): Promise<ChatResponse<{ groupID: string }>> => api.dismissGroup(groupID)),

  /** The groups the user is a member of (fresh from the server). */
  getGroupList: gated((api: GroupApi) => (_options?: unknown): Promise<ChatResponse<{ groupList: Group[] }>> => api.getGroupList()),

  /** One group's profile. */
  getGroupProfile: gated((api: GroupApi) => (options: { groupID: string }): Promise<ChatResponse<{ group: Group }>> => api.getGroupProfile(options)),

  /** Changes a group's profile (owner/admin). */
  updateGroupProfile: gated(
    (api: GroupApi) =>
      (options: UpdateGroupProfileOptions): Promise<ChatResponse<{ group: Group }>> =>
        api.updateGroupProfile(options),
  ),

  /** A page of members; `offset` continues it (0 when complete). */
  getGroupMemberList: gated(
    (api: GroupApi) =>
      (options: { groupID: string; count?: number; offset?: number }): Promise<ChatResponse<{ memberList: GroupMember[]; offset: number; isCompleted: boolean }>> =>
        api.getGroupMemberList(options),
  ),

  /** Adds members; the lists say who was added, who already was a member, who failed. */
  addGroupMember: gated(
    (api: GroupApi) =>
      (options: { groupID: string; userIDList: string[] }): ReturnType<GroupApi['addGroupMember']> =>
        api.addGroupMember(options),
  ),

  /** Removes members (owner/admin). */
  deleteGroupMember: gated(
    (api: GroupApi) =>
      (options: { groupID: string; userIDList: string[]; reason?: string }): ReturnType<GroupApi['deleteGroupMember']> =>
        api.deleteGroupMember(options),
  ),

  /** Makes a member an admin or a plain member (owner only). */
  setGroupMemberRole: gated(
    (api: GroupApi) =>
      (options: { groupID: string; userID: string; role: string }): ReturnType<GroupApi['setGroupMemberRole']> =>
        api.setGroupMemberRole(options),
  ),
} satisfies MethodTable<GroupApi>;
