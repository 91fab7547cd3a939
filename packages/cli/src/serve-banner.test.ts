import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { browserHost, shellQuote, tryItUrl } from './serve-banner.js';

describe('shellQuote', () => {
  it.each(['plain', 'eJwt*Sig-_', "it's", '$HOME `x` "y" \\ *?[a]', ''])('%j comes back unchanged through bash', (value) => {
    const r = spawnSync('bash', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(value);
  });
});

describe('browserHost', () => {
  it.each([
    ['0.0.0.0', '127.0.0.1'],
    ['::', '[::1]'],
    ['127.0.0.1', '127.0.0.1'],
    ['192.0.2.7', '192.0.2.7'],
    ['::1', '[::1]'],
    ['localhost', 'localhost'],
  ])('a server bound to %s is opened in a browser at %s', (bound, shown) => {
    expect(browserHost(bound)).toBe(shown);
  });
});

describe('tryItUrl', () => {
  it('carries the UserSig so that the query string gives it back unchanged', () => {
    const sig = 'eJwt*abc-_def';
    const url = new URL(tryItUrl('http://127.0.0.1:9000', 1400000001, 'user1', sig));
    expect(url.searchParams.get('usersig')).toBe(sig);
    expect(url.searchParams.get('sdkappid')).toBe('1400000001');
    expect(url.searchParams.get('userid')).toBe('user1');
  });
});
