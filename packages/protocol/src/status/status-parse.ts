/**
 * Parsers of the user-status request bodies. A malformed body, too many UserIDs or a custom status
 * over {@link MAX_CUSTOM_STATUS_BYTES} bytes fail with 6017 (`ERR_INVALID_PARAMETERS`, the code
 * Tencent's SDK gives a bad parameter).
 */
import { runParser, type ParseResult } from '../core/parse-kit.js';
import {
  MAX_CUSTOM_STATUS_BYTES,
  MAX_STATUS_GET_IDS,
  MAX_STATUS_SUBSCRIBE_IDS,
  type SetSelfStatusRequest,
  type StatusUsersRequest,
  type UnsubscribeStatusRequest,
} from './status-types.js';

const ERROR = 'ERR_INVALID_PARAMETERS';

/** Parses the body of `status.set_self`: `{ customStatus }`, at most 100 bytes ('' clears it). */
export function parseSetSelfStatusRequest(body: unknown): ParseResult<SetSelfStatusRequest> {
  return runParser(body, ERROR, (r) => ({ customStatus: r.string('customStatus', MAX_CUSTOM_STATUS_BYTES) }));
}

/** Parses the body of `status.get`: 1..500 UserIDs (duplicates dropped). */
export function parseGetStatusRequest(body: unknown): ParseResult<StatusUsersRequest> {
  return runParser(body, ERROR, (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_STATUS_GET_IDS) }));
}

/** Parses the body of `status.subscribe`: 1..100 UserIDs (duplicates dropped). */
export function parseSubscribeStatusRequest(body: unknown): ParseResult<StatusUsersRequest> {
  return runParser(body, ERROR, (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_STATUS_SUBSCRIBE_IDS) }));
}

/** Parses the body of `status.unsubscribe`: 0..100 UserIDs, or none (every subscription). */
export function parseUnsubscribeStatusRequest(body: unknown): ParseResult<UnsubscribeStatusRequest> {
  return runParser(body, ERROR, (r) => {
    const ids = r.optionalUserIDs('userIDList', MAX_STATUS_SUBSCRIBE_IDS);
    return ids === undefined || ids.length === 0 ? {} : { userIDList: ids };
  });
}
