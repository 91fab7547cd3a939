/**
 * The UserSig container: a JSON document, zlib-deflated, in Tencent's base64 variant. Encoding writes
 * what Tencent's Node package writes; decoding accepts what every official generator writes (any
 * deflate level including Go's stored blocks, any key order, any JSON whitespace, Go's trailing LF).
 * @packageDocumentation
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import { decodeStandardBase64, decodeTencentBase64, encodeStandardBase64, encodeTencentBase64 } from './tencent-base64.js';
import type { SignedFields } from './sig-hmac.js';
import { ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, ERR_SVR_ACCOUNT_USERSIG_EMPTY } from './usersig-codes.js';

/** Longest UserSig accepted, in characters. Real ones are 150–600; the cap bounds the work per check. */
export const MAX_USERSIG_CHARS = 8192;

/** Largest inflated document accepted, in bytes (64 KiB). Stops zip bombs; real documents are < 1 KiB. */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

/**
 * Largest `TLS.time` and `TLS.expire` accepted, in seconds (10^12, about the year 33 700). Keeps
 * `time + expire` and the expiry in milliseconds exact in a JS number.
 */
export const MAX_SIG_SECONDS = 1e12;

/** The document version every TLSSigAPIv2 generator writes. */
export const USERSIG_VERSION = '2.0';

/** The decoded fields of a UserSig. */
export interface UserSigFields extends SignedFields {
  /** Expiry instant in ms since the epoch: `(time + expire) * 1000`. Still valid during that second. */
  readonly expireAt: number;
  /** `TLS.sig`: the HMAC-SHA256 in standard base64 (44 characters); unique per ticket. */
  readonly hmac: string;
}

/** Outcome of {@link decodeUserSig}: the fields (not verified: no key is involved), or why decoding failed. */
export type UserSigDecoding =
  | { readonly ok: true; readonly fields: UserSigFields }
  | { readonly ok: false; readonly code: typeof ERR_SVR_ACCOUNT_USERSIG_EMPTY | typeof ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED; readonly reason: string };

function malformed(reason: string): UserSigDecoding {
  return { ok: false, code: ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, reason };
}

/**
 * Encodes a UserSig the way Tencent's Node package does: JSON with the fields in the order
 * ver, identifier, sdkappid, time, expire, [userbuf,] sig and no whitespace, default-level zlib
 * deflate, Tencent base64.
 * @param hmac - the HMAC-SHA256 digest of the fields (32 bytes).
 */
export function encodeUserSig(fields: SignedFields, hmac: Uint8Array): string {
  const doc: Record<string, string | number> = {
    'TLS.ver': USERSIG_VERSION,
    'TLS.identifier': fields.identifier,
    'TLS.sdkappid': fields.sdkAppID,
    'TLS.time': fields.time,
    'TLS.expire': fields.expire,
  };
  if (fields.userBuf !== undefined) doc['TLS.userbuf'] = encodeStandardBase64(fields.userBuf);
  doc['TLS.sig'] = encodeStandardBase64(hmac);
  return encodeTencentBase64(deflateSync(Buffer.from(JSON.stringify(doc), 'utf8')));
}

/**
 * Decodes a UserSig without checking it against a key: for debugging tools and as the first half of
 * `verifyUserSig`. Never throws, whatever `sig` is.
 *
 * Fails with 70002 for `''`, `undefined` or `null`, and with 70003 for anything that is not a
 * well-formed v2 UserSig: not a string, longer than {@link MAX_USERSIG_CHARS}, not canonical Tencent
 * base64, not a zlib stream (or truncated, or over {@link MAX_DOCUMENT_BYTES} inflated), not UTF-8
 * JSON, not an object, `TLS.ver` other than `"2.0"`, a missing or ill-typed field.
 *
 * `TLS.sdkappid`, `TLS.time` and `TLS.expire` must be JSON numbers (non-negative integers): every
 * official generator (Node, Go, Java, Python, PHP) writes numbers, so numeric strings are refused.
 */
