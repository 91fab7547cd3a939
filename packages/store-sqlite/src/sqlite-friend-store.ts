/**
 * `store.friends` on SQLite: one `friends` row per direction. Adding checks the friend limit of every
 * owner inside the transaction and consumes the owner's application; removing also clears the
 * friend from the owner's groups (`sqlite-relationship-rows.ts`).
 */
import type { FriendAddOutcome, FriendEdge, FriendLimits, FriendLink, FriendPatch, FriendRecord, FriendStore } from '@parley/store';
import type { SqliteRunner } from './sqlite-runner.js';
import { column, countOf, friendOf, removeFriendRow, type RelationshipStatements } from './sqlite-relationship-rows.js';

/** The {@link FriendStore} of one SQLite connection. */
export class SqliteFriendStore implements FriendStore {
  constructor(
    private readonly run: SqliteRunner,
    private readonly st: RelationshipStatements,
  ) {}

  async list(sdkAppID: number, owner: string): Promise<FriendRecord[]> {
    return this.run.snapshot(() => this.st.listFriends.all(sdkAppID, owner).map((row) => friendOf(this.st, sdkAppID, owner, row)));
  }

  async get(sdkAppID: number, owner: string, userIDs: readonly string[]): Promise<FriendRecord[]> {
    return this.run.snapshot(() => {
      const found: FriendRecord[] = [];
      for (const id of new Set(userIDs)) {
        const row = this.st.getFriend.get(sdkAppID, owner, id);
        if (row !== undefined) found.push(friendOf(this.st, sdkAppID, owner, row));
      }
      return found;
    });
  }

  async ownersOf(sdkAppID: number, userID: string): Promise<string[]> {
    return this.run.snapshot(() => this.st.ownersOf.all(sdkAppID, userID).map(String));
  }

  async links(sdkAppID: number, owner: string, userIDs: readonly string[]): Promise<FriendLink[]> {
    return this.run.snapshot(() =>
      [...new Set(userIDs)].map((userID) => ({
        userID,
        inMine: this.st.getFriend.get(sdkAppID, owner, userID) !== undefined,
        inTheirs: this.st.getFriend.get(sdkAppID, userID, owner) !== undefined,
      })),
    );
  }

  async add(sdkAppID: number, edges: readonly FriendEdge[], now: number, limits: FriendLimits): Promise<FriendAddOutcome> {
    return this.run.writeForApp(sdkAppID, () => {
      const st = this.st;
      const added: FriendEdge[] = [];
      const counts = new Map<string, number>();
      for (const edge of edges) {
        if (st.getFriend.get(sdkAppID, edge.owner, edge.friend) !== undefined || added.some((e) => e.owner === edge.owner && e.friend === edge.friend)) continue;
        const count = (counts.get(edge.owner) ?? countOf(st.countFriends.get(sdkAppID, edge.owner))) + 1;
        if (count > limits.maxFriends) return { ok: false, fullOwner: edge.owner };
        counts.set(edge.owner, count);
        added.push(edge);
      }
      // Limits are checked before the first write, so a refusal leaves nothing behind.
      for (const edge of edges) st.deleteApplication.run(sdkAppID, edge.owner, edge.friend);
      for (const edge of added) {
        st.insertFriend.run(sdkAppID, edge.owner, edge.friend, edge.remark, edge.source, edge.wording, now);
        if (edge.groupName === '') continue;
        const exists = st.getGroup.get(sdkAppID, edge.owner, edge.groupName) !== undefined;
        if (!exists && countOf(st.countGroups.get(sdkAppID, edge.owner)) >= limits.maxGroups) continue;
        if (!exists) st.insertGroup.run(sdkAppID, edge.owner, edge.groupName, now);
        st.insertMember.run(sdkAppID, edge.owner, edge.groupName, edge.friend, countOf(st.nextPos.get(sdkAppID, edge.owner, edge.groupName)));
      }
      return { ok: true, added };
    });
  }

  async remove(sdkAppID: number, owner: string, userIDs: readonly string[], both: boolean): Promise<string[]> {
    return this.run.writeForApp(sdkAppID, () => {
      const removed: string[] = [];
      for (const id of new Set(userIDs)) {
        if (removeFriendRow(this.st, sdkAppID, owner, id)) removed.push(id);
        if (both) removeFriendRow(this.st, sdkAppID, id, owner);
      }
      return removed;
    });
  }

  async removeAll(sdkAppID: number, owner: string, both: boolean): Promise<string[]> {
    return this.run.writeForApp(sdkAppID, () => {
      const ids = column(this.st.listFriends.all(sdkAppID, owner), 'friend', 'friends');
      for (const id of ids) {
        removeFriendRow(this.st, sdkAppID, owner, id);
        if (both) removeFriendRow(this.st, sdkAppID, id, owner);
      }
      return ids;
    });
  }

  async update(sdkAppID: number, owner: string, userID: string, patch: FriendPatch): Promise<FriendRecord | undefined> {
    return this.run.writeForApp(sdkAppID, () => {
      const row = this.st.getFriend.get(sdkAppID, owner, userID);
      if (row === undefined) return undefined;
      const current = friendOf(this.st, sdkAppID, owner, row);
      const custom = new Map(current.customFields.map((f) => [f.key, f.value]));
      for (const f of patch.customFields ?? []) {
        if (f.value === '') custom.delete(f.key);
        else custom.set(f.key, f.value);
      }
      const customFields = [...custom].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
      const remark = patch.remark ?? current.remark;
      this.st.updateFriend.run(remark, JSON.stringify(customFields), sdkAppID, owner, userID);
      return { ...current, remark, customFields };
    });
  }
}
