/**
 * Which accounts exist, for message and group checks: the app cache's set of known accounts first,
 * the store for the rest (found ones are remembered).
 */
import type { AppState } from './app-cache.js';
import type { AccountStore } from '@parley/store';

/** Answers "does this account exist?" cheaply. */
export class AccountDirectory {
  readonly #accounts: AccountStore;

  constructor(accounts: AccountStore) {
    this.#accounts = accounts;
  }

  /** The accounts among `userIDs` that exist. */
  async existing(app: AppState, userIDs: readonly string[]): Promise<Set<string>> {
    const found = new Set(userIDs.filter((id) => app.knownAccounts.has(id)));
    const unknown = [...new Set(userIDs.filter((id) => !found.has(id)))];
    if (unknown.length > 0) {
      for (const account of await this.#accounts.get(app.app.sdkAppID, unknown)) {
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
