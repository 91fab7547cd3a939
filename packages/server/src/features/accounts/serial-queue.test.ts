import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('SerialQueue', () => {
  it('runs jobs one at a time, in the order they were queued', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    expect(await Promise.all([queue.run(job('a')), queue.run(job('b')), queue.run(job('c'))])).toStrictEqual(['a', 'b', 'c']);
    expect(log).toStrictEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('hands a failure to its caller only, and goes on with the next job', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});
