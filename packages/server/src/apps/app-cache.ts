/**
 * In-memory view of the apps and their per-app hot state (sig invalidations, known accounts), loaded
 * from the {@link Store} on first use so that a login touches no storage in the common case.
 */
import type { AppPatch, AppRecord, SigInvalidation, Store } from '@parley/store';
import { SerialQueue } from './serial-queue.js';

/** Per-app hot state. */
export interface AppState {
  app: AppRecord;
  /** REST-kick invalidations by UserID. */
  readonly invalidations: Map<string, SigInvalidation>;
  /** UserIDs known to exist (a cache: absence means "ask the store"). */
  readonly knownAccounts: Set<string>;
  /** Cached account count for the plan limit, or -1 when unknown. */
  accountCount: number;
  /**
   * Serialises account creation under the plan limit (`limits.maxAccounts`): a count check and the
   * write it allows run as one step, so concurrent sign-ups cannot both take the last place.
   */
  readonly accountLimit: SerialQueue;
}

/** Caches apps from the store. All writes go through here so the cache stays true on one node. */
export class AppCache {
  readonly #store: Store;
  readonly #apps = new Map<number, AppState>();
  readonly #loading = new Map<number, Promise<AppState | undefined>>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** The underlying store, for reads the cache does not keep (accounts). */
  get store(): Store {
    return this.#store;
  }

  /** The app's state, loading it from the store on first use; `undefined` if the app does not exist. */
  get(sdkAppID: number): AppState | undefined | Promise<AppState | undefined> {
    const hit = this.#apps.get(sdkAppID);
    if (hit) return hit;
    let pending = this.#loading.get(sdkAppID);
    if (!pending) {
      pending = this.#load(sdkAppID).finally(() => this.#loading.delete(sdkAppID));
      this.#loading.set(sdkAppID, pending);
    }
    return pending;
  }

  async #load(sdkAppID: number): Promise<AppState | undefined> {
    const app = await this.#store.apps.get(sdkAppID);
    if (!app) return undefined;
    const invs = await this.#store.sigInvalidations.list(sdkAppID);
    const state: AppState = { app, invalidations: new Map(invs.map((i) => [i.userID, i])), knownAccounts: new Set(), accountCount: -1, accountLimit: new SerialQueue() };
    this.#apps.set(sdkAppID, state);
    return state;
  }

  /** Creates an app in the store and the cache. */
  async create(app: AppRecord): Promise<void> {
    await this.#store.apps.create(app);
    this.#apps.delete(app.sdkAppID);
  }

  /** Updates an app in the store, then the cache; returns the new record. */
  async update(sdkAppID: number, patch: AppPatch): Promise<AppRecord | undefined> {
    const updated = await this.#store.apps.update(sdkAppID, patch);
    const state = this.#apps.get(sdkAppID);
    if (updated && state) state.app = updated;
    return updated;
  }

  /** Records a sig invalidation in the store and the cache. */
  async putInvalidation(sdkAppID: number, inv: SigInvalidation): Promise<void> {
    await this.#store.sigInvalidations.put(sdkAppID, inv);
    const state = await this.get(sdkAppID);
    state?.invalidations.set(inv.userID, inv);
  }
}
