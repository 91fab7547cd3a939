/**
 * The `TencentCloudChat` default export: `create()` with its one-instance-per-SDKAppID cache, and
 * the static tables `EVENT`, `TYPES`, `TSignaling` and `VERSION`.
 */
import { EVENT, isRecord, TSIGNALING, TYPES } from '@parley/protocol';
import { createChatCore } from './chat-core.js';
import type { ChatInstance } from './chat-instance.js';
import type { SdkLogger } from '../platform/environment.js';
import { resolveCreateOptions, type ChatCreateOptions } from '../platform/options.js';
import { VERSION } from '../platform/version.js';

/** Instances by SDKAppID, until their `destroy()`. */
const instances = new Map<number, ChatInstance>();

function loggerOf(options: unknown): SdkLogger {
  const logger = isRecord(options) ? options['logger'] : undefined;
  return isRecord(logger) && typeof logger['error'] === 'function' ? (logger as unknown as SdkLogger) : globalThis.console;
}

/**
 * Returns the instance for `options.SDKAppID`, creating it on first use; the same object until
 * its `destroy()` (later calls' other options are ignored), unless `isolated: true`. Invalid
 * options (an SDKAppID that is not a positive integer or digit string, a bad `server`, ...) log
 * an error and return `null`; the declared type omits `null` to match Tencent's d.ts.
 */
function create(options: ChatCreateOptions): ChatInstance {
  const resolved = resolveCreateOptions(options);
  if (!resolved.ok) {
    loggerOf(options).error(`[parley] TencentCloudChat.create(): ${resolved.reason}`);
    return null as unknown as ChatInstance;
  }
  const { SDKAppID, isolated } = resolved.value;
  const cached = isolated ? undefined : instances.get(SDKAppID);
  if (cached) return cached;
  const { chat } = createChatCore(resolved.value, () => {
    if (instances.get(SDKAppID) === chat) instances.delete(SDKAppID);
  });
  if (!isolated) instances.set(SDKAppID, chat);
  return chat;
}

/** The shape of the `TencentCloudChat` namespace object. */
export interface TencentCloudChatStatic {
  /** See {@link create}. */
  create(options: ChatCreateOptions): ChatInstance;
  /** Event names (Tencent's values). */
  readonly EVENT: typeof EVENT;
  /** Type constants (Tencent's values), e.g. `TYPES.KICKED_OUT_MULT_ACCOUNT`, `TYPES.NET_STATE_CONNECTED`. */
  readonly TYPES: typeof TYPES;
  /** Signaling events and action types. */
  readonly TSignaling: typeof TSIGNALING;
  /** SDK version string. */
  readonly VERSION: string;
}

/** `import TencentCloudChat from '@parley/sdk'`: the web-style entry point. */
export const TencentCloudChat: TencentCloudChatStatic = Object.freeze({
  create,
  EVENT,
  TYPES,
  TSignaling: TSIGNALING,
  VERSION,
});
