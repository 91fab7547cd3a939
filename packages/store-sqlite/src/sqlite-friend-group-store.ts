/** `store.friendGroups` on SQLite: `friend_groups` and `friend_group_members` (friends only). */
import type { FriendGroupChange, FriendGroupCreateOutcome, FriendGroupRecord, FriendGroupStore } from '@parley/store';
import type { SqliteRunner } from './sqlite-runner.js';
import { column, countOf, type RelationshipStatements } from './sqlite-relationship-rows.js';

/** The {@link FriendGroupStore} of one SQLite connection. */
export class SqliteFriendGroupStore implements FriendGroupStore {
  constructor(
    private readonly run: SqliteRunner,
    private readonly st: RelationshipStatements,
  ) {}

  #group(app: number, owner: string, name: string): FriendGroupRecord {
    return { name, userIDList: column(this.st.groupMembers.all(app, owner, name), 'friend', 'friend_group_members') };
  }

  #exists(app: number, owner: string, name: string): boolean {
    return this.st.getGroup.get(app, owner, name) !== undefined;
  }

  /** Puts the friends among `ids` not yet in the group into it; returns them. */
  #put(app: number, owner: string, name: string, ids: readonly string[]): string[] {
    const changed: string[] = [];
    for (const id of new Set(ids)) {
      if (this.st.getFriend.get(app, owner, id) === undefined) continue;
      if (this.st.insertMember.run(app, owner, name, id, countOf(this.st.nextPos.get(app, owner, name))).changes > 0) changed.push(id);
    }
    return changed;
  }

  async list(sdkAppID: number, owner: string): Promise<FriendGroupRecord[]> {
    return this.run.snapshot(() => column(this.st.listGroups.all(sdkAppID, owner), 'name', 'friend_groups').map((name) => this.#group(sdkAppID, owner, name)));
  }

  async create(sdkAppID: number, owner: string, name: string, userIDs: readonly string[], maxGroups: number, now: number): Promise<FriendGroupCreateOutcome> {
    return this.run.writeForApp(sdkAppID, () => {
      if (this.#exists(sdkAppID, owner, name)) return { ok: false, reason: 'exists' };
      if (countOf(this.st.countGroups.get(sdkAppID, owner)) >= maxGroups) return { ok: false, reason: 'full' };
      this.st.insertGroup.run(sdkAppID, owner, name, now);
      const changed = this.#put(sdkAppID, owner, name, userIDs);
      return { ok: true, change: { group: this.#group(sdkAppID, owner, name), changed } };
    });
  }

  async delete(sdkAppID: number, owner: string, name: string): Promise<FriendGroupRecord | undefined> {
    return this.run.writeForApp(sdkAppID, () => {
      if (!this.#exists(sdkAppID, owner, name)) return undefined;
      const group = this.#group(sdkAppID, owner, name);
      this.st.deleteGroupMembers.run(sdkAppID, owner, name);
      this.st.deleteGroup.run(sdkAppID, owner, name);
      return group;
    });
  }

  async rename(sdkAppID: number, owner: string, oldName: string, newName: string): Promise<FriendGroupRecord | 'missing' | 'exists'> {
    return this.run.writeForApp(sdkAppID, () => {
      if (!this.#exists(sdkAppID, owner, oldName)) return 'missing';
      if (oldName === newName) return this.#group(sdkAppID, owner, oldName);
      if (this.#exists(sdkAppID, owner, newName)) return 'exists';
      this.st.renameGroup.run(newName, sdkAppID, owner, oldName);
      this.st.renameGroupMembers.run(newName, sdkAppID, owner, oldName);
      return this.#group(sdkAppID, owner, newName);
    });
  }

  async addMembers(sdkAppID: number, owner: string, name: string, userIDs: readonly string[]): Promise<FriendGroupChange | undefined> {
    return this.run.writeForApp(sdkAppID, () => {
      if (!this.#exists(sdkAppID, owner, name)) return undefined;
      const changed = this.#put(sdkAppID, owner, name, userIDs);
      return { group: this.#group(sdkAppID, owner, name), changed };
    });
  }

  async setGroupsOf(sdkAppID: number, owner: string, friend: string, names: readonly string[], maxGroups: number, now: number): Promise<string[] | 'not-friend' | 'full'> {
    return this.run.writeForApp(sdkAppID, () => {
      if (this.st.getFriend.get(sdkAppID, owner, friend) === undefined) return 'not-friend';
      const wanted = new Set(names);
      const missing = [...wanted].filter((name) => !this.#exists(sdkAppID, owner, name));
      if (countOf(this.st.countGroups.get(sdkAppID, owner)) + missing.length > maxGroups) return 'full';
      for (const name of missing) this.st.insertGroup.run(sdkAppID, owner, name, now);
      const current = new Set(this.#groupsOf(sdkAppID, owner, friend));
      for (const name of current) if (!wanted.has(name)) this.st.deleteMember.run(sdkAppID, owner, name, friend);
      for (const name of wanted) if (!current.has(name)) this.#put(sdkAppID, owner, name, [friend]);
      return this.#groupsOf(sdkAppID, owner, friend);
    });
  }

  #groupsOf(app: number, owner: string, friend: string): string[] {
    return column(this.st.friendGroupsOf.all(app, owner, friend), 'name', 'friend_group_members');
  }

  async removeMembers(sdkAppID: number, owner: string, name: string, userIDs: readonly string[]): Promise<FriendGroupChange | undefined> {
    return this.run.writeForApp(sdkAppID, () => {
      if (!this.#exists(sdkAppID, owner, name)) return undefined;
      const changed = [...new Set(userIDs)].filter((id) => this.st.deleteMember.run(sdkAppID, owner, name, id).changes > 0);
      return { group: this.#group(sdkAppID, owner, name), changed };
    });
  }
}
