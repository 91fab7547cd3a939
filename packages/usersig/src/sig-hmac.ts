/**
 * The signed part of a UserSig: the content lines and their HMAC-SHA256 (Tencent's TLSSigAPIv2).
 * @packageDocumentation
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { encodeStandardBase64 } from './tencent-base64.js';

/** The fields covered by the HMAC. */
export interface SignedFields {
  /** `TLS.identifier`: the UserID. */
  readonly identifier: string;
  /** `TLS.sdkappid`. */
  readonly sdkAppID: number;
  /** `TLS.time`: issue time, whole seconds since the epoch. */
  readonly time: number;
  /** `TLS.expire`: validity after `time`, in seconds. */
  readonly expire: number;
  /** `TLS.userbuf` bytes (PrivateMapKey and other userbuf variants); absent for a plain UserSig. */
  readonly userBuf?: Uint8Array;
}

/**
 * The exact text that is signed: one `TLS.<name>:<value>` line per field, each ending in LF (the last
 * one too), numbers in decimal, the userbuf as standard base64 and only when present.
 */
export function sigContent(fields: SignedFields): string {
  let content = `TLS.identifier:${fields.identifier}\nTLS.sdkappid:${fields.sdkAppID}\nTLS.time:${fields.time}\nTLS.expire:${fields.expire}\n`;
  if (fields.userBuf !== undefined) content += `TLS.userbuf:${encodeStandardBase64(fields.userBuf)}\n`;
  return content;
}

/**
 * HMAC-SHA256 of {@link sigContent}. The HMAC key is the secret key string's UTF-8 bytes: it is not
 * hex-decoded, exactly as every official generator does it.
 * @returns the 32-byte digest.
 */
export function sigHmac(key: string, fields: SignedFields): Buffer {
  return createHmac('sha256', keyObject(key)).update(sigContent(fields), 'utf8').digest();
}

// A server verifies many sigs with a handful of app keys: import each key once, not per verification.
const KEY_CACHE_SIZE = 64;
const keys = new Map<string, KeyObject>();

function keyObject(key: string): KeyObject {
  let k = keys.get(key);
  if (!k) {
    if (keys.size >= KEY_CACHE_SIZE) keys.clear();
    k = createSecretKey(Buffer.from(key, 'utf8'));
    keys.set(key, k);
  }
  return k;
}
