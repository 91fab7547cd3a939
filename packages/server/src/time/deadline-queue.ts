import type { Clock } from './clock.js';

interface Entry {
  readonly key: string;
  readonly at: number;
  readonly gen: number;
}

/**
 * One timer structure for many deadlines (UserSig expiry, resume grace): a binary min-heap of
 * `(at, key)` with a single armed timeout for the earliest entry, instead of one timer per session.
 * Re-scheduling a key supersedes its earlier deadline (lazy deletion by generation), so schedule and
 * cancel are O(log n) and firing is O(log n) per due entry.
 */
export class DeadlineQueue {
  readonly #clock: Clock;
  readonly #onDue: (key: string) => void;
  readonly #heap: Entry[] = [];
  readonly #live = new Map<string, number>();
  #gen = 0;
  #timer: unknown = undefined;
  #armedAt = Infinity;
  #stopped = false;

  /**
   * @param clock - time source and timers.
   * @param onDue - called once per key when its deadline passes (not called for cancelled keys).
   */
  constructor(clock: Clock, onDue: (key: string) => void) {
    this.#clock = clock;
    this.#onDue = onDue;
  }

  /** Number of pending deadlines. */
  get size(): number {
    return this.#live.size;
  }

  /** Sets (or moves) the deadline of `key` to `at` (ms since the epoch). */
  schedule(key: string, at: number): void {
    if (this.#stopped) return;
    const gen = ++this.#gen;
    this.#live.set(key, gen);
    this.#push({ key, at, gen });
    if (at < this.#armedAt) this.#arm();
  }

  /** Removes the deadline of `key`, if any. */
  cancel(key: string): void {
    this.#live.delete(key);
  }

  /** Cancels everything and disarms the timer. */
  stop(): void {
    this.#stopped = true;
    this.#live.clear();
    this.#heap.length = 0;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedAt = Infinity;
    this.#dropStale();
    const top = this.#heap[0];
    if (!top || this.#stopped) return;
    this.#armedAt = top.at;
    // Timers clamp to ~24.8 days; a later deadline simply re-arms when this one fires.
    const delay = Math.min(Math.max(0, top.at - this.#clock.now()), 0x7fff_ffff);
    this.#timer = this.#clock.setTimeout(() => this.#fire(), delay);
  }

  #fire(): void {
    this.#timer = undefined;
    this.#armedAt = Infinity;
    const now = this.#clock.now();
    for (;;) {
      this.#dropStale();
      const top = this.#heap[0];
      if (!top || top.at > now) break;
      this.#pop();
      this.#live.delete(top.key);
      this.#onDue(top.key);
    }
    this.#arm();
  }

  #dropStale(): void {
    for (let top = this.#heap[0]; top && this.#live.get(top.key) !== top.gen; top = this.#heap[0]) this.#pop();
  }

  #push(e: Entry): void {
    const h = this.#heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (parent.at <= e.at) break;
      h[i] = parent;
      i = p;
    }
    h[i] = e;
  }

  #pop(): void {
    const h = this.#heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && h[r]!.at < h[l]!.at ? r : l;
      if (h[c]!.at >= last.at) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
  }
}
