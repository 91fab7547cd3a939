/**
 * Wire shapes of groups (see `docs/PROTOCOL.md` §Messaging): groups, members, join applications and
 * the request bodies of creating and updating a group.
 */

/** Group types (TYPES.GRP_* values). `Private` = Work, `ChatRoom` = Meeting. */
export type WireGroupType = 'Private' | 'Public' | 'ChatRoom' | 'AVChatRoom' | 'Community';

/** Member roles (TYPES.GRP_MBR_ROLE_* values). */
export type WireMemberRole = 'Owner' | 'Admin' | 'Member';

/** A group. */
export interface WireGroup {
  readonly groupID: string;
  readonly type: WireGroupType;
  readonly name: string;
  readonly introduction: string;
  readonly notification: string;
  readonly avatar: string;
  readonly ownerID: string;
  /** Creation time, whole seconds. */
  readonly createTime: number;
  readonly memberNum: number;
  readonly maxMemberNum: number;
  /** `FreeAccess` | `NeedPermission` | `DisableApply`. */
  readonly joinOption: string;
  readonly muteAllMembers: boolean;
  /**
   * Highest message sequence of the group (0 before the first message). The SDK's `Group.nextMessageSeq`
   * is this + 1, Tencent's meaning: the sequence the next message will get.
   */
  readonly nextMessageSeq: number;
  /** The caller's role, when the caller is a member. */
  readonly selfRole?: WireMemberRole;
  /** When the caller joined, whole seconds; sent where the server has the membership at hand (lists, create, join). */
  readonly selfJoinTime?: number;
}

/** Body of `group_open_http_svc.create_group`. */
export interface CreateGroupRequest {
  readonly type: WireGroupType;
  readonly name: string;
  /** Custom GroupID (≤ 48 bytes; Community ids start with `@TGS#_`); generated when absent. */
  readonly groupID?: string;
  readonly introduction?: string;
  readonly notification?: string;
  readonly avatar?: string;
  readonly joinOption?: string;
  readonly maxMemberNum?: number;
  /** Initial members besides the creator (owner). */
  readonly memberList?: readonly { readonly userID: string; readonly role?: 'Admin' | 'Member' }[];
}

/** Body of `group_open_http_svc.modify_group_base_info`. */
export interface UpdateGroupRequest {
  readonly groupID: string;
  readonly name?: string;
  readonly introduction?: string;
  readonly notification?: string;
  readonly avatar?: string;
  readonly joinOption?: string;
  readonly muteAllMembers?: boolean;
}

/** A pending application to join a group (`NeedPermission`). */
export interface WireGroupApplication {
  readonly groupID: string;
  /** The group's name when the list was made or the application pushed. */
  readonly groupName: string;
  /** The applicant. */
  readonly userID: string;
  /** The applicant's message (`applyMessage`). */
  readonly message: string;
  /** When the application was made, whole seconds. */
  readonly time: number;
}

/** How an application was decided. */
export type GroupApplicationAction = 'Agree' | 'Reject';

/** A group member. */
export interface WireGroupMember {
  readonly userID: string;
  readonly role: WireMemberRole;
  /** Join time, whole seconds. */
  readonly joinTime: number;
  readonly nameCard: string;
  /** The member's current profile nick ('' when none). */
  readonly nick: string;
  /** The member's current profile avatar URL ('' when none). */
  readonly avatar: string;
}
