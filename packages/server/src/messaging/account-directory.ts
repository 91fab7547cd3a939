/**
 * Which accounts exist, for message and group checks: the app cache's set of known accounts first,
 * the store for the rest (found ones are remembered).
 */
import type { AppState } from '../apps/app-cache.js';
import type { Store } from '../store/index.js';

/** Answers "does this account exist?" cheaply. */
export class AccountDirectory {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The accounts among `userIDs` that exist. */
  async existing(app: AppState, userIDs: readonly string[]): Promise<Set<string>> {
    const found = new Set(userIDs.filter((id) => app.knownAccounts.has(id)));
    const unknown = [...new Set(userIDs.filter((id) => !found.has(id)))];
    if (unknown.length > 0) {
      for (const account of await this.#store.getAccounts(app.app.sdkAppID, unknown)) {
        found.add(account.userID);
        app.knownAccounts.add(account.userID);
      }
    }
    return found;
  }

  /** True if `userID` exists. */
  async exists(app: AppState, userID: string): Promise<boolean> {
    return (await this.existing(app, [userID])).has(userID);
  }
}
