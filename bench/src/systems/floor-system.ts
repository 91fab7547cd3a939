/** The bare `ws` floor relay as a system under test (bench/src/floor). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FLOOR_SCRIPT } from '../paths.js';
import { spawnOwned, stopPid, waitForLine } from '../proc/child-processes.js';
import { pinnedCommand } from '../proc/pinning.js';
import type { RunningSystem, SystemDriver, SystemStartOptions } from './system-types.js';

function wsVersion(): string {
  try {
    const pkgPath = createRequire(import.meta.url).resolve('ws/package.json');
    return (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/** Starts the floor relay. */
export const floorDriver: SystemDriver = {
  name: 'floor',
  version: () => `ws ${wsVersion()} (node ${process.version})`,
  async start(options: SystemStartOptions): Promise<RunningSystem> {
    const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
    const { cmd, args } = pinnedCommand(options.pinning, 'server', process.execPath, [...nodeArgs, FLOOR_SCRIPT, '0']);
    const child = spawnOwned(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = child.pid;
    if (pid === undefined || !child.stdout) throw new Error('could not start the floor relay');
    const m = await waitForLine(child.stdout, /floor listening (\d+)/, 15_000, 'floor relay');
    child.stdout.resume();
    return {
      name: 'floor',
      pid,
      target: { kind: 'floor', url: `ws://127.0.0.1:${m[1]}` },
      prepareUsers: async () => undefined,
      async stop() {
        await stopPid(pid, 'SIGTERM', 5_000);
      },
    };
  },
};
