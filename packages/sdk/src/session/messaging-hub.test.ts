/**
 * The hub routes pushes by registration, runs its parts at each lifecycle step, holds messages
 * and list events back until `SDK_READY`, and starts a new epoch when a session ends. Driven
 * through the session observer it registers, on a stand-in session.
 */
import { defineCommand, definePush, EVENT, isRecord, refuse, valid, type FrameBody } from '@parley/protocol';
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
    request: async (cmd: string, body: FrameBody) => ({ cmd, ...body }),
    observe: (o: SessionObserver) => {
      observer = o;
      return () => {};
    },
  };
  const hub = new MessagingHub(session as unknown as SessionClient);
  return { hub, logger, received, observer: () => observer };
}

const message = (ID: string): Message => ({ ID }) as unknown as Message;

/** A push whose body passes as is. */
const rawPush = (name: string) => definePush({ name, parseBody: (body: unknown) => valid(body as FrameBody) });

/** A command whose answer must carry a numeric `n`. */
const numberCommand = defineCommand({
  name: 'svc.number',
  parseRequest: (body: unknown) => valid(body),
  parseAnswer: (body: unknown) => (isRecord(body) && typeof body['n'] === 'number' ? valid(body['n']) : refuse('UNCAUGHT_ERROR', 'n must be a number')),
});

describe('MessagingHub', () => {
  it('routes each push to the handler registered for its name, and logs the others', () => {
    const { hub, logger, observer } = setup();
    const seen: FrameBody[] = [];
    hub.onPush(rawPush('a.push'), (body) => seen.push(body));
    observer().onPush?.({ ev: 'a.push', body: { x: 1 } } as never);
    observer().onPush?.({ ev: 'other.push', body: {} } as never);
    expect(seen).toEqual([{ x: 1 }]);
    expect(logger.lines).toContainEqual({ level: 'debug', args: ['push not handled', 'other.push'] });
  });

  it('refuses a second handler for one push name', () => {
    const { hub } = setup();
    hub.onPush(rawPush('a.push'), () => {});
    expect(() => hub.onPush(rawPush('a.push'), () => {})).toThrow(/already has a handler/);
  });

  it('applies a parsed push and logs a malformed one', () => {
    const { hub, logger, observer } = setup();
    const applied: number[] = [];
    const test = definePush({ name: 'test', parseBody: (body: unknown) => (isRecord(body) && typeof body['n'] === 'number' ? valid(body['n']) : refuse('UNCAUGHT_ERROR', 'n must be a number')) });
    hub.onPush(test, (n) => applied.push(n));
    observer().onPush?.({ ev: 'test', body: { n: 7 } } as never);
    observer().onPush?.({ ev: 'test', body: { n: 'x' } } as never);
    expect(applied).toEqual([7]);
    expect(logger.lines).toContainEqual({ level: 'warn', args: ['ignored a malformed test push:', 'n must be a number'] });
  });

  it('calls a command by its definition: the typed answer, or the one malformed-answer error', async () => {
    const { hub } = setup();
    await expect(hub.call(numberCommand, { n: 7 })).resolves.toBe(7);
    await expect(hub.call(numberCommand, { n: 'x' })).rejects.toMatchObject({ code: 2903, message: 'Malformed answer from the server: n must be a number' });
    await expect(hub.callParsed(numberCommand, {})).resolves.toEqual({ ok: false, error: 'UNCAUGHT_ERROR', reason: 'n must be a number' });
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
