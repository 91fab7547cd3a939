import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EncodedBody,
  MAX_NAME_LENGTH,
  MAX_REQUEST_ID,
  encodePushFrame,
  encodeResponseFrame,
  parseClientFrame,
  parseServerFrame,
  stringifyFrame,
  type RequestFrame,
  type ServerFrame,
} from './frames.js';

function reasonOf(raw: unknown, parse: (raw: unknown) => ReturnType<typeof parseClientFrame> | ReturnType<typeof parseServerFrame> = parseClientFrame): string {
  const r = parse(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return r.reason;
}

describe('parseClientFrame', () => {
  it('accepts a request frame and reads a missing body as {}', () => {
    expect(parseClientFrame('{"t":"req","id":7,"cmd":"im_open_status.wshello"}')).toEqual({
      ok: true,
      value: { t: 'req', id: 7, cmd: 'im_open_status.wshello', body: {} },
    });
  });

  it('accepts an already-decoded object as well as a JSON string', () => {
    const frame = { t: 'req', id: 1, cmd: 'a.b', body: { x: 1 } };
    expect(parseClientFrame(frame)).toEqual({ ok: true, value: frame });
  });

  it.each([
    ['text that is not JSON', '{"t":"req",', 'frame is not valid JSON'],
    ['an empty string', '', 'frame is not valid JSON'],
    ['a JSON array', '[1,2]', 'frame must be a JSON object (got array)'],
    ['JSON null', 'null', 'frame must be a JSON object (got null)'],
    ['a JSON string', '"hi"', 'frame must be a JSON object (got string)'],
    ['a JSON number', '42', 'frame must be a JSON object (got number)'],
    ['a missing t', '{"id":1,"cmd":"a.b"}', `'t' must be "req" for a client frame (got nothing)`],
    ['a server frame kind', '{"t":"res","id":1,"code":0}', `'t' must be "req" for a client frame (got "res")`],
    ['a missing id', '{"t":"req","cmd":"a.b"}', `'id' is missing`],
    ['a string id', '{"t":"req","id":"1","cmd":"a.b"}', `'id' must be a number (got string)`],
    ['a null id', '{"t":"req","id":null,"cmd":"a.b"}', `'id' must be a number (got null)`],
    ['a negative id', '{"t":"req","id":-1,"cmd":"a.b"}', `'id' must be in 0..${MAX_REQUEST_ID} (got -1)`],
    ['a fractional id', '{"t":"req","id":1.5,"cmd":"a.b"}', `'id' must be an integer (got 1.5)`],
    ['an id above uint32', `{"t":"req","id":${MAX_REQUEST_ID + 1},"cmd":"a.b"}`, `'id' must be in 0..${MAX_REQUEST_ID} (got ${MAX_REQUEST_ID + 1})`],
    ['a missing cmd', '{"t":"req","id":1}', `'cmd' is missing`],
    ['a numeric cmd', '{"t":"req","id":1,"cmd":5}', `'cmd' must be a string (got number)`],
  ])('rejects %s with a precise reason', (_what, raw, reason) => {
    expect(reasonOf(raw)).toBe(reason);
  });

  it.each([
    ['without a dot', 'wslogin'],
    ['with two dots', 'a.b.c'],
    ['with a space', 'im_open_status.ws login'],
    ['with an empty service', '.wslogin'],
    ['with an empty command', 'im_open_status.'],
    ['with a non-ASCII letter', 'im_open_status.wslögin'],
    ['that is empty', ''],
    ['longer than the limit', `${'a'.repeat(MAX_NAME_LENGTH)}.b`],
  ])('rejects a cmd %s', (_what, cmd) => {
    expect(reasonOf({ t: 'req', id: 1, cmd })).toMatch(/^'cmd' must look like "<service>\.<name>"/);
  });

  it('accepts a cmd of exactly the maximum length', () => {
    const cmd = `${'a'.repeat(MAX_NAME_LENGTH - 2)}.b`;
    expect(parseClientFrame({ t: 'req', id: 1, cmd }).ok).toBe(true);
  });

  it.each([
    ['an array', [], 'array'],
    ['a string', 'x', 'string'],
    ['null', null, 'null'],
    ['a number', 3, 'number'],
  ])('rejects a body that is %s', (_what, body, kind) => {
    expect(reasonOf({ t: 'req', id: 1, cmd: 'a.b', body })).toBe(`'body' must be a JSON object (got ${kind})`);
  });

  it('accepts the id bounds 0 and 2^32-1', () => {
    expect(parseClientFrame({ t: 'req', id: 0, cmd: 'a.b' }).ok).toBe(true);
    expect(parseClientFrame({ t: 'req', id: MAX_REQUEST_ID, cmd: 'a.b' }).ok).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue(), fc.anything()), (raw) => {
        const r = parseClientFrame(raw);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });

  it('round-trips every valid request frame through stringifyFrame', () => {
    const name = fc.tuple(fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/), fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/)).map(([a, b]) => `${a}.${b}`);
    const frame = fc.record({
      t: fc.constant('req' as const),
      id: fc.integer({ min: 0, max: MAX_REQUEST_ID }),
      cmd: name,
      body: fc.dictionary(fc.string(), fc.jsonValue()),
    });
    fc.assert(
      fc.property(frame, (f: RequestFrame) => {
        const back = parseClientFrame(stringifyFrame(f));
        expect(back).toEqual({ ok: true, value: JSON.parse(JSON.stringify(f)) });
      }),
    );
  });
});

