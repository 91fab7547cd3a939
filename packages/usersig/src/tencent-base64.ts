/**
 * The two base64 flavours a UserSig uses: standard base64 inside the JSON document (`TLS.sig`,
 * `TLS.userbuf`), and Tencent's own variant for the outer string (`+`→`*`, `/`→`-`, `=`→`_`, padding
 * kept). The variant is not RFC 4648 URL-safe base64.
 * @packageDocumentation
 */

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as standard base64 (with `+`, `/` and `=` padding). */
export function encodeStandardBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes standard base64 strictly: the alphabet, padding to a multiple of 4 and zero padding bits
 * are all required, so each byte string has exactly one accepted text. Node's own decoder skips
 * unknown characters silently, which would let altered text through.
 * @returns the bytes, or `undefined` when `text` is not canonical standard base64.
 */
export function decodeStandardBase64(text: string): Buffer | undefined {
  if (!STANDARD_BASE64.test(text) || !paddingBitsZero(text)) return undefined;
  return Buffer.from(text, 'base64');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// The last character before `==` carries 4 unused bits, the one before `=` carries 2; canonical text has them zero.
// (Checked directly instead of re-encoding the whole buffer: this runs on every login.)
function paddingBitsZero(text: string): boolean {
  if (text.endsWith('==')) return (ALPHABET.indexOf(text.charAt(text.length - 3)) & 0x0f) === 0;
  if (text.endsWith('=')) return (ALPHABET.indexOf(text.charAt(text.length - 2)) & 0x03) === 0;
  return true;
}

/** Encodes bytes in Tencent's UserSig base64 variant. */
export function encodeTencentBase64(bytes: Uint8Array): string {
  return encodeStandardBase64(bytes).replaceAll('+', '*').replaceAll('/', '-').replaceAll('=', '_');
}

/**
 * Decodes Tencent's UserSig base64 variant strictly (see {@link decodeStandardBase64}).
 * @returns the bytes, or `undefined` when `text` is not canonical.
 */
export function decodeTencentBase64(text: string): Buffer | undefined {
  // A standard-alphabet character would be accepted after the mapping below; it never belongs here.
  if (/[+/=]/.test(text)) return undefined;
  return decodeStandardBase64(text.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '='));
}
