/**
 * `openim/*` message endpoints with Tencent's field names: `sendmsg`, `batchsendmsg`, `importmsg`
 * and `admin_getroammsg`. REST sends are admin calls: no friend or blocklist checks.
 */
import {
  ERRORS,
  isUint,
  isValidUserID,
  kindOf,
  MAX_MESSAGE_BYTES,
  messageBodyBytes,
  ParleyError,
  type NormalizedSendMessage,
  type WireMessage,
} from '@parley/protocol';
import type { Store } from '@parley/store';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { AppState } from '../../directories/app-cache.js';
import { bodyObject } from '../../rest/rest-body.js';
import { msgKey, parseMsgBody, toMsgBody } from '../../rest/rest-msg-body.js';
import { defineRoute, type AnyRestRoute } from '../../rest/rest-route.js';
import type { Clock } from '../../time/clock.js';
import type { MessageService } from './message-service.js';

/** Longest message lifetime accepted, in seconds (7 days). */
const MAX_LIFETIME_SEC = 7 * 86_400;
/** Most targets of one `batchsendmsg`. */
const MAX_BATCH_TARGETS = 500;
/** Most messages per `admin_getroammsg` page. */
const MAX_ROAM_COUNT = 100;

/** What the message routes need. */
export interface MessageRouteDeps {
  readonly messages: MessageService;
  readonly accounts: AccountDirectory;
  readonly store: Store;
  readonly clock: Clock;
}

/** How a REST send is made: sender, copies to the sender, online only. */
interface SendOptions {
  /** `From_Account`, or `undefined` for the admin identifier. */
  readonly from: string | undefined;
  readonly syncToSender: boolean;
  readonly online: boolean;
}

/** The common fields of `sendmsg`, `batchsendmsg` and `importmsg`. */
interface RestMessage {
  readonly random: number;
  readonly time: number | undefined;
  readonly elements: NormalizedSendMessage['elements'];
  readonly cloudCustomData: string;
}

function readMessage(b: Record<string, unknown>): RestMessage {
  const random = b['MsgRandom'];
  if (!isUint(random) || random > 0xffff_ffff) throw ParleyError.of('ERR_SVR_MSG_INVALID_RAND');
  const stamp = b['MsgTimeStamp'];
  if (stamp !== undefined && !isUint(stamp)) throw ParleyError.of('ERR_SVR_MSG_INVALID_TIMESTAMP');
  const elements = parseMsgBody(b['MsgBody']);
  const cloud = b['CloudCustomData'];
  if (cloud !== undefined && typeof cloud !== 'string') throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_FORMAT', `CloudCustomData must be a string (got ${kindOf(cloud)})`);
  const cloudCustomData = cloud ?? '';
  const bytes = messageBodyBytes(elements, cloudCustomData);
  if (bytes > MAX_MESSAGE_BYTES) throw ParleyError.of('ERR_SVR_MSG_BODY_SIZE_LIMIT', `${bytes} bytes; at most ${MAX_MESSAGE_BYTES}`);
  return { random, time: stamp, elements, cloudCustomData };
}

function syncOtherMachine(b: Record<string, unknown>): boolean {
  const v = b['SyncOtherMachine'];
  if (v === undefined || v === 1) return true;
  if (v === 2) return false;
  throw ParleyError.of('ERR_SVR_MSG_INVALID_SYNCOTHERMACHINE');
}

/** `MsgLifeTime` 0 means online only (never stored); any other value is accepted and stored. */
function onlineOnly(b: Record<string, unknown>): boolean {
  const v = b['MsgLifeTime'];
  if (v === undefined) return false;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw ParleyError.of('ERR_SVR_MSG_INVALID_MSGLIFETIME');
  if (v < 0 || v > MAX_LIFETIME_SEC) throw ParleyError.of('ERR_SVR_MSG_TIME_LIMIT', `MsgLifeTime must be 0..${MAX_LIFETIME_SEC}`);
  return v === 0;
}

/** `From_Account` when given (it must then exist); the admin identifier sends otherwise. */
function sender(b: Record<string, unknown>): string | undefined {
  const from = b['From_Account'];
  if (from === undefined) return undefined;
  if (!isValidUserID(from)) throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_FORMAT', 'From_Account must be a UserID');
  return from;
}

/** REST sends have no client ID: (time, random, target) is the key, so a retry in the same second is stored once. */
function restMessageID(time: number, random: number, to: string): string {
  return `R${time}_${random}_${to}`;
}

async function requireAccount(deps: MessageRouteDeps, app: AppState, userID: string, code: 'ERR_SVR_MSG_TO_ACCOUNT_NOT_FOUND' | 'ERR_SVR_MSG_ACCOUNT_NOT_FOUND'): Promise<void> {
  if (!(await deps.accounts.exists(app, userID))) throw ParleyError.of(code, userID);
}

