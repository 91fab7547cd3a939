/**
 * Parses the server's answer to `wslogin` (protocol rule 3) into a typed {@link LoginResponse},
 * so a malformed answer becomes one precise error instead of `undefined` fields later.
 */
import { invalid, isRecord, valid, type LoginResponse, type Parsed } from '@parley/protocol';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parses a successful `wslogin` answer body. Never throws. */
export function parseLoginAnswer(body: unknown): Parsed<LoginResponse> {
  if (!isRecord(body)) return invalid('login answer must be an object');
  const { userID, instanceID, serverTime, helloInterval, sigExpireAt, resumed } = body;
  if (typeof userID !== 'string' || userID === '') return invalid('login answer: userID must be a non-empty string');
  if (typeof instanceID !== 'string' || instanceID === '') return invalid('login answer: instanceID must be a non-empty string');
  if (!isFiniteNumber(serverTime)) return invalid('login answer: serverTime must be a number (ms)');
  if (!isFiniteNumber(helloInterval) || helloInterval <= 0) return invalid('login answer: helloInterval must be a positive number (s)');
  if (!isFiniteNumber(sigExpireAt)) return invalid('login answer: sigExpireAt must be a number (ms)');
  if (typeof resumed !== 'boolean') return invalid('login answer: resumed must be a boolean');
  return valid({ userID, instanceID, serverTime, helloInterval, sigExpireAt, resumed });
}
