/**
 * The Store conformance suite: the executable specification every {@link Store} backend must pass.
 * It is composed of one part per sub-store (plus the lifecycle), so a new backend can be brought up
 * one sub-store at a time with `only`. It registers vitest `describe`/`it` blocks, so call it at the
 * top level of a test file.
 */
import { describe } from 'vitest';
import type { Store } from '../index.js';
import { describeAccountContract } from './account-store-suite.js';
import { describeAppContract } from './app-store-suite.js';
import { describeConversationContract } from './conversation-store-suite.js';
import { describeGroupApplicationContract } from './group-application-store-suite.js';
import { describeGroupMemberContract } from './group-member-store-suite.js';
import { describeGroupContract } from './group-store-suite.js';
import { describeMessageContract } from './message-store-suite.js';
import { describeProfileContract } from './profile-store-suite.js';
import { describeBlacklistContract } from './blacklist-store-suite.js';
import { describeFriendApplicationContract } from './friend-application-store-suite.js';
import { describeFriendContract, describeFriendGroupContract } from './friend-store-suite.js';
import { describeSigInvalidationContract } from './sig-invalidation-store-suite.js';
import { describeLifecycleContract } from './store-lifecycle-suite.js';
import { useStoreFixture, type CreateStoreHarness, type StoreFixture } from './store-suite-context.js';
import { describeUsageContract } from './usage-store-suite.js';
import { describeUserStatusContract } from './user-status-store-suite.js';
import { describeFollowContract } from './follow-store-suite.js';
import { describeProfileFieldContract } from './profile-field-store-suite.js';

/** A part of the suite: one per sub-store of {@link Store}, plus `lifecycle` (close and reopen, every part). */
export type StoreSuitePart = Exclude<keyof Store, 'close'> | 'lifecycle';

/** The parts in the order they run, each with the function that registers its tests. */
const PARTS: readonly (readonly [StoreSuitePart, (fx: StoreFixture) => void])[] = [
  ['apps', describeAppContract],
  ['accounts', describeAccountContract],
  ['sigInvalidations', describeSigInvalidationContract],
  ['usage', describeUsageContract],
  ['messages', describeMessageContract],
  ['conversations', describeConversationContract],
  ['groups', describeGroupContract],
  ['groupMembers', describeGroupMemberContract],
  ['groupApplications', describeGroupApplicationContract],
  ['profiles', describeProfileContract],
  ['userStatus', describeUserStatusContract],
  ['follows', describeFollowContract],
  ['friends', describeFriendContract],
  ['friendApplications', describeFriendApplicationContract],
  ['friendGroups', describeFriendGroupContract],
  ['blacklist', describeBlacklistContract],
  ['profileFields', describeProfileFieldContract],
  ['lifecycle', describeLifecycleContract],
];

/** Options of {@link runStoreSuite}. */
export interface StoreSuiteOptions {
  /**
   * Runs only these parts, e.g. while a backend implements its first sub-stores. Most parts also
   * create apps (`apps`) and several write messages, so bring those up first. @default every part
   */
  readonly only?: readonly StoreSuitePart[];
}

/**
 * Runs the Store conformance suite.
 *
 * @param name - Shown in the test names, e.g. `'SqliteStore (:memory:)'` or `'SqliteStore (file)'`.
 * @param create - Called once per test for a new, empty store. Return `reopen` when the storage
 *   survives `close()`; the suite then also checks that everything is still there after a reopen.
 *   Every store the suite gets is closed after its test.
 * @param options - Which parts to run.
 *
 * @example
 * ```ts
 * runStoreSuite('SqliteStore (:memory:)', async () => ({ store: await openSqliteStore({ path: ':memory:' }) }));
 * ```
 */
export function runStoreSuite(name: string, create: CreateStoreHarness, options: StoreSuiteOptions = {}): void {
  const only = options.only === undefined ? undefined : new Set(options.only);
  describe(`Store conformance: ${name}`, () => {
    const fx = useStoreFixture(create);
    for (const [part, describePart] of PARTS) if (only === undefined || only.has(part)) describePart(fx);
  });
}
