/**
 * Builds Tencent-shaped {@link Message} objects: outgoing ones from the `create*Message`
 * arguments (validated), incoming ones from wire messages as seen by the logged-in user, and
 * the `openim.sendmsg` body of an outgoing one. Only objects made here count as SDK messages
 * (`sendMessage` refuses others with 2105).
 */
import {
  conversationID,
  ErrorCode,
  isRecord,
  kindOf,
  ParleyError,
  SYSTEM_CONVERSATION_ID,
  TYPES,
  type SendMessageRequest,
  type WireConversationType,
  type WireElement,
  type WireMessage,
  NO_SENDER_NAMES,
} from '@parley/protocol';
import type { Message } from './message-types.js';

/** What the factory needs to know about the session. */
export interface FactoryContext {
  /** The logged-in UserID. */
  readonly userID: string;
  /** Server time estimate, ms. */
  readonly nowMs: () => number;
  /** A number in [0, 1). */
  readonly random: () => number;
}

const PRIORITIES: ReadonlySet<string> = new Set([TYPES.MSG_PRIORITY_HIGH, TYPES.MSG_PRIORITY_NORMAL, TYPES.MSG_PRIORITY_LOW, TYPES.MSG_PRIORITY_LOWEST]);

/** Wire elements of every message made or seen here (a message's `payload` is what apps see). */
const elementsOf = new WeakMap<Message, readonly WireElement[]>();

/** True for a message object this SDK created (what `sendMessage` accepts). */
export function isSdkMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && elementsOf.has(value as Message);
}

function invalidParams(reason: string): ParleyError {
  return new ParleyError(ErrorCode.ERR_INVALID_PARAMETERS, `Params validate failed: ${reason}`, { reason });
}

let counter = 0;

/** A message ID: unique per sender, 1..64 chars of [A-Za-z0-9_-] (the contract's rule). */
export function newMessageID(ctx: FactoryContext): string {
  counter = (counter + 1) % 0x100000;
  const rand = Math.floor(ctx.random() * 0x1_0000_0000).toString(36) + Math.floor(ctx.random() * 0x1_0000_0000).toString(36);
  return `${Math.floor(ctx.nowMs()).toString(36)}-${rand}-${counter.toString(36)}`;
}

interface BaseOptions {
  readonly to: string;
  readonly conversationType: WireConversationType;
  readonly priority: string;
  readonly cloudCustomData: string;
  readonly receiverList: string[];
}

