/**
 * Payloads of the events the session core emits, keyed by Tencent's `EVENT` string values.
 * Later issues (messages, conversations, ...) add their events here.
 */
import { EVENT, type KickedOutTypeValue, type NetStateValue } from '@parley/protocol';
import type { EmittedEvent } from './emitter.js';

/** Event name → payload (`data`) type. */
export interface ChatEventMap {
  /** Logged in and synced; the gated APIs work now. No data. */
  [EVENT.SDK_READY]: undefined;
  /** Not ready any more (logout, kick, failed resume). No data. */
  [EVENT.SDK_NOT_READY]: undefined;
  /** Kicked out; `type` is one of `TYPES.KICKED_OUT_*`. */
  [EVENT.KICKED_OUT]: { readonly type: KickedOutTypeValue };
  /** The connection state changed; `state` is one of `TYPES.NET_STATE_*`. */
  [EVENT.NET_STATE_CHANGE]: { readonly state: NetStateValue };
  /** An SDK-level error: a gated API called while not ready, or a session that could not be resumed. */
  [EVENT.ERROR]: { readonly code: number; readonly message: string };
  /** The instance was destroyed. No data. */
  [EVENT.SDK_DESTROY]: undefined;
}

/** A known event name. */
export type ChatEventName = keyof ChatEventMap;

/** What a handler of event `K` receives. */
export type ChatEvent<K extends ChatEventName> = EmittedEvent<K, ChatEventMap[K]>;
