/**
 * Store records → the wire shapes of `@parley/protocol` (`WireMessage`, `WireConversation`,
 * `WireGroup`, `WireGroupMember`). The wire is viewer-independent except where noted.
 */
import type { WireConversation, WireGroup, WireGroupApplication, WireGroupMember, WireMemberRole, WireMessage, WireUserBrief } from '@parley/protocol';
import type { ConversationView, GroupApplication, GroupMemberRecord, GroupView, MessageRecord } from '@parley/store';

/** A stored message on the wire. */
export function wireMessage(m: MessageRecord): WireMessage {
  return {
    ID: m.ID,
    conversationType: m.conversationType,
    from: m.from,
    to: m.to,
    seq: m.seq,
    time: m.time,
    random: m.random,
    elements: m.elements,
    cloudCustomData: m.cloudCustomData,
    priority: m.priority,
    atUserList: m.atUserList,
    isOnlineOnly: false,
    receiverList: m.receiverList,
    nick: m.nick,
    avatar: m.avatar,
    nameCard: m.nameCard,
  };
}

/**
 * A conversation as its user sees it; `updatedAt` is the later of the last message and the last
 * pin/draft change. A C2C conversation carries the peer's current nick and avatar (`peer`; '' for
 * both when the peer's account is gone).
 */
export function wireConversation(v: ConversationView, peer?: WireUserBrief): WireConversation {
  return {
    conversationID: v.conversationID,
    type: v.type,
    target: v.target,
    lastMessage: v.lastMessage ? wireMessage(v.lastMessage) : null,
    maxSeq: v.maxSeq,
    readSeq: v.readSeq,
    unreadCount: v.unreadCount,
    isPinned: v.isPinned,
    draftText: v.draftText,
    updatedAt: Math.max(v.lastMessage?.time ?? 0, v.updatedAt),
    userProfile: v.type === 'C2C' ? (peer ?? { userID: v.target, nick: '', avatar: '' }) : null,
  };
}

/** Orders a conversation list: pinned first, then most recently active, then by ID. */
export function compareConversations(a: WireConversation, b: WireConversation): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  return a.conversationID < b.conversationID ? -1 : a.conversationID > b.conversationID ? 1 : 0;
}

/** A group on the wire, with the caller's role (and join time, seconds, when known) when the caller is a member. */
export function wireGroup(g: GroupView, selfRole?: WireMemberRole, selfJoinTime?: number): WireGroup {
  return {
    groupID: g.groupID,
    type: g.type,
    name: g.name,
    introduction: g.introduction,
    notification: g.notification,
    avatar: g.avatar,
    ownerID: g.ownerID,
    createTime: g.createTime,
    memberNum: g.memberNum,
    maxMemberNum: g.maxMemberNum,
    joinOption: g.joinOption,
    muteAllMembers: g.muteAllMembers,
    nextMessageSeq: g.seq,
    ...(selfRole !== undefined ? { selfRole } : {}),
    ...(selfRole !== undefined && selfJoinTime !== undefined ? { selfJoinTime } : {}),
  };
}

/** A member on the wire, with the member's current nick and avatar (`brief`; '' when unknown). */
export function wireMember(m: GroupMemberRecord, brief?: WireUserBrief): WireGroupMember {
  return { userID: m.userID, role: m.role, joinTime: m.joinTime, nameCard: m.nameCard, nick: brief?.nick ?? '', avatar: brief?.avatar ?? '' };
}

/** A pending join application on the wire, with the group's current name. */
export function wireApplication(group: GroupView, a: GroupApplication): WireGroupApplication {
  return { groupID: group.groupID, groupName: group.name, userID: a.userID, message: a.message, time: a.time };
}
