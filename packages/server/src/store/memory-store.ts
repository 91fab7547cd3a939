/**
 * `MemoryStore`: the {@link Store} kept in process memory, for tests and ephemeral servers. Nothing
 * survives the process. Every method works synchronously inside, so concurrent calls are atomic.
 */
import { ParleyError, type WireMemberRole } from '@parley/protocol';
import { MemoryGroups } from './memory-groups.js';
import { MemoryMessaging } from './memory-messaging.js';
import type { AddMemberResult, GroupApplication, GroupMemberRecord, GroupPatch, GroupRecord, GroupView, JoinedGroup } from './store-groups.js';
import type {
  AppendOutcome,
  ConversationPatch,
  ConversationView,
  HistoryPage,
  HistoryRange,
  InboxPage,
  MessageDraft,
} from './store-messages.js';
import type { AccountInput, AccountRecord, AppPatch, AppRecord, DailyStats, SigInvalidation, Store } from './store.js';
import {
  assertConnections,
  assertUtcDay,
  copyAppRecord,
  copySigInvalidation,
  freezeAccount,
  freezeAppRecord,
  freezeSigInvalidation,
  patchAppRecord,
} from './store-records.js';

/** Everything stored for one app. Stored values are frozen copies; callers only ever get copies. */
interface AppState {
  record: AppRecord;
  readonly accounts: Map<string, AccountRecord>;
  readonly sigInvalidations: Map<string, SigInvalidation>;
  /** day → distinct active UserIDs. */
  readonly dailyActive: Map<string, Set<string>>;
  /** day → peak concurrent connections. */
  readonly dailyPeak: Map<string, number>;
  readonly messaging: MemoryMessaging;
  readonly groups: MemoryGroups;
}

/**
 * In-memory {@link Store}. Records are deep-copied and frozen on the way in and copied on the way out,
 * so mutating an argument or a result never changes stored state.
 *
 * @example
 * ```ts
 * const store = new MemoryStore();
 * await store.createApp(app);
 * ```
 */
export class MemoryStore implements Store {
  readonly #apps = new Map<number, AppState>();
  #closed = false;

