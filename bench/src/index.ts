/**
 * `@parley/bench`: side-by-side benchmarks of Parley against a bare `ws` floor, ejabberd and
 * Prosody: W1 login storm, W4 kick-out, W5 reconnect storm, and (Parley vs the floor) W2 1:1
 * messages and W3 group fan-out.
 * The `parley bench` CLI command calls {@link runBench}.
 * @packageDocumentation
 */
export { runBench, BenchUsageError } from './run-bench.js';
export type { RunBenchIO } from './run-bench.js';
export { parseBenchOptions, timestampName, WORKLOAD_NAMES, WORKLOAD_SYSTEMS, DEFAULT_USERS, DEFAULT_GROUP_SIZES, MAX_USERS } from './bench-options.js';
export type { BenchOptions, WorkloadName } from './bench-options.js';
export { SYSTEM_NAMES } from './systems/system-types.js';
export type { SystemName } from './systems/system-types.js';
export type { BenchSummary, RunFailure } from './report/results-writer.js';
export type { LoginStormRun, StormTotals } from './workloads/login-storm-workload.js';
export type { KickRun } from './workloads/kick-workload.js';
export type { PairsRun } from './workloads/pairs-workload.js';
export type { FanoutRun } from './workloads/fanout-workload.js';
export type { ReconnectRun, ReconnectPhase } from './workloads/reconnect-workload.js';
export type { ProfileSummary, ProfileEntry } from './report/profile-summary.js';
export { summarizeCpuProfile } from './report/profile-summary.js';
export type { Distribution } from './report/stats.js';
