/**
 * Parley as a system under test: the built CLI, `parley serve --port 0 --data <private dir>`,
 * pinned to the server CPU. Its SDKAppID and secret key are read from what it prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { genUserSig } from '@parley/usersig';
import { PARLEY_BIN, REPO_ROOT } from '../paths.js';
import { spawnOwned, stopPid, waitForLine } from '../proc/child-processes.js';
import { pinnedCommand } from '../proc/pinning.js';
import type { RunningSystem, SystemDriver, SystemStartOptions } from './system-types.js';

/** Tencent's batch limit for `multiaccount_import`. */
const IMPORT_BATCH = 100;

/** Admin UserID every new Parley app gets. */
const ADMIN = 'administrator';

/** What `parley serve` prints once it listens. */
const READY = /WebSocket (ws:\/\/[^)\s]+)\)[\s\S]*SDKAppID:\s+(\d+)[\s\S]*Secret key:\s+(\S+)[\s\S]*Press Ctrl\+C/;

async function importAccounts(httpUrl: string, sdkAppID: number, key: string, users: readonly string[]): Promise<void> {
  const usersig = genUserSig({ sdkAppID, key, userID: ADMIN, expireSeconds: 3600 });
  for (let i = 0; i < users.length; i += IMPORT_BATCH) {
    const q = new URLSearchParams({ sdkappid: String(sdkAppID), identifier: ADMIN, usersig, random: String(i), contenttype: 'json' });
    const res = await fetch(`${httpUrl}/v4/im_open_login_svc/multiaccount_import?${q}`, {
      method: 'POST',
      body: JSON.stringify({ Accounts: users.slice(i, i + IMPORT_BATCH) }),
    });
    const body: unknown = await res.json();
    const status = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['ActionStatus'] : undefined;
    if (status !== 'OK') throw new Error(`account import failed: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/** Starts Parley from `packages/cli/dist/bin.js`. */
export const parleyDriver: SystemDriver = {
  name: 'parley',
  version() {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as { version?: string };
    return `Parley ${pkg.version ?? '?'} (node ${process.version})`;
  },
  async start(options: SystemStartOptions): Promise<RunningSystem> {
    const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
    const serveArgs = [PARLEY_BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--data', join(options.workDir, 'data'), '--log-level', 'warn'];
    const { cmd, args } = pinnedCommand(options.pinning, 'server', process.execPath, [...nodeArgs, ...serveArgs]);
    // The flags above decide where it listens and stores; the operator's PARLEY_* variables must not.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PARLEY_')));
    const child = spawnOwned(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
    const pid = child.pid;
    if (pid === undefined || !child.stdout) throw new Error('could not start parley serve');
    let m: RegExpExecArray;
    try {
      m = await waitForLine(child.stdout, READY, 30_000, 'parley serve');
    } catch (err) {
      await stopPid(pid, 'SIGKILL', 1000);
      throw err;
    }
    child.stdout.resume();
    const wsUrl = m[1]!;
    const sdkAppID = Number(m[2]);
    const key = m[3]!;
    const httpUrl = wsUrl.replace(/^ws:/, 'http:');
    return {
      name: 'parley',
      pid,
      target: { kind: 'parley', url: wsUrl, sdkAppID, key },
      prepareUsers: (users) => importAccounts(httpUrl, sdkAppID, key, users),
      async stop() {
        // SIGTERM is a graceful shutdown (and lets --cpu-prof write its profile).
        await stopPid(pid, 'SIGTERM', 15_000);
      },
    };
  },
};
