import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../test-support/manual-clock.js';
import { DeadlineQueue } from './deadline-queue.js';

describe('DeadlineQueue', () => {
  it('fires each key once, in deadline order, when the clock passes it', () => {
    const clock = new ManualClock(1_000);
    const fired: string[] = [];
    const q = new DeadlineQueue(clock, (k) => fired.push(k));
    q.schedule('c', 1_300);
    q.schedule('a', 1_100);
    q.schedule('b', 1_200);
    clock.advance(150);
    expect(fired).toEqual(['a']);
    clock.advance(1_000);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(q.size).toBe(0);
  });

  it('uses one armed timer however many deadlines are pending', () => {
    const clock = new ManualClock(0);
    const q = new DeadlineQueue(clock, () => undefined);
    for (let i = 0; i < 10_000; i++) q.schedule(`k${i}`, 1_000 + (i % 97));
    expect(clock.pendingTimers).toBe(1);
  });

  it('re-scheduling moves a deadline and cancel removes it', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    const q = new DeadlineQueue(clock, (k) => fired.push(k));
    q.schedule('moved', 100);
    q.schedule('moved', 500);
    q.schedule('gone', 200);
    q.cancel('gone');
    clock.advance(300);
    expect(fired).toEqual([]);
    clock.advance(300);
    expect(fired).toEqual(['moved']);
  });

  it('an earlier deadline added later re-arms the timer', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    const q = new DeadlineQueue(clock, (k) => fired.push(k));
    q.schedule('late', 10_000);
    q.schedule('early', 10);
    clock.advance(20);
    expect(fired).toEqual(['early']);
  });

  it('stop() cancels everything', () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    const q = new DeadlineQueue(clock, (k) => fired.push(k));
    q.schedule('x', 10);
    q.stop();
    clock.advance(100);
    expect(fired).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});
