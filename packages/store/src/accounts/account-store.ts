/** The accounts part of the `Store`: the users of each application. */

/** One account (user) of an application. */
export interface AccountRecord {
  readonly userID: string;
  readonly nick: string;
  readonly faceUrl: string;
  /** Creation time, ms since the epoch. */
  readonly createdAt: number;
}

/** Input for importing an account. */
export interface AccountInput {
  readonly userID: string;
  readonly nick?: string;
  readonly faceUrl?: string;
}

/** Accounts. Each call is atomic: a batch is written completely or not at all. */
export interface AccountStore {
  /**
   * Creates the accounts that do not exist and updates nick/faceUrl of those that do (when given;
   * `''` counts as given). Repeated entries apply in order. `now` is the creation time, ms.
   */
  import(sdkAppID: number, accounts: readonly AccountInput[], now: number): Promise<void>;
  /** Creates the accounts that do not exist, leaving others untouched; returns the UserIDs it created (each once). */
  ensure(sdkAppID: number, userIDs: readonly string[], now: number): Promise<string[]>;
  /** The accounts among `userIDs` that exist, each once. */
  get(sdkAppID: number, userIDs: readonly string[]): Promise<AccountRecord[]>;
  /** Deletes accounts; returns the UserIDs that existed and were deleted. */
  delete(sdkAppID: number, userIDs: readonly string[]): Promise<string[]>;
  /** Number of accounts of the app (0 for an unknown app). */
  count(sdkAppID: number): Promise<number>;
}
