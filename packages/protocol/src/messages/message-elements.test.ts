import { describe, expect, it } from 'vitest';
import { messageBodyBytes, parseElement, parseElements } from './message-elements.js';

describe('parseElement', () => {
  it('accepts a text element', () => {
    expect(parseElement({ type: 'TIMTextElem', content: { text: 'hi' } })).toEqual({ ok: true, value: { type: 'TIMTextElem', content: { text: 'hi' } } });
  });

  it('fills in the optional strings of a custom element', () => {
    expect(parseElement({ type: 'TIMCustomElem', content: { data: '{"k":1}' } })).toEqual({
      ok: true,
      value: { type: 'TIMCustomElem', content: { data: '{"k":1}', description: '', extension: '' } },
    });
    expect(parseElement({ type: 'TIMCustomElem', content: { data: 'd', description: 'x', extension: 'y' } }).ok).toBe(true);
  });

  it.each([
    [{ type: 'TIMImageElem', content: {} }, /type must be "TIMTextElem" or "TIMCustomElem" \(got "TIMImageElem"\)/],
    [{ type: 'TIMGroupTipElem', content: { operationType: 1 } }, /got "TIMGroupTipElem"/],
    [{ content: { text: 'x' } }, /type must be .*got undefined/],
    [{ type: 'TIMTextElem', content: { text: 5 } }, /content\.text must be a string \(got number\)/],
    [{ type: 'TIMTextElem', content: { text: 'x', extra: 1 } }, /unknown field "extra"/],
    [{ type: 'TIMTextElem', content: 'x' }, /content must be an object/],
    [{ type: 'TIMCustomElem', content: { description: 'x' } }, /content\.data must be a string/],
    [{ type: 'TIMCustomElem', content: { data: 'x', extension: 1 } }, /content\.extension must be a string/],
    ['text', /must be an object \(got string\)/],
  ])('refuses %j', (value, reason) => {
    const r = parseElement(value, 'el');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseElements', () => {
  it('needs 1..20 elements and names the bad one by index', () => {
    expect(parseElements([]).ok).toBe(false);
    expect(parseElements(Array.from({ length: 21 }, () => ({ type: 'TIMTextElem', content: { text: 'a' } }))).ok).toBe(false);
    const r = parseElements([{ type: 'TIMTextElem', content: { text: 'a' } }, { type: 'nope', content: {} }]);
    expect(r.ok === false && r.reason).toMatch(/^elements\[1\]\.type/);
    expect(parseElements({}).ok).toBe(false);
  });
});

describe('messageBodyBytes', () => {
  it('counts UTF-8 bytes of the elements JSON plus cloudCustomData', () => {
    const elements = [{ type: 'TIMTextElem', content: { text: 'é' } }];
    expect(messageBodyBytes(elements, '')).toBe(JSON.stringify(elements).length + 1);
    expect(messageBodyBytes(elements, '日本')).toBe(JSON.stringify(elements).length + 1 + 6);
  });
});
