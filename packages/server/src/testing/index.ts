/**
 * `@parley/server/testing`: test kits for code built on the server. Imports vitest, so use it from
 * test files only.
 * @packageDocumentation
 */
export { runStoreSuite } from './store-suite.js';
export { expectParleyRejection } from './store-suite-context.js';
export type { StoreHarness, CreateStoreHarness } from './store-suite-context.js';
export { testAppRecord, TEST_LOGIN_SETTINGS, testDraft, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
export { runBrokerSuite, sampleClusterMessages } from './broker-suite.js';
export type { BrokerHarness, CreateBrokerHarness } from './broker-suite.js';
export { MemoryBus } from './memory-bus.js';
export { runSessionDirectorySuite } from './session-directory-suite.js';
export type { CreateSessionDirectory } from './session-directory-suite.js';
