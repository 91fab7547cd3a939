/**
 * Reads groups and keeps each group's member roles in memory, so that sends and deliveries do not
 * read the member list from the store every time. Every membership change goes through the group
 * services, which call {@link GroupDirectory.invalidate}: it forgets the list here and publishes
 * `membership-changed` so every other node forgets its copy too.
 */
import type { WireMemberRole } from '@parley/protocol';
import type { Broker } from '../cluster/broker.js';
import type { GroupMemberStore, GroupStore, GroupView, Store } from '@parley/store';

/** Page size when loading a member list. */
const LOAD_PAGE = 5000;

/** Groups and their cached member lists. */
export class GroupDirectory {
  readonly #groups: GroupStore;
  readonly #memberStore: GroupMemberStore;
  readonly #members = new Map<string, ReadonlyMap<string, WireMemberRole>>();
  /** Bumped on every change, so a load that raced a change is not cached. */
  readonly #versions = new Map<string, number>();
  readonly #broker: Broker;
  readonly #unsubscribe: () => void;

  /** Reads groups and members through the two parts of `store` it needs. */
  constructor(store: Pick<Store, 'groups' | 'groupMembers'>, broker: Broker) {
    this.#groups = store.groups;
    this.#memberStore = store.groupMembers;
    this.#broker = broker;
    this.#unsubscribe = broker.onMessage((m) => {
      if (m.type === 'membership-changed') this.#forget(m.sdkAppID, m.groupID);
    });
  }

  /** The group, read from the store (`undefined` when it does not exist). */
  group(sdkAppID: number, groupID: string): Promise<GroupView | undefined> {
    return this.#groups.get(sdkAppID, groupID);
  }

  /** Members of a group and their roles (empty for an unknown group). */
  async members(sdkAppID: number, groupID: string): Promise<ReadonlyMap<string, WireMemberRole>> {
    const key = `${sdkAppID}:${groupID}`;
    const hit = this.#members.get(key);
    if (hit) return hit;
    const version = this.#versions.get(key) ?? 0;
    const loaded = new Map<string, WireMemberRole>();
    for (let offset = 0; ; offset += LOAD_PAGE) {
      const page = await this.#memberStore.list(sdkAppID, groupID, offset, LOAD_PAGE);
      for (const m of page) loaded.set(m.userID, m.role);
      if (page.length < LOAD_PAGE) break;
    }
    if ((this.#versions.get(key) ?? 0) === version) this.#members.set(key, loaded);
    return loaded;
  }

  /** The caller's role in a group, or `undefined` when not a member. */
  async roleOf(sdkAppID: number, groupID: string, userID: string): Promise<WireMemberRole | undefined> {
    return (await this.members(sdkAppID, groupID)).get(userID);
  }

  /** Forgets what is cached about a group, here and on every node (call after any membership or role change). */
  invalidate(sdkAppID: number, groupID: string): void {
    this.#forget(sdkAppID, groupID);
    this.#broker.publish({ type: 'membership-changed', sdkAppID, groupID });
  }

  /** Stops listening to the other nodes. */
  stop(): void {
    this.#unsubscribe();
  }

  #forget(sdkAppID: number, groupID: string): void {
    const key = `${sdkAppID}:${groupID}`;
    this.#members.delete(key);
    this.#versions.set(key, (this.#versions.get(key) ?? 0) + 1);
  }
}