function readBase(api: string, options: unknown): { base: BaseOptions; payload: Record<string, unknown> } {
  if (!isRecord(options)) throw invalidParams(`${api}: options must be an object (got ${kindOf(options)})`);
  const { to, conversationType, payload, priority, cloudCustomData, receiverList } = options;
  if (typeof to !== 'string' || to === '') throw invalidParams(`${api}: to must be a non-empty string`);
  if (conversationType !== TYPES.CONV_C2C && conversationType !== TYPES.CONV_GROUP) {
    throw new ParleyError(ErrorCode.MSG_INVALID_CONV_TYPE, `${api}: conversationType must be TYPES.CONV_C2C or TYPES.CONV_GROUP (got ${String(conversationType)})`);
  }
  if (!isRecord(payload)) throw invalidParams(`${api}: payload must be an object`);
  if (priority !== undefined && (typeof priority !== 'string' || !PRIORITIES.has(priority))) {
    throw invalidParams(`${api}: priority must be one of TYPES.MSG_PRIORITY_* (got ${String(priority)})`);
  }
  if (cloudCustomData !== undefined && typeof cloudCustomData !== 'string') throw invalidParams(`${api}: cloudCustomData must be a string`);
  if (receiverList !== undefined && !isStringArray(receiverList)) throw invalidParams(`${api}: receiverList must be an array of UserIDs`);
  return {
    base: {
      to,
      conversationType,
      priority: (priority as string | undefined) ?? TYPES.MSG_PRIORITY_NORMAL,
      cloudCustomData: (cloudCustomData as string | undefined) ?? '',
      receiverList: [...((receiverList as string[] | undefined) ?? [])],
    },
    payload,
  };
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function outgoing(ctx: FactoryContext, base: BaseOptions, element: WireElement, atUserList: string[]): Message {
  const nowMs = ctx.nowMs();
  const message: Message = {
    ID: newMessageID(ctx),
    type: element.type,
    payload: { ...element.content },
    conversationID: conversationID(base.conversationType, base.to),
    conversationType: base.conversationType,
    to: base.to,
    from: ctx.userID,
    flow: 'out',
    time: Math.floor(nowMs / 1000),
    sequence: 0,
    random: Math.floor(ctx.random() * 0x1_0000_0000),
    status: 'unSend',
    isRead: true,
    isPeerRead: false,
    priority: base.priority,
    cloudCustomData: base.cloudCustomData,
    atUserList,
    nick: '',
    avatar: '',
    nameCard: '',
    isRevoked: false,
    isDeleted: false,
    isModified: false,
    isResend: false,
    isSystemMessage: false,
    isOnlineOnly: false,
    receiverList: base.receiverList,
    needReadReceipt: false,
    clientTime: Math.floor(nowMs / 1000),
    protocol: 'JSON',
  };
  elementsOf.set(message, [element]);
  return message;
}

/** `createTextMessage({to, conversationType, payload: {text}, priority?, cloudCustomData?})`. */
export function createTextMessage(ctx: FactoryContext, options: unknown): Message {
  const { base, payload } = readBase('createTextMessage', options);
  if (typeof payload['text'] !== 'string') throw invalidParams('createTextMessage: payload.text must be a string');
  return outgoing(ctx, base, { type: TYPES.MSG_TEXT, content: { text: payload['text'] } }, []);
}

/** `createTextAtMessage({to, conversationType: GROUP, payload: {text, atUserList}})`; `atUserList` may hold `TYPES.MSG_AT_ALL`. */
export function createTextAtMessage(ctx: FactoryContext, options: unknown): Message {
  const { base, payload } = readBase('createTextAtMessage', options);
  if (base.conversationType !== TYPES.CONV_GROUP) throw new ParleyError(ErrorCode.MSG_INVALID_CONV_TYPE, 'createTextAtMessage: @-mentions exist in group conversations only');
  const { text, atUserList } = payload;
  if (typeof text !== 'string') throw invalidParams('createTextAtMessage: payload.text must be a string');
  if (!isStringArray(atUserList) || atUserList.length === 0) throw invalidParams('createTextAtMessage: payload.atUserList must be a non-empty array of UserIDs');
  return outgoing(ctx, base, { type: TYPES.MSG_TEXT, content: { text } }, [...new Set(atUserList)]);
}

/** `createCustomMessage({to, conversationType, payload: {data, description?, extension?}})`. */
export function createCustomMessage(ctx: FactoryContext, options: unknown): Message {
  const { base, payload } = readBase('createCustomMessage', options);
  const fields = ['data', 'description', 'extension'] as const;
  const content: Record<string, string> = {};
  for (const key of fields) {
    const value = payload[key] ?? '';
    if (typeof value !== 'string') throw invalidParams(`createCustomMessage: payload.${key} must be a string`);
    content[key] = value;
  }
  return outgoing(ctx, base, { type: TYPES.MSG_CUSTOM, content }, []);
}

/** The body of `openim.sendmsg` for `message`, with the send options applied. */
export function sendRequestOf(message: Message, options: { onlineUserOnly: boolean; receiverList: string[] }): SendMessageRequest {
  const receiverList = options.receiverList.length > 0 ? options.receiverList : message.receiverList;
  return {
    conversationType: message.conversationType === TYPES.CONV_GROUP ? 'GROUP' : 'C2C',
    to: message.to,
    ID: message.ID,
    random: message.random,
    elements: elementsOf.get(message) ?? [],
    cloudCustomData: message.cloudCustomData,
    priority: message.priority,
    ...(message.atUserList.length > 0 ? { atUserList: message.atUserList } : {}),
    ...(options.onlineUserOnly ? { onlineUserOnly: true } : {}),
    ...(receiverList.length > 0 ? { receiverList } : {}),
  };
}

/** The viewer-relative conversation of a wire message: `C2C<the other user>` or `GROUP<groupID>`. */
export function conversationOf(wire: WireMessage, viewer: string): string {
  if (wire.conversationType === 'GROUP') return conversationID('GROUP', wire.to);
  return conversationID('C2C', wire.from === viewer ? wire.to : wire.from);
}

function payloadOf(element: WireElement | undefined): Record<string, unknown> {
  if (!element) return {};
  if (element.type === TYPES.MSG_CUSTOM) {
    const c = element.content;
    return { data: str(c['data']), description: str(c['description']), extension: str(c['extension']) };
  }
  if (element.type === TYPES.MSG_GRP_TIP) {
    const c = element.content;
    return { ...c, operatorID: str(c['operatorID']), operationType: c['operationType'], userIDList: isStringArray(c['userIDList']) ? c['userIDList'] : [] };
  }
  return { ...element.content };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A new {@link Message} for a wire message as `viewer` sees it; `isRead` as given for incoming ones. */
export function messageFromWire(wire: WireMessage, viewer: string, isRead: boolean): Message {
  const first = wire.elements[0];
  const flow = wire.from === viewer ? 'out' : 'in';
  const message: Message = {
    ID: wire.ID,
    type: first?.type ?? TYPES.MSG_TEXT,
    payload: payloadOf(first),
    conversationID: conversationOf(wire, viewer),
    conversationType: wire.conversationType,
    to: wire.to,
    from: wire.from,
    flow,
    time: wire.time,
    sequence: wire.seq,
    random: wire.random,
    status: 'success',
    isRead: flow === 'out' || isRead,
    isPeerRead: false,
    priority: wire.priority,
    cloudCustomData: wire.cloudCustomData,
    atUserList: [...wire.atUserList],
    nick: wire.nick,
    avatar: wire.avatar,
    nameCard: wire.nameCard,
    isRevoked: false,
    isDeleted: false,
    isModified: false,
    isResend: false,
    isSystemMessage: first?.type === TYPES.MSG_GRP_TIP || wire.from === SYSTEM_CONVERSATION_ID,
    isOnlineOnly: wire.isOnlineOnly,
    receiverList: [...wire.receiverList],
    needReadReceipt: false,
    clientTime: wire.time,
    protocol: 'JSON',
  };
  elementsOf.set(message, wire.elements);
  return message;
}

/** Applies the server's copy of a message the client already holds (its own send, a refetch). */
export function mergeWire(message: Message, wire: WireMessage): void {
  message.sequence = wire.seq;
  message.time = wire.time;
  message.random = wire.random;
  message.status = 'success';
  message.isOnlineOnly = wire.isOnlineOnly;
  // The server stamps the sender's names: the sent message shows them as the receivers see them.
  message.nick = wire.nick;
  message.avatar = wire.avatar;
  message.nameCard = wire.nameCard;
}

/** The bracketed tag a conversation list shows for each non-text message type. */
const SHOW_TAGS: Readonly<Record<string, string>> = {
  [TYPES.MSG_GRP_TIP]: '[Group Notification]',
  [TYPES.MSG_IMAGE]: '[Image]',
  [TYPES.MSG_AUDIO]: '[Voice]',
  [TYPES.MSG_VIDEO]: '[Video]',
  [TYPES.MSG_FILE]: '[File]',
  [TYPES.MSG_FACE]: '[Animated Sticker]',
  [TYPES.MSG_LOCATION]: '[Location]',
  [TYPES.MSG_MERGER]: '[Chat History]',
};

/** What a conversation list shows for a message: its text, or a bracketed tag. */
export function messageForShow(type: string, payload: Record<string, unknown>): string {
  if (type === TYPES.MSG_TEXT) return str(payload['text']);
  if (type === TYPES.MSG_CUSTOM) return str(payload['description']) || '[Custom Messages]';
  return SHOW_TAGS[type] ?? '';
}

/** Tencent's group system notice types carried in `payload.operationType` (`TYPES.MSG_GRP_SYS_NOTICE`). */
export const GroupSystemNoticeType = {
  /** Someone applied to join a group the user owns or administers (`operatorID`: the applicant, `handleMessage`: their message). */
  JOIN_APPLICATION: 1,
  /** The user's application was accepted (`operatorID`: who accepted, `handleMessage`: their message). */
  APPLICATION_ACCEPTED: 2,
  /** The user's application was rejected (`operatorID`: who rejected, `handleMessage`: their message). */
  APPLICATION_REJECTED: 3,
  /** The user was removed from the group. */
  KICKED_OUT: 4,
  /** The group was dismissed. */
  DISMISSED: 5,
} as const;

/** What a group system notice says besides its type. */
export interface NoticeDetails {
  readonly operatorID?: string;
  readonly handleMessage?: string;
  readonly groupName?: string;
}

/**
 * A group system notice (`@TIM#SYSTEM` conversation) for a change of the user's group list that the
 * server announced with a `group_changed` push, as Tencent's SDK reports it through MESSAGE_RECEIVED.
 */
export function groupSystemNotice(groupID: string, operationType: number, viewer: string, nowMs: number, random: () => number, details: NoticeDetails = {}): Message {
  const time = Math.floor(nowMs / 1000);
  const message = messageFromWire(
    {
      ID: `sys-${groupID}-${operationType}-${nowMs}-${Math.floor(random() * 1e9)}`,
      conversationType: 'GROUP',
      from: SYSTEM_CONVERSATION_ID,
      to: viewer,
      seq: 0,
      time,
      random: 0,
      elements: [
        {
          type: TYPES.MSG_GRP_SYS_NOTICE,
          content: {
            operationType,
            groupProfile: { groupID, ...(details.groupName !== undefined ? { name: details.groupName } : {}) },
            operatorID: details.operatorID ?? '',
            handleMessage: details.handleMessage ?? '',
          },
        },
      ],
      cloudCustomData: '',
      priority: 'Normal',
      atUserList: [],
      isOnlineOnly: true,
      receiverList: [],
      ...NO_SENDER_NAMES,
    },
    viewer,
    false,
  );
  message.conversationID = SYSTEM_CONVERSATION_ID;
  message.conversationType = TYPES.CONV_SYSTEM;
  return message;
}
