import { describe, expect, it } from 'vitest';
import { DeliveryTracker, messageText, parseMessageText, TEXT_LENGTH } from './delivery-tracker.js';

describe('message texts', () => {
  it('carry the sender and the send number, padded to a fixed length', () => {
    const t = messageText('u7', 12);
    expect(t).toHaveLength(TEXT_LENGTH);
    expect(parseMessageText(t)).toEqual({ sender: 'u7', n: 12 });
    expect(parseMessageText('hello')).toBeUndefined();
  });
});

describe('DeliveryTracker', () => {
  it('measures send → receipt and counts each first receipt once', () => {
    const d = new DeliveryTracker();
    d.sent('u1', 1, 100);
    d.sent('u1', 2, 110);
    expect(d.received('u2', 'u1', messageText('u1', 1), 1, 105)).toBe(1);
    expect(d.received('u2', 'u1', messageText('u1', 2), 2, 130)).toBe(2);
    expect(d.latenciesMs).toEqual([5, 20]);
    expect(d.counts()).toEqual({ delivered: 2, duplicates: 0, orderViolations: 0, unexpected: 0 });
    expect(d.firstSentAt).toBe(100);
    expect(d.lastReceivedAt).toBe(130);
  });

  it('counts a second receipt as a duplicate and returns undefined for it', () => {
    const d = new DeliveryTracker();
    d.sent('u1', 1, 0);
    d.received('u2', 'u1', messageText('u1', 1), 1, 1);
    expect(d.received('u2', 'u1', messageText('u1', 1), 1, 2)).toBeUndefined();
    expect(d.counts()).toMatchObject({ delivered: 1, duplicates: 1 });
  });

  it('flags texts out of send order, and server sequences that do not increase', () => {
    const d = new DeliveryTracker();
    for (const n of [1, 2, 3, 4]) d.sent('u1', n, 0);
    d.received('u2', 'u1', messageText('u1', 2), 2, 1);
    d.received('u2', 'u1', messageText('u1', 1), 3, 2);
    d.received('u2', 'u1', messageText('u1', 3), 3, 3);
    expect(d.counts().orderViolations).toBe(2);
  });

  it('keeps streams of different receivers apart and reports the last receiver per message', () => {
    const d = new DeliveryTracker();
    d.sent('s', 1, 10);
    d.received('a', 's', messageText('s', 1), 5, 12);
    d.received('b', 's', messageText('s', 1), 5, 19);
    expect(d.receivers('s', 1)).toBe(2);
    expect(d.lastReceiverLatenciesMs()).toEqual([9]);
    expect(d.counts()).toMatchObject({ delivered: 2, duplicates: 0, orderViolations: 0 });
  });

  it('counts texts from the wrong sender or of unsent messages as unexpected', () => {
    const d = new DeliveryTracker();
    d.sent('u1', 1, 0);
    d.received('u2', 'u3', messageText('u1', 1), 1, 1);
    d.received('u2', 'u1', messageText('u1', 9), 1, 1);
    expect(d.counts()).toMatchObject({ delivered: 0, unexpected: 2 });
  });
});
