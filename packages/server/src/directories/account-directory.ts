/**
 * The port through which messages and groups ask which accounts exist. The accounts feature
 * (`features/accounts/account-service.ts`) implements it: it owns the known-accounts state, so this
 * file holds only the question.
 */
import type { AppState } from './app-cache.js';

/** Answers "does this account exist?" cheaply (a node-local cache first, the store for the rest). */
export interface AccountDirectory {
  /** The accounts among `userIDs` that exist. */
  existing(app: AppState, userIDs: readonly string[]): Promise<Set<string>>;
  /** True if `userID` exists. */
  exists(app: AppState, userID: string): Promise<boolean>;
}
