/**
 * The platform pieces the SDK needs and never imports: a WebSocket constructor, timers, a clock,
 * randomness and a log sink. Each is injected through the create options or taken from
 * `globalThis`, so one build runs in browsers, React Native and Node (where Node 20 has no global
 * WebSocket and the app passes the `ws` package).
 */

/**
 * The part of the WHATWG WebSocket API the SDK uses. Browser, React Native and `ws` sockets all fit.
 * Handler parameters are typed `never` so every runtime's own event types are accepted; the SDK
 * reads only `data` of a message event and `code`/`reason` of a close event, and checks them.
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

/** A WebSocket constructor: `globalThis.WebSocket` in browsers and React Native, `WebSocket` from `ws` on Node. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/**
 * Timer functions. The SDK calls them as methods of the object passed, so pass an object whose
 * methods work when called that way (the default wraps `globalThis.setTimeout`/`clearTimeout`).
 */
export interface Timers {
  /** Runs `callback` once after `ms` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending callback; ignores handles that already fired or were cleared. */
  clearTimeout(handle: unknown): void;
}

/** A console-like log sink. */
export interface SdkLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** Everything injected, with defaults filled in. */
export interface Environment {
  /** The injected constructor; `undefined` means "use `globalThis.WebSocket` at connect time". */
  readonly WebSocket: WebSocketConstructor | undefined;
  readonly timers: Timers;
  /** Current time in milliseconds since the epoch. */
  readonly now: () => number;
  /** A number in [0, 1). */
  readonly random: () => number;
  readonly logger: LevelLogger;
}

/** Timers that call the global functions unbound, as browsers require (`Illegal invocation` otherwise). */
export const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};

/** The WebSocket constructor to use: the injected one, else `globalThis.WebSocket`, else `undefined`. */
export function findWebSocket(injected: WebSocketConstructor | undefined): WebSocketConstructor | undefined {
  if (injected) return injected;
  const global: unknown = (globalThis as { WebSocket?: unknown }).WebSocket;
  return typeof global === 'function' ? (global as WebSocketConstructor) : undefined;
}

/** Log levels of `setLogLevel`, as Tencent numbers them. */
export const LogLevel = {
  /** Everything, including debug detail. */
  COMMON: 0,
  /** Informational messages and above. */
  RELEASE: 1,
  WARNING: 2,
  ERROR: 3,
  NONE: 4,
} as const;

/** A {@link SdkLogger} that drops messages below its level. */
export class LevelLogger implements SdkLogger {
  /** @param level initial level (see {@link LogLevel}). */
  constructor(
    private readonly sink: SdkLogger,
    private level: number,
  ) {}

  /** Changes the level; values outside 0..4 are ignored and reported. Returns whether it was accepted. */
  setLevel(level: unknown): boolean {
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 4) {
      this.warn('setLogLevel: level must be an integer 0..4, got', level);
      return false;
    }
    this.level = level;
    return true;
  }

  debug(...args: unknown[]): void {
    if (this.level <= LogLevel.COMMON) this.sink.debug('[parley]', ...args);
  }
  info(...args: unknown[]): void {
    if (this.level <= LogLevel.RELEASE) this.sink.info('[parley]', ...args);
  }
  warn(...args: unknown[]): void {
    if (this.level <= LogLevel.WARNING) this.sink.warn('[parley]', ...args);
  }
  error(...args: unknown[]): void {
    if (this.level <= LogLevel.ERROR) this.sink.error('[parley]', ...args);
  }
}
