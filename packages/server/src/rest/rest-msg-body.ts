/**
 * Tencent's REST message body (`MsgBody: [{MsgType, MsgContent}]`) ↔ wire elements:
 * `TIMTextElem {Text}` ↔ `{text}`, `TIMCustomElem {Data, Desc, Ext}` ↔ `{data, description, extension}`;
 * and the message key Tencent's REST answers carry.
 */
import { ElementType, isRecord, kindOf, ParleyError, type WireElement, type WireMessage } from '@parley/protocol';

const stringField = (content: Record<string, unknown>, key: string, at: string, required: boolean): string => {
  const v = content[key];
  if (v === undefined && !required) return '';
  if (typeof v !== 'string') throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_BODY_FORMAT', `${at}.MsgContent.${key} must be a string (got ${kindOf(v)})`);
  return v;
};

/** Parses `MsgBody`: 90007 when it is not a non-empty array, 90002 for an element that is not text or custom. */
export function parseMsgBody(value: unknown): WireElement[] {
  if (!Array.isArray(value) || value.length === 0) throw ParleyError.of('ERR_SVR_MSG_BODY_NOT_ARRAY', 'MsgBody must be a non-empty array');
  return value.map((item, i): WireElement => {
    const at = `MsgBody[${i}]`;
    if (!isRecord(item) || !isRecord(item['MsgContent'])) throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_BODY_FORMAT', `${at} must be {MsgType, MsgContent}`);
    const content = item['MsgContent'];
    if (item['MsgType'] === ElementType.TEXT) return { type: ElementType.TEXT, content: { text: stringField(content, 'Text', at, true) } };
    if (item['MsgType'] === ElementType.CUSTOM) {
      return {
        type: ElementType.CUSTOM,
        content: { data: stringField(content, 'Data', at, true), description: stringField(content, 'Desc', at, false), extension: stringField(content, 'Ext', at, false) },
      };
    }
    throw ParleyError.of('ERR_SVR_MSG_INVALID_JSON_BODY_FORMAT', `${at}.MsgType must be TIMTextElem or TIMCustomElem (got ${JSON.stringify(item['MsgType']) ?? 'nothing'})`);
  });
}

/** Wire elements as a REST `MsgBody`; other element types keep their content as it is. */
export function toMsgBody(elements: readonly WireElement[]): Record<string, unknown>[] {
  return elements.map((el) => {
    const c = el.content;
    if (el.type === ElementType.TEXT) return { MsgType: el.type, MsgContent: { Text: c['text'] } };
    if (el.type === ElementType.CUSTOM) return { MsgType: el.type, MsgContent: { Data: c['data'], Desc: c['description'], Ext: c['extension'] } };
    return { MsgType: el.type, MsgContent: { ...c } };
  });
}

/** The Tencent message key of a stored or pushed message: `<MsgSeq>_<MsgRandom>_<MsgTime>`. */
export function msgKey(m: Pick<WireMessage, 'seq' | 'random' | 'time'>): string {
  return `${m.seq}_${m.random}_${m.time}`;
}
