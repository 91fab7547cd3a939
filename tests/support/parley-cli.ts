/**
 * The `parley` command as an operator runs it: real processes of the built CLI, their output read
 * the way a person reads the banner, and everything started here stopped after each test.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from './events.js';

/** The repository's root folder (ends with `/`). */
export const root = new URL('../../', import.meta.url).pathname;
/** The built CLI entry point. */
export const bin = join(root, 'packages/cli/dist/bin.js');

/** Builds the repository when the CLI has not been built (a test run straight after a clean clone). */
export function ensureBuilt(): void {
  if (existsSync(bin)) return;
  const built = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-b'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
}

const dirs: string[] = [];
const procs: ChildProcessWithoutNullStreams[] = [];

/** Has {@link cleanUpCli} stop `proc` too (for a process a test spawns itself). */
export function track(proc: ChildProcessWithoutNullStreams): ChildProcessWithoutNullStreams {
  procs.push(proc);
  return proc;
}

/** Stops every process started by {@link serve} and removes every {@link tempDir}; call in `afterEach`. */
export function cleanUpCli(): void {
  for (const p of procs.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A fresh temporary folder, removed by {@link cleanUpCli}. */
export function tempDir(prefix = 'parley-cli-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Runs `parley <args>` to completion (30 s at most). */
export function run(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}

/** A running `parley serve` and what its banner said. */
export interface Served {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Everything it printed so far, stdout and stderr. */
  readonly out: () => string;
  readonly wsUrl: string;
  readonly httpUrl: string;
  readonly sdkAppID: number;
  readonly key: string;
  readonly userSig: string;
  readonly adminSig: string;
  /** The "Try it in a browser" URL, or undefined when the banner has none. */
  readonly tryUrl: string | undefined;
}

/** Reads the first capture of `re` in `text`, or throws with the text. */
export function pick(text: string, re: RegExp): string {
  const m = re.exec(text);
  if (!m?.[1]) throw new Error(`not found ${re} in:\n${text}`);
  return m[1];
}

/** Starts `parley serve --port 0 <args>` and waits for its banner. */
export async function serve(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Served> {
  const proc = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, PARLEY_LOG_LEVEL: 'error', ...options.env },
  });
  procs.push(proc);
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await waitUntil(() => /Press Ctrl\+C/.test(out) || proc.exitCode !== null, 20_000, 'parley serve to start');
  return {
    proc,
    out: () => out,
    httpUrl: pick(out, /listening on (http:\/\/\S+)/),
    wsUrl: pick(out, /WebSocket (ws:\/\/[^\s)]+)/),
    sdkAppID: Number(pick(out, /SDKAppID:\s+(\d+)/)),
    key: pick(out, /Secret key:\s+(\S+)/),
    userSig: pick(out, /UserSig for user "user1"[^\n]*\n\s+(\S+)/),
    adminSig: pick(out, /Admin UserSig[^\n]*\n\s+(\S+)/),
    tryUrl: /Try it in a browser: (\S+)/.exec(out)?.[1],
  };
}

/** Resolves with the exit code once `proc` has ended. */
export function exited(proc: ChildProcessWithoutNullStreams): Promise<number | null> {
  return proc.exitCode !== null ? Promise.resolve(proc.exitCode) : new Promise((r) => proc.once('exit', (code) => r(code)));
}
