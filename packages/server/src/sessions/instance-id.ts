/** Login instance ids: 12 random bytes, base64url (16 characters). */
import { randomFillSync } from 'node:crypto';

// Instance ids come from a pool of random bytes refilled in bulk: one OpenSSL call per 256 logins.
const ID_BYTES = 12;
const idPool = Buffer.alloc(ID_BYTES * 256);
let idOffset = idPool.length;

/** A new random instance id: 12 random bytes, base64url (16 characters). */
export function newInstanceID(): string {
  if (idOffset >= idPool.length) {
    randomFillSync(idPool);
    idOffset = 0;
  }
  const id = idPool.toString('base64url', idOffset, idOffset + ID_BYTES);
  idOffset += ID_BYTES;
  return id;
}
