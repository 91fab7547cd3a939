/**
 * `parley usersig gen|verify|decode`: UserSig tools for operators and app developers. Output goes
 * through commander's output configuration, so tests capture it; failures set `process.exitCode`.
 */
import { InvalidArgumentError, type Command } from 'commander';
import {
  DEFAULT_EXPIRE_SECONDS,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID,
  MAX_USERSIG_CHARS,
  decodeUserSig,
  genUserSig,
  parsePrivateMapUserBuf,
  userSigErrorName,
  verifyUserSig,
  type UserSigErrorCode,
  type UserSigFields,
  type UserSigVerification,
} from '@parley/usersig';
import { parseSdkAppID, parseSecretKey, parseSeconds, parseUserID } from './cli-args.js';

/** A secret key argument; an empty one gets its own message because it is the usual mistake (unset variable). */
export function parseKeyArg(raw: string): string {
  if (raw === '') throw new InvalidArgumentError("must not be empty (use the app's secret key)");
  return parseSecretKey(raw);
}

/** A UserSig argument: non-empty, at most `MAX_USERSIG_CHARS` characters. Its content is judged by verify/decode. */
export function parseSigArg(raw: string): string {
  if (raw === '') throw new InvalidArgumentError('must not be empty');
  if (raw.length > MAX_USERSIG_CHARS) throw new InvalidArgumentError(`must be at most ${MAX_USERSIG_CHARS} characters`);
  return raw;
}

/** A duration in seconds as `180d`, `1d 2h`, `5m 3s` or `0s`. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.length === 0 ? '0s' : parts.join(' ');
}

/**
 * The decoded fields as aligned `name: value` lines, with expiry judged at `now` (ms).
 * @param hmacNote - what is known about the HMAC, e.g. `matches` or `not checked: no key`.
 */
export function describeFields(fields: UserSigFields, now: number, hmacNote: string): string[] {
  const lastSecond = fields.time + fields.expire;
  const nowSeconds = Math.floor(now / 1000);
  const state = nowSeconds > lastSecond ? `expired ${formatDuration(nowSeconds - lastSecond)} ago` : `valid for ${formatDuration(lastSecond - nowSeconds)} more`;
  const lines = [
    `identifier: ${fields.identifier}`,
    `sdkappid:   ${fields.sdkAppID}`,
    `time:       ${new Date(fields.time * 1000).toISOString()} (${fields.time})`,
    `expire:     ${fields.expire} s (${formatDuration(fields.expire)})`,
    `expires at: ${new Date(fields.expireAt).toISOString()} (${lastSecond}), ${state}`,
    `hmac:       ${fields.hmac} (${hmacNote})`,
  ];
  if (fields.userBuf !== undefined) {
    lines.push(`userbuf:    ${Buffer.from(fields.userBuf).toString('hex')}`);
    const room = parsePrivateMapUserBuf(fields.userBuf);
    if (room) {
      const where = room.roomStr === undefined ? `room ${room.roomID}` : `room "${room.roomStr}"`;
      lines.push(`            PrivateMapKey: ${where}, privileges ${room.privilegeMap}, until ${new Date(room.expireAtSeconds * 1000).toISOString()}`);
    }
  }
  return lines;
}

/** What a verification result says about the HMAC (70014 and 70013 are decided before it is checked). */
function hmacNote(result: UserSigVerification): string {
  if (result.ok) return 'matches';
  if (result.code === ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY) return 'does not match';
  if (result.code === ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID || result.code === ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID) return 'not checked';
  return 'matches';
}

function failLine(code: UserSigErrorCode, reason: string): string {
  return `FAIL ${code} ${userSigErrorName(code)}: ${reason}`;
}

/** Writes through the command's output configuration (tests replace it; the default is stdout). */
function writeOut(cmd: Command, text: string): void {
  const write = cmd.configureOutput().writeOut;
  if (write) write(text);
  else process.stdout.write(text);
}

function writeErr(cmd: Command, text: string): void {
  const write = cmd.configureOutput().writeErr;
  if (write) write(text);
  else process.stderr.write(text);
}

interface GenOptions {
  readonly sdkappid: number;
  readonly key: string;
  readonly user: string;
  readonly expire: number;
}

interface VerifyOptions {
  readonly sdkappid: number;
  readonly key: string;
  readonly user: string;
  readonly sig: string;
}

interface DecodeOptions {
  readonly sig: string;
}

/** Adds `usersig gen`, `usersig verify` and `usersig decode` to the program. */
export function registerUsersigCommand(program: Command): void {
  const usersig = program.command('usersig').description("generate, verify and decode UserSigs (Tencent's TLSSigAPIv2 algorithm)");

  usersig
    .command('gen')
    .description('generate a UserSig and print it on stdout')
    .requiredOption('--sdkappid <n>', 'the SDKAppID', parseSdkAppID)
    .requiredOption('--key <key>', "the app's secret key", parseKeyArg)
    .requiredOption('--user <userID>', 'the UserID (1..32 of letters, digits, "_" and "-")', parseUserID)
    .option('--expire <seconds>', `validity in seconds (default ${DEFAULT_EXPIRE_SECONDS} = 180 days)`, parseSeconds, DEFAULT_EXPIRE_SECONDS)
    .action((opts: GenOptions, cmd: Command) => {
      try {
        writeOut(cmd, `${genUserSig({ sdkAppID: opts.sdkappid, key: opts.key, userID: opts.user, expireSeconds: opts.expire })}\n`);
      } catch (err) {
        // The parsers above make this unreachable in practice; a bug still gets one clear line.
        writeErr(cmd, `error: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      }
    });

  usersig
    .command('verify')
    .description('verify a UserSig for an app and a UserID; prints its fields and OK, or FAIL with the Tencent error code (exit status 1)')
    .requiredOption('--sdkappid <n>', 'the SDKAppID', parseSdkAppID)
    .requiredOption('--key <key>', "the app's secret key", parseKeyArg)
    .requiredOption('--user <userID>', 'the UserID that logs in', parseUserID)
    .requiredOption('--sig <usersig>', 'the UserSig', parseSigArg)
    .action((opts: VerifyOptions, cmd: Command) => {
      const now = Date.now();
      const result = verifyUserSig({ sig: opts.sig, sdkAppID: opts.sdkappid, key: opts.key, userID: opts.user, now });
      const lines = result.fields ? describeFields(result.fields, now, hmacNote(result)) : [];
      lines.push(result.ok ? `OK: valid UserSig for ${result.fields.identifier} of app ${result.fields.sdkAppID}` : failLine(result.code, result.reason));
      writeOut(cmd, `${lines.join('\n')}\n`);
      if (!result.ok) process.exitCode = 1;
    });

  usersig
    .command('decode')
    .description('show the fields of a UserSig without a key (the HMAC is not checked)')
    .requiredOption('--sig <usersig>', 'the UserSig', parseSigArg)
    .action((opts: DecodeOptions, cmd: Command) => {
      const result = decodeUserSig(opts.sig);
      if (result.ok) {
        writeOut(cmd, `${describeFields(result.fields, Date.now(), 'not checked: no key').join('\n')}\n`);
      } else {
        writeOut(cmd, `${failLine(result.code, result.reason)}\n`);
        process.exitCode = 1;
      }
    });
}
