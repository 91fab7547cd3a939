/**
 * What the other features may use of the relationship chain: the blacklist check of a C2C send
 * (Tencent answers 20007 when the recipient blocks the sender). The messages feature depends on this
 * port; the composition passes the blacklist service in.
 */

/** The blacklist as the messages feature sees it. */
export interface BlacklistCheck {
  /** True when `owner` blocks `userID` (one indexed lookup). */
  blocks(sdkAppID: number, owner: string, userID: string): Promise<boolean>;
}
