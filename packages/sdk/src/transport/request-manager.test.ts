import { MAX_REQUEST_ID, ParleyError } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { globalTimers } from '../platform/environment.js';
import { RequestManager } from './request-manager.js';

describe('RequestManager', () => {
  it('gives requests in flight distinct uint32 ids and settles answers in any order', async () => {
    const rm = new RequestManager(globalTimers);
    const a = rm.register('svc.a', 1000);
    const b = rm.register('svc.b', 1000);
    expect(a.id).not.toBe(b.id);
    expect(rm.settle({ t: 'res', id: b.id, code: 0, body: { v: 'b' } })).toBe(true);
    expect(rm.settle({ t: 'res', id: a.id, code: 0 })).toBe(true);
    await expect(b.answer).resolves.toEqual({ v: 'b' });
    await expect(a.answer).resolves.toEqual({});
    expect(rm.size).toBe(0);
  });

  it('rejects with the server code, message and body when the answer is an error', async () => {
    const rm = new RequestManager(globalTimers);
    const r = rm.register('svc.a', 1000);
    rm.settle({ t: 'res', id: r.id, code: 88504, message: 'kicked meanwhile', body: { type: 'multipleDevice', kickType: 2 } });
    const error = await r.answer.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 88504, message: 'kicked meanwhile', data: { type: 'multipleDevice', kickType: 2 } });
  });

  it('rejects with 2801 when no answer comes in time, and ignores the late answer', async () => {
    const rm = new RequestManager(globalTimers);
    const r = rm.register('svc.slow', 10);
    await expect(r.answer).rejects.toMatchObject({ code: 2801 });
    expect(rm.settle({ t: 'res', id: r.id, code: 0 })).toBe(false);
  });

  it('failAll rejects every request in flight', async () => {
    const rm = new RequestManager(globalTimers);
    const rs = [rm.register('a.a', 1000), rm.register('b.b', 1000)];
    rm.failAll(new ParleyError(2800, 'closed'));
    for (const r of rs) await expect(r.answer).rejects.toMatchObject({ code: 2800 });
    expect(rm.size).toBe(0);
  });

  it('wraps from the largest uint32 id back to 1', async () => {
    const rm = new RequestManager(globalTimers, MAX_REQUEST_ID);
    const last = rm.register('a.a', 1000);
    const wrapped = rm.register('b.b', 1000);
    expect([last.id, wrapped.id]).toEqual([MAX_REQUEST_ID, 1]);
    rm.failAll(new ParleyError(2800, 'done'));
    await expect(last.answer).rejects.toMatchObject({ code: 2800 });
    await expect(wrapped.answer).rejects.toMatchObject({ code: 2800 });
  });
});
