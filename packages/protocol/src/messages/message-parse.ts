/**
 * Parsers of the message request bodies of `MessagingCommand` (see
 * `docs/PROTOCOL.md` §Messaging). Each returns the typed request with defaults applied, or the reason
 * and the registry error the server answers with (`PARLEY_BAD_REQUEST` unless noted).
 */
import { isValidUserID } from '../tencent/constants.js';
import { messageBodyBytes, parseElements } from './message-elements.js';
import { isValidGroupID, isValidMessageID, readConversationID, type ConversationRef } from '../shared/wire-ids.js';
import { refuse, runParser, type MessagingParsed } from '../core/parse-kit.js';
import { MAX_MESSAGE_BYTES } from '../shared/wire-message.js';
import type { SendMessageRequest } from './message-types.js';
import { TYPES } from '../tencent/types.js';

/** Group message priorities (`TYPES.MSG_PRIORITY_*` values). */
export const MESSAGE_PRIORITIES = ['High', 'Normal', 'Low', 'Lowest'] as const;

/** Most UserIDs in `atUserList`. */
export const MAX_AT_USERS = 100;
/** Most UserIDs in `receiverList` (targeted group message). */
export const MAX_RECEIVERS = 500;
/** Default and largest `count` of `openim.sync`. */
export const SYNC_PAGE = { default: 100, max: 500 } as const;

/** Largest `recent` of `openim.sync`. */
export const MAX_SYNC_RECENT = 100_000;
/** Default and largest `count` of `openim.getmsg`. */
export const HISTORY_PAGE = { default: 15, max: 100 } as const;
/** Most sequences per `openim.deletemsg`. */
export const MAX_DELETE_SEQS = 30;
/** Largest sequence number accepted in requests. */
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/** A send request with every optional field filled in. */
export type NormalizedSendMessage = { readonly [K in keyof SendMessageRequest]-?: Exclude<SendMessageRequest[K], undefined> };

/** Body of `openim.sync` with defaults applied. */
export interface NormalizedSync {
  readonly cursor: number;
  readonly count: number;
  /** `recent` of `SyncRequest`; absent when not asked for. */
  readonly recent?: number;
}

/** Body of `openim.getmsg` with defaults applied. */
export interface NormalizedHistory {
  readonly conversation: ConversationRef;
  readonly beforeSeq?: number;
  readonly afterSeq?: number;
  readonly untilTime?: number;
  readonly sinceTime?: number;
  readonly count: number;
}

/** Parses the body of `openim.sendmsg` (size over `MAX_MESSAGE_BYTES` → `ERR_SVR_COMM_BODY_SIZE_LIMIT`). */
export function parseSendMessageRequest(body: unknown): MessagingParsed<NormalizedSendMessage> {
  const parsed = runParser(body, 'PARLEY_BAD_REQUEST', (r) => {
    const conversationType = r.optionalOneOf('conversationType', ['C2C', 'GROUP'] as const) ?? r.fail('conversationType is required: "C2C" or "GROUP"');
    const to = r.raw('to');
    if (conversationType === 'C2C' && !isValidUserID(to)) r.fail('to must be the peer UserID (1..32 letters, digits, "_" or "-")');
    if (conversationType === 'GROUP' && !isValidGroupID(to)) r.fail('to must be a group ID', 'ERR_SVR_GROUP_INVALID_GROUPID');
    const ID = r.raw('ID');
    if (!isValidMessageID(ID)) r.fail('ID must be 1..64 characters of letters, digits, "_" or "-"');
    const random = r.int('random', 0, 0xffff_ffff);
    const elements = parseElements(r.raw('elements'));
    if (!elements.ok) r.fail(elements.reason);
    const cloudCustomData = r.optionalString('cloudCustomData', MAX_MESSAGE_BYTES) ?? '';
    const priority = r.optionalOneOf('priority', MESSAGE_PRIORITIES) ?? 'Normal';
    const onlineUserOnly = r.optionalBoolean('onlineUserOnly') ?? false;
    const atUserList = r.optionalUserIDs('atUserList', MAX_AT_USERS, 'PARLEY_BAD_REQUEST', [TYPES.MSG_AT_ALL]) ?? [];
    const receiverList = r.optionalUserIDs('receiverList', MAX_RECEIVERS) ?? [];
    if (conversationType === 'C2C' && (atUserList.length > 0 || receiverList.length > 0)) {
      r.fail('atUserList and receiverList are for group messages only');
    }
    if (atUserList.length > 0 && receiverList.length > 0) r.fail('a targeted message (receiverList) cannot @-mention users');
    return { conversationType, to: to as string, ID: ID as string, random, elements: elements.ok ? elements.value : [], cloudCustomData, priority, atUserList, onlineUserOnly, receiverList };
  });
  if (!parsed.ok) return parsed;
  const bytes = messageBodyBytes(parsed.value.elements, parsed.value.cloudCustomData);
  if (bytes > MAX_MESSAGE_BYTES) return refuse('ERR_SVR_COMM_BODY_SIZE_LIMIT', `the message body is ${bytes} bytes; at most ${MAX_MESSAGE_BYTES} are allowed`);
  return parsed;
}

