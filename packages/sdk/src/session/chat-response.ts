/**
 * Tencent's success shape (`imResponse`): `{code: 0, data}`. Failures reject with a
 * `ParleyError` (`{code, message, data}`, Tencent's `imError`).
 */

/** Tencent's success shape (`imResponse`). */
export interface ChatResponse<T> {
  readonly code: 0;
  readonly data: T;
}

/** Builds `{code: 0, data}`. */
export function ok<T>(data: T): ChatResponse<T> {
  return { code: 0, data };
}
