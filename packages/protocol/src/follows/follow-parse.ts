/**
 * Parsers of the follow request bodies; a malformed body or too many UserIDs fail with 30001
 * (`ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS`).
 */
import { runParser, type ParseResult } from '../core/parse-kit.js';
import {
  FOLLOW_LISTS,
  MAX_FOLLOW_CHECK_IDS,
  MAX_FOLLOW_IDS,
  MAX_FOLLOW_INFO_IDS,
  type FollowInfoRequest,
  type FollowListRequest,
  type FollowUsersRequest,
} from './follow-types.js';

const ERROR = 'ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS';

/** Parses the body of `follow.follow` and `follow.unfollow`: 1..20 UserIDs (duplicates dropped). */
export function parseFollowUsersRequest(body: unknown): ParseResult<FollowUsersRequest> {
  return runParser(body, ERROR, (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_FOLLOW_IDS) }));
}

/** Parses the body of `follow.check`: 1..100 UserIDs (duplicates dropped). */
export function parseFollowCheckRequest(body: unknown): ParseResult<FollowUsersRequest> {
  return runParser(body, ERROR, (r) => ({ userIDList: r.userIDs('userIDList', 1, MAX_FOLLOW_CHECK_IDS) }));
}

/** Parses the body of `follow.info`: 1..20 UserIDs, or none (the caller's own counts). */
export function parseFollowInfoRequest(body: unknown): ParseResult<FollowInfoRequest> {
  return runParser(body, ERROR, (r) => {
    const ids = r.optionalUserIDs('userIDList', MAX_FOLLOW_INFO_IDS);
    return ids === undefined || ids.length === 0 ? {} : { userIDList: ids };
  });
}

/** Parses the body of `follow.list`: `{ listType, nextCursor }` ('' or absent for the first page). */
export function parseFollowListRequest(body: unknown): ParseResult<FollowListRequest> {
  return runParser(body, ERROR, (r) => {
    const listType = r.optionalOneOf('listType', FOLLOW_LISTS) ?? r.fail(`${r.field('listType')} must be one of ${FOLLOW_LISTS.join(', ')}`);
    const nextCursor = r.optionalString('nextCursor', 32) ?? '';
    if (nextCursor !== '' && !/^\d+$/.test(nextCursor)) return r.fail(`${r.field('nextCursor')} must be a cursor this server returned`);
    return { listType, nextCursor };
  });
}
