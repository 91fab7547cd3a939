/**
 * How long to wait before each reconnect attempt (protocol rule 11). Injectable so apps can tune
 * it and tests can check the schedule without waiting for it.
 */

/** Decides the wait before reconnect attempt number `attempt` (0 for the first attempt after a drop). */
export interface ReconnectPolicy {
  /** Milliseconds to wait before attempt `attempt` (0-based). */
  nextDelayMs(attempt: number): number;
}

/** Tuning of the default jittered exponential backoff. */
export interface BackoffOptions {
  /** Wait before the first attempt, before jitter, in ms. @default 500 */
  readonly initialDelayMs?: number;
  /** Upper bound of any wait, after jitter, in ms. @default 30000 */
  readonly maxDelayMs?: number;
  /** Growth of the wait per attempt. @default 2 */
  readonly factor?: number;
  /** Relative spread: the wait is drawn uniformly from base × [1 − jitter, 1 + jitter]. @default 0.5 */
  readonly jitter?: number;
}

/** Defaults of {@link BackoffOptions}, from protocol rule 11. */
export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.5,
};

/**
 * The default policy: base = min(max, initial × factor^attempt), wait = base × (1 − jitter + 2 × jitter × random()),
 * capped at max. Jitter spreads the reconnects of many clients after a server restart.
 * @param random source of numbers in [0, 1).
 */
export function exponentialBackoff(options: BackoffOptions, random: () => number): ReconnectPolicy {
  const { initialDelayMs, maxDelayMs, factor, jitter } = { ...DEFAULT_BACKOFF, ...options };
  return {
    nextDelayMs(attempt: number): number {
      const base = Math.min(maxDelayMs, initialDelayMs * factor ** Math.max(0, attempt));
      const spread = 1 - jitter + 2 * jitter * random();
      return Math.round(Math.min(maxDelayMs, Math.max(0, base * spread)));
    },
  };
}

/** Checks user-supplied {@link BackoffOptions}; returns a reason when a field is out of range. */
export function checkBackoffOptions(value: BackoffOptions): string | undefined {
  const positive = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (value.initialDelayMs !== undefined && !positive(value.initialDelayMs)) return 'reconnect.initialDelayMs must be a number >= 0';
  if (value.maxDelayMs !== undefined && !positive(value.maxDelayMs)) return 'reconnect.maxDelayMs must be a number >= 0';
  if (value.factor !== undefined && (!positive(value.factor) || value.factor < 1)) return 'reconnect.factor must be a number >= 1';
  if (value.jitter !== undefined && (!positive(value.jitter) || value.jitter > 1)) return 'reconnect.jitter must be a number in 0..1';
  return undefined;
}
