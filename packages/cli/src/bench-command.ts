/**
 * `parley bench <workload>`: the side-by-side benchmarks of `@parley/bench` (Parley against a bare
 * `ws` floor, ejabberd and Prosody; W3 and W5 against the floor only).
 *
 * The runner is a declared, optional dependency of the CLI (`optionalDependencies` in package.json,
 * built by the root `tsc -b` through project references), so the dependency check sees it. It is
 * imported dynamically inside the command only: the runner is private to the repository and heavy
 * (charts, load generators), and a CLI installed without it must still start and run `serve`,
 * `usersig` and `app`; `parley bench` then fails with {@link BenchRunnerMissingError}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';

/** The package that holds the runner. */
export const BENCH_PACKAGE = '@parley/bench';

/** The runner module's surface that `parley bench` uses. */
export type BenchRunner = Pick<typeof import('@parley/bench'), 'runBench' | 'BenchUsageError'>;

/** Thrown by {@link loadBenchRunner} when `@parley/bench` is not installed or not built. */
export class BenchRunnerMissingError extends Error {
  override readonly name = 'BenchRunnerMissingError';
}

/**
 * True when `err` says that `specifier` itself could not be loaded: the package is not installed,
 * or it is installed but its entry module (`dist/index.js`) was never built. A module missing
 * further down (one of the runner's own imports) is a different failure and is rethrown as is.
 */
function isMissing(err: unknown, specifier: string): boolean {
  if (!(err instanceof Error) || (err as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') return false;
  const missing = /^Cannot find (?:package|module) '([^']+)'/.exec(err.message)?.[1];
  return missing === specifier || (missing !== undefined && /[\\/]bench[\\/]dist[\\/]index\.js$/.test(missing));
}

/**
 * Loads the bench runner through its package.
 * @param specifier - the module to load; tests pass a package that does not exist.
 * @throws BenchRunnerMissingError when the package (or its build output) is absent.
 */
export async function loadBenchRunner(specifier: string = BENCH_PACKAGE): Promise<BenchRunner> {
  try {
    // A literal specifier keeps the import typed and visible to the dependency check.
    return specifier === BENCH_PACKAGE ? await import('@parley/bench') : ((await import(specifier)) as BenchRunner);
  } catch (err) {
    if (!isMissing(err, specifier)) throw err;
    throw new BenchRunnerMissingError(
      `parley bench needs the ${specifier} package, which is not installed or not built: run it from a Parley checkout after npm install and npm run build`,
      { cause: err },
    );
  }
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
      let runner: BenchRunner;
      try {
        runner = await loadBenchRunner();
      } catch (err) {
        if (err instanceof BenchRunnerMissingError) program.error(`error: ${err.message}`, { exitCode: 1 });
        throw err;
      }
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
        if (err instanceof runner.BenchUsageError) program.error(`error: ${err.message}`, { exitCode: 2 });
        throw err;
      }
      const report = join(summary.outDir, 'summary.md');
      if (existsSync(report)) process.stdout.write(readFileSync(report, 'utf8'));
      if (summary.failures.length > 0) process.exitCode = 1;
    });
}
