/**
 * Time as the server sees it. Injected everywhere (never `Date.now()` directly) so tests can drive
 * expiry, throttling windows and heartbeats deterministically.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Schedules `fn` after `ms` milliseconds; returns a handle for {@link Clock.clearTimeout}. */
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock: `Date.now` and the global timers (unref'd so they never keep the process alive). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let dayStart = 0;
let dayEnd = 0;
let dayText = '';

/** UTC calendar day `YYYY-MM-DD` of a timestamp in ms. Cached per day: it runs several times per login. */
export function utcDay(ms: number): string {
  if (ms >= dayStart && ms < dayEnd) return dayText;
  const start = ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000);
  const text = new Date(start).toISOString().slice(0, 10);
  dayStart = start;
  dayEnd = start + 86_400_000;
  dayText = text;
  return text;
}
