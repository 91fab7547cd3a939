import { describe, expect, it } from 'vitest';
import { parseBenchOptions, timestampName } from './bench-options.js';

const ok = (raw: unknown) => {
  const r = parseBenchOptions(raw, new Date('2026-11-24T08:01:02.345Z'));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reason = (raw: unknown) => {
  const r = parseBenchOptions(raw);
  return r.ok ? 'accepted' : r.reason;
};

describe('parseBenchOptions', () => {
  it('defaults to N = 1000 and 5000, 200 in flight, W4 with 200 users, Parley alone, pinned', () => {
    const o = ok({ workload: 'w1' });
    expect(o).toMatchObject({ workloads: ['w1'], systems: ['parley'], users: [1000, 5000], kickUsers: 200, concurrency: 200, pin: true, install: true, quick: false, settleMs: 30_000 });
    expect(o.outDir).toMatch(/bench[/\\]results[/\\]2026-11-24T08-01-02Z$/);
  });

  it('expands all, keeps Parley first and adds the --vs systems once', () => {
    const o = ok({ workload: 'all', vs: 'floor,ejabberd,floor' });
    expect(o.workloads).toEqual(['w1', 'w2', 'w3', 'w4', 'w5']);
    expect(o.systems).toEqual(['parley', 'floor', 'ejabberd']);
  });

  it('makes --quick tiny: 50 users, 20 for W4, no waiting for a quiet machine', () => {
    expect(ok({ workload: 'w5', quick: true })).toMatchObject({ users: [50], kickUsers: 20, settleMs: 0 });
  });

  it('takes --users as a number or a comma list', () => {
    expect(ok({ workload: 'w1', users: 300 }).users).toEqual([300]);
    expect(ok({ workload: 'w1', users: '100, 200' }).users).toEqual([100, 200]);
  });

  it('names what is wrong', () => {
    expect(reason(undefined)).toBe('options must be an object (got undefined)');
    expect(reason({})).toMatch(/^workload is required/);
    expect(reason({ workload: 'w6' })).toMatch(/^unknown workload 'w6'/);
    expect(reason({ workload: 'w1', vs: 'openfire' })).toMatch(/^unknown system 'openfire'/);
    expect(reason({ workload: 'w1', vs: 'parley' })).toMatch(/^unknown system 'parley'/);
    expect(reason({ workload: 'w1', users: '0' })).toMatch(/^users must be an integer in 1\.\.100000/);
    expect(reason({ workload: 'w1', users: 'lots' })).toMatch(/^users must be an integer/);
    expect(reason({ workload: 'w1', pin: 'yes' })).toBe('pin must be true or false (got string)');
    expect(reason({ workload: 'w1', settle: -1 })).toMatch(/^settle must be 0\.\.3600 seconds/);
    expect(reason({ workload: 'w1', out: '' })).toMatch(/^out must be a directory path/);
  });
});

describe('timestampName', () => {
  it('is the ISO time without milliseconds, with dashes for colons', () => {
    expect(timestampName(new Date('2026-11-24T08:01:02.345Z'))).toBe('2026-11-24T08-01-02Z');
  });

  it('defaults the messaging workloads to 100 pairs × 200 messages and groups of 100 and 1000 with 20 messages', () => {
    expect(ok({ workload: 'w2,w3' })).toMatchObject({ workloads: ['w2', 'w3'], pairs: 100, messages: 200, groupSizes: [100, 1000], groupMessages: 20 });
    expect(ok({ workload: 'w2,w3', quick: true })).toMatchObject({ pairs: 20, messages: 20, groupSizes: [50], groupMessages: 20 });
    expect(ok({ workload: 'all' }).workloads).toEqual(['w1', 'w2', 'w3', 'w4', 'w5']);
  });

  it('takes messaging sizes as numbers or strings and refuses groups beyond a ChatRoom', () => {
    expect(ok({ workload: 'w3', groupSizes: '10, 20', groupMessages: '5' })).toMatchObject({ groupSizes: [10, 20], groupMessages: 5 });
    expect(ok({ workload: 'w2', pairs: 7, messages: '9' })).toMatchObject({ pairs: 7, messages: 9 });
    expect(reason({ workload: 'w3', groupSizes: '10000' })).toMatch(/^groupSizes must be an integer in 1\.\.9999/);
    expect(reason({ workload: 'w2', pairs: 0 })).toMatch(/^pairs must be an integer/);
  });
});
