/**
 * The Store conformance suite: the executable specification every {@link Store} implementation must
 * pass. It registers vitest `describe`/`it` blocks, so call it at the top level of a test file.
 */
import { describe } from 'vitest';
import { describeAccountContract } from './store-suite-accounts.js';
import { describeAppContract } from './store-suite-apps.js';
import { describeConversationContract } from './store-suite-conversations.js';
import { describeGroupContract } from './store-suite-groups.js';
import { describeMessageContract } from './store-suite-messages.js';
import { useStoreFixture, type CreateStoreHarness } from './store-suite-context.js';
import { describeLifecycleContract } from './store-suite-lifecycle.js';
import { describeUsageContract } from './store-suite-usage.js';

/**
 * Runs the Store conformance suite.
 *
 * @param name - Shown in the test names, e.g. `'MemoryStore'` or `'SqliteStore (file)'`.
 * @param create - Called once per test for a new, empty store. Return `reopen` when the storage
 *   survives `close()`; the suite then also checks that everything is still there after a reopen.
 *   Every store the suite gets is closed after its test.
 *
 * @example
 * ```ts
 * runStoreSuite('MemoryStore', async () => ({ store: new MemoryStore() }));
 * ```
 */
export function runStoreSuite(name: string, create: CreateStoreHarness): void {
  describe(`Store conformance: ${name}`, () => {
    const fx = useStoreFixture(create);
    describeAppContract(fx);
    describeAccountContract(fx);
    describeUsageContract(fx);
    describeMessageContract(fx);
    describeConversationContract(fx);
    describeGroupContract(fx);
    describeLifecycleContract(fx);
  });
}
