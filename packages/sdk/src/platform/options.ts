/**
 * Options of `TencentCloudChat.create()` (and of the V2TIM `initSDK()`), and their parsing into
 * one resolved, defaulted shape. Unknown keys are ignored, as Tencent's runtime does.
 */
import { invalid, isRecord, normalizePlatform, valid, type Parsed, type Platform } from '@parley/protocol';
import { globalTimers, LevelLogger, LogLevel, type Environment, type SdkLogger, type Timers, type WebSocketConstructor } from './environment.js';
import { checkBackoffOptions, exponentialBackoff, type BackoffOptions, type ReconnectPolicy } from './reconnect-policy.js';

/** Server address used when the app gives none. @default 'ws://127.0.0.1:9000' */
export const DEFAULT_SERVER = 'ws://127.0.0.1:9000';

/** Default of {@link ChatCreateOptions.loginTimeoutMs}. */
export const DEFAULT_LOGIN_TIMEOUT_MS = 15_000;

/** Default of {@link ChatCreateOptions.requestTimeoutMs}. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** Options without the SDKAppID: what `initSDK(sdkAppID, logLevel, listener, options)` takes. */
export interface SessionOptions {
  /** WebSocket address of the Parley server (`ws://`, `wss://`; `http(s)://` is converted). @default DEFAULT_SERVER */
  readonly server?: string;
  /** Tencent's name for the server address; alias of `server` (which wins when both are set). */
  readonly proxyServer?: string;
  /** WebSocket constructor; default `globalThis.WebSocket`. On Node 20 pass `WebSocket` from `ws`. */
  readonly WebSocket?: WebSocketConstructor;
  /** Platform this instance counts as for the multi-client policy (`ReactNative` etc. count as Web). @default 'Web' */
  readonly platform?: Platform | string;
  /** Timers; default the global `setTimeout`/`clearTimeout`. */
  readonly timers?: Timers;
  /** Clock in ms since the epoch. @default Date.now */
  readonly now?: () => number;
  /** Random numbers in [0, 1), used for reconnect jitter. @default Math.random */
  readonly random?: () => number;
  /** Log sink. @default globalThis.console */
  readonly logger?: SdkLogger;
  /** Initial log level (see `setLogLevel`). @default 1 */
  readonly logLevel?: number;
  /** Longest wait for a login (connect + answer), in ms; then login fails with 2801. @default 15000 */
  readonly loginTimeoutMs?: number;
  /** Longest wait for the answer to any other request, in ms; then it fails with 2801. @default 15000 */
  readonly requestTimeoutMs?: number;
  /** Tuning of the default reconnect backoff (ignored when `reconnectPolicy` is given). */
  readonly reconnect?: BackoffOptions;
  /** A custom reconnect schedule. @default exponentialBackoff(reconnect) */
  readonly reconnectPolicy?: ReconnectPolicy;
  /** Other keys (Tencent's `scene`, `modules`, `fileUploadProxy`, ...) are accepted and ignored. */
  readonly [key: string]: unknown;
}

/** Options of `TencentCloudChat.create()`. */
export interface ChatCreateOptions extends SessionOptions {
  /** The application's SDKAppID: a positive integer or a string of digits. */
  readonly SDKAppID: number | string;
  /**
   * Parley extension: make a fresh instance outside the one-instance-per-SDKAppID cache, for apps
   * and tests that need several instances in one process. @default false
   */
  readonly isolated?: boolean;
}

/** Parsed options with every default filled in. */
export interface ResolvedOptions {
  readonly SDKAppID: number;
  readonly server: string;
  readonly platform: Platform;
  readonly isolated: boolean;
  readonly loginTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly reconnectPolicy: ReconnectPolicy;
  readonly env: Environment;
}

/** Parses an SDKAppID given as a number or a string of digits; `undefined` when it is not one. */
export function parseSDKAppID(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n <= 0xffff_ffff ? n : undefined;
}

