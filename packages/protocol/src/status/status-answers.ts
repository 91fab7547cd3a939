/**
 * Parsers of the answers and push of the user-status commands (the SDK's side of `status.*`): every
 * declared field required, unknown fields ignored.
 */
import { MALFORMED_ANSWER, runParser, type BodyReader, type ParseResult } from '../core/parse-kit.js';
import { USER_STATUS_TYPES, type GetStatusResponse, type SetSelfStatusResponse, type StatusFailure, type StatusFailuresResponse, type StatusUpdatedPush, type UserStatusType, type WireUserStatus } from './status-types.js';

function readStatusType(r: BodyReader): UserStatusType {
  const v = r.uint('statusType');
  return USER_STATUS_TYPES.find((t) => t === v) ?? r.fail(`${r.field('statusType')} must be one of ${USER_STATUS_TYPES.join(', ')} (got ${v})`);
}

/** Reads a {@link WireUserStatus}. */
export function readUserStatus(r: BodyReader): WireUserStatus {
  return { userID: r.str('userID'), statusType: readStatusType(r), customStatus: r.str('customStatus') };
}

function readFailure(r: BodyReader): StatusFailure {
  return { userID: r.str('userID'), code: r.uint('code'), message: r.str('message') };
}

/** Parses the answer of `status.set_self`. */
export function parseSetSelfStatusAnswer(body: unknown): ParseResult<SetSelfStatusResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ status: r.object('status', readUserStatus) }), 'status answer');
}

/** Parses the answer of `status.get`. */
export function parseGetStatusAnswer(body: unknown): ParseResult<GetStatusResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ successUserList: r.list('successUserList', readUserStatus), failureUserList: r.list('failureUserList', readFailure) }), 'status list answer');
}

/** Parses the answer of `status.subscribe` and `status.unsubscribe`. */
export function parseStatusFailuresAnswer(body: unknown): ParseResult<StatusFailuresResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ failureUserList: r.list('failureUserList', readFailure) }), 'status subscription answer');
}

/** Parses the body of the `status.updated` push. */
export function parseStatusPush(body: unknown): ParseResult<StatusUpdatedPush> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ userStatusList: r.list('userStatusList', readUserStatus) }), 'status push');
}
