/**
 * Groups, members and applications of one app inside the `MemoryStore`. Membership changes keep the
 * members' conversation state (in {@link MemoryMessaging}) in step.
 */
import { ParleyError, type WireMemberRole } from '@parley/protocol';
import { groupKey } from './conversation-keys.js';
import type { MemoryMessaging } from './memory-messaging.js';
import type { AddMemberResult, GroupApplication, GroupMemberRecord, GroupPatch, GroupRecord, GroupView, JoinedGroup } from './store-groups.js';

interface StoredGroup {
  record: GroupRecord;
  readonly members: Map<string, GroupMemberRecord>;
  readonly applications: Map<string, GroupApplication>;
}

function freezeGroup(g: GroupRecord): GroupRecord {
  return Object.freeze({
    groupID: g.groupID,
    type: g.type,
    name: g.name,
    introduction: g.introduction,
    notification: g.notification,
    avatar: g.avatar,
    ownerID: g.ownerID,
    createTime: g.createTime,
    maxMemberNum: g.maxMemberNum,
    joinOption: g.joinOption,
    muteAllMembers: g.muteAllMembers,
  });
}

function freezeMember(m: GroupMemberRecord): GroupMemberRecord {
  return Object.freeze({ userID: m.userID, role: m.role, joinTime: m.joinTime, nameCard: m.nameCard });
}

const byUserID = (a: { userID: string }, b: { userID: string }): number => (a.userID < b.userID ? -1 : a.userID > b.userID ? 1 : 0);

/** Group data of one app. */
export class MemoryGroups {
  readonly #groups = new Map<string, StoredGroup>();
  #messaging: MemoryMessaging | undefined;

  /** Connects the messaging part (the two refer to each other). */
  connect(messaging: MemoryMessaging): void {
    this.#messaging = messaging;
  }

  exists(groupID: string): boolean {
    return this.#groups.has(groupID);
  }

  joinedGroupIDs(userID: string): string[] {
    return [...this.#groups.values()].filter((g) => g.members.has(userID)).map((g) => g.record.groupID);
  }

  create(group: GroupRecord, members: readonly GroupMemberRecord[]): GroupView {
    if (this.#groups.has(group.groupID)) throw ParleyError.of('ERR_SVR_GROUP_GROUPID_IN_USED', group.groupID);
    const stored: StoredGroup = { record: freezeGroup(group), members: new Map(), applications: new Map() };
    for (const m of members) stored.members.set(m.userID, freezeMember(m));
    this.#groups.set(group.groupID, stored);
    for (const m of stored.members.keys()) this.#msg().initMemberState(m, group.groupID);
    return this.#view(stored);
  }

  get(groupID: string): GroupView | undefined {
    const g = this.#groups.get(groupID);
    return g ? this.#view(g) : undefined;
  }

  update(groupID: string, patch: GroupPatch): GroupView | undefined {
    const g = this.#groups.get(groupID);
    if (!g) return undefined;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    g.record = freezeGroup({ ...g.record, ...defined });
    return this.#view(g);
  }

  delete(groupID: string): string[] | undefined {
    const g = this.#groups.get(groupID);
    if (!g) return undefined;
    const members = [...g.members.keys()].sort();
    for (const userID of members) this.#msg().forgetState(userID, `GROUP${groupID}`);
    this.#msg().dropGroupMessages(groupID);
    this.#groups.delete(groupID);
    return members;
  }

  addMembers(groupID: string, members: readonly GroupMemberRecord[], limit: number): AddMemberResult[] {
    const g = this.#require(groupID);
    return members.map((m) => {
      if (g.members.has(m.userID)) return 'already';
      if (g.members.size >= limit) return 'full';
      g.members.set(m.userID, freezeMember(m));
      g.applications.delete(m.userID);
      this.#msg().initMemberState(m.userID, groupID);
      return 'added';
    });
  }

  removeMembers(groupID: string, userIDs: readonly string[]): string[] {
    const g = this.#groups.get(groupID);
    if (!g) return [];
    return [...new Set(userIDs)].filter((userID) => {
      if (!g.members.delete(userID)) return false;
      this.#msg().forgetState(userID, `GROUP${groupID}`);
      return true;
    });
  }

  setRole(groupID: string, userID: string, role: WireMemberRole): boolean {
    const member = this.#groups.get(groupID)?.members.get(userID);
    if (!member) return false;
    this.#groups.get(groupID)?.members.set(userID, freezeMember({ ...member, role }));
    return true;
  }

  getMembers(groupID: string, userIDs: readonly string[]): GroupMemberRecord[] {
    const g = this.#groups.get(groupID);
    if (!g) return [];
    return [...new Set(userIDs)].flatMap((id) => {
      const m = g.members.get(id);
      return m ? [{ ...m }] : [];
    });
  }

  listMembers(groupID: string, offset: number, count: number): GroupMemberRecord[] {
    const g = this.#groups.get(groupID);
    if (!g) return [];
    return [...g.members.values()].sort(byUserID).slice(offset, offset + count).map((m) => ({ ...m }));
  }

  listJoined(userID: string): JoinedGroup[] {
    return [...this.#groups.values()]
      .filter((g) => g.members.has(userID))
      .sort((a, b) => (a.record.groupID < b.record.groupID ? -1 : 1))
      .map((g) => ({ group: this.#view(g), member: { ...(g.members.get(userID) as GroupMemberRecord) } }));
  }

  putApplication(groupID: string, application: GroupApplication): void {
    const g = this.#require(groupID);
    g.applications.delete(application.userID);
    g.applications.set(application.userID, Object.freeze({ userID: application.userID, message: application.message, time: application.time }));
  }

  listApplications(groupID: string): GroupApplication[] {
    const g = this.#groups.get(groupID);
    // Map order is insertion order and a replaced application is re-inserted: oldest first.
    return g ? [...g.applications.values()].map((a) => ({ ...a })).sort((a, b) => a.time - b.time) : [];
  }

  deleteApplication(groupID: string, userID: string): boolean {
    return this.#groups.get(groupID)?.applications.delete(userID) ?? false;
  }

  #require(groupID: string): StoredGroup {
    const g = this.#groups.get(groupID);
    if (!g) throw ParleyError.of('ERR_SVR_GROUP_NOT_FOUND', groupID);
    return g;
  }

  #msg(): MemoryMessaging {
    if (!this.#messaging) throw new Error('MemoryGroups used before connect()');
    return this.#messaging;
  }

  #view(g: StoredGroup): GroupView {
    return { ...g.record, memberNum: g.members.size, seq: this.#msg().seqOf(groupKey(g.record.groupID)) };
  }
}
