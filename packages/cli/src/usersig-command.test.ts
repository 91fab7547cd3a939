import { afterEach, describe, expect, it } from 'vitest';
import { Command, CommanderError } from 'commander';
import { ERRORS } from '@parley/protocol';
import { decodeUserSig, genPrivateMapKey, genUserSig, USERSIG_ERROR_CODES, verifyUserSig } from '@parley/usersig';
import { formatDuration, registerUsersigCommand } from './usersig-command.js';

const K1 = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const K2 = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const VECTOR1 =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__';

interface Run {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number;
}

/** Runs `parley usersig <args>` in-process, capturing output and the exit status. */
async function usersig(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const program = new Command('parley')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
  registerUsersigCommand(program);
  let exitCode = 0;
  try {
    await program.parseAsync(['node', 'parley', 'usersig', ...args]);
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    exitCode = e.exitCode;
  }
  return { out, err, exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

const APP = ['--sdkappid', '1400000000', '--key', K1];

describe('parley usersig gen', () => {
  it('prints one UserSig that verifies for the app and user, valid 180 days by default', async () => {
    const run = await usersig('gen', ...APP, '--user', 'alice');
    expect(run).toMatchObject({ err: '', exitCode: 0 });
    expect(run.out).toMatch(/^eJ[A-Za-z0-9*\-_]+\n$/);
    const result = verifyUserSig({ sig: run.out.trim(), sdkAppID: 1400000000, key: K1, userID: 'alice' });
    expect(result.ok && result.fields.expire).toBe(15_552_000);
  });

  it('honours --expire', async () => {
    const run = await usersig('gen', ...APP, '--user', 'alice', '--expire', '3600');
    const decoded = decodeUserSig(run.out.trim());
    expect(decoded.ok && decoded.fields.expire).toBe(3600);
  });

  it.each([
    [['--sdkappid', 'abc', '--key', K1, '--user', 'alice'], /option '--sdkappid <n>' argument 'abc' is invalid\. must be a positive integer/],
    [['--sdkappid', '0', '--key', K1, '--user', 'alice'], /--sdkappid/],
    [['--sdkappid', '1400000000', '--key', '', '--user', 'alice'], /--key <key>' argument '' is invalid\. must not be empty/],
    [['--sdkappid', '1400000000', '--key', 'has space', '--user', 'alice'], /--key/],
    [[...APP, '--user', 'bad user!'], /--user <userID>' argument 'bad user!' is invalid\. must be 1\.\.32 characters/],
    [[...APP, '--user', 'a'.repeat(33)], /--user/],
    [[...APP, '--user', 'alice', '--expire', '0'], /--expire <seconds>' argument '0' is invalid/],
    [[...APP, '--user', 'alice', '--expire', '1.5'], /--expire/],
    [[...APP], /required option '--user <userID>' not specified/],
  ])('refuses %j with one clear line on stderr and a non-zero exit', async (args, message) => {
    const run = await usersig('gen', ...args);
    expect(run.exitCode).not.toBe(0);
    expect(run.out).toBe('');
    expect(run.err).toMatch(message);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('parley usersig verify', () => {
  it('prints the fields and OK for a valid sig', async () => {
    const sig = genUserSig({ sdkAppID: 1400000000, key: K1, userID: 'alice', expireSeconds: 86400 });
    const run = await usersig('verify', ...APP, '--user', 'alice', '--sig', sig);
    expect(run).toMatchObject({ err: '', exitCode: 0 });
    const decoded = decodeUserSig(sig);
    const time = decoded.ok ? decoded.fields.time : 0;
    expect(run.out).toContain('identifier: alice\n');
    expect(run.out).toContain('sdkappid:   1400000000\n');
    expect(run.out).toContain(`time:       ${new Date(time * 1000).toISOString()} (${time})\n`);
    expect(run.out).toContain('expire:     86400 s (1d)\n');
    expect(run.out).toMatch(new RegExp(`expires at: ${new Date((time + 86400) * 1000).toISOString()} \\(${time + 86400}\\), valid for (1d|23h)`));
    expect(run.out).toMatch(/hmac: {7}\S{44} \(matches\)\n/);
    expect(run.out.trimEnd().split('\n').at(-1)).toBe('OK: valid UserSig for alice of app 1400000000');
  });

  it('reports an expired sig (reference vector 1) with FAIL 70001 and exit status 1', async () => {
    const run = await usersig('verify', ...APP, '--user', 'xiaojun', '--sig', VECTOR1);
    expect(run.exitCode).toBe(1);
    expect(run.out).toContain('time:       2023-11-14T22:13:20.000Z (1700000000)\n');
    expect(run.out).toContain('expire:     15552000 s (180d)\n');
    expect(run.out).toMatch(/expires at: 2024-05-12T22:13:20\.000Z \(1715552000\), expired \d+d/);
    expect(run.out).toMatch(/\nFAIL 70001 ERR_SVR_ACCOUNT_USERSIG_EXPIRED: The UserSig expired at 2024-05-12T22:13:20\.000Z\n$/);
  });

  it('reports a wrong key as FAIL 70009, a wrong user as 70013, a wrong app as 70014', async () => {
    const sig = genUserSig({ sdkAppID: 1400000000, key: K1, userID: 'alice' });
    const wrongKey = await usersig('verify', '--sdkappid', '1400000000', '--key', K2, '--user', 'alice', '--sig', sig);
    expect(wrongKey.exitCode).toBe(1);
    expect(wrongKey.out).toMatch(/\(does not match\)\n/);
    expect(wrongKey.out).toMatch(/\nFAIL 70009 ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY: /);
    const wrongUser = await usersig('verify', ...APP, '--user', 'bob', '--sig', sig);
    expect(wrongUser.out).toMatch(/\(not checked\)\n/);
    expect(wrongUser.out).toMatch(/\nFAIL 70013 ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID: The UserSig is for UserID "alice", not "bob"\n$/);
    const wrongApp = await usersig('verify', '--sdkappid', '1400000001', '--key', K1, '--user', 'alice', '--sig', sig);
    expect(wrongApp.out).toMatch(/\nFAIL 70014 ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID: /);
  });

  it('reports an undecodable sig as FAIL 70003 without fields', async () => {
    const run = await usersig('verify', ...APP, '--user', 'alice', '--sig', 'not-a-usersig');
    expect(run).toMatchObject({ exitCode: 1, err: '' });
    expect(run.out).toMatch(/^FAIL 70003 ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED: .+\n$/);
  });

  it('refuses an empty --sig or a missing --sig as an argument error', async () => {
    const empty = await usersig('verify', ...APP, '--user', 'alice', '--sig', '');
    expect(empty.exitCode).not.toBe(0);
    expect(empty.err).toMatch(/--sig <usersig>' argument '' is invalid\. must not be empty/);
    const missing = await usersig('verify', ...APP, '--user', 'alice');
    expect(missing.err).toMatch(/required option '--sig <usersig>' not specified/);
  });
});

describe('parley usersig decode', () => {
  it('prints the fields without a key', async () => {
    const run = await usersig('decode', '--sig', VECTOR1);
    expect(run).toMatchObject({ exitCode: 0, err: '' });
    expect(run.out).toContain('identifier: xiaojun\n');
    expect(run.out).toContain('hmac:       LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4= (not checked: no key)\n');
  });

  it('shows the room permission of a PrivateMapKey', async () => {
    const sig = genPrivateMapKey({ sdkAppID: 1400000000, key: K1, userID: 'xiaojun', expireSeconds: 300, now: 1_700_000_000_000, roomID: 10000, privilegeMap: 255 });
    const run = await usersig('decode', '--sig', sig);
    expect(run.out).toContain('userbuf:    0000077869616f6a756e53724e00000027106553f22c000000ff00000000\n');
    expect(run.out).toContain('PrivateMapKey: room 10000, privileges 255, until 2023-11-14T22:18:20.000Z\n');
  });

  it('reports garbage as FAIL 70003 with exit status 1', async () => {
    const run = await usersig('decode', '--sig', 'eJyr');
    expect(run.exitCode).toBe(1);
    expect(run.out).toMatch(/^FAIL 70003 ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED: /);
  });
});

describe('usersig error codes', () => {
  it('have the numbers of the registry entries of the same names', () => {
    for (const [name, code] of Object.entries(USERSIG_ERROR_CODES)) {
      expect(ERRORS[name as keyof typeof ERRORS]?.code, name).toBe(code);
    }
  });
});

describe('formatDuration', () => {
  it('writes days, hours, minutes and seconds, skipping zeros', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(59)).toBe('59s');
    expect(formatDuration(3600)).toBe('1h');
    expect(formatDuration(15_552_000)).toBe('180d');
    expect(formatDuration(86_400 + 7_200 + 5)).toBe('1d 2h 5s');
  });
});
