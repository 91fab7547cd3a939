/**
 * The logged-in user's group list, kept in memory (loaded at login and after each reconnect,
 * updated by group operations and `group_changed` pushes), and the conversion of wire groups
 * and members into Tencent's `Group` and `GroupMember` objects.
 */
import type { WireGroup, WireGroupMember } from '@parley/protocol';
import type { Conversation, Group, GroupMember } from '../model/message-types.js';

/** Joined groups of one session, in the order the server listed them (new ones last). */
export class GroupCache {
  private readonly groups = new Map<string, WireGroup>();
  private dirty = false;

  /** @param conversationOf the group's conversation, for `lastMessage`. */
  constructor(
    private readonly viewer: () => string,
    private readonly conversationOf: (groupID: string) => Conversation | undefined,
  ) {}

  /** The cached wire group. */
  wire(groupID: string): WireGroup | undefined {
    return this.groups.get(groupID);
  }

  /** Name, type and avatar for conversation objects. */
  info(groupID: string): { name: string; type: string; avatar: string } | undefined {
    const g = this.groups.get(groupID);
    return g ? { name: g.name, type: g.type, avatar: g.avatar } : undefined;
  }

  /** Replaces the list with the server's. */
  replaceAll(groups: readonly WireGroup[]): void {
    this.groups.clear();
    for (const g of groups) this.groups.set(g.groupID, g);
    this.dirty = true;
  }

  /** Adds or updates a joined group (an update without the join time keeps the one known). */
  put(group: WireGroup): void {
    const known = this.groups.get(group.groupID)?.selfJoinTime;
    this.groups.set(group.groupID, group.selfJoinTime === undefined && known !== undefined ? { ...group, selfJoinTime: known } : group);
    this.dirty = true;
  }

  /** Updates a cached group only (a group the user is not in stays out of the list). */
  refresh(group: WireGroup): void {
    if (this.groups.has(group.groupID)) this.put(group);
  }

  /** Removes a group (left, kicked, dismissed). */
  remove(groupID: string): void {
    if (this.groups.delete(groupID)) this.dirty = true;
  }

  /** True (once) when the list changed since the last call. */
  takeDirty(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  /** The cached wire groups. */
  wires(): WireGroup[] {
    return [...this.groups.values()];
  }

  /** The list as Tencent objects. */
  list(): Group[] {
    return [...this.groups.values()].map((g) => this.toGroup(g));
  }

  /** Forgets everything (the session ended). */
  clear(): void {
    this.groups.clear();
    this.dirty = false;
  }

  /** A wire group as Tencent's `Group` (for the logged-in user). */
  toGroup(g: WireGroup): Group {
    const last = this.conversationOf(g.groupID)?.lastMessage;
    return {
      groupID: g.groupID,
      name: g.name,
      type: g.type,
      avatar: g.avatar,
      introduction: g.introduction,
      notification: g.notification,
      ownerID: g.ownerID,
      createTime: g.createTime,
      memberNum: g.memberNum,
      memberCount: g.memberNum,
      maxMemberNum: g.maxMemberNum,
      maxMemberCount: g.maxMemberNum,
      joinOption: g.joinOption,
      muteAllMembers: g.muteAllMembers,
      // Tencent's nextMessageSeq is the sequence the next message gets; the wire carries the highest.
      nextMessageSeq: g.nextMessageSeq + 1,
      selfInfo: { userID: this.viewer(), role: g.selfRole ?? '', joinTime: g.selfJoinTime ?? 0, nameCard: '', messageRemindType: '' },
      lastMessage: {
        lastTime: last?.lastTime ?? 0,
        lastSequence: last?.lastSequence ?? 0,
        fromAccount: last?.fromAccount ?? '',
        messageForShow: last?.messageForShow ?? '',
      },
      groupCustomField: [],
      isSupportTopic: false,
    };
  }
}

/** A wire member as Tencent's `GroupMember`. */
export function toGroupMember(m: WireGroupMember): GroupMember {
  return { userID: m.userID, role: m.role, joinTime: m.joinTime, nameCard: m.nameCard, nick: m.nick, avatar: m.avatar, muteUntil: 0, memberCustomField: [] };
}
