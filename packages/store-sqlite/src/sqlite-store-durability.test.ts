/**
 * Durability across a crash: a child process running the compiled package writes batches of accounts,
 * prints an acknowledgement after each write resolves, and is killed with SIGKILL mid-stream. Every
 * acknowledged batch must be in the file afterwards, and every batch must be all there or not at all.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST_ENTRY = join(ROOT, 'packages/store-sqlite/dist/index.js');
const APP = 1400000001;
const BATCH = 20;
/** Batches acknowledged before the parent kills the child. */
const KILL_AFTER = 40;

/** True if every non-test source of `pkg` has a compiled file at least as new as itself. */
function isBuilt(pkg: string): boolean {
  const src = join(ROOT, 'packages', pkg, 'src');
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop() ?? '';
    for (const entry of readdirSync(join(src, rel), { withFileTypes: true })) {
      const relPath = join(rel, entry.name);
      if (entry.isDirectory()) stack.push(relPath);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
        const out = join(ROOT, 'packages', pkg, 'dist', relPath.replace(/\.ts$/, '.js'));
        if (!existsSync(out) || statSync(out).mtimeMs < statSync(join(src, relPath)).mtimeMs) return false;
      }
    }
  }
  return true;
}

// Runs in the child: the real package from dist, no test code. Exits only by being killed (or by
// the safety cap, which the parent treats as a failure).
const CHILD = `
const { openSqliteStore } = await import(process.env.PARLEY_STORE_MODULE);
const store = await openSqliteStore({ path: process.env.PARLEY_DB });
await store.apps.create({
  sdkAppID: ${APP}, secretKey: 'k', name: 'durability', admins: ['administrator'], status: 'active',
  loginSettings: { policy: 'dual', maxInstances: { Web: 1, Android: 1, IPhone: 1, IPad: 1, Windows: 1, Mac: 1, Linux: 1 } },
  limits: {}, createdAt: 0,
});
for (let batch = 0; batch < 100000; batch++) {
  const ids = Array.from({ length: ${BATCH} }, (_, i) => 'b' + batch + '_' + i);
  await store.accounts.ensure(${APP}, ids, batch);
  process.stdout.write('ack ' + batch + '\\n');
  if (batch === ${KILL_AFTER}) process.stdout.write('ok\\n');
}
process.exit(3);
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-sqlite-durability-'));
  if (!isBuilt('protocol') || !isBuilt('store-sqlite')) {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/store-sqlite'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0 || !existsSync(DIST_ENTRY)) {
      throw new Error(`building packages/store-sqlite failed (exit ${String(build.status)}):\n${build.stdout}${build.stderr}`);
    }
  }
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the writer, SIGKILLs it right after it prints "ok", and returns the batches it acknowledged. */
async function runAndKillWriter(path: string): Promise<{ acked: number[]; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
    env: { ...process.env, PARLEY_DB: path, PARLEY_STORE_MODULE: pathToFileURL(DIST_ENTRY).href },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.includes('ok\n')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  // Only complete lines count: the kill may cut the last one.
  const acked = [...stdout.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
  return { acked, signal, stderr };
}

describe('SqliteStore durability', () => {
  it('keeps every acknowledged write of a process killed with SIGKILL, each batch all or nothing', async () => {
    const path = join(dir, 'killed.db');
    const { acked, signal, stderr } = await runAndKillWriter(path);
    expect(signal, stderr).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThan(KILL_AFTER);
    expect(acked).toStrictEqual(acked.map((_, i) => i));

    const store = await openSqliteStore({ path });
    try {
      const lastAcked = acked.length - 1;
      let presentBatches = 0;
      // Batches after the last ack may or may not have committed, but never in part.
      for (let batch = 0; batch <= lastAcked + 10; batch++) {
        const ids = Array.from({ length: BATCH }, (_, i) => `b${batch}_${i}`);
        const found = await store.accounts.get(APP, ids);
        if (batch <= lastAcked) expect(found, `batch ${batch} was acknowledged`).toHaveLength(BATCH);
        else expect([0, BATCH], `batch ${batch} must be all or nothing`).toContain(found.length);
        if (found.length === BATCH) {
          presentBatches++;
          expect(found.every((account) => account.createdAt === batch)).toBe(true);
        }
      }
      expect(await store.accounts.count(APP)).toBe(presentBatches * BATCH);
    } finally {
      await store.close();
    }
  });
});
