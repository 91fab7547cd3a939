/**
 * Coalesces auto sign-ups: every login of a not-yet-known user needs "create the account if missing";
 * during a login storm those requests are gathered for one event-loop turn and written in one
 * `AccountStore.ensure` call (one transaction) instead of one write each.
 */
import type { AccountStore } from '@parley/store';

/** Batches `AccountStore.ensure` calls per app. */
export class AccountBatcher {
  readonly #accounts: AccountStore;
  readonly #now: () => number;
  readonly #pending = new Map<number, { users: Set<string>; done: Promise<void> }>();

  constructor(accounts: AccountStore, now: () => number) {
    this.#accounts = accounts;
    this.#now = now;
  }

  /** Resolves once `userID` exists in the store (created now or before). */
  ensure(sdkAppID: number, userID: string): Promise<void> {
    let batch = this.#pending.get(sdkAppID);
    if (!batch) {
      const users = new Set<string>();
      const done = new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          this.#pending.delete(sdkAppID);
          this.#accounts.ensure(sdkAppID, [...users], this.#now()).then(() => resolve(), reject);
        });
      });
      batch = { users, done };
      this.#pending.set(sdkAppID, batch);
    }
    batch.users.add(userID);
    return batch.done;
  }
}
