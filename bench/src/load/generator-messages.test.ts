import { describe, expect, it } from 'vitest';
import { parseGeneratorCommand, parseGeneratorReply } from './generator-messages.js';

describe('generator commands and replies of the W5 outage phase', () => {
  it('parse disconnect and catchup, and refuse a catchup without a positive timeout', () => {
    expect(parseGeneratorCommand({ op: 'disconnect' })).toEqual({ ok: true, value: { op: 'disconnect' } });
    expect(parseGeneratorCommand({ op: 'catchup', timeoutMs: 5000 })).toEqual({ ok: true, value: { op: 'catchup', timeoutMs: 5000 } });
    const bad = parseGeneratorCommand({ op: 'catchup', timeoutMs: 0 });
    expect(bad.ok ? undefined : bad.reason).toBe('catchup.timeoutMs must be a positive integer');
  });

  it('parse a caughtup report and name the field a malformed one gets wrong', () => {
    const report = { held: [{ user: 'u1', from: 'w5s1', text: 'w5s1:1:x' }], syncDuplicates: 0, alsoPushed: 1, errors: { 'sync code -1': 2 } };
    expect(parseGeneratorReply({ op: 'caughtup', report })).toEqual({ ok: true, value: { op: 'caughtup', report } });
    expect(parseGeneratorReply({ op: 'disconnected' })).toEqual({ ok: true, value: { op: 'disconnected' } });
    const noText = parseGeneratorReply({ op: 'caughtup', report: { ...report, held: [{ user: 'u1', from: 'w5s1' }] } });
    expect(noText.ok ? undefined : noText.reason).toBe('caughtup.report.held must be an array of { user, from, text }');
    const badCount = parseGeneratorReply({ op: 'caughtup', report: { ...report, alsoPushed: -1 } });
    expect(badCount.ok ? undefined : badCount.reason).toBe('caughtup.report.syncDuplicates and alsoPushed must be integers');
  });
});
