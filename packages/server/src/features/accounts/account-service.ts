/**
 * The one home of accounts: sign-up at login (under the plan limit, or batched when the plan has
 * none), REST import and delete, existence checks, and the node's known-accounts state. Nothing else
 * writes accounts or that state; other parts reach it through ports (`AccountSignUp` for the
 * sessions, `AccountDirectory` for messages and groups).
 *
 * Every node keeps its own known-accounts state. A change made here is published on the
 * {@link Broker} (`accounts-created`, `accounts-deleted`) and applied by the other nodes' services.
 */
import { ParleyError } from '@parley/protocol';
import type { AccountInput, AccountStore, AppRecord } from '@parley/store';
import type { Broker, ClusterMessage } from '../../cluster/broker.js';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { AppState } from '../../directories/app-cache.js';
import type { AccountRefusal, AccountSignUp } from '../../sessions/session-types.js';
import type { Clock } from '../../time/clock.js';
import { SerialQueue } from './serial-queue.js';

/** The accounts of one app as this node knows them. */
interface AppAccounts {
  /** UserIDs known to exist (a cache: absence means "ask the store"). */
  readonly known: Set<string>;
  /** Cached account count for the plan limit, or -1 when unknown. */
  count: number;
  /**
   * Serialises account creation under the plan limit (`limits.maxAccounts`): a count check and the
   * write it allows run as one step, so concurrent sign-ups cannot both take the last place. Per node
   * on purpose for now: across nodes the store must make count-and-create one transaction, which is
   * the store's business, not the broker's.
   */
  readonly queue: SerialQueue;
}

/** Dependencies of {@link AccountService}. */
export interface AccountServiceDeps {
  readonly accounts: AccountStore;
  /** Tells the other nodes about created and deleted accounts. */
  readonly broker: Broker;
  readonly clock: Clock;
  /** Called with the accounts an import, sign-up or delete wrote on this node (their nick and avatar may have changed). */
  readonly onAccountsWritten?: (sdkAppID: number, userIDs: readonly string[]) => void;
}

/** Accounts: sign-up, import, delete, existence. */
export class AccountService implements AccountDirectory, AccountSignUp {
  readonly #d: AccountServiceDeps;
  readonly #apps = new Map<number, AppAccounts>();
  /** Auto sign-ups of unlimited apps gathered for one event-loop turn, per app (one `ensure` write each). */
  readonly #pending = new Map<number, { users: Set<string>; done: Promise<void> }>();
  readonly #unsubscribe: () => void;

  constructor(deps: AccountServiceDeps) {
    this.#d = deps;
    this.#unsubscribe = deps.broker.onMessage((m) => this.#onClusterMessage(m));
  }

  /** True if `userID` is known to exist on this node (a synchronous cache read; false means "not known yet"). */
  isKnown(sdkAppID: number, userID: string): boolean {
    return this.#apps.get(sdkAppID)?.known.has(userID) === true;
  }

  /**
   * Makes sure `userID` exists, creating it if the plan has room; resolves with the refusal when it
   * has none. Limited apps create in the app's account queue (the count checked is the count
   * changed); unlimited apps batch their sign-ups instead.
   */
  async signUp(app: AppRecord, userID: string): Promise<AccountRefusal | undefined> {
    const state = this.#state(app.sdkAppID);
    if (state.known.has(userID)) return undefined;
    const max = app.limits.maxAccounts;
    if (max === undefined) await this.#ensureBatched(app.sdkAppID, userID);
    else {
      const refused = await state.queue.run(() => this.#signUpUnderLimit(state, app.sdkAppID, userID, max));
      if (refused) return refused;
    }
    state.known.add(userID);
    return undefined;
  }

  async #signUpUnderLimit(state: AppAccounts, sdkAppID: number, userID: string, max: number): Promise<AccountRefusal | undefined> {
    if (state.known.has(userID)) return undefined;
    const store = this.#d.accounts;
    if ((await store.get(sdkAppID, [userID])).length === 0) {
      if (state.count < 0) state.count = await store.count(sdkAppID);
      if (state.count >= max) return { error: 'ERR_SVR_ACCOUNT_COUNT_LIMIT', detail: `limit ${max}` };
      await this.#ensureBatched(sdkAppID, userID);
      state.count++;
      // Other nodes' account counts are now stale.
      this.#created(state, sdkAppID, [userID]);
    }
    state.known.add(userID);
    return undefined;
  }

