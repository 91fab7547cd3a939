/**
 * `@parley/server/testing`: conformance suites for the server's cluster seams (the `Broker` and the
 * `SessionDirectory`), and an in-process bus for multi-node tests. Imports vitest, so use it from
 * test files only. The store's suite lives in `@parley/store/testing`.
 * @packageDocumentation
 */
export { runBrokerSuite, sampleClusterMessages } from './broker-suite.js';
export type { BrokerHarness, CreateBrokerHarness } from './broker-suite.js';
export { MemoryBus } from './memory-bus.js';
export { runSessionDirectorySuite } from './session-directory-suite.js';
export type { CreateSessionDirectory } from './session-directory-suite.js';
