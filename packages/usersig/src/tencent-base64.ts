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
  if (!STANDARD_BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Re-encoding rejects texts whose unused padding bits are not zero.
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Encodes bytes in Tencent's UserSig base64 variant. */
export function encodeTencentBase64(bytes: Uint8Array): string {
  return encodeStandardBase64(bytes).replace(/[+/=]/g, (c) => (c === '+' ? '*' : c === '/' ? '-' : '_'));
}

/**
 * Decodes Tencent's UserSig base64 variant strictly (see {@link decodeStandardBase64}).
 * @returns the bytes, or `undefined` when `text` is not canonical.
 */
export function decodeTencentBase64(text: string): Buffer | undefined {
  // A standard-alphabet character would be accepted after the mapping below; it never belongs here.
  if (/[+/=]/.test(text)) return undefined;
  return decodeStandardBase64(text.replace(/[*\-_]/g, (c) => (c === '*' ? '+' : c === '-' ? '/' : '=')));
}
