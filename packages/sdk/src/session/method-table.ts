/**
 * Public-method tables: each feature lists the methods it adds to the `TencentCloudChat` instance
 * in one table, and each entry carries whether the method works before `SDK_READY`. The instance
 * is composed from the tables (`web/chat-instance.ts`): an entry that does not work before ready
 * runs behind the readiness gate, and the exported whitelists are read from the same flags, so
 * "which methods are gated" has one source.
 *
 * An entry binds to its feature's object (`bind(api)` returns the public function), so a table is
 * plain data that can be read without an instance, and its function type, overloads included, is
 * exactly the method's public type.
 */
import { describeError, ParleyError } from '@parley/protocol';

/** Any public function. */
// `never[]` parameters accept every function type (parameters are contravariant).
export type AnyFunction = (...args: never[]) => unknown;

/**
 * Whether a method works before `SDK_READY`:
 * - `false`: no; until then it returns a rejected Promise with the not-ready code and emits `ERROR`;
 * - `'whitelist'`: yes, as in Tencent's runtime whitelist (`login`, `on`, `joinGroup`, ...);
 * - `'local'`: yes, Parley's addition: a read answered from the local state.
 */
export type BeforeReady = false | 'whitelist' | 'local';

/** One public method of a feature. */
export interface PublicMethod<Target, F extends AnyFunction> {
  /** See {@link BeforeReady}. */
  readonly beforeReady: BeforeReady;
  /** The public function, bound to the feature's object of one instance. */
  readonly bind: (target: Target) => F;
}

/** A feature's public methods by name. */
export type MethodTable<Target> = { readonly [name: string]: PublicMethod<Target, AnyFunction> };

/** The public methods a table adds to an instance, with their exact types. */
export type MethodsOf<Table> = { [K in keyof Table]: Table[K] extends PublicMethod<never, infer F> ? F : never };

/** A method that runs only once the SDK is ready. */
export function gated<Target, F extends AnyFunction>(bind: (target: Target) => F): PublicMethod<Target, F> {
  return { beforeReady: false, bind };
}

/** A method of Tencent's whitelist: it works before `SDK_READY`. */
export function whitelisted<Target, F extends AnyFunction>(bind: (target: Target) => F): PublicMethod<Target, F> {
  return { beforeReady: 'whitelist', bind };
}

/** A read answered from the local state: it works before `SDK_READY` (Parley's addition to the whitelist). */
export function localRead<Target, F extends AnyFunction>(bind: (target: Target) => F): PublicMethod<Target, F> {
  return { beforeReady: 'local', bind };
}

/** The names of the entries of `tables` whose flag is `flag`. */
export function namesWith(tables: readonly MethodTable<never>[], flag: BeforeReady): string[] {
  return tables.flatMap((table) => Object.keys(table).filter((name) => table[name]?.beforeReady === flag));
}

/** What the readiness gate needs to know about the session. */
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