/** The send options of a body: `From_Account`, `SyncOtherMachine`, `MsgLifeTime`. */
function sendOptions(b: Record<string, unknown>): SendOptions {
  const from = sender(b);
  const syncToSender = syncOtherMachine(b);
  return { from, syncToSender, online: onlineOnly(b) };
}

/** An `admin_getroammsg` query. */
interface RoamQuery {
  readonly operator: string;
  readonly peer: string;
  readonly maxCnt: number;
  readonly minTime: number;
  readonly maxTime: number;
  /** Continue below this sequence (from `LastMsgKey`). */
  readonly beforeSeq: number | undefined;
}

/** One message of `admin_getroammsg`'s `MsgList`. */
interface RoamMessage {
  readonly From_Account: string;
  readonly To_Account: string;
  readonly MsgSeq: number;
  readonly MsgRandom: number;
  readonly MsgTimeStamp: number;
  readonly MsgFlagBits: 0;
  readonly MsgKey: string;
  readonly MsgBody: Record<string, unknown>[];
  readonly CloudCustomData: string;
}

function parseRoamQuery(body: unknown): RoamQuery {
  const b = bodyObject(body);
  const operator = b['Operator_Account'];
  const peer = b['Peer_Account'];
  if (!isValidUserID(operator) || !isValidUserID(peer)) throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_FORMAT', 'Operator_Account and Peer_Account must be UserIDs');
  const maxCnt = b['MaxCnt'];
  const minTime = b['MinTime'];
  const maxTime = b['MaxTime'];
  if (!isUint(maxCnt) || maxCnt < 1 || maxCnt > MAX_ROAM_COUNT) throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_FORMAT', `MaxCnt must be 1..${MAX_ROAM_COUNT}`);
  if (!isUint(minTime) || !isUint(maxTime) || minTime > maxTime) throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_FORMAT', 'MinTime and MaxTime must be seconds with MinTime <= MaxTime');
  const lastKey = b['LastMsgKey'];
  let beforeSeq: number | undefined;
  if (lastKey !== undefined && lastKey !== '') {
    const seq = typeof lastKey === 'string' ? Number(lastKey.split('_')[0]) : Number.NaN;
    if (!Number.isSafeInteger(seq) || seq < 1) throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_FORMAT', 'LastMsgKey is not a key this server returned');
    beforeSeq = seq;
  }
  return { operator, peer, maxCnt, minTime, maxTime, beforeSeq };
}

