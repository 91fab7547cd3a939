/**
 * `@parley/usersig`: UserSig v2 generation and verification, byte-compatible with Tencent's
 * TLSSigAPIv2. Depends on `node:crypto` and `node:zlib` only.
 * @packageDocumentation
 */
export { Api } from './tls-sig-api.js';
export { genUserSig, DEFAULT_EXPIRE_SECONDS, MAX_SDKAPPID } from './usersig-generator.js';
export type { GenUserSigOptions } from './usersig-generator.js';
export { verifyUserSig } from './usersig-verifier.js';
export type { VerifyUserSigOptions, UserSigVerification } from './usersig-verifier.js';
export { decodeUserSig, encodeUserSig, MAX_USERSIG_CHARS, MAX_DOCUMENT_BYTES, MAX_SIG_SECONDS, USERSIG_VERSION } from './usersig-document.js';
export type { UserSigFields, UserSigDecoding } from './usersig-document.js';
export { sigContent, sigHmac } from './sig-hmac.js';
export type { SignedFields } from './sig-hmac.js';
export {
  genPrivateMapKey,
  genPrivateMapKeyWithStringRoomID,
  buildPrivateMapUserBuf,
  parsePrivateMapUserBuf,
  PRIVILEGE,
} from './private-map-key.js';
export type { PrivateMapUserBuf, PrivateMapKeyBaseOptions, PrivateMapKeyOptions, PrivateMapKeyStringRoomOptions } from './private-map-key.js';
export { encodeTencentBase64, decodeTencentBase64, encodeStandardBase64, decodeStandardBase64 } from './tencent-base64.js';
export {
  ERR_SVR_ACCOUNT_USERSIG_EXPIRED,
  ERR_SVR_ACCOUNT_USERSIG_EMPTY,
  ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID,
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID,
  ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND,
  USERSIG_ERROR_CODES,
  userSigErrorName,
} from './usersig-codes.js';
export type { UserSigErrorCode, UserSigErrorName } from './usersig-codes.js';
