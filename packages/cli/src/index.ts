/**
 * `@parley/cli`: the `parley` command. The composition root: the only package that wires a concrete
 * Store into the server.
 * @packageDocumentation
 */
export { buildProgram, CLI_VERSION } from './program.js';
export { ensureServeApp } from './serve-command.js';
export type { ServeOptions } from './serve-command.js';
export { describeApp } from './app-command.js';
export { dataDir, openDataStore, DEFAULT_DATA_DIR } from './data-dir.js';
