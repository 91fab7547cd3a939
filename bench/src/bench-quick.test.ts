/**
 * The bench must not rot: a tiny version of each workload (W1 with 50 users, W2 with 20 pairs × 20
 * messages, W3 with 50 members × 20 messages, W4 with 20 users, W5 with 50) on Parley and the floor, end to end with real servers, real sockets and real child processes.
 * No apt installs here: ejabberd and Prosody are exercised only by full runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_ROOT, PARLEY_BIN, REPO_ROOT } from './paths.js';
import type { BenchSummary } from './report/results-writer.js';
import { runBench } from './run-bench.js';

let out: string;
let summary: BenchSummary;

beforeAll(async () => {
  // Generators and the floor run as child processes from bench/dist: build it (incremental).
  const build = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['-b', BENCH_ROOT], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  expect(existsSync(PARLEY_BIN), 'packages/cli must be built (npx tsc -b)').toBe(true);
  out = mkdtempSync(join(tmpdir(), 'parley-bench-quick-'));
  summary = await runBench({ workload: 'all', vs: 'floor', quick: true, out, progress: false, idleSampleMs: 500 });
}, 120_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('parley bench --quick against Parley and the floor', () => {
  it('completes every run without a failed system', () => {
    expect(summary.failures).toEqual([]);
    expect(summary.w1.map((r) => `${r.system}:${r.users}`)).toEqual(['parley:50', 'floor:50']);
    expect(summary.w2.map((r) => `${r.system}:${r.pairs}`)).toEqual(['parley:20', 'floor:20']);
    expect(summary.w3.map((r) => `${r.system}:${r.members}`)).toEqual(['parley:50', 'floor:50']);
    expect(summary.w4.map((r) => `${r.system}:${r.users}`)).toEqual(['parley:20', 'floor:20']);
    expect(summary.w5.map((r) => `${r.system}:${r.users}`)).toEqual(['parley:50', 'floor:50']);
  });

  it('W1 logs every user in with zero errors and sane numbers', () => {
    for (const r of summary.w1) {
      expect(r.ok, r.system).toBe(50);
      expect(r.errorCount, JSON.stringify(r.errors)).toBe(0);
      expect(r.loginsPerSec).toBeGreaterThan(10);
      expect(r.latencyMs.count).toBe(50);
      expect(r.latencyMs.p50).toBeGreaterThan(0);
      expect(r.latencyMs.p99).toBeGreaterThanOrEqual(r.latencyMs.p50);
      expect(r.latencyMs.p99).toBeLessThan(10_000);
      expect(r.serverCpuSec).toBeGreaterThanOrEqual(0);
      expect(r.rssBeforeMB).toBeGreaterThan(10);
      expect(r.rssIdleMB).toBeGreaterThan(10);
      expect(r.concurrency).toBe(200);
    }
  });

  it('W2 delivers every 1:1 message once, in order, with Parley answering each send after storing it', () => {
    for (const r of summary.w2) {
      expect(r.sent, r.system).toBe(400);
      expect(r.delivered).toBe(400);
      expect([r.lost, r.duplicates, r.orderViolations, r.unexpected]).toEqual([0, 0, 0, 0]);
      expect(r.sendErrors).toEqual({});
      expect(r.latencyMs.count).toBe(400);
      expect(r.latencyMs.p99).toBeGreaterThanOrEqual(r.latencyMs.p50);
      expect(r.deliveredPerSec).toBeGreaterThan(10);
      expect(r.serverCpuUsPerMsg).toBeGreaterThanOrEqual(0);
    }
    expect(summary.w2.find((r) => r.system === 'parley')?.durableAckMs?.count).toBe(400);
    expect(summary.w2.find((r) => r.system === 'floor')?.durableAckMs).toBeUndefined();
  });

  it('W3 fans every group message out to every member once, in order', () => {
    for (const r of summary.w3) {
      expect(r.expected, r.system).toBe(1000);
      expect(r.delivered).toBe(1000);
      expect([r.lost, r.duplicates, r.orderViolations, r.unexpected]).toEqual([0, 0, 0, 0]);
      expect(r.sendErrors).toEqual({});
      expect(r.lastMemberMs.count).toBe(20);
      expect(r.sendAnswerMs.count).toBe(20);
      expect(r.lastMemberMs.p50).toBeGreaterThanOrEqual(0);
      expect(r.deliveriesPerSec).toBeGreaterThan(10);
    }
  });

  it('W4 always kicks the earliest session, never the newer one', () => {
    for (const r of summary.w4) {
      expect(r.kicked, r.system).toBe(20);
      expect(r.victimWasEarliest).toBe(20);
      expect(r.newerKicked).toBe(0);
      expect(r.errorCount, JSON.stringify(r.errors)).toBe(0);
      expect(r.kickAfterAnswerMs.count).toBe(20);
      expect(r.kickAfterRequestMs.p50).toBeGreaterThan(0);
      expect(r.kickAfterAnswerMs.p99).toBeLessThan(1_000);
    }
    // Parley names the new instance in every kick push and closes with 4403; the floor closes with 4001.
    expect(summary.w4.find((r) => r.system === 'parley')?.causeNamedNewer).toBe(20);
    expect(summary.w4.find((r) => r.system === 'floor')?.causeNamedNewer).toBeUndefined();
    expect(summary.w4.find((r) => r.system === 'parley')?.closeCodes).toEqual({ '4403': 20 });
    expect(summary.w4.find((r) => r.system === 'floor')?.closeCodes).toEqual({ '4001': 20 });
  });

  it('W5 delivers every message sent during the outage exactly once after the reconnect (Parley, via openim.sync)', () => {
    const m = summary.w5.find((r) => r.system === 'parley')?.messages;
    if (m === undefined || typeof m === 'string') throw new Error(`no outage messages measured: ${String(m)}`);
    expect(m).toMatchObject({ senders: 50, receivers: 50, sent: 50, sendErrors: {}, delivered: 50, lost: 0, duplicates: 0, unexpected: 0, catchUpErrors: {} });
  });

  it('W5 brings every client back; Parley resumes every instance', () => {
    for (const r of summary.w5) {
      expect(r.cold.ok, r.system).toBe(50);
      expect(r.reconnect.ok).toBe(50);
      expect(r.cold.errorCount + r.reconnect.errorCount, JSON.stringify([r.cold.errors, r.reconnect.errors])).toBe(0);
      expect(r.ratio).toBeGreaterThan(0);
      expect(Number.isFinite(r.ratio)).toBe(true);
    }
    const parley = summary.w5.find((r) => r.system === 'parley');
    expect(summary.w5.find((r) => r.system === 'floor')?.messages).toBe('not supported by the floor');
    expect(parley?.reconnect.resumed).toBe(50);
    expect(parley?.notResumed).toBe(0);
    expect(summary.w5.find((r) => r.system === 'floor')?.notResumed).toBeUndefined();
  });

  it('writes JSON per workload and system, a summary and one SVG chart per workload', () => {
    for (const w of ['w1', 'w2', 'w3', 'w4', 'w5']) {
      for (const s of ['parley', 'floor']) {
        const file = JSON.parse(readFileSync(join(out, `${w}-${s}.json`), 'utf8')) as { workload: string; system: string; runs: unknown[]; pinning: unknown };
        expect(file).toMatchObject({ workload: w, system: s });
        expect(file.runs).toHaveLength(1);
        expect(file.pinning).toEqual(summary.pinning);
      }
    }
    for (const chart of ['w1-login-storm.svg', 'w2-messages.svg', 'w3-fanout.svg', 'w4-kick.svg', 'w5-reconnect.svg']) {
      const svg = readFileSync(join(out, chart), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('parley');
    }
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md).toContain('## W1 login storm');
    expect(md).toContain('## W2 1:1 messages');
    expect(md).toContain('## W3 group fan-out');
    expect(md).toContain('| parley | 50 |');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ failures: [], outDir: out });
  });
});
