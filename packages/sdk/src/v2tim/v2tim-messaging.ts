/**
 * The V2TIM simple-message API and group basics, on top of the web API of the same core:
 * `sendC2CTextMessage`, `sendC2CCustomMessage`, `sendGroupTextMessage`,
 * `sendGroupCustomMessage`, the simple-message listeners, and `createGroup` / `joinGroup` /
 * `quitGroup` / `dismissGroup`. Results are `{code, desc, data?}`; nothing throws.
 */
import { ErrorCode, EVENT, ParleyError, TYPES } from '@parley/protocol';
import type { ChatCore } from '../web/chat-core.js';
import type { Message } from '../model/message-types.js';
import { fail, failFrom, ok } from './v2tim-results.js';
import type { V2TimCallback, V2TimValueCallback } from './v2tim-types.js';
import { MessagePriorityEnum, MessageStatus, MessageElemType, type V2TimMessage, type V2TimSimpleMsgListener } from './v2tim-message-types.js';

const PRIORITY_TO_WEB: Readonly<Record<number, string>> = {
  [MessagePriorityEnum.V2TIM_PRIORITY_DEFAULT]: TYPES.MSG_PRIORITY_NORMAL,
  [MessagePriorityEnum.V2TIM_PRIORITY_HIGH]: TYPES.MSG_PRIORITY_HIGH,
  [MessagePriorityEnum.V2TIM_PRIORITY_NORMAL]: TYPES.MSG_PRIORITY_NORMAL,
  [MessagePriorityEnum.V2TIM_PRIORITY_LOW]: TYPES.MSG_PRIORITY_LOW,
};
const PRIORITY_FROM_WEB: Readonly<Record<string, number>> = {
  [TYPES.MSG_PRIORITY_HIGH]: MessagePriorityEnum.V2TIM_PRIORITY_HIGH,
  [TYPES.MSG_PRIORITY_NORMAL]: MessagePriorityEnum.V2TIM_PRIORITY_NORMAL,
  [TYPES.MSG_PRIORITY_LOW]: MessagePriorityEnum.V2TIM_PRIORITY_LOW,
  [TYPES.MSG_PRIORITY_LOWEST]: MessagePriorityEnum.V2TIM_PRIORITY_LOW,
};
const STATUS: Readonly<Record<Message['status'], number>> = {
  unSend: MessageStatus.V2TIM_MSG_STATUS_SENDING,
  success: MessageStatus.V2TIM_MSG_STATUS_SEND_SUCC,
  fail: MessageStatus.V2TIM_MSG_STATUS_SEND_FAIL,
};
const ELEM: Readonly<Record<string, number>> = {
  [TYPES.MSG_TEXT]: MessageElemType.V2TIM_ELEM_TYPE_TEXT,
  [TYPES.MSG_CUSTOM]: MessageElemType.V2TIM_ELEM_TYPE_CUSTOM,
  [TYPES.MSG_IMAGE]: MessageElemType.V2TIM_ELEM_TYPE_IMAGE,
  [TYPES.MSG_AUDIO]: MessageElemType.V2TIM_ELEM_TYPE_SOUND,
  [TYPES.MSG_VIDEO]: MessageElemType.V2TIM_ELEM_TYPE_VIDEO,
  [TYPES.MSG_FILE]: MessageElemType.V2TIM_ELEM_TYPE_FILE,
  [TYPES.MSG_LOCATION]: MessageElemType.V2TIM_ELEM_TYPE_LOCATION,
  [TYPES.MSG_FACE]: MessageElemType.V2TIM_ELEM_TYPE_FACE,
  [TYPES.MSG_GRP_TIP]: MessageElemType.V2TIM_ELEM_TYPE_GROUP_TIPS,
  [TYPES.MSG_MERGER]: MessageElemType.V2TIM_ELEM_TYPE_MERGER,
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A web `Message` as a {@link V2TimMessage}. */
export function toV2TimMessage(m: Message): V2TimMessage {
  const group = m.conversationType === TYPES.CONV_GROUP;
  return {
    msgID: m.ID,
    timestamp: m.time,
    sender: m.from,
    nickName: m.nick,
    friendRemark: '',
    faceUrl: m.avatar,
    nameCard: m.nameCard,
    groupID: group ? m.to : '',
    userID: group ? '' : m.flow === 'out' ? m.to : m.from,
    status: STATUS[m.status],
    elemType: ELEM[m.type] ?? MessageElemType.V2TIM_ELEM_TYPE_NONE,
    ...(m.type === TYPES.MSG_TEXT ? { textElem: { text: str(m.payload['text']) } } : {}),
    ...(m.type === TYPES.MSG_CUSTOM
      ? { customElem: { data: str(m.payload['data']), desc: str(m.payload['description']), extension: str(m.payload['extension']) } }
      : {}),
    cloudCustomData: m.cloudCustomData,
    isSelf: m.flow === 'out',
    isRead: m.isRead,
    isPeerRead: m.isPeerRead,
    priority: PRIORITY_FROM_WEB[m.priority] ?? MessagePriorityEnum.V2TIM_PRIORITY_DEFAULT,
    groupAtUserList: [...m.atUserList],
    seq: String(m.sequence),
    random: m.random,
    isExcludedFromUnreadCount: false,
    isExcludedFromLastMessage: false,
    needReadReceipt: m.needReadReceipt,
    localCustomData: '',
    localCustomInt: 0,
  };
}

/** What a simple send carries. */
export interface SimpleSend {
  readonly kind: 'text' | 'custom';
  /** The text, or the custom data. */
  readonly content: unknown;
  /** Peer UserID or GroupID. */
  readonly to: unknown;
  readonly conversationType: 'C2C' | 'GROUP';
  /** {@link MessagePriorityEnum} value (or a `TYPES.MSG_PRIORITY_*` string), group sends only. */
  readonly priority?: unknown;
}

/** Sends a text or custom message through the web API; resolves the sent message as a {@link V2TimMessage}. */
export async function sendSimple(core: ChatCore, send: SimpleSend): Promise<V2TimValueCallback<V2TimMessage>> {
  try {
    if (typeof send.content !== 'string') return fail(ErrorCode.ERR_INVALID_PARAMETERS, `the ${send.kind === 'text' ? 'text' : 'custom data'} must be a string`);
    if (typeof send.to !== 'string' || send.to === '') return fail(ErrorCode.ERR_INVALID_PARAMETERS, `${send.conversationType === 'C2C' ? 'userID' : 'groupID'} must be a non-empty string`);
    const priority = typeof send.priority === 'number' ? PRIORITY_TO_WEB[send.priority] : typeof send.priority === 'string' ? send.priority : TYPES.MSG_PRIORITY_NORMAL;
    if (priority === undefined) return fail(ErrorCode.ERR_INVALID_PARAMETERS, `priority must be a MessagePriorityEnum value (got ${String(send.priority)})`);
    if (!core.session.isReady) throw new ParleyError(core.session.notReadyReason, 'Not logged in: call login() first');
    const base = { to: send.to, conversationType: send.conversationType, priority };
    const message =
      send.kind === 'text'
        ? core.chat.createTextMessage({ ...base, payload: { text: send.content } })
        : core.chat.createCustomMessage({ ...base, payload: { data: send.content } });
    const res = await core.chat.sendMessage(message);
    return ok(toV2TimMessage(res.data.message));
  } catch (error) {
    return failFrom(error);
  }
}

/** Runs a web-API group call and turns its outcome into a V2TIM result. */
export async function groupCall<T>(run: () => Promise<T>, data?: (value: T) => string): Promise<V2TimCallback | V2TimValueCallback<string>> {
  try {
    const value = await run();
    return data ? ok(data(value)) : ok();
  } catch (error) {
    return failFrom(error);
  }
}

/** The simple-message listeners of a manager, fed by `MESSAGE_RECEIVED`. */
export class SimpleMsgListeners {
  private readonly listeners = new Set<V2TimSimpleMsgListener>();

  constructor(private readonly onThrow: (name: string, error: unknown) => void) {}

  /** Adds a listener (ignored unless it is an object). */
  add(listener: V2TimSimpleMsgListener): void {
    if (typeof listener === 'object' && listener !== null) this.listeners.add(listener);
  }

  /** Removes `listener`, or every listener when none is given. */
  remove(listener?: V2TimSimpleMsgListener): void {
    if (listener === undefined) this.listeners.clear();
    else this.listeners.delete(listener);
  }

  /** Starts feeding the listeners from a core's `MESSAGE_RECEIVED`. */
  attach(core: ChatCore): void {
    core.chat.on(EVENT.MESSAGE_RECEIVED, ({ data }) => {
      for (const m of data) this.dispatch(m);
    });
  }

  private dispatch(m: Message): void {
    if (m.flow !== 'in') return;
    const text = m.type === TYPES.MSG_TEXT ? str(m.payload['text']) : undefined;
    const custom = m.type === TYPES.MSG_CUSTOM ? str(m.payload['data']) : undefined;
    if (text === undefined && custom === undefined) return;
    if (m.conversationType === TYPES.CONV_GROUP) {
      const sender = { userID: m.from, nickName: m.nick, nameCard: m.nameCard, friendRemark: '', faceUrl: m.avatar };
      if (text !== undefined) this.call('onRecvGroupTextMessage', m.ID, m.to, sender, text);
      else this.call('onRecvGroupCustomMessage', m.ID, m.to, sender, custom ?? '');
    } else {
      const sender = { userID: m.from, nickName: m.nick, faceUrl: m.avatar };
      if (text !== undefined) this.call('onRecvC2CTextMessage', m.ID, sender, text);
      else this.call('onRecvC2CCustomMessage', m.ID, sender, custom ?? '');
    }
  }

  private call<K extends keyof V2TimSimpleMsgListener>(name: K, ...args: Parameters<NonNullable<V2TimSimpleMsgListener[K]>>): void {
    for (const listener of [...this.listeners]) {
      const callback: unknown = listener[name];
      if (typeof callback !== 'function') continue;
      try {
        (callback as (...a: unknown[]) => void).apply(listener, args);
      } catch (error) {
        this.onThrow(name, error);
      }
    }
  }
}
