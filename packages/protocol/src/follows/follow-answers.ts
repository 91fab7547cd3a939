/**
 * Parsers of the answers and push of the follow commands (the SDK's side of `follow.*`): every
 * declared field required, unknown fields ignored.
 */
import { MALFORMED_ANSWER, runParser, type BodyReader, type ParseResult } from '../core/parse-kit.js';
import {
  FOLLOW_LISTS,
  FOLLOW_TYPES,
  type FollowChangedPush,
  type FollowCheckResponse,
  type FollowInfo,
  type FollowInfoResponse,
  type FollowListResponse,
  type FollowResult,
  type FollowResultsResponse,
  type FollowTypeResult,
} from './follow-types.js';

function readResult(r: BodyReader): FollowResult {
  return { userID: r.str('userID'), resultCode: r.uint('resultCode'), resultInfo: r.str('resultInfo') };
}

function readInfo(r: BodyReader): FollowInfo {
  return { userID: r.str('userID'), followersCount: r.uint('followersCount'), followingCount: r.uint('followingCount'), mutualFollowersCount: r.uint('mutualFollowersCount') };
}

function readType(r: BodyReader): FollowTypeResult {
  const v = r.uint('followType');
  const followType = FOLLOW_TYPES.find((t) => t === v) ?? r.fail(`${r.field('followType')} must be one of ${FOLLOW_TYPES.join(', ')} (got ${v})`);
  return { userID: r.str('userID'), followType };
}

/** Parses the answer of `follow.follow` and `follow.unfollow`. */
export function parseFollowResultsAnswer(body: unknown): ParseResult<FollowResultsResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ resultList: r.list('resultList', readResult) }), 'follow answer');
}

/** Parses the answer of `follow.list`. */
export function parseFollowListAnswer(body: unknown): ParseResult<FollowListResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ userIDList: r.strings('userIDList'), nextCursor: r.str('nextCursor') }), 'follow list answer');
}

/** Parses the answer of `follow.info`. */
export function parseFollowInfoAnswer(body: unknown): ParseResult<FollowInfoResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ followInfoList: r.list('followInfoList', readInfo) }), 'follow info answer');
}

/** Parses the answer of `follow.check`. */
export function parseFollowCheckAnswer(body: unknown): ParseResult<FollowCheckResponse> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ resultList: r.list('resultList', readType) }), 'follow check answer');
}

/** Parses the body of the `follow.changed` push. */
export function parseFollowChangedPush(body: unknown): ParseResult<FollowChangedPush> {
  return runParser(body, MALFORMED_ANSWER, (r) => ({ listType: r.oneOf('listType', FOLLOW_LISTS), isAdd: r.bool('isAdd'), userIDList: r.strings('userIDList') }), 'follow push');
}
