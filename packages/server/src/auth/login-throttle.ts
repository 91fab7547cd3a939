/**
 * Throttling of repeated failed logins (Tencent 70050): a fixed one-minute window of failures per
 * user and per client IP. Successful logins are never counted, so a real user with a valid ticket is
 * not slowed down by someone else's failures on their IP unless that IP is clearly abusive.
 *
 * Per node on purpose: counting in a shared place would put a network round trip on every failed
 * login, and a cluster of N nodes at most multiplies an attacker's budget by N, which stays far from
 * what guessing a UserSig would need. A shared limiter belongs to a networked broker later.
 */

/** Limits of {@link LoginThrottle}. */
export interface LoginThrottleOptions {
  /** Failed logins allowed per user (per app) per window. @default 10 */
  readonly maxFailuresPerUser: number;
  /** Failed logins allowed per client IP per window. @default 100 */
  readonly maxFailuresPerIp: number;
  /** Window length in ms. @default 60000 */
  readonly windowMs: number;
}

/** Default limits: generous for real users and test suites. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = { maxFailuresPerUser: 10, maxFailuresPerIp: 100, windowMs: 60_000 };

interface Window {
  start: number;
  count: number;
}

/** Counts login failures and says when a user or IP must wait. */
export class LoginThrottle {
  readonly #opts: LoginThrottleOptions;
  readonly #users = new Map<string, Window>();
  readonly #ips = new Map<string, Window>();
  #lastSweep = 0;

  constructor(options: Partial<LoginThrottleOptions> = {}) {
    this.#opts = { ...DEFAULT_LOGIN_THROTTLE, ...options };
  }

  /**
   * True if `userKey` or the client IP used up its failures in the current window. The IP is asked for
   * only when some IP has failures recorded: reading a socket's peer address costs a system call.
   */
  isBlocked(userKey: string, ip: () => string, now: number): boolean {
    if (this.#count(this.#users, userKey, now) >= this.#opts.maxFailuresPerUser) return true;
    return this.#ips.size > 0 && this.#count(this.#ips, ip(), now) >= this.#opts.maxFailuresPerIp;
  }

  /** Records one failed login. */
  recordFailure(userKey: string, ip: string, now: number): void {
    this.#bump(this.#users, userKey, now);
    this.#bump(this.#ips, ip, now);
    this.#sweep(now);
  }

  #count(map: Map<string, Window>, key: string, now: number): number {
    const w = map.get(key);
    return w && now - w.start < this.#opts.windowMs ? w.count : 0;
  }

  #bump(map: Map<string, Window>, key: string, now: number): void {
    const w = map.get(key);
    if (w && now - w.start < this.#opts.windowMs) w.count++;
    else map.set(key, { start: now, count: 1 });
  }

  // Bounded memory under a flood of distinct user ids: expired windows are dropped once per window.
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.#opts.windowMs) return;
    this.#lastSweep = now;
    for (const map of [this.#users, this.#ips]) {
      for (const [k, w] of map) if (now - w.start >= this.#opts.windowMs) map.delete(k);
    }
  }
}