export function decodeUserSig(sig: unknown): UserSigDecoding {
  if (sig === undefined || sig === null || sig === '') {
    return { ok: false, code: ERR_SVR_ACCOUNT_USERSIG_EMPTY, reason: 'The UserSig is empty' };
  }
  if (typeof sig !== 'string') return malformed(`The UserSig must be a string, not ${typeof sig}`);
  if (sig.length > MAX_USERSIG_CHARS) return malformed(`The UserSig is longer than ${MAX_USERSIG_CHARS} characters`);
  const compressed = decodeTencentBase64(sig);
  if (compressed === undefined) return malformed('The UserSig is not valid base64 (Tencent variant: * - _ for + / =)');
  const inflated = inflateWhole(compressed);
  if (typeof inflated === 'string') return malformed(`The UserSig ${inflated}`);
  // Checked first because Buffer#toString would silently replace invalid bytes with U+FFFD.
  if (!isUtf8(inflated)) return malformed('The UserSig does not contain a UTF-8 JSON document');
  let doc: unknown;
  try {
    doc = JSON.parse(inflated.toString('utf8'));
  } catch {
    return malformed('The UserSig does not contain a UTF-8 JSON document');
  }
  return parseDocument(doc);
}

/** Output chunk of the inflate, in bytes: one chunk holds any real document. */
const INFLATE_CHUNK_BYTES = 1024;

/**
 * Inflates one complete zlib stream with nothing after it (Node would silently ignore trailing
 * bytes; no generator writes any).
 * @returns the document bytes, or why the input is not acceptable.
 */
function inflateWhole(compressed: Buffer): Buffer | string {
  let result: unknown;
  try {
    // `info: true` reports how much input the stream used; @types/node types the result as a Buffer.
    // Real documents are < 1 KiB: 1 KiB output chunks instead of the default 16 KiB cut the
    // off-heap allocation per check (and the GC it drives during a login storm) by 16×.
    result = inflateSync(compressed, { maxOutputLength: MAX_DOCUMENT_BYTES, info: true, chunkSize: INFLATE_CHUNK_BYTES });
  } catch (err) {
    return err instanceof RangeError ? `inflates to more than ${MAX_DOCUMENT_BYTES} bytes` : 'is not a complete zlib stream (truncated or altered?)';
  }
  if (typeof result !== 'object' || result === null || !('buffer' in result) || !('engine' in result)) return 'could not be inflated';
  const { buffer, engine } = result;
  const used = typeof engine === 'object' && engine !== null && 'bytesWritten' in engine ? engine.bytesWritten : undefined;
  if (!Buffer.isBuffer(buffer) || used !== compressed.length) return 'has data after the end of its zlib stream';
  return buffer;
}

function parseDocument(doc: unknown): UserSigDecoding {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return malformed('The UserSig document is not a JSON object');
  const field = (name: string): unknown => (Object.hasOwn(doc, name) ? (doc as Record<string, unknown>)[name] : undefined);

  const version = field('TLS.ver');
  if (version !== USERSIG_VERSION) return malformed(`TLS.ver must be "${USERSIG_VERSION}" (this is not a v2 UserSig)`);
  const identifier = field('TLS.identifier');
  if (typeof identifier !== 'string' || identifier === '') return malformed('TLS.identifier is missing or not a non-empty string');
  const sdkAppID = field('TLS.sdkappid');
  if (!isUint(sdkAppID, Number.MAX_SAFE_INTEGER)) return malformed('TLS.sdkappid is missing or not a non-negative integer');
  const time = field('TLS.time');
  if (!isUint(time, MAX_SIG_SECONDS)) return malformed(`TLS.time is missing or not an integer 0..${MAX_SIG_SECONDS}`);
  const expire = field('TLS.expire');
  if (!isUint(expire, MAX_SIG_SECONDS)) return malformed(`TLS.expire is missing or not an integer 0..${MAX_SIG_SECONDS}`);
  const hmac = field('TLS.sig');
  if (typeof hmac !== 'string' || decodeStandardBase64(hmac) === undefined || hmac === '') {
    return malformed('TLS.sig is missing or not standard base64');
  }
  const base = { identifier, sdkAppID, time, expire, expireAt: (time + expire) * 1000, hmac };
  const userBufText = field('TLS.userbuf');
  if (userBufText === undefined) return { ok: true, fields: base };
  const userBuf = typeof userBufText === 'string' ? decodeStandardBase64(userBufText) : undefined;
  if (userBuf === undefined) return malformed('TLS.userbuf is not standard base64');
  return { ok: true, fields: { ...base, userBuf } };
}

function isUint(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
}
