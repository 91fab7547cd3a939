/**
 * The readiness gate of the web API: until `SDK_READY`, only the methods whose table entry says
 * they work before ready run; any other method returns a rejected Promise with the not-ready
 * reason as its code (2024 before any login, 3001 after a failed login, 3002/3003/3004/3006 after
 * a kick, 3005 after logout) and emits `ERROR`. The whitelists below are read from the method
 * tables' flags, so they cannot disagree with which methods the instance gates.
 */
import { namesWith, notReadyError, type GateSubject, type MethodTable } from '../session/method-table.js';
import { CHAT_METHOD_TABLES } from './method-tables.js';

export { notReadyError, type GateSubject } from '../session/method-table.js';

/** Every public-method table of the instance. */
export const METHOD_TABLES: readonly MethodTable<never>[] = Object.values(CHAT_METHOD_TABLES);

/**
 * Names in Tencent's runtime whitelist that Parley does not implement yet. When one lands, its
 * table entry is `whitelisted(...)` and it leaves this list.
 */
const WHITELISTED_LATER = ['ready', 'getGroupOnlineMemberCount', 'addSignalingListener', 'removeSignalingListener'];

/** APIs that work before `SDK_READY` (Tencent's runtime whitelist plus `once` and `use`). */
export const READY_WHITELIST: ReadonlySet<string> = new Set([...namesWith(METHOD_TABLES, 'whitelist'), ...WHITELISTED_LATER]);

/**
 * Conversation reads that answer from the local list and so work before `SDK_READY` too:
 * Parley's addition to Tencent's whitelist. They are never gated.
 */
export const PRE_READY_READS: ReadonlySet<string> = new Set(namesWith(METHOD_TABLES, 'local'));

/**
 * Runs `run` when the subject is ready; otherwise reports and returns a rejected Promise, even
 * for synchronous APIs (Tencent's runtime does the same, and apps rely on the code it carries).
 * @throws Error when `apiName` is whitelisted or a pre-ready read: such an API must not be gated (a programming error).
 */
export function gate<T>(subject: GateSubject, apiName: string, run: () => T): T | Promise<never> {
  if (READY_WHITELIST.has(apiName) || PRE_READY_READS.has(apiName)) throw new Error(`gate(): ${apiName} works before SDK_READY and must not be gated`);
  if (subject.isReady) return run();
  const error = notReadyError(apiName, subject.notReadyReason);
  subject.reportError(error);
  return Promise.reject(error);
}
