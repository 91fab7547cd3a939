/** Waiting helpers for event-driven assertions with a bounded wait. */

/** Resolves when `predicate()` is true, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitUntil(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits a little so that an event that should NOT happen would have had time to arrive. */
export function settle(ms = 150): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The code a promise rejects with (a Tencent-style `{ code }` error), or `undefined` when it resolves. */
export async function codeOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}
