import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shortLocation, summarizeCpuProfile } from './profile-summary.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, scriptId: '1', url, lineNumber, columnNumber: 0 });

/** root → (idle), root → login (server) → verify (usersig), root → (garbage collector). */
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 5] },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('login', 'file:///repo/packages/server/dist/sessions/session-manager.js', 32), children: [4] },
    { id: 4, callFrame: frame('verify', 'file:///repo/node_modules/@parley/usersig/dist/usersig-verifier.js', 30) },
    { id: 5, callFrame: frame('(garbage collector)') },
  ],
  startTime: 1_000_000,
  endTime: 1_000_800,
  // Sample i lasts until sample i+1: idle 100, login 100, verify 300, gc 200, idle 100 (last has no end).
  samples: [2, 3, 4, 5, 2, 2],
  timeDeltas: [0, 100, 100, 300, 200, 100],
};

describe('summarizeCpuProfile', () => {
  const path = join(dir, 'x.cpuprofile');
  writeFileSync(path, JSON.stringify(profile));

  it('adds self time per function, leaves idle out of the busy time, and ranks', () => {
    const s = summarizeCpuProfile(path);
    expect(s.scope).toBe('whole run');
    expect(s.idleMs).toBe(0.2);
    expect(s.busyMs).toBe(0.6);
    expect(s.topFunctions.map((e) => [e.name, e.selfMs, e.pct])).toEqual([
      ['verify', 0.3, 50],
      ['(garbage collector)', 0.2, 33.3],
      ['login', 0.1, 16.7],
    ]);
    expect(s.topFunctions[0]?.location).toBe('@parley/usersig/dist/usersig-verifier.js:31');
    expect(s.topFiles[0]?.name).toBe('@parley/usersig/dist/usersig-verifier.js');
  });

  it('keeps only samples inside a window of the monotonic clock', () => {
    const s = summarizeCpuProfile(path, { fromUs: 1_000_150, toUs: 1_000_250 }, 'storm');
    expect(s.scope).toBe('storm');
    expect(s.topFunctions.map((e) => e.name)).toEqual(['verify']);
  });
});

describe('shortLocation', () => {
  it('keeps the part after node_modules/ or from packages/', () => {
    expect(shortLocation('file:///a/node_modules/ws/lib/sender.js')).toBe('ws/lib/sender.js');
    expect(shortLocation('file:///work/main/packages/server/dist/x.js')).toBe('packages/server/dist/x.js');
    expect(shortLocation('node:net')).toBe('node:net');
    expect(shortLocation('')).toBe('');
  });
});
