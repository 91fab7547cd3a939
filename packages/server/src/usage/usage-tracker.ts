/**
 * DAU and daily peak concurrent connections per app. A user counts once per UTC day on their first
 * successful login (resumes never count). Writes are buffered and flushed in batches so the login
 * path never waits on storage for statistics.
 */
import type { Clock } from '../time/clock.js';
import { utcDay } from '../time/clock.js';
import type { UsageStore } from '@parley/store';

/** Tracks usage and flushes it to the store. */
export class UsageTracker {
  readonly #usage: UsageStore;
  readonly #clock: Clock;
  readonly #flushMs: number;
  /** `${app}|${day}` → users already counted today (in memory, to skip repeat writes). */
  readonly #seen = new Map<string, Set<string>>();
  /** `${app}|${day}` → users to write. */
  readonly #pendingActive = new Map<string, Set<string>>();
  /** app → current connections. */
  readonly #connections = new Map<number, number>();
  /** `${app}|${day}` → peak seen in memory / last written. */
  readonly #peak = new Map<string, { value: number; written: number }>();
  #timer: unknown = undefined;
  #flushing: Promise<void> = Promise.resolve();

  /** @param flushMs - how long writes may wait in memory, in ms. @default 1000 */
  constructor(usage: UsageStore, clock: Clock, flushMs = 1000) {
    this.#usage = usage;
    this.#clock = clock;
    this.#flushMs = flushMs;
  }

  /** Counts `userID` toward today's DAU of the app (idempotent per day). */
  recordLogin(sdkAppID: number, userID: string): void {
    const key = `${sdkAppID}|${utcDay(this.#clock.now())}`;
    let seen = this.#seen.get(key);
    if (!seen) {
      // A new day starts: forget other days' sets so memory stays bounded to one day of users.
      for (const k of this.#seen.keys()) if (k.startsWith(`${sdkAppID}|`)) this.#seen.delete(k);
      seen = new Set();
      this.#seen.set(key, seen);
    }
    if (seen.has(userID)) return;
    seen.add(userID);
    let pending = this.#pendingActive.get(key);
    if (!pending) this.#pendingActive.set(key, (pending = new Set()));
    pending.add(userID);
    this.#schedule();
  }

  /** Adjusts the app's current connection count by `delta` and raises today's peak if needed. */
  adjustConnections(sdkAppID: number, delta: number): void {
    const current = Math.max(0, (this.#connections.get(sdkAppID) ?? 0) + delta);
    this.#connections.set(sdkAppID, current);
    if (delta <= 0) return;
    const key = `${sdkAppID}|${utcDay(this.#clock.now())}`;
    const peak = this.#peak.get(key);
    if (!peak) this.#peak.set(key, { value: current, written: 0 });
    else if (current > peak.value) peak.value = current;
    else return;
    this.#schedule();
  }

  /** Current connections of the app. */
  connections(sdkAppID: number): number {
    return this.#connections.get(sdkAppID) ?? 0;
  }

  /** Distinct users counted today for the app (from memory). */
  activeToday(sdkAppID: number): number {
    return this.#seen.get(`${sdkAppID}|${utcDay(this.#clock.now())}`)?.size ?? 0;
  }

  /** Distinct users counted today, for every app seen today (from memory). */
  activeTodayByApp(): Map<number, number> {
    const today = `|${utcDay(this.#clock.now())}`;
    const out = new Map<number, number>();
    for (const [key, users] of this.#seen) if (key.endsWith(today)) out.set(Number(key.slice(0, key.indexOf('|'))), users.size);
    return out;
  }

  /** Writes everything buffered; resolves when stored. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#flushing = this.#flushing.then(() => this.#write());
    return this.#flushing;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      void this.flush().catch(() => undefined);
    }, this.#flushMs);
  }

  async #write(): Promise<void> {
    const active = [...this.#pendingActive];
    this.#pendingActive.clear();
    for (const [key, users] of active) {
      const [app, day] = splitKey(key);
      await this.#usage.recordDailyActive(app, day, [...users]);
    }
    for (const [key, peak] of this.#peak) {
      if (peak.value <= peak.written) continue;
      const [app, day] = splitKey(key);
      const value = peak.value;
      await this.#usage.recordPeakConnections(app, day, value);
      peak.written = value;
    }
  }
}

function splitKey(key: string): [number, string] {
  const i = key.indexOf('|');
  return [Number(key.slice(0, i)), key.slice(i + 1)];
}
