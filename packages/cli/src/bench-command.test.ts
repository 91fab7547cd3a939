import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { BENCH_PACKAGE, BenchRunnerMissingError, loadBenchRunner, registerBenchCommand } from './bench-command.js';

/** packages/cli. */
const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number;
}

/** Runs `parley bench <args>` in-process, capturing commander's output and the exit status. */
async function bench(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const program = new Command('parley')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
  registerBenchCommand(program);
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  let exitCode = 0;
  try {
    await program.parseAsync(['node', 'parley', 'bench', ...args]);
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    exitCode = e.exitCode;
  } finally {
    process.stdout.write = write;
  }
  return { out, err, exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('parley bench', () => {
  it('loads the runner through the declared @parley/bench package', async () => {
    const manifest = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
    expect(manifest.optionalDependencies).toHaveProperty(BENCH_PACKAGE);
    const runner = await loadBenchRunner();
    expect(typeof runner.runBench).toBe('function');
    expect(new runner.BenchUsageError('x')).toBeInstanceOf(Error);
  }, 60_000);

  it('names the missing package when the runner is not installed', async () => {
    const failure = await loadBenchRunner('@parley/bench-not-installed').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(BenchRunnerMissingError);
    expect((failure as Error).message).toContain('parley bench needs the @parley/bench-not-installed package');
  });

  it('a CLI installed without @parley/bench still runs usersig, and bench fails with the reason', () => {
    // A real install layout outside the repository: the built CLI beside its required dependencies
    // (linked to the workspace's copies) and without the optional runner.
    const dir = mkdtempSync(join(tmpdir(), 'parley-cli-nobench-'));
    try {
      const manifest = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      const repoModules = join(CLI_DIR, '..', '..', 'node_modules');
      for (const dep of Object.keys(manifest.dependencies)) {
        mkdirSync(dirname(join(dir, 'node_modules', dep)), { recursive: true });
        symlinkSync(realpathSync(join(repoModules, dep)), join(dir, 'node_modules', dep), 'dir');
      }
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(CLI_DIR, part), join(dir, 'cli', part), { recursive: true });
      const parley = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'cli', 'bin', 'parley.js'), ...args], { encoding: 'utf8', timeout: 30_000 });
      const sig = parley('usersig', 'gen', '--sdkappid', '1400000001', '--key', 'k'.repeat(64), '--user', 'alice');
      expect(sig.stderr).toBe('');
      expect(sig.status).toBe(0);
      expect(sig.stdout.trim().length).toBeGreaterThan(20);
      const bench = parley('bench', 'w1', '--no-progress');
      expect(bench.status).toBe(1);
      expect(bench.stderr).toContain('parley bench needs the @parley/bench package, which is not installed or not built');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('rejects an unknown workload with the reason and exit code 2', async () => {
    const run = await bench('w9', '--no-progress');
    expect(run.exitCode).toBe(2);
    expect(run.err).toContain("unknown workload 'w9'");
  }, 60_000);

  it('rejects an unknown system in --vs', async () => {
    const run = await bench('w1', '--vs', 'openfire', '--no-progress');
    expect(run.exitCode).toBe(2);
    expect(run.err).toContain("unknown system 'openfire'");
  }, 60_000);

  it('rejects a non-numeric --kick-users before running anything', async () => {
    const run = await bench('w4', '--kick-users', 'many');
    expect(run.exitCode).not.toBe(0);
    expect(run.err).toContain('must be a positive integer');
  });

  it('runs W4 on Parley and the floor, prints the table and writes JSON results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-bench-cli-'));
    try {
      const run = await bench('w4', '--vs', 'floor', '--kick-users', '5', '--out', dir, '--settle', '0', '--no-progress');
      expect(run.exitCode).toBe(0);
      expect(run.out).toContain('## W4 kick-out latency');
      const parley = JSON.parse(readFileSync(join(dir, 'w4-parley.json'), 'utf8')) as { runs: { kicked: number; victimWasEarliest: number; errorCount: number }[] };
      expect(parley.runs[0]).toMatchObject({ kicked: 5, victimWasEarliest: 5, errorCount: 0 });
      const floor = JSON.parse(readFileSync(join(dir, 'w4-floor.json'), 'utf8')) as { runs: { kicked: number }[] };
      expect(floor.runs[0]?.kicked).toBe(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('runs W2 and W3 with the messaging options and reports zero loss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-bench-cli-'));
    try {
      const run = await bench('w2,w3', '--pairs', '3', '--messages', '5', '--group-sizes', '4', '--group-messages', '3', '--out', dir, '--settle', '0', '--no-progress');
      expect(run.exitCode).toBe(0);
      expect(run.out).toContain('## W2 1:1 messages');
      expect(run.out).toContain('## W3 group fan-out');
      const w2 = JSON.parse(readFileSync(join(dir, 'w2-parley.json'), 'utf8')) as { runs: { pairs: number; sent: number; delivered: number; lost: number }[] };
      expect(w2.runs[0]).toMatchObject({ pairs: 3, sent: 15, delivered: 15, lost: 0 });
      const w3 = JSON.parse(readFileSync(join(dir, 'w3-parley.json'), 'utf8')) as { runs: { members: number; expected: number; delivered: number }[] };
      expect(w3.runs[0]).toMatchObject({ members: 4, expected: 12, delivered: 12 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('rejects a non-numeric --pairs before running anything', async () => {
    const run = await bench('w2', '--pairs', 'some');
    expect(run.exitCode).not.toBe(0);
    expect(run.err).toContain('must be a positive integer');
  });
});
