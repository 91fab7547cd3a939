/**
 * `parley bench <workload>`: the side-by-side benchmarks of `bench/` (Parley against a bare `ws`
 * floor, ejabberd and Prosody; W3 and W5 against the floor only). The runner is not part of the published CLI: it lives in the
 * repository's `bench/` workspace and is loaded from there (built first when its output is missing
 * or older than its sources), so the CLI package gains no dependency on it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { isRecord } from '@parley/protocol';

/** The repository root, from `packages/cli/src` or `packages/cli/dist`. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The bench workspace. */
export const BENCH_DIR = join(REPO_ROOT, 'bench');

/** The bench runner's compiled entry module. */
export const BENCH_ENTRY = join(BENCH_DIR, 'dist', 'index.js');

/** What `parley bench` needs from the runner module (`bench/src/index.ts`). */
export interface BenchRunner {
  /** Runs the bench; the options are parsed (and rejected with a reason) by the runner. */
  runBench(options: unknown, io?: { readonly command?: string }): Promise<{ readonly outDir: string; readonly failures: readonly unknown[] }>;
}

/** Newest modification time below `dir`, ms (tests are not build inputs and are skipped). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.test.ts')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/**
 * True when the runner must be (re)built: no output yet, or a source newer than the last build
 * (`tsc -b` rewrites only changed outputs, so the newest output or build-info file counts).
 */
export function benchBuildIsStale(): boolean {
  if (!existsSync(BENCH_ENTRY)) return true;
  const src = join(BENCH_DIR, 'src');
  if (!existsSync(src)) return false;
  const info = join(BENCH_DIR, 'tsconfig.tsbuildinfo');
  const built = Math.max(newestMtime(join(BENCH_DIR, 'dist')), existsSync(info) ? statSync(info).mtimeMs : 0);
  return newestMtime(src) > built;
}

/**
 * Loads the runner, building `bench/` with the repository's TypeScript compiler when stale.
 * @throws Error when this is not a repository checkout or the build fails.
 */
export async function loadBenchRunner(): Promise<BenchRunner> {
  if (!existsSync(join(BENCH_DIR, 'package.json'))) throw new Error(`parley bench needs the repository's bench/ folder (looked in ${BENCH_DIR})`);
  if (benchBuildIsStale()) {
    const tsc = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
    if (!existsSync(tsc)) throw new Error(`bench/ is not built and ${tsc} is missing: run npm install, then tsc -b bench`);
    const build = spawnSync(tsc, ['-b', BENCH_DIR], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building bench/ failed:\n${build.stdout}${build.stderr}`);
  }
  const mod: unknown = await import(pathToFileURL(BENCH_ENTRY).href);
  if (!isRecord(mod) || typeof mod['runBench'] !== 'function') throw new Error(`${BENCH_ENTRY} does not export runBench`);
  return mod as unknown as BenchRunner;
}

/** A positive integer option. */
function parseCount(raw: string): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) === 0) throw new InvalidArgumentError('must be a positive integer');
  return Number(raw);
}

/** A number of seconds, 0 allowed. */
function parseSeconds(raw: string): number {
  if (!/^\d{1,4}$/.test(raw)) throw new InvalidArgumentError('must be a whole number of seconds');
  return Number(raw);
}

/** Options of `parley bench` after commander. */
interface BenchCliOptions {
  readonly vs?: string;
  readonly users?: string;
  readonly kickUsers?: number;
  readonly pairs?: number;
  readonly messages?: number;
  readonly groupSizes?: string;
  readonly groupMessages?: number;
  readonly out?: string;
  readonly quick?: boolean;
  readonly profile?: boolean;
  readonly generators?: number;
  readonly settle?: number;
  readonly pin: boolean;
  readonly install: boolean;
  readonly progress: boolean;
}

/** Adds the `bench` command. */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('benchmark Parley side by side with a bare ws floor, ejabberd and Prosody (run from a repository checkout)')
    .argument('<workload>', 'w1 (login storm), w2 (1:1 messages), w3 (group fan-out), w4 (kick-out latency), w5 (reconnect storm), a comma list, or all')
    .option('--vs <systems>', 'also measure these, comma-separated: floor, ejabberd, prosody (W3, W5: floor only; W2 runs ejabberd and prosody with the archive off and on)')
    .option('--users <n>', 'N of W1 and W5, comma-separated (default 1000,5000; --quick: 50)')
    .option('--pairs <n>', 'sender/receiver pairs of W2 (default 100; --quick: 20)', parseCount)
    .option('--messages <n>', 'messages per W2 sender (default 200; --quick: 20)', parseCount)
    .option('--group-sizes <n>', 'online members of the W3 group, comma-separated (default 100,1000; --quick: 50)')
    .option('--group-messages <n>', 'messages the W3 sender sends (default 20)', parseCount)
    .option('--kick-users <n>', 'users of W4 (default 200; --quick: 20)', parseCount)
    .option('--out <dir>', 'result folder (default bench/results/<timestamp>)')
    .option('--quick', 'tiny run: 50 users, W2 with 20 pairs × 20 messages, W3 with 50 members, W4 with 20 users')
    .option('--profile', 'run Parley (and the floor) under node --cpu-prof and summarise the hottest functions')
    .option('--generators <n>', 'load generator processes (default one per 15,000 sockets)', parseCount)
    .option('--settle <seconds>', 'longest wait for a quiet machine before each measurement (default 30; --quick: 0)', parseSeconds)
    .option('--no-pin', 'do not pin the server to CPU 0 and the load generators to CPU 1')
    .option('--no-install', 'never apt-get install ejabberd or prosody when they are missing')
    .option('--no-progress', 'print no progress on stderr')
    .action(async (workload: string, opts: BenchCliOptions) => {
      const runner = await loadBenchRunner();
      const options = {
        workload,
        ...(opts.vs !== undefined ? { vs: opts.vs } : {}),
        ...(opts.users !== undefined ? { users: opts.users } : {}),
        ...(opts.kickUsers !== undefined ? { kickUsers: opts.kickUsers } : {}),
        ...(opts.pairs !== undefined ? { pairs: opts.pairs } : {}),
        ...(opts.messages !== undefined ? { messages: opts.messages } : {}),
        ...(opts.groupSizes !== undefined ? { groupSizes: opts.groupSizes } : {}),
        ...(opts.groupMessages !== undefined ? { groupMessages: opts.groupMessages } : {}),
        ...(opts.out !== undefined ? { out: opts.out } : {}),
        ...(opts.generators !== undefined ? { generators: opts.generators } : {}),
        ...(opts.settle !== undefined ? { settle: opts.settle } : {}),
        quick: opts.quick === true,
        profile: opts.profile === true,
        pin: opts.pin,
        install: opts.install,
        progress: opts.progress,
      };
      let summary: Awaited<ReturnType<BenchRunner['runBench']>>;
      try {
        summary = await runner.runBench(options, { command: `parley ${process.argv.slice(2).join(' ')}` });
      } catch (err) {
        if (err instanceof Error && err.name === 'BenchUsageError') program.error(`error: ${err.message}`, { exitCode: 2 });
        throw err;
      }
      const report = join(summary.outDir, 'summary.md');
      if (existsSync(report)) process.stdout.write(readFileSync(report, 'utf8'));
      if (summary.failures.length > 0) process.exitCode = 1;
    });
}
