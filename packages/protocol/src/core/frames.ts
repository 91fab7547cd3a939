/**
 * The wire frames of the Parley client protocol (see `docs/PROTOCOL.md`).
 *
 * Every frame is one WebSocket **text** message holding one JSON object with a `t` discriminant:
 * - `req`  (client → server): a command with a client-chosen request id;
 * - `res`  (server → client): the answer to exactly one `req`, echoing its id;
 * - `push` (server → client): an unsolicited event.
 * @packageDocumentation
 */
import { invalid, isRecord, kindOf, valid, type Parsed } from './validate.js';

/** Version of the wire protocol described here. Sent by the client in `wslogin`. */
export const PROTOCOL_VERSION = 1;

/** Largest request id a client may use (uint32); ids are reused after wrap-around. */
export const MAX_REQUEST_ID = 0xffff_ffff;

/** Longest command or event name accepted, in characters. */
export const MAX_NAME_LENGTH = 64;

/** A JSON object body. */
export type FrameBody = Readonly<Record<string, unknown>>;

/** Client → server: run `cmd` with `body`; the server answers with a {@link ResponseFrame} of the same `id`. */
export interface RequestFrame {
  readonly t: 'req';
  /** Client-chosen id (0..{@link MAX_REQUEST_ID}), unique among the client's requests in flight. */
  readonly id: number;
  /** Command name `<service>.<command>`, e.g. `im_open_status.wslogin`. */
  readonly cmd: string;
  readonly body: FrameBody;
}

/** Server → client: the result of the request with the same `id`. `code` 0 means success. */
export interface ResponseFrame {
  readonly t: 'res';
  readonly id: number;
  /** 0 on success, otherwise a code from the error registry (`ERRORS`). */
  readonly code: number;
  /** Human-readable description; present when `code` ≠ 0. */
  readonly message?: string;
  /** Result on success; optional extra error data on failure. */
  readonly body?: FrameBody;
}

/** Server → client: an event the client did not ask for (kick-out, shutdown, new message, ...). */
export interface PushFrame {
  readonly t: 'push';
  /** Event name `<service>.<event>`, e.g. `im_open_status.stat_forceoffline`. */
  readonly ev: string;
  readonly body: FrameBody;
}

/** Any frame a server sends. */
export type ServerFrame = ResponseFrame | PushFrame;

/** Any frame a client sends. */
export type ClientFrame = RequestFrame;

const NAME = /^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/;

function parseJson(raw: unknown): Parsed<Record<string, unknown>> {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return invalid('frame is not valid JSON');
    }
  }
  if (!isRecord(value)) return invalid(`frame must be a JSON object (got ${kindOf(value)})`);
  return valid(value);
}

function parseName(value: unknown, field: string): Parsed<string> {
  if (value === undefined) return invalid(`'${field}' is missing`);
  if (typeof value !== 'string') return invalid(`'${field}' must be a string (got ${kindOf(value)})`);
  if (value.length > MAX_NAME_LENGTH || !NAME.test(value)) {
    return invalid(`'${field}' must look like "<service>.<name>" (letters, digits, _; at most ${MAX_NAME_LENGTH} chars)`);
  }
  return valid(value);
}

function parseId(value: unknown): Parsed<number> {
  if (value === undefined) return invalid(`'id' is missing`);
  if (typeof value !== 'number') return invalid(`'id' must be a number (got ${kindOf(value)})`);
  if (!Number.isInteger(value)) return invalid(`'id' must be an integer (got ${value})`);
  if (value < 0 || value > MAX_REQUEST_ID) return invalid(`'id' must be in 0..${MAX_REQUEST_ID} (got ${value})`);
  return valid(value);
}

function parseBody(value: unknown, required: boolean): Parsed<FrameBody | undefined> {
  if (value === undefined) return required ? valid({}) : valid(undefined);
  if (!isRecord(value)) return invalid(`'body' must be a JSON object (got ${kindOf(value)})`);
  return valid(value);
}

/**
 * Parses what a client sent (a JSON string or an already-decoded value) into a {@link RequestFrame}.
 * A missing `body` is read as `{}`. Never throws.
 */
export function parseClientFrame(raw: unknown): Parsed<ClientFrame> {
  const obj = parseJson(raw);
  if (!obj.ok) return obj;
  const f = obj.value;
  if (f['t'] !== 'req') return invalid(`'t' must be "req" for a client frame (got ${JSON.stringify(f['t']) ?? 'nothing'})`);
  const id = parseId(f['id']);
  if (!id.ok) return id;
  const cmd = parseName(f['cmd'], 'cmd');
  if (!cmd.ok) return cmd;
  const body = parseBody(f['body'], true);
  if (!body.ok) return body;
  return valid({ t: 'req', id: id.value, cmd: cmd.value, body: body.value ?? {} });
}

/** Parses what a server sent into a {@link ServerFrame}. Never throws. */
export function parseServerFrame(raw: unknown): Parsed<ServerFrame> {
  const obj = parseJson(raw);
  if (!obj.ok) return obj;
  const f = obj.value;
  if (f['t'] === 'res') {
    const id = parseId(f['id']);
    if (!id.ok) return id;
    const code = f['code'];
    if (typeof code !== 'number' || !Number.isSafeInteger(code)) return invalid(`'code' must be an integer (got ${kindOf(code)})`);
    const message = f['message'];
    if (message !== undefined && typeof message !== 'string') return invalid(`'message' must be a string (got ${kindOf(message)})`);
    const body = parseBody(f['body'], false);
    if (!body.ok) return body;
    const frame: ResponseFrame = {
      t: 'res',
      id: id.value,
      code,
      ...(message !== undefined ? { message } : {}),
      ...(body.value !== undefined ? { body: body.value } : {}),
    };
    return valid(frame);
  }
  if (f['t'] === 'push') {
    const ev = parseName(f['ev'], 'ev');
    if (!ev.ok) return ev;
    const body = parseBody(f['body'], true);
    if (!body.ok) return body;
    return valid({ t: 'push', ev: ev.value, body: body.value ?? {} });
  }
  return invalid(`'t' must be "res" or "push" for a server frame (got ${JSON.stringify(f['t']) ?? 'nothing'})`);
}

/** Serialises any frame. Frames are plain JSON objects; this is the one place that encodes them. */
export function stringifyFrame(frame: ClientFrame | ServerFrame): string {
  return JSON.stringify(frame);
}

/**
 * A frame body already serialised, so that a part several frames share (a message: in the sender's
 * answer and in every recipient's push) is encoded once. `json` must be the JSON text of an object,
 * as `JSON.stringify` writes it.
 */
export class EncodedBody {
  /** @param json - JSON text of the body object. */
  constructor(readonly json: string) {}
}

/** The text `stringifyFrame` writes for a success answer `{ t: 'res', id, code: 0, body }`. */
export function encodeResponseFrame(id: number, body: EncodedBody): string {
  return `{"t":"res","id":${id},"code":0,"body":${body.json}}`;
}

/** The text `stringifyFrame` writes for `{ t: 'push', ev, body }`. */
export function encodePushFrame(ev: string, body: EncodedBody): string {
  return `{"t":"push","ev":${JSON.stringify(ev)},"body":${body.json}}`;
}
