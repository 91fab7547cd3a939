/**
 * Small helpers shared by the SDK's tests: instances wired to a {@link FakeServer} with the `ws`
 * WebSocket, a logger that records instead of printing, event recorders and recording timers.
 */
import WebSocket from 'ws';
import TencentCloudChat, { type ChatCreateOptions, type ChatInstance, type SdkLogger, type Timers } from '../src/index.js';
import type { FakeServer } from './fake-server.js';

/** Test SDKAppID. */
export const APP_ID = 1400000001;

/** A logger that keeps what it is given. */
export interface RecordingLogger extends SdkLogger {
  readonly lines: { level: 'debug' | 'info' | 'warn' | 'error'; args: unknown[] }[];
}

/** Creates a {@link RecordingLogger}. */
export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  return {
    lines,
    debug: (...args) => lines.push({ level: 'debug', args }),
    info: (...args) => lines.push({ level: 'info', args }),
    warn: (...args) => lines.push({ level: 'warn', args }),
    error: (...args) => lines.push({ level: 'error', args }),
  };
}

/** An isolated instance talking to `server` over real sockets (`ws`), fast reconnects, quiet logs. */
export function newChat(server: FakeServer, extra: Partial<ChatCreateOptions> = {}): ChatInstance {
  const chat = TencentCloudChat.create({
    SDKAppID: APP_ID,
    server: server.url,
    WebSocket,
    isolated: true,
    logger: recordingLogger(),
    logLevel: 0,
    reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
    ...extra,
  });
  if (!chat) throw new Error('create() returned null');
  return chat;
}

/** Records `{name, data}` of the given events, in order. */
export function recordEvents(chat: ChatInstance, names: readonly string[]): { name: string; data: unknown }[] {
  const seen: { name: string; data: unknown }[] = [];
  for (const name of names) chat.on(name, (event) => seen.push({ name: event.name, data: event.data }));
  return seen;
}

/** Resolves on the next emit of `name` (with its data). */
export function nextEvent(chat: ChatInstance, name: string, timeoutMs = 5000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for event ${name}`)), timeoutMs);
    chat.once(name, (event) => {
      clearTimeout(timer);
      resolve(event.data);
    });
  });
}

/** Waits `ms` real milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `predicate` every 5 ms until true or `timeoutMs`. */
export async function eventually(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Timers that record every requested delay and run it after `shrink(ms)` real milliseconds. */
export interface RecordingTimers extends Timers {
  readonly delays: number[];
}

/** Creates {@link RecordingTimers}. */
export function recordingTimers(shrink: (ms: number) => number = (ms) => ms): RecordingTimers {
  const delays: number[] = [];
  return {
    delays,
    setTimeout(callback, ms) {
      delays.push(ms);
      return setTimeout(callback, shrink(ms));
    },
    clearTimeout(handle) {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}
