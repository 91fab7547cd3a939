/**
 * Storm drivers that run inside a load generator: log a list of users in with a fixed number of
 * logins in flight, optionally after dropping every session at once (the reconnect storm).
 */
import type { WireClient, WireSession } from './wire-session.js';

/** What one storm measured. Times are epoch ms (performance.timeOrigin + now), comparable across generators. */
export interface StormReport {
  /** Start of the first connect (or of the drop, for a reconnect storm). */
  readonly startedAt: number;
  /** Answer of the last login. */
  readonly endedAt: number;
  /** Successful logins. */
  readonly ok: number;
  /** Of those, Parley answers with `resumed: true`. */
  readonly resumed: number;
  /** Latency of each successful login, connect start → answer, ms. */
  readonly latenciesMs: number[];
  /** Failures by class (`timeout`, `ECONNRESET`, `code 70001`...). */
  readonly errors: Record<string, number>;
  /** CPU seconds this generator used during the storm. */
  readonly clientCpuSec: number;
  /** Of that, kernel time (connect, send, close syscalls), s. */
  readonly clientSysSec: number;
}

/** Options of {@link runStorm}. */
export interface StormOptions {
  /** Logins in flight at once (this generator's share). */
  readonly concurrency: number;
  /** Per-login timeout, ms. */
  readonly timeoutMs: number;
  /** Called with the number of logins finished so far (successful or not), at most every 100 ms. */
  readonly onProgress: (done: number) => void;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

/**
 * Logs in every user of `users`, keeping `concurrency` attempts in flight.
 * @param previous - for a reconnect storm: the sessions to drop first (all at once, client side)
 *   and resume (Parley sends each one's `instanceID`); `undefined` for a cold storm.
 * @returns the report and the new sessions, indexed like `users` (undefined where login failed).
 */
export async function runStorm(
  client: WireClient,
  users: readonly string[],
  options: StormOptions,
  previous?: readonly (WireSession | undefined)[],
): Promise<{ report: StormReport; sessions: (WireSession | undefined)[] }> {
  const sessions: (WireSession | undefined)[] = new Array(users.length).fill(undefined);
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  let resumed = 0;
  let done = 0;
  let next = 0;
  const cpu0 = process.cpuUsage();
  const startedAt = epochNow();
  if (previous) for (const s of previous) s?.terminate();
  let lastProgress = 0;
  const tick = () => {
    const now = performance.now();
    if (now - lastProgress >= 100) {
      lastProgress = now;
      options.onProgress(done);
    }
  };
  const worker = async () => {
    while (next < users.length) {
      const i = next++;
      const user = users[i]!;
      const resumeInstanceID = previous?.[i]?.instanceID;
      try {
        const s = await client.login(user, { timeoutMs: options.timeoutMs, ...(resumeInstanceID !== undefined ? { resumeInstanceID } : {}) });
        sessions[i] = s;
        latencies.push(s.answeredAt - s.startedAt);
        ok++;
        if (s.resumed) resumed++;
      } catch (err) {
        const kind = err instanceof Error ? err.message : String(err);
        errors[kind] = (errors[kind] ?? 0) + 1;
      }
      done++;
      tick();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, users.length)) }, worker));
  const endedAt = epochNow();
  options.onProgress(done);
  const cpu = process.cpuUsage(cpu0);
  return {
    report: { startedAt, endedAt, ok, resumed, latenciesMs: latencies, errors, clientCpuSec: (cpu.user + cpu.system) / 1e6, clientSysSec: cpu.system / 1e6 },
    sessions,
  };
}
