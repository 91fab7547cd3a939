/**
 * The hub routes pushes by registration, runs its parts at each lifecycle step, holds messages
 * and list events back until `SDK_READY`, and starts a new epoch when a session ends. Driven
 * through the session observer it registers, on a stand-in session.
 */
import { EVENT, invalid, valid, type FrameBody } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test-support/sdk-harness.js';
import type { Message } from '../model/message-types.js';
import { Emitter } from '../platform/emitter.js';
import type { ChatEventMap } from './chat-events.js';
import { MessagingHub } from './messaging-hub.js';
import type { SessionClient, SessionObserver } from './session-client.js';

function setup() {
  const logger = recordingLogger();
  const emitter = new Emitter<ChatEventMap>(() => {});
  const received: string[][] = [];
  emitter.on(EVENT.MESSAGE_RECEIVED, (e: { data: Message[] }) => received.push(e.data.map((m) => m.ID)));
  let observer: SessionObserver = {};
  const session = {
    loginUser: 'alice',
    emitter,
    options: { env: { logger, random: () => 0.5 } },
    serverTime: () => 1_000,
    request: async (cmd: string) => ({ cmd }),
    observe: (o: SessionObserver) => {
      observer = o;
      return () => {};
    },
  };
  const hub = new MessagingHub(session as unknown as SessionClient);
  return { hub, logger, received, observer: () => observer };
}

const message = (ID: string): Message => ({ ID }) as unknown as Message;

describe('MessagingHub', () => {
  it('routes each push to the handler registered for its name, and logs the others', () => {
    const { hub, logger, observer } = setup();
    const seen: FrameBody[] = [];
    hub.onPush('a.push', (body) => seen.push(body));
    observer().onPush?.({ ev: 'a.push', body: { x: 1 } } as never);
    observer().onPush?.({ ev: 'other.push', body: {} } as never);
    expect(seen).toEqual([{ x: 1 }]);
    expect(logger.lines).toContainEqual({ level: 'debug', args: ['push not handled', 'other.push'] });
  });

  it('refuses a second handler for one push name', () => {
    const { hub } = setup();
    hub.onPush('a.push', () => {});
    expect(() => hub.onPush('a.push', () => {})).toThrow(/already has a handler/);
  });

  it('applies a parsed push and logs a malformed one', () => {
    const { hub, logger } = setup();
    const applied: number[] = [];
    const handler = hub.parsed('test', (body) => (typeof body['n'] === 'number' ? valid(body['n']) : invalid('n must be a number')), (n) => applied.push(n));
    handler({ n: 7 });
    handler({ n: 'x' });
    expect(applied).toEqual([7]);
    expect(logger.lines).toContainEqual({ level: 'warn', args: ['ignored a malformed test push:', 'n must be a number'] });
  });

  it('holds messages and flushes from login until SDK_READY, then releases the parts before the messages', async () => {
    const { hub, received, observer } = setup();
    const steps: string[] = [];
    hub.addPart({ prepare: async () => void steps.push('prepare 1'), flush: () => void steps.push('flush'), release: () => void steps.push('release') });
    hub.addPart({ prepare: async () => void steps.push('prepare 2') });
    await observer().onLoggedIn?.('alice');
    hub.deliver([message('m1')]);
    hub.flush();
    expect(received).toEqual([]);
    observer().onReady?.();
    steps.push(`received ${received.length}`);
    expect(steps).toEqual(['prepare 1', 'prepare 2', 'release', 'received 1']);
    hub.deliver([message('m2')]);
    hub.flush();
    expect(received).toEqual([['m1'], ['m2']]);
    expect(steps.at(-1)).toBe('flush');
  });

  it('starts a new epoch and resets the parts when the session ends', () => {
    const { hub, observer } = setup();
    let resets = 0;
    hub.addPart({ reset: () => void resets++ });
    const epoch = hub.epoch;
    expect(hub.isCurrent(epoch)).toBe(true);
    observer().onSessionEnded?.();
    expect(hub.isCurrent(epoch)).toBe(false);
    expect(resets).toBe(1);
  });

  it('runs the parts’ catch-up after a reconnect, in order', () => {
    const { hub, observer } = setup();
    const order: number[] = [];
    hub.addPart({ resumed: () => void order.push(1) });
    hub.addPart({ resumed: () => void order.push(2) });
    observer().onReconnected?.({} as never);
    expect(order).toEqual([1, 2]);
  });
});
