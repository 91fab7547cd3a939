import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter.js';

interface Events {
  ping: { n: number };
  pong: undefined;
}

function make(): { emitter: Emitter<Events>; errors: unknown[] } {
  const errors: unknown[] = [];
  return { emitter: new Emitter<Events>((e) => errors.push(e)), errors };
}

describe('Emitter', () => {
  it('calls handlers with one {name, data} argument, in registration order', () => {
    const { emitter } = make();
    const seen: string[] = [];
    emitter.on('ping', (e: { name: string; data: { n: number } }) => seen.push(`a:${e.name}:${e.data.n}`));
    emitter.on('ping', (e: { name: string; data: { n: number } }) => seen.push(`b:${e.data.n}`));
    emitter.emit('ping', { n: 1 });
    expect(seen).toEqual(['a:ping:1', 'b:1']);
  });

  it('binds `this` to the context given to on()', () => {
    const { emitter } = make();
    const context = { hits: 0 };
    emitter.on(
      'pong',
      function (this: { hits: number }) {
        this.hits++;
      },
      context,
    );
    emitter.emit('pong', undefined);
    expect(context.hits).toBe(1);
  });

  it('off() removes only the registration with the given context when one is given', () => {
    const { emitter } = make();
    const calls: string[] = [];
    const handler = function (this: { id: string }) {
      calls.push(this.id);
    };
    const a = { id: 'a' };
    const b = { id: 'b' };
    emitter.on('pong', handler, a);
    emitter.on('pong', handler, b);
    emitter.off('pong', handler, a);
    emitter.emit('pong', undefined);
    expect(calls).toEqual(['b']);
    emitter.off('pong', handler);
    emitter.emit('pong', undefined);
    expect(calls).toEqual(['b']);
    expect(emitter.count('pong')).toBe(0);
  });

  it('once handlers run for one emit only, and a handler added during an emit waits for the next', () => {
    const { emitter } = make();
    const calls: string[] = [];
    emitter.on('pong', () => calls.push('once'), undefined, true);
    emitter.on('pong', () => {
      calls.push('always');
      if (calls.length === 2) emitter.on('pong', () => calls.push('late'));
    });
    emitter.emit('pong', undefined);
    emitter.emit('pong', undefined);
    expect(calls).toEqual(['once', 'always', 'always', 'late']);
  });

  it('a throwing handler is reported and does not stop the others', () => {
    const { emitter, errors } = make();
    const calls: string[] = [];
    emitter.on('pong', () => {
      throw new Error('boom');
    });
    emitter.on('pong', () => calls.push('second'));
    emitter.emit('pong', undefined);
    expect(calls).toEqual(['second']);
    expect(errors).toHaveLength(1);
  });

  it('clear() removes every handler', () => {
    const { emitter } = make();
    let n = 0;
    emitter.on('pong', () => n++);
    emitter.clear();
    emitter.emit('pong', undefined);
    expect(n).toBe(0);
  });
});