  /**
   * Resolves once `userID` exists in the store. During a login storm the sign-ups of one app are
   * gathered for one event-loop turn and written in one `AccountStore.ensure` call (one transaction).
   */
  #ensureBatched(sdkAppID: number, userID: string): Promise<void> {
    let batch = this.#pending.get(sdkAppID);
    if (!batch) {
      const users = new Set<string>();
      const done = new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          this.#pending.delete(sdkAppID);
          this.#d.accounts.ensure(sdkAppID, [...users], this.#d.clock.now()).then(() => resolve(), reject);
        });
      });
      batch = { users, done };
      this.#pending.set(sdkAppID, batch);
    }
    batch.users.add(userID);
    return batch.done;
  }

  /** Imports accounts (REST), refusing with 70398 the whole call when it would pass the plan limit. */
  async import(app: AppRecord, inputs: readonly AccountInput[]): Promise<void> {
    const sdkAppID = app.sdkAppID;
    const state = this.#state(sdkAppID);
    await state.queue.run(async () => {
      const max = app.limits.maxAccounts;
      if (max !== undefined) {
        const ids = inputs.map((i) => i.userID);
        const existing = await this.stored(sdkAppID, ids);
        const added = new Set(ids.filter((id) => !existing.has(id))).size;
        const count = await this.#d.accounts.count(sdkAppID);
        if (count + added > max) throw ParleyError.of('ERR_SVR_ACCOUNT_COUNT_LIMIT', `limit ${max}`);
        state.count = -1;
      }
      await this.#d.accounts.import(sdkAppID, inputs, this.#d.clock.now());
    });
    this.#created(state, sdkAppID, inputs.map((i) => i.userID));
  }

  /**
   * Deletes accounts (REST); resolves with the ones that existed. It runs in the account queue: a
   * sign-up in progress must not count from a number taken before the delete.
   */
  async delete(app: AppRecord, userIDs: readonly string[]): Promise<Set<string>> {
    const sdkAppID = app.sdkAppID;
    const state = this.#state(sdkAppID);
    return state.queue.run(async () => {
      const gone = new Set(await this.#d.accounts.delete(sdkAppID, userIDs));
      for (const id of gone) state.known.delete(id);
      state.count = -1;
      if (gone.size > 0) this.#d.broker.publish({ type: 'accounts-deleted', sdkAppID, userIDs: [...gone] });
      if (gone.size > 0) this.#d.onAccountsWritten?.(sdkAppID, [...gone]);
      return gone;
    });
  }

  /** The accounts among `userIDs` that the store holds (no cache: REST checks read the truth). */
  async stored(sdkAppID: number, userIDs: readonly string[]): Promise<Set<string>> {
    return new Set((await this.#d.accounts.get(sdkAppID, userIDs)).map((a) => a.userID));
  }

  async existing(app: AppState, userIDs: readonly string[]): Promise<Set<string>> {
    const state = this.#state(app.app.sdkAppID);
    const found = new Set(userIDs.filter((id) => state.known.has(id)));
    const unknown = [...new Set(userIDs.filter((id) => !found.has(id)))];
    if (unknown.length > 0) {
      for (const account of await this.#d.accounts.get(app.app.sdkAppID, unknown)) {
        found.add(account.userID);
        state.known.add(account.userID);
      }
    }
    return found;
  }

  async exists(app: AppState, userID: string): Promise<boolean> {
    return (await this.existing(app, [userID])).has(userID);
  }

  /** Stops listening to the other nodes. */
  stop(): void {
    this.#unsubscribe();
  }

  #state(sdkAppID: number): AppAccounts {
    let state = this.#apps.get(sdkAppID);
    if (!state) {
      state = { known: new Set(), count: -1, queue: new SerialQueue() };
      this.#apps.set(sdkAppID, state);
    }
    return state;
  }

  /** Accounts now exist: known here, and other nodes' counts are stale. */
  #created(state: AppAccounts, sdkAppID: number, userIDs: readonly string[]): void {
    for (const id of userIDs) state.known.add(id);
    if (userIDs.length > 0) this.#d.broker.publish({ type: 'accounts-created', sdkAppID, userIDs });
    if (userIDs.length > 0) this.#d.onAccountsWritten?.(sdkAppID, userIDs);
  }

  #onClusterMessage(m: ClusterMessage): void {
    if (m.type !== 'accounts-created' && m.type !== 'accounts-deleted') return;
    // A node that never looked at the app has nothing cached to correct.
    const state = this.#apps.get(m.sdkAppID);
    if (!state) return;
    for (const id of m.userIDs) {
      if (m.type === 'accounts-created') state.known.add(id);
      else state.known.delete(id);
    }
    state.count = -1;
  }
}
