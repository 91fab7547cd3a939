/**
 * Starting and stopping the processes a run owns. Every pid started here is remembered and killed
 * by pid when the orchestrator exits, however it exits, so nothing is left running.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Readable } from 'node:stream';
import { isAlive } from './proc-stats.js';

const owned = new Set<number>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const pid of owned) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => process.exit(130));
  }
}

/** Remembers `pid` as owned by this run: it is SIGKILLed at exit unless released earlier. */
export function own(pid: number): void {
  hookExit();
  owned.add(pid);
}

/** Forgets an owned pid (after it was stopped). */
export function release(pid: number): void {
  owned.delete(pid);
}

/** Spawns a process and owns its pid. */
export function spawnOwned(cmd: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(cmd, [...args], options);
  if (child.pid !== undefined) own(child.pid);
  child.once('exit', () => {
    if (child.pid !== undefined) release(child.pid);
  });
  return child;
}

/**
 * Waits until a line of `stream` matches `pattern`; resolves with the match.
 * Rejects after `timeoutMs` or when the stream ends, with the text seen so far.
 */
export function waitForLine(stream: Readable, pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const done = (err: Error | undefined, m?: RegExpExecArray) => {
      clearTimeout(timer);
      stream.off('data', onData);
      stream.off('end', onEnd);
      if (err) reject(err);
      else if (m) resolve(m);
    };
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      const m = pattern.exec(seen);
      if (m) done(undefined, m);
    };
    const onEnd = () => done(new Error(`${what} ended before printing ${pattern}; output:\n${seen.slice(-2000)}`));
    const timer = setTimeout(() => done(new Error(`${what} did not print ${pattern} within ${timeoutMs} ms; output:\n${seen.slice(-2000)}`)), timeoutMs);
    stream.on('data', onData);
    stream.on('end', onEnd);
  });
}

/** Sleeps `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Stops a process by pid: `signal`, then SIGKILL if it is still alive after `graceMs`.
 * @returns how it ended: `'signal'` (exited after the first signal) or `'killed'`.
 */
export async function stopPid(pid: number, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<'signal' | 'killed' | 'gone'> {
  if (!isAlive(pid)) {
    release(pid);
    return 'gone';
  }
  try {
    process.kill(pid, signal);
  } catch {
    release(pid);
    return 'gone';
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      release(pid);
      return 'signal';
    }
    await sleep(25);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
  // Bounded: a process stuck in uninterruptible sleep is reported, not waited for forever.
  const killDeadline = Date.now() + 10_000;
  while (isAlive(pid)) {
    if (Date.now() > killDeadline) throw new Error(`process ${pid} survived SIGKILL for 10 s`);
    await sleep(25);
  }
  release(pid);
  return 'killed';
}
