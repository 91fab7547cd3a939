import { describe, expect, it } from 'vitest';
import { CounterCache } from './sqlite-counter-cache.js';

const batch = (seqs: [string, number][], inbox: [string, number][] = [], ensured: string[] = []) => ({
  seqs: new Map(seqs),
  inboxSeqs: new Map(inbox),
  ensured: new Set(ensured),
});

describe('CounterCache', () => {
  it('knows nothing until a committed batch is published', () => {
    const cache = new CounterCache();
    expect(cache.seq(1, 'c:a:b')).toBeUndefined();
    cache.publish(1, batch([['c:a:b', 7]], [['a', 3]], ['a\0C2Cb']));
    expect(cache.seq(1, 'c:a:b')).toBe(7);
    expect(cache.inboxSeq(1, 'a')).toBe(3);
    expect(cache.hasState(1, 'a\0C2Cb')).toBe(true);
  });

  it('keeps apps apart', () => {
    const cache = new CounterCache();
    cache.publish(1, batch([['g:g1', 4]], [['a', 2]], ['a\0GROUPg1']));
    expect(cache.seq(2, 'g:g1')).toBeUndefined();
    expect(cache.inboxSeq(2, 'a')).toBeUndefined();
    expect(cache.hasState(2, 'a\0GROUPg1')).toBe(false);
  });

  it('forgets a deleted sequence or state row', () => {
    const cache = new CounterCache();
    cache.publish(1, batch([['g:g1', 4]], [], ['a\0GROUPg1']));
    cache.forgetSeq(1, 'g:g1');
    cache.forgetState(1, 'a\0GROUPg1');
    expect(cache.seq(1, 'g:g1')).toBeUndefined();
    expect(cache.hasState(1, 'a\0GROUPg1')).toBe(false);
  });

  it('drops the least recently used entries beyond its bound', () => {
    const cache = new CounterCache(2);
    cache.publish(1, batch([['x', 1], ['y', 2]]));
    expect(cache.seq(1, 'x')).toBe(1); // x is now more recent than y
    cache.publish(1, batch([['z', 3]]));
    expect(cache.seq(1, 'y')).toBeUndefined();
    expect([cache.seq(1, 'x'), cache.seq(1, 'z')]).toStrictEqual([1, 3]);
  });
});
