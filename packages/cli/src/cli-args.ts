/**
 * Parsers for CLI arguments: each turns the raw string into a typed value or throws commander's
 * `InvalidArgumentError`, which commander reports as one clear line and a non-zero exit.
 */
import { InvalidArgumentError } from 'commander';
import { isValidUserID } from '@parley/protocol';

/** A TCP port 0..65535. */
export function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new InvalidArgumentError('must be a port number 0..65535');
  return Number(raw);
}

/** An SDKAppID: a positive integer below 2^32. */
export function parseSdkAppID(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) === 0 || Number(raw) > 0xffff_ffff) throw new InvalidArgumentError('must be a positive integer below 4294967296');
  return Number(raw);
}

/** A secret key: non-empty printable ASCII without spaces (Tencent's are 64 hex chars). */
export function parseSecretKey(raw: string): string {
  if (!/^[\x21-\x7e]{1,256}$/.test(raw)) throw new InvalidArgumentError('must be 1..256 printable characters without spaces');
  return raw;
}

/** A UserID per Tencent's rules. */
export function parseUserID(raw: string): string {
  if (!isValidUserID(raw)) throw new InvalidArgumentError('must be 1..32 characters of letters, digits, "_" and "-"');
  return raw;
}

/** A whole number in `min..max` (e.g. a limit or a size). */
export function intInRange(min: number, max: number): (raw: string) => number {
  return (raw: string) => {
    if (!/^\d{1,16}$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new InvalidArgumentError(`must be a whole number in ${min}..${max}`);
    return Number(raw);
  };
}

/** A positive number of seconds. */
export function parseSeconds(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) === 0) throw new InvalidArgumentError('must be a positive number of seconds');
  return Number(raw);
}