/** Parses the body of `openim.sync`. */
export function parseSyncRequest(body: unknown): MessagingParsed<NormalizedSync> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => {
    const recent = r.optionalInt('recent', 1, MAX_SYNC_RECENT);
    return {
      cursor: r.optionalInt('cursor', 0, MAX_SEQ) ?? 0,
      count: r.optionalInt('count', 1, SYNC_PAGE.max) ?? SYNC_PAGE.default,
      ...(recent !== undefined ? { recent } : {}),
    };
  });
}

/** Parses the body of `openim.getmsg`. */
export function parseHistoryRequest(body: unknown): MessagingParsed<NormalizedHistory> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => {
    const conv = readConversationID(r);
    const beforeSeq = r.optionalInt('beforeSeq', 1, MAX_SEQ);
    const afterSeq = r.optionalInt('afterSeq', 0, MAX_SEQ);
    const untilTime = r.optionalInt('untilTime', 0, MAX_SEQ);
    const sinceTime = r.optionalInt('sinceTime', 0, MAX_SEQ);
    if ([beforeSeq, afterSeq, untilTime, sinceTime].filter((b) => b !== undefined).length > 1) {
      r.fail('give at most one of beforeSeq, afterSeq, untilTime and sinceTime');
    }
    const count = r.optionalInt('count', 1, HISTORY_PAGE.max) ?? HISTORY_PAGE.default;
    return {
      conversation: conv,
      count,
      ...(beforeSeq !== undefined ? { beforeSeq } : {}),
      ...(afterSeq !== undefined ? { afterSeq } : {}),
      ...(untilTime !== undefined ? { untilTime } : {}),
      ...(sinceTime !== undefined ? { sinceTime } : {}),
    };
  });
}

/** Parses the body of `openim.setread`. */
export function parseSetReadRequest(body: unknown): MessagingParsed<{ readonly conversation: ConversationRef; readonly seq?: number }> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => {
    const conv = readConversationID(r);
    const seq = r.optionalInt('seq', 0, MAX_SEQ);
    return { conversation: conv, ...(seq !== undefined ? { seq } : {}) };
  });
}

/** Read scopes of `openim.setallread`. */
export type ReadScope = 'c2c' | 'group' | 'all';

/** Parses the body of `openim.setallread` (`scope` defaults to `all`). */
export function parseSetAllReadRequest(body: unknown): MessagingParsed<{ readonly scope: ReadScope }> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => ({ scope: r.optionalOneOf('scope', ['c2c', 'group', 'all'] as const) ?? 'all' }));
}

/** Parses the body of `openim.deletemsg`: 1..30 distinct positive sequences. */
export function parseDeleteMessagesRequest(body: unknown): MessagingParsed<{ readonly conversation: ConversationRef; readonly seqs: readonly number[] }> {
  return runParser(body, 'PARLEY_BAD_REQUEST', (r) => {
    const conv = readConversationID(r);
    const seqs = r.raw('seqs');
    if (!Array.isArray(seqs) || seqs.length === 0 || seqs.length > MAX_DELETE_SEQS) r.fail(`seqs must be an array of 1..${MAX_DELETE_SEQS} sequences`);
    const list = seqs as unknown[];
    list.forEach((s, i) => {
      if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 1) r.fail(`seqs[${i}] must be a positive integer`);
    });
    return { conversation: conv, seqs: [...new Set(list as number[])] };
  });
}