describe('parseServerFrame', () => {
  it('accepts a success response with a body', () => {
    expect(parseServerFrame('{"t":"res","id":3,"code":0,"body":{"serverTime":1}}')).toEqual({
      ok: true,
      value: { t: 'res', id: 3, code: 0, body: { serverTime: 1 } },
    });
  });

  it('accepts an error response without a body and keeps its message', () => {
    expect(parseServerFrame({ t: 'res', id: 3, code: 6014, message: 'Not logged in' })).toEqual({
      ok: true,
      value: { t: 'res', id: 3, code: 6014, message: 'Not logged in' },
    });
  });

  it('accepts a push and reads a missing body as {}', () => {
    expect(parseServerFrame({ t: 'push', ev: 'im_open_status.server_shutdown' })).toEqual({
      ok: true,
      value: { t: 'push', ev: 'im_open_status.server_shutdown', body: {} },
    });
  });

  it.each([
    ['a request frame', { t: 'req', id: 1, cmd: 'a.b' }, `'t' must be "res" or "push" for a server frame (got "req")`],
    ['a response without id', { t: 'res', code: 0 }, `'id' is missing`],
    ['a response with a string code', { t: 'res', id: 1, code: '0' }, `'code' must be an integer (got string)`],
    ['a response with a fractional code', { t: 'res', id: 1, code: 0.5 }, `'code' must be an integer (got number)`],
    ['a response with a numeric message', { t: 'res', id: 1, code: 1, message: 2 }, `'message' must be a string (got number)`],
    ['a response with an array body', { t: 'res', id: 1, code: 0, body: [] }, `'body' must be a JSON object (got array)`],
    ['a push without ev', { t: 'push', body: {} }, `'ev' is missing`],
    ['a push with a bad ev', { t: 'push', ev: 'nodot' }, `'ev' must look like "<service>.<name>" (letters, digits, _; at most ${MAX_NAME_LENGTH} chars)`],
  ])('rejects %s with a precise reason', (_what, raw, reason) => {
    expect(reasonOf(raw, parseServerFrame)).toBe(reason);
  });

  it('round-trips responses and pushes through stringifyFrame', () => {
    const frames: ServerFrame[] = [
      { t: 'res', id: 9, code: 0, body: { a: [1, 'x', null] } },
      { t: 'res', id: 9, code: 70001, message: 'The UserSig expired' },
      { t: 'push', ev: 'im_open_status.stat_forceoffline', body: { type: 'multipleAccount', kickType: 1 } },
    ];
    for (const f of frames) expect(parseServerFrame(stringifyFrame(f))).toEqual({ ok: true, value: f });
  });
});

describe('pre-encoded bodies', () => {
  it('encode answers and pushes byte for byte as stringifyFrame does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_REQUEST_ID }), fc.dictionary(fc.string(), fc.jsonValue()), (id, body) => {
        const encoded = new EncodedBody(JSON.stringify(body));
        expect(encodeResponseFrame(id, encoded)).toBe(stringifyFrame({ t: 'res', id, code: 0, body }));
        expect(encodePushFrame('openim.msg', encoded)).toBe(stringifyFrame({ t: 'push', ev: 'openim.msg', body }));
      }),
    );
  });

  it('escape the event name as JSON', () => {
    const body = new EncodedBody('{}');
    expect(JSON.parse(encodePushFrame('a"b\\c', body))).toStrictEqual({ t: 'push', ev: 'a"b\\c', body: {} });
  });
});
