/**
 * Plumbing shared by the parts of the Store conformance suite: a fresh store per test, closed
 * afterwards, and an assertion for registry errors.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { ParleyError } from '@parley/protocol';
import type { Store } from '../index.js';

/** What an implementation hands the suite for each test. */
export interface StoreHarness {
  /** A new, empty, open store. */
  readonly store: Store;
  /**
   * Opens the same storage again after the suite has closed `store`. Omit it for stores that keep
   * nothing across a close (the "survives restart" tests are then reported as skipped).
   */
  readonly reopen?: () => Promise<Store>;
}

/** Creates a {@link StoreHarness}; called once per test. */
export type CreateStoreHarness = () => Promise<StoreHarness>;

/** Access to the current test's harness, valid inside `it` callbacks. */
export interface StoreFixture {
  /** The current test's store. */
  readonly store: Store;
  /** The current test's harness. */
  readonly harness: StoreHarness;
  /** Registers a store opened by the test (e.g. by `reopen`) so it is closed after the test. */
  track(store: Store): Store;
}

/** Registers hooks that give each test of the enclosing `describe` a fresh store. */
export function useStoreFixture(create: CreateStoreHarness): StoreFixture {
  let current: StoreHarness | undefined;
  let opened: Store[] = [];
  beforeEach(async () => {
    current = await create();
    opened = [current.store];
  });
  afterEach(async () => {
    // close() is idempotent by contract, so stores a test closed itself are closed again harmlessly.
    for (const store of opened) await store.close();
    opened = [];
    current = undefined;
  });
  const harness = (): StoreHarness => {
    if (current === undefined) throw new Error('the store fixture is only available inside a test');
    return current;
  };
  return {
    get store() {
      return harness().store;
    },
    get harness() {
      return harness();
    },
    track(store: Store): Store {
      opened.push(store);
      return store;
    },
  };
}

/** Asserts that `promise` rejects with a ParleyError of `code` whose message matches `message`. */
export async function expectParleyRejection(promise: Promise<unknown>, code: number, message?: RegExp): Promise<void> {
  const outcome = await promise.then(
    (value: unknown) => ({ rejected: false as const, value }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error(`expected a rejection with code ${code}, but it resolved with ${JSON.stringify(outcome.value)}`);
  const error = outcome.error;
  if (!ParleyError.is(error)) throw new Error(`expected a ParleyError with code ${code}, got ${String(error)}`);
  expect(error.code, error.message).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
}

/**
 * Runs `mutate` against a record returned by a store. A store may return frozen records (the
 * mutation then throws a TypeError, which is fine) or private copies; either way the stored state
 * must not change, which the caller checks afterwards.
 */
export function tryMutate(mutate: () => void): void {
  try {
    mutate();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
}
