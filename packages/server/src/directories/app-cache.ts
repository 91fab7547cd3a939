/**
 * In-memory view of the apps and their per-app hot state (sig invalidations), loaded
 * from the {@link Store} on first use so that a login touches no storage in the common case.
 *
 * Every node keeps its own copy. A change made here is written to the store, applied to this copy,
 * and published on the {@link Broker}; the other nodes apply it to theirs (an app record is re-read
 * from the store, the rest travels in the message).
 */
import type { Broker, ClusterMessage } from '../cluster/broker.js';
import type { AppPatch, AppRecord, SigInvalidation, Store } from '@parley/store';

/** Per-app hot state. */
export interface AppState {
  app: AppRecord;
  /** REST-kick invalidations by UserID. */
  readonly invalidations: Map<string, SigInvalidation>;
}

/** Caches apps from the store. All writes go through here so every node's cache stays true. */
export class AppCache {
  readonly #store: Store;
  readonly #broker: Broker;
  readonly #apps = new Map<number, AppState>();
  readonly #loading = new Map<number, Promise<AppState | undefined>>();
  /** Re-reads started per app, so an older re-read finishing last does not win. */
  readonly #reloads = new Map<number, number>();
  readonly #unsubscribe: () => void;

  constructor(store: Store, broker: Broker) {
    this.#store = store;
    this.#broker = broker;
    this.#unsubscribe = broker.onMessage((m) => this.#onClusterMessage(m));
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
    const state: AppState = { app, invalidations: new Map(invs.map((i) => [i.userID, i])) };
    this.#apps.set(sdkAppID, state);
    return state;
  }

  /** Creates an app in the store and the cache. */
  async create(app: AppRecord): Promise<void> {
    await this.#store.apps.create(app);
    this.#apps.delete(app.sdkAppID);
    this.#broker.publish({ type: 'app-changed', sdkAppID: app.sdkAppID });
  }

  /** Updates an app in the store, then the cache; returns the new record. */
  async update(sdkAppID: number, patch: AppPatch): Promise<AppRecord | undefined> {
    const updated = await this.#store.apps.update(sdkAppID, patch);
    const state = this.#apps.get(sdkAppID);
    if (updated && state) state.app = updated;
    if (updated) this.#broker.publish({ type: 'app-changed', sdkAppID });
    return updated;
  }

  /** Records a sig invalidation in the store and the cache. */
  async putInvalidation(sdkAppID: number, inv: SigInvalidation): Promise<void> {
    await this.#store.sigInvalidations.put(sdkAppID, inv);
    const state = await this.get(sdkAppID);
    state?.invalidations.set(inv.userID, inv);
    this.#broker.publish({ type: 'sig-invalidated', sdkAppID, invalidation: inv });
  }

  /** Stops listening to the other nodes. */
  stop(): void {
    this.#unsubscribe();
  }

  #onClusterMessage(m: ClusterMessage): void {
    switch (m.type) {
      case 'app-changed':
        return this.#withState(m.sdkAppID, () => this.#reload(m.sdkAppID));
      case 'sig-invalidated':
        return this.#withState(m.sdkAppID, (s) => s.invalidations.set(m.invalidation.userID, m.invalidation));
      // accounts-created / accounts-deleted are the accounts feature's (features/accounts/account-service.ts).
    }
  }

  /** Applies `fn` to the cached state, or once a load in flight finishes (it may have read the store too early). */
  #withState(sdkAppID: number, fn: (state: AppState) => void): void {
    const state = this.#apps.get(sdkAppID);
    if (state) fn(state);
    else void this.#loading.get(sdkAppID)?.then((s) => s && fn(s), () => undefined);
  }

  /** Re-reads an app record another node changed. */
  #reload(sdkAppID: number): void {
    const version = (this.#reloads.get(sdkAppID) ?? 0) + 1;
    this.#reloads.set(sdkAppID, version);
    this.#store.apps.get(sdkAppID).then(
      (app) => {
        if (this.#reloads.get(sdkAppID) !== version) return;
        const state = this.#apps.get(sdkAppID);
        if (state && app) state.app = app;
        else this.#apps.delete(sdkAppID);
      },
      // Unreadable now: drop the copy, the next use loads it again.
      () => this.#apps.delete(sdkAppID),
    );
  }
}