function parseServer(value: unknown): Parsed<string> {
  if (value === undefined) return valid(DEFAULT_SERVER);
  if (typeof value !== 'string') return invalid('server must be a string such as "ws://127.0.0.1:9000"');
  const url = value.trim().replace(/^http(s?):\/\//i, 'ws$1://');
  if (!/^wss?:\/\/[^\s/]+/i.test(url)) return invalid(`server must start with ws://, wss://, http:// or https:// (got "${value}")`);
  return valid(url);
}

const isFn = (v: unknown): boolean => typeof v === 'function';
const isTimeout = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Parses the SDKAppID-less options; `SDKAppID` and `isolated` are supplied by the caller. */
export function resolveSessionOptions(raw: unknown, SDKAppID: number, isolated: boolean): Parsed<ResolvedOptions> {
  if (raw !== undefined && !isRecord(raw)) return invalid('options must be an object');
  const o: Record<string, unknown> = isRecord(raw) ? raw : {};
  const server = parseServer(o['server'] ?? o['proxyServer']);
  if (!server.ok) return server;
  const platformName = o['platform'] ?? 'Web';
  const platform = typeof platformName === 'string' ? normalizePlatform(platformName) : undefined;
  if (!platform) return invalid(`platform must be one of Web, Android, IPhone, IPad, Windows, Mac, Linux (got ${String(platformName)})`);
  if (o['WebSocket'] !== undefined && !isFn(o['WebSocket'])) return invalid('WebSocket must be a WebSocket constructor');
  const timers = o['timers'];
  if (timers !== undefined && !(isRecord(timers) && isFn(timers['setTimeout']) && isFn(timers['clearTimeout']))) {
    return invalid('timers must have setTimeout and clearTimeout functions');
  }
  for (const key of ['now', 'random'] as const) {
    if (o[key] !== undefined && !isFn(o[key])) return invalid(`${key} must be a function`);
  }
  const logger = o['logger'];
  if (logger !== undefined && !(isRecord(logger) && ['debug', 'info', 'warn', 'error'].every((m) => isFn(logger[m])))) {
    return invalid('logger must have debug, info, warn and error functions');
  }
  for (const key of ['loginTimeoutMs', 'requestTimeoutMs'] as const) {
    if (o[key] !== undefined && !isTimeout(o[key])) return invalid(`${key} must be a positive number of milliseconds`);
  }
  const backoff = o['reconnect'];
  if (backoff !== undefined) {
    if (!isRecord(backoff)) return invalid('reconnect must be an object');
    const reason = checkBackoffOptions(backoff);
    if (reason) return invalid(reason);
  }
  const policy = o['reconnectPolicy'];
  if (policy !== undefined && !(isRecord(policy) && isFn(policy['nextDelayMs']))) return invalid('reconnectPolicy must have a nextDelayMs function');
  const level = o['logLevel'] ?? LogLevel.RELEASE;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < LogLevel.COMMON || level > LogLevel.NONE) {
    return invalid('logLevel must be an integer 0..4');
  }
  const random = (o['random'] as (() => number) | undefined) ?? Math.random;
  const sink = (logger as SdkLogger | undefined) ?? globalThis.console;
  const env: Environment = {
    WebSocket: o['WebSocket'] as WebSocketConstructor | undefined,
    timers: (timers as Timers | undefined) ?? globalTimers,
    now: (o['now'] as (() => number) | undefined) ?? Date.now,
    random,
    logger: new LevelLogger(sink, level),
  };
  return valid({
    SDKAppID,
    server: server.value,
    platform,
    isolated,
    loginTimeoutMs: (o['loginTimeoutMs'] as number | undefined) ?? DEFAULT_LOGIN_TIMEOUT_MS,
    requestTimeoutMs: (o['requestTimeoutMs'] as number | undefined) ?? DEFAULT_REQUEST_TIMEOUT_MS,
    reconnectPolicy: (policy as ReconnectPolicy | undefined) ?? exponentialBackoff((backoff as BackoffOptions | undefined) ?? {}, random),
    env,
  });
}

/** Parses `create()` options: SDKAppID first (as Tencent does), then the rest. Never throws. */
export function resolveCreateOptions(raw: unknown): Parsed<ResolvedOptions> {
  if (!isRecord(raw)) return invalid('create() needs an options object such as { SDKAppID: 1400000000 }');
  const SDKAppID = parseSDKAppID(raw['SDKAppID']);
  if (SDKAppID === undefined) return invalid(`SDKAppID must be a positive integer or a string of digits (got ${JSON.stringify(raw['SDKAppID']) ?? 'undefined'})`);
  return resolveSessionOptions(raw, SDKAppID, raw['isolated'] === true);
}
