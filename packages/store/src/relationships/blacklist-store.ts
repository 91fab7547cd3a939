/**
 * The blacklist part of the `Store`: the users each user blocks. Blocking ends the friendship both
 * ways and drops pending applications between the two, in the same transaction (Tencent: "If users A
 * and B are friends, either one adding the other to the blocklist removes them from each other's
 * friend list", https://tencentcloud.com/document/product/1047/34911).
 */

/** One blocked user. */
export interface BlacklistEntry {
  readonly userID: string;
  /** When it was blocked, ms since the epoch. */
  readonly addTime: number;
}

/** Blacklists. An unknown app reads as empty; writes for it reject with 70020. */
export interface BlacklistStore {
  /** The users `owner` blocks, oldest first (then by UserID). */
  list(sdkAppID: number, owner: string): Promise<BlacklistEntry[]>;
  /**
   * Adds those of `userIDs` not yet blocked, at `now` (ms), ending friendships (both ways, out of
   * friend groups) and applications between `owner` and each; resolves the UserIDs added, or
   * `undefined` (nothing written) when the list would exceed `max`.
   */
  add(sdkAppID: number, owner: string, userIDs: readonly string[], now: number, max: number): Promise<string[] | undefined>;
  /** Removes those of `userIDs` that are blocked; resolves them. */
  remove(sdkAppID: number, owner: string, userIDs: readonly string[]): Promise<string[]>;
  /** True when `owner` blocks `userID`: one indexed lookup, on the C2C send path. */
  blocks(sdkAppID: number, owner: string, userID: string): Promise<boolean>;
  /** Of `userIDs`, those that block `owner`. */
  blockedBy(sdkAppID: number, owner: string, userIDs: readonly string[]): Promise<Set<string>>;
}
