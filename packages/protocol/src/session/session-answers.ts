/**
 * The session's side of the protocol that the SDK reads: the answers to `wslogin` and `wshello`
 * and the shutdown push, plus the request parser of `wslogin` with the error the server answers.
 */
import { emptyBody, MALFORMED_ANSWER, refuse, withError, type ParseResult } from '../core/parse-kit.js';
import { isRecord, valid } from '../core/validate.js';
import type { ErrorName } from '../errors/error-codes.js';
import { isValidUserID } from '../tencent/constants.js';
import { parseKickoutPush, parseLoginRequest, type HelloResponse, type KickoutPush, type LoginRequest, type LoginResponse, type ShutdownPush } from './session-commands.js';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Parses a `wslogin` request and names the error to answer: a present but unusable userID is
 * `ERR_SDK_COMM_INVALID_IDENTIFIER` (7003, Tencent's code), anything else `PARLEY_BAD_REQUEST`.
 */
export function parseLoginRequestBody(body: unknown): ParseResult<LoginRequest> {
  const userID = isRecord(body) ? body['userID'] : undefined;
  const error: ErrorName = typeof userID === 'string' && userID !== '' && !isValidUserID(userID) ? 'ERR_SDK_COMM_INVALID_IDENTIFIER' : 'PARLEY_BAD_REQUEST';
  return withError(parseLoginRequest(body), error);
}

/** Parses a successful `wslogin` answer body (protocol rule 3). */
export function parseLoginAnswer(body: unknown): ParseResult<LoginResponse> {
  const fail = (reason: string) => refuse(MALFORMED_ANSWER, reason);
  if (!isRecord(body)) return fail('login answer must be an object');
  const { userID, instanceID, serverTime, helloInterval, sigExpireAt, resumed } = body;
  if (typeof userID !== 'string' || userID === '') return fail('login answer: userID must be a non-empty string');
  if (typeof instanceID !== 'string' || instanceID === '') return fail('login answer: instanceID must be a non-empty string');
  if (!isFiniteNumber(serverTime)) return fail('login answer: serverTime must be a number (ms)');
  if (!isFiniteNumber(helloInterval) || helloInterval <= 0) return fail('login answer: helloInterval must be a positive number (s)');
  if (!isFiniteNumber(sigExpireAt)) return fail('login answer: sigExpireAt must be a number (ms)');
  if (typeof resumed !== 'boolean') return fail('login answer: resumed must be a boolean');
  return valid({ userID, instanceID, serverTime, helloInterval, sigExpireAt, resumed });
}

/** Parses a `wshello` answer body. */
export function parseHelloAnswer(body: unknown): ParseResult<HelloResponse> {
  if (!isRecord(body) || !isFiniteNumber(body['serverTime'])) return refuse(MALFORMED_ANSWER, 'hello answer: serverTime must be a number (ms)');
  return valid({ serverTime: body['serverTime'] });
}

/** Parses a kick-out push body. */
export function parseKickoutPushBody(body: unknown): ParseResult<KickoutPush> {
  return withError(parseKickoutPush(body), MALFORMED_ANSWER);
}

/**
 * Parses a shutdown push body. Never fails on a bad hint: the socket closes next whatever the body
 * says, so a missing or unusable `reconnectAfterMs` reads as 0 (reconnect after the client's own spread).
 */
export function parseShutdownPush(body: unknown): ParseResult<ShutdownPush> {
  const after = isRecord(body) ? body['reconnectAfterMs'] : undefined;
  return valid({ reconnectAfterMs: isFiniteNumber(after) && after >= 0 ? after : 0 });
}

/** Parses the `{}` request of `wshello` and `wslogout`. */
export const parseEmptySessionRequest = emptyBody('PARLEY_BAD_REQUEST');

/** Parses the `{}` answer of `wslogout`. */
export const parseLogoutAnswer = emptyBody(MALFORMED_ANSWER, 'logout answer');