  async createApp(app: AppRecord): Promise<void> {
    this.#assertOpen();
    if (this.#apps.has(app.sdkAppID)) {
      throw ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `SDKAppID ${app.sdkAppID} already exists`);
    }
    const groups = new MemoryGroups();
    const messaging = new MemoryMessaging(groups);
    groups.connect(messaging);
    this.#apps.set(app.sdkAppID, {
      record: freezeAppRecord(app),
      accounts: new Map(),
      sigInvalidations: new Map(),
      dailyActive: new Map(),
      dailyPeak: new Map(),
      messaging,
      groups,
    });
  }

  async getApp(sdkAppID: number): Promise<AppRecord | undefined> {
    this.#assertOpen();
    const state = this.#apps.get(sdkAppID);
    return state === undefined ? undefined : copyAppRecord(state.record);
  }

  async listApps(): Promise<AppRecord[]> {
    this.#assertOpen();
    return [...this.#apps.values()].map((state) => copyAppRecord(state.record)).sort((a, b) => a.sdkAppID - b.sdkAppID);
  }

  async updateApp(sdkAppID: number, patch: AppPatch): Promise<AppRecord | undefined> {
    this.#assertOpen();
    const state = this.#apps.get(sdkAppID);
    if (state === undefined) return undefined;
    state.record = patchAppRecord(state.record, patch);
    return copyAppRecord(state.record);
  }

  async importAccounts(sdkAppID: number, accounts: readonly AccountInput[], now: number): Promise<void> {
    const state = this.#existingApp(sdkAppID);
    for (const input of accounts) {
      const existing = state.accounts.get(input.userID);
      state.accounts.set(
        input.userID,
        freezeAccount({
          userID: input.userID,
          nick: input.nick ?? existing?.nick ?? '',
          faceUrl: input.faceUrl ?? existing?.faceUrl ?? '',
          createdAt: existing?.createdAt ?? now,
        }),
      );
    }
  }

  async ensureAccounts(sdkAppID: number, userIDs: readonly string[], now: number): Promise<string[]> {
    const state = this.#existingApp(sdkAppID);
    const created: string[] = [];
    for (const userID of userIDs) {
      if (state.accounts.has(userID)) continue;
      state.accounts.set(userID, freezeAccount({ userID, nick: '', faceUrl: '', createdAt: now }));
      created.push(userID);
    }
    return created;
  }

  async getAccounts(sdkAppID: number, userIDs: readonly string[]): Promise<AccountRecord[]> {
    this.#assertOpen();
    const state = this.#apps.get(sdkAppID);
    if (state === undefined) return [];
    const found: AccountRecord[] = [];
    for (const userID of new Set(userIDs)) {
      const account = state.accounts.get(userID);
      if (account !== undefined) found.push({ ...account });
    }
    return found;
  }

  async deleteAccounts(sdkAppID: number, userIDs: readonly string[]): Promise<string[]> {
    this.#assertOpen();
    const state = this.#apps.get(sdkAppID);
    if (state === undefined) return [];
    return userIDs.filter((userID) => state.accounts.delete(userID));
  }

  async countAccounts(sdkAppID: number): Promise<number> {
    this.#assertOpen();
    return this.#apps.get(sdkAppID)?.accounts.size ?? 0;
  }

  async putSigInvalidation(sdkAppID: number, invalidation: SigInvalidation): Promise<void> {
    const state = this.#existingApp(sdkAppID);
    state.sigInvalidations.set(invalidation.userID, freezeSigInvalidation(invalidation));
  }

  async listSigInvalidations(sdkAppID: number): Promise<SigInvalidation[]> {
    this.#assertOpen();
    const state = this.#apps.get(sdkAppID);
    return state === undefined ? [] : [...state.sigInvalidations.values()].map(copySigInvalidation);
  }

  async recordDailyActive(sdkAppID: number, day: string, userIDs: readonly string[]): Promise<void> {
    const state = this.#existingApp(sdkAppID);
    assertUtcDay(day, 'day');
    if (userIDs.length === 0) return;
    let users = state.dailyActive.get(day);
    if (users === undefined) {
      users = new Set();
      state.dailyActive.set(day, users);
    }
    for (const userID of userIDs) users.add(userID);
  }

  async recordPeakConnections(sdkAppID: number, day: string, connections: number): Promise<void> {
    const state = this.#existingApp(sdkAppID);
    assertUtcDay(day, 'day');
    assertConnections(connections);
    if (connections > (state.dailyPeak.get(day) ?? 0)) state.dailyPeak.set(day, connections);
  }

  async getDailyStats(sdkAppID: number, fromDay: string, toDay: string): Promise<DailyStats[]> {
    this.#assertOpen();
    assertUtcDay(fromDay, 'fromDay');
    assertUtcDay(toDay, 'toDay');
    const state = this.#apps.get(sdkAppID);
    if (state === undefined) return [];
    const days = new Set([...state.dailyActive.keys(), ...state.dailyPeak.keys()]);
    return [...days]
      .filter((day) => day >= fromDay && day <= toDay)
      .sort()
      .map((day) => ({
        day,
        activeUsers: state.dailyActive.get(day)?.size ?? 0,
        peakConnections: state.dailyPeak.get(day) ?? 0,
      }));
  }

  async appendMessages(sdkAppID: number, drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    return this.#existingApp(sdkAppID).messaging.append(drafts);
  }

  async syncInbox(sdkAppID: number, userID: string, cursor: number, count: number): Promise<InboxPage> {
    return this.#app(sdkAppID)?.messaging.syncInbox(userID, cursor, count) ?? { messages: [], cursor, isCompleted: true };
  }

  async inboxHead(sdkAppID: number, userID: string): Promise<number> {
    return this.#app(sdkAppID)?.messaging.inboxHead(userID) ?? 0;
  }

  async getHistory(sdkAppID: number, userID: string, conversationID: string, range: HistoryRange): Promise<HistoryPage> {
    return this.#app(sdkAppID)?.messaging.history(userID, conversationID, range) ?? { messages: [], isCompleted: true };
  }

  async getConversations(sdkAppID: number, userID: string, conversationIDs?: readonly string[]): Promise<ConversationView[]> {
    const app = this.#app(sdkAppID);
    if (app === undefined) return [];
    return app.messaging.conversations(userID, conversationIDs);
  }

  async updateConversations(sdkAppID: number, userID: string, patches: readonly { readonly conversationID: string; readonly patch: ConversationPatch }[]): Promise<void> {
    this.#existingApp(sdkAppID).messaging.updateConversations(userID, patches);
  }

  async deleteMessages(sdkAppID: number, userID: string, conversationID: string, seqs: readonly number[]): Promise<void> {
    this.#existingApp(sdkAppID).messaging.deleteMessages(userID, conversationID, seqs);
  }

  async createGroup(sdkAppID: number, group: GroupRecord, members: readonly GroupMemberRecord[]): Promise<GroupView> {
    return this.#existingApp(sdkAppID).groups.create(group, members);
  }

  async getGroup(sdkAppID: number, groupID: string): Promise<GroupView | undefined> {
    return this.#app(sdkAppID)?.groups.get(groupID);
  }

  async updateGroup(sdkAppID: number, groupID: string, patch: GroupPatch): Promise<GroupView | undefined> {
    return this.#existingApp(sdkAppID).groups.update(groupID, patch);
  }

  async deleteGroup(sdkAppID: number, groupID: string): Promise<string[] | undefined> {
    return this.#existingApp(sdkAppID).groups.delete(groupID);
  }

  async addGroupMembers(sdkAppID: number, groupID: string, members: readonly GroupMemberRecord[], limit: number): Promise<AddMemberResult[]> {
    return this.#existingApp(sdkAppID).groups.addMembers(groupID, members, limit);
  }

  async removeGroupMembers(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<string[]> {
    return this.#existingApp(sdkAppID).groups.removeMembers(groupID, userIDs);
  }

  async setGroupMemberRole(sdkAppID: number, groupID: string, userID: string, role: WireMemberRole): Promise<boolean> {
    return this.#existingApp(sdkAppID).groups.setRole(groupID, userID, role);
  }

  async getGroupMembers(sdkAppID: number, groupID: string, userIDs: readonly string[]): Promise<GroupMemberRecord[]> {
    return this.#app(sdkAppID)?.groups.getMembers(groupID, userIDs) ?? [];
  }

  async listGroupMembers(sdkAppID: number, groupID: string, offset: number, count: number): Promise<GroupMemberRecord[]> {
    return this.#app(sdkAppID)?.groups.listMembers(groupID, offset, count) ?? [];
  }

  async listJoinedGroups(sdkAppID: number, userID: string): Promise<JoinedGroup[]> {
    return this.#app(sdkAppID)?.groups.listJoined(userID) ?? [];
  }

  async putGroupApplication(sdkAppID: number, groupID: string, application: GroupApplication): Promise<void> {
    this.#existingApp(sdkAppID).groups.putApplication(groupID, application);
  }

  async listGroupApplications(sdkAppID: number, groupID: string): Promise<GroupApplication[]> {
    return this.#app(sdkAppID)?.groups.listApplications(groupID) ?? [];
  }

  async deleteGroupApplication(sdkAppID: number, groupID: string, userID: string): Promise<boolean> {
    return this.#existingApp(sdkAppID).groups.deleteApplication(groupID, userID);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  /** The state of an app for a read (`undefined` when unknown; rejects once closed). */
  #app(sdkAppID: number): AppState | undefined {
    this.#assertOpen();
    return this.#apps.get(sdkAppID);
  }

  #assertOpen(): void {
    if (this.#closed) throw ParleyError.of('PARLEY_SERVER_SHUTTING_DOWN', 'the store is closed');
  }

  /** The state of an app that must exist because the call would store data under it. */
  #existingApp(sdkAppID: number): AppState {
    this.#assertOpen();
    const state = this.#apps.get(sdkAppID);
    if (state === undefined) throw ParleyError.of('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', `SDKAppID ${sdkAppID}`);
    return state;
  }
}