/** Routes of the message service. */
export function messageRoutes(deps: MessageRouteDeps): AnyRestRoute[] {
  const nowSec = (): number => Math.floor(deps.clock.now() / 1000);

  const c2c = (to: string, m: RestMessage, time: number, online: boolean): NormalizedSendMessage => ({
    conversationType: 'C2C',
    to,
    ID: restMessageID(time, m.random, to),
    random: m.random,
    elements: m.elements,
    cloudCustomData: m.cloudCustomData,
    priority: 'Normal',
    atUserList: [],
    onlineUserOnly: online,
    receiverList: [],
  });

  const sendmsg = defineRoute({
    path: 'openim/sendmsg',
    parse: (body) => {
      const b = bodyObject(body);
      const to = b['To_Account'];
      if (!isValidUserID(to)) throw ParleyError.of('ERR_SVR_MSG_INVALID_TO_ACCOUNT');
      return { to, options: sendOptions(b), m: readMessage(b) };
    },
    handle: async ({ app, identifier }, { to, options, m }): Promise<{ MsgTime: number; MsgKey: string; MsgId: string; MsgSeq: number }> => {
      if (options.from !== undefined) await requireAccount(deps, app, options.from, 'ERR_SVR_MSG_ACCOUNT_NOT_FOUND');
      await requireAccount(deps, app, to, 'ERR_SVR_MSG_TO_ACCOUNT_NOT_FOUND');
      const time = m.time ?? nowSec();
      const from = options.from ?? identifier;
      const { message } = await deps.messages.commit({ sdkAppID: app.app.sdkAppID, from, syncToSender: options.syncToSender, time }, c2c(to, m, time, options.online));
      return { MsgTime: message.time, MsgKey: msgKey(message), MsgId: message.ID, MsgSeq: message.seq };
    },
  });

  const batchsendmsg = defineRoute({
    path: 'openim/batchsendmsg',
    parse: (body) => {
      const b = bodyObject(body);
      const targets = b['To_Account'];
      if (!Array.isArray(targets) || targets.length === 0) throw ParleyError.of('ERR_SVR_MSG_INVALID_TO_ACCOUNT', 'To_Account must be a non-empty array');
      if (targets.length > MAX_BATCH_TARGETS) throw ParleyError.of('ERR_SVR_MSG_TO_ACCOUNT_COUNT_LIMIT');
      return { targets: targets as unknown[], options: sendOptions(b), m: readMessage(b) };
    },
    handle: async ({ app, identifier }, { targets, options, m }): Promise<{ MsgKey: string; ErrorList: { To_Account: unknown; ErrorCode: number }[] }> => {
      if (options.from !== undefined) await requireAccount(deps, app, options.from, 'ERR_SVR_MSG_ACCOUNT_NOT_FOUND');
      const time = m.time ?? nowSec();
      const from = options.from ?? identifier;
      const valid = [...new Set(targets.filter(isValidUserID))];
      const existing = await deps.accounts.existing(app, valid);
      const errors = targets.filter((t) => typeof t !== 'string' || !existing.has(t)).map((t) => ({ To_Account: t, ErrorCode: ERRORS.ERR_SVR_MSG_TO_ACCOUNT_NOT_FOUND.code }));
      // Concurrent commits land in one batch: one transaction for the whole fan-out.
      const ctx = { sdkAppID: app.app.sdkAppID, from, syncToSender: options.syncToSender, time };
      await Promise.all(valid.filter((t) => existing.has(t)).map((to) => deps.messages.commit(ctx, c2c(to, m, time, options.online))));
      return { MsgKey: `${m.random}_${time}`, ErrorList: errors };
    },
  });

  const importmsg = defineRoute({
    path: 'openim/importmsg',
    parse: (body) => {
      const b = bodyObject(body);
      const from = b['From_Account'];
      const to = b['To_Account'];
      if (!isValidUserID(from)) throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_FORMAT', 'From_Account must be a UserID');
      if (!isValidUserID(to)) throw ParleyError.of('ERR_SVR_MSG_INVALID_TO_ACCOUNT');
      const mode = b['SyncFromOldSystem'];
      if (mode !== 1 && mode !== 2) throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_FORMAT', 'SyncFromOldSystem must be 1 (counts as unread) or 2 (history, read)');
      const m = readMessage(b);
      if (m.time === undefined) throw ParleyError.of('ERR_SVR_MSG_INVALID_TIMESTAMP', 'MsgTimeStamp is required');
      return { from, to, mode, m, time: m.time };
    },
    handle: async ({ app }, { from, to, mode, m, time }) => {
      await requireAccount(deps, app, from, 'ERR_SVR_MSG_ACCOUNT_NOT_FOUND');
      await requireAccount(deps, app, to, 'ERR_SVR_MSG_TO_ACCOUNT_NOT_FOUND');
      const sdkAppID = app.app.sdkAppID;
      const { message } = await deps.messages.commit({ sdkAppID, from, time, deliver: false }, c2c(to, m, time, false));
      if (mode === 2) {
        // History does not count as unread: the receiver's read position follows it when nothing else is unread.
        const [view] = await deps.store.conversations.get(sdkAppID, to, [`C2C${from}`]);
        if (view && view.readSeq >= message.seq - 1) await deps.store.conversations.update(sdkAppID, to, [{ conversationID: `C2C${from}`, patch: { readSeq: message.seq } }]);
      }
      return {};
    },
  });

  const getroammsg = defineRoute({
    path: 'openim/admin_getroammsg',
    parse: parseRoamQuery,
    handle: async ({ app }, q): Promise<{ Complete: 0 | 1; MsgCnt: number; LastMsgTime: number; LastMsgKey: string; MsgList: RoamMessage[] }> => {
      // Newest first within [MinTime, MaxTime] (history is in time order); continue with LastMsgKey.
      const found: WireMessage[] = [];
      let exhausted = false;
      let beforeSeq = q.beforeSeq;
      pages: for (;;) {
        const page = await deps.store.messages.getHistory(app.app.sdkAppID, q.operator, `C2C${q.peer}`, { count: MAX_ROAM_COUNT, ...(beforeSeq !== undefined ? { beforeSeq } : {}) });
        for (const m of [...page.messages].reverse()) {
          if (m.time < q.minTime) {
            exhausted = true;
            break pages;
          }
          if (m.time > q.maxTime) continue;
          if (found.length === q.maxCnt) break pages;
          found.push({ ...m, isOnlineOnly: false });
        }
        const oldest = page.messages[0];
        if (page.isCompleted || oldest === undefined) {
          exhausted = true;
          break;
        }
        beforeSeq = oldest.seq;
      }
      const last = found.at(-1);
      return {
        Complete: exhausted ? 1 : 0,
        MsgCnt: found.length,
        LastMsgTime: last?.time ?? 0,
        LastMsgKey: last ? msgKey(last) : '',
        MsgList: found.map((m) => ({
          From_Account: m.from,
          To_Account: m.to,
          MsgSeq: m.seq,
          MsgRandom: m.random,
          MsgTimeStamp: m.time,
          MsgFlagBits: 0,
          MsgKey: msgKey(m),
          MsgBody: toMsgBody(m.elements),
          CloudCustomData: m.cloudCustomData,
        })),
      };
    },
  });

  return [sendmsg, batchsendmsg, importmsg, getroammsg];
}
