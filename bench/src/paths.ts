/** Where the bench's own files and the built Parley CLI live, from either `src/` or `dist/`. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `bench/` folder (this file sits in `bench/src` or `bench/dist`). */
export const BENCH_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The repository root. */
export const REPO_ROOT = resolve(BENCH_ROOT, '..');

/** Compiled bench code; child processes (generators, floor) always run from here. */
export const BENCH_DIST = join(BENCH_ROOT, 'dist');

/** Peer server config templates (ejabberd, Prosody). */
export const PEERS_DIR = join(BENCH_ROOT, 'peers');

/** Default parent folder of result folders. */
export const RESULTS_DIR = join(BENCH_ROOT, 'results');

/** Script of a load-generator child process. */
export const GENERATOR_SCRIPT = join(BENCH_DIST, 'load', 'generator-main.js');

/** Script of the floor relay child process. */
export const FLOOR_SCRIPT = join(BENCH_DIST, 'floor', 'floor-main.js');

/** The built `parley` CLI. */
export const PARLEY_BIN = join(REPO_ROOT, 'packages', 'cli', 'dist', 'bin.js');

/** Names the built files a run needs that are missing (empty when all are there). */
export function missingBuildOutputs(): string[] {
  return [GENERATOR_SCRIPT, FLOOR_SCRIPT, PARLEY_BIN].filter((p) => !existsSync(p));
}
