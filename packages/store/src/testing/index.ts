/**
 * `@parley/store/testing`: the Store conformance suite and record builders for tests of anything
 * that uses a `Store`. Imports vitest, so use it from test files only.
 * @packageDocumentation
 */
export { runStoreSuite } from './run-store-suite.js';
export type { StoreSuiteOptions, StoreSuitePart } from './run-store-suite.js';
export { expectParleyRejection } from './store-suite-context.js';
export type { StoreHarness, CreateStoreHarness } from './store-suite-context.js';
export { testAppRecord, TEST_LOGIN_SETTINGS, testDraft, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
