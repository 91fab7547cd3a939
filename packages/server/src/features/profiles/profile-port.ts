/**
 * What the other features may use of the profiles feature: reading profiles (the relationship chain
 * reads the target's `allowType` and the nick and avatar of applicants). The composition passes the
 * profile service in.
 */
import type { WireProfile } from '@parley/protocol';

/** The profiles feature as the other features see it. */
export interface ProfilePort {
  /** The profiles of the accounts among `userIDs` that exist, in the order asked. */
  get(sdkAppID: number, userIDs: readonly string[]): Promise<WireProfile[]>;
}
