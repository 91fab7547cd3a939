/**
 * `MemoryStore`: the {@link Store} kept in process memory, for tests and ephemeral servers. Nothing
 * survives the process. Every method works synchronously inside, so concurrent calls are atomic.
 */
import { ParleyError } from '@parley/protocol';
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
    this.#apps.set(app.sdkAppID, {
      record: freezeAppRecord(app),
      accounts: new Map(),
      sigInvalidations: new Map(),
      dailyActive: new Map(),
      dailyPeak: new Map(),
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

  async close(): Promise<void> {
    this.#closed = true;
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
