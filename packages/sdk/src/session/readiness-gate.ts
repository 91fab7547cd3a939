/**
 * The readiness gate of the web API (reference §1.2): until `SDK_READY`, only whitelisted APIs
 * run; any other API returns a rejected Promise with the not-ready reason as its code (2024
 * before any login, 3001 after a failed login, 3002/3003/3004/3006 after a kick, 3005 after
 * logout) and emits `ERROR`. Every non-whitelisted method goes through {@link gate}, so a new
 * API is gated by writing `return this.guard('name', () => ...)`.
 */
import { describeError, ParleyError } from '@parley/protocol';

/** APIs that work before `SDK_READY` (Tencent's runtime whitelist plus `once` and `use`). */
export const READY_WHITELIST: ReadonlySet<string> = new Set([
  'login',
  'logout',
  'getLoginUser',
  'destroy',
  'on',
  'off',
  'once',
  'ready',
  'setLogLevel',
  'joinGroup',
  'quitGroup',
  'registerPlugin',
  'getGroupOnlineMemberCount',
  'isReady',
  'addSignalingListener',
  'removeSignalingListener',
  'callExperimentalAPI',
  'use',
]);

/**
 * Conversation reads that answer from the local list and so work before `SDK_READY` too
 * (DESIGN.md §3): Parley's addition to Tencent's whitelist. They are never gated.
 */
export const PRE_READY_READS: ReadonlySet<string> = new Set(['getConversationList', 'getConversationProfile', 'getTotalUnreadMessageCount']);

/** What the gate needs to know about the session. */
export interface GateSubject {
  /** True after `SDK_READY` and until the session ends. */
  readonly isReady: boolean;
  /** Code a gated call fails with while not ready. */
  readonly notReadyReason: number;
  /** Reports a refused call (the `ERROR` event). */
  reportError(error: ParleyError): void;
}

/** The error a gated API fails with while not ready: `"<reason> | <api> | <hint>"`, as Tencent formats it. */
export function notReadyError(apiName: string, reason: number): ParleyError {
  const what = describeError(reason)?.message ?? 'The SDK is not ready';
  return new ParleyError(reason, `${what} | ${apiName} | call login() and wait for the SDK_READY event before calling it`, { apiName });
}

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
