/**
 * The persistence seam of the server: the {@link Store} interface, its record types and the
 * in-memory implementation.
 * @packageDocumentation
 */
export type {
  Store,
  AppRecord,
  AppPatch,
  AppStatus,
  AppLimits,
  LoginSettings,
  AccountRecord,
  AccountInput,
  SigInvalidation,
  DailyStats,
} from './store.js';
export { MemoryStore } from './memory-store.js';
export { isUtcDay } from './store-records.js';
