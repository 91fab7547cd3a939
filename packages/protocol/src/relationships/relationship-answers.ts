/**
 * Parsers of the relationship answers and pushes (the SDK's side of `sns.*`): every declared field
 * required, unknown fields ignored.
 */
import { MALFORMED_ANSWER, emptyBody, runParser, type BodyReader, type EmptyBody, type ParseResult } from '../core/parse-kit.js';
import {
  APPLICATION_TYPES,
  RELATIONS,
  type AddFriendAnswer,
  type ApplicationListAnswer,
  type BlacklistAnswer,
  type CheckFriendAnswer,
  type FailedUser,
  type FriendAnswer,
  type FriendGetAnswer,
  type FriendGroupAnswer,
  type FriendGroupListAnswer,
  type FriendGroupResultAnswer,
  type FriendListAnswer,
  type UserResultsAnswer,
  type WireFriend,
  type WireFriendApplication,
  type WireFriendGroup,
} from './relationship-types.js';

/** Reads a {@link WireFriend}. */
export function readFriend(r: BodyReader): WireFriend {
  return {
    userID: r.str('userID'),
    remark: r.str('remark'),
    groupList: r.strings('groupList'),
    source: r.str('source'),
    wording: r.str('wording'),
    addTime: r.uint('addTime'),
    friendCustomField: r.list('friendCustomField', (f) => ({ key: f.str('key'), value: f.str('value') })),
  };
}

/** Reads a {@link WireFriendApplication}. */
export function readFriendApplication(r: BodyReader): WireFriendApplication {
  return {
    userID: r.str('userID'),
    nick: r.str('nick'),
    avatar: r.str('avatar'),
    time: r.uint('time'),
    source: r.str('source'),
    wording: r.str('wording'),
    type: r.oneOf('type', APPLICATION_TYPES),
  };
}

/** Reads a {@link WireFriendGroup}. */
export function readFriendGroup(r: BodyReader): WireFriendGroup {
  return { name: r.str('name'), userIDList: r.strings('userIDList') };
}

function readFailure(r: BodyReader): FailedUser {
  return { userID: r.str('userID'), code: r.uint('code'), message: r.str('message') };
}

const answer = <T>(what: string, read: (r: BodyReader) => T) => (body: unknown): ParseResult<T> => runParser(body, MALFORMED_ANSWER, read, what);

/** Parses the answer of `sns.friend_list` and the `sns.friends_updated` push. */
export const parseFriendListAnswer = answer<FriendListAnswer>('friend list', (r) => ({ friendList: r.list('friendList', readFriend) }));

/** Parses the answer of `sns.friend_add`. */
export const parseAddFriendAnswer = answer<AddFriendAnswer>('add friend answer', (r) => ({ userID: r.str('userID'), code: r.uint('code'), message: r.str('message') }));

/** Parses the per-user results of deleting friends and of the blacklist changes. */
export const parseUserResultsAnswer = answer<UserResultsAnswer>('user results', (r) => ({
  successUserIDList: r.strings('successUserIDList'),
  failureUserIDList: r.list('failureUserIDList', readFailure),
}));

/** Parses the answer of `sns.friend_check`. */
export const parseCheckFriendAnswer = answer<CheckFriendAnswer>('check friend answer', (r) => ({
  successUserIDList: r.list('successUserIDList', (s) => ({ userID: s.str('userID'), relation: s.oneOf('relation', RELATIONS) })),
  failureUserIDList: r.list('failureUserIDList', readFailure),
}));

/** Parses the answer of `sns.friend_get`. */
export const parseFriendGetAnswer = answer<FriendGetAnswer>('friend get answer', (r) => ({
  friendList: r.list('friendList', readFriend),
  failureUserIDList: r.list('failureUserIDList', readFailure),
}));

/** Parses the answer of `sns.friend_update`. */
export const parseFriendAnswer = answer<FriendAnswer>('friend answer', (r) => ({ friend: r.object('friend', readFriend) }));

/** Parses the answer of `sns.application_list` and the `sns.applications_updated` push. */
export const parseApplicationListAnswer = answer<ApplicationListAnswer>('friend application list', (r) => ({
  friendApplicationList: r.list('friendApplicationList', readFriendApplication),
  unreadCount: r.uint('unreadCount'),
}));

/** Parses the answer of `sns.group_list` and the `sns.groups_updated` push. */
export const parseFriendGroupListAnswer = answer<FriendGroupListAnswer>('friend group list', (r) => ({ friendGroupList: r.list('friendGroupList', readFriendGroup) }));

/** Parses the answer of `sns.group_delete` and `sns.group_rename`. */
export const parseFriendGroupAnswer = answer<FriendGroupAnswer>('friend group answer', (r) => ({ friendGroup: r.object('friendGroup', readFriendGroup) }));

/** Parses the answer of `sns.group_create` and the member changes. */
export const parseFriendGroupResultAnswer = answer<FriendGroupResultAnswer>('friend group result', (r) => ({
  friendGroup: r.object('friendGroup', readFriendGroup),
  failureUserIDList: r.list('failureUserIDList', readFailure),
}));

/** Parses the answer of `sns.black_list_get` and the `sns.blacklist_updated` push. */
export const parseBlacklistAnswer = answer<BlacklistAnswer>('blacklist', (r) => ({ userIDList: r.strings('userIDList') }));

/** Parses an empty answer (accept, refuse, delete an application, mark read). */
export const parseEmptyRelationshipAnswer: (body: unknown) => ParseResult<EmptyBody> = emptyBody(MALFORMED_ANSWER, 'relationship answer');
