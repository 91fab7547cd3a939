/**
 * The public methods of one `TencentCloudChat` instance (the object `create()` returns), composed
 * from the features' public-method tables: the session's, the messages', the conversations' and
 * the groups'. Each entry is bound to its feature's object once per instance; an entry that does
 * not work before `SDK_READY` runs behind the readiness gate. A new public method is a new table
 * entry; nothing here changes.
 */
import type { AnyFunction, MethodTable } from '../session/method-table.js';
import type { SessionClient } from '../session/session-client.js';
import { CHAT_METHOD_TABLES, type ChatApis, type ChatMethods, type ChatTargets } from './method-tables.js';
import { gate } from './readiness-gate.js';

export type { ChatResponse } from '../session/chat-response.js';
export type { LoginOptions, ChatEventHandler, GenericEventHandler } from '../session/session-methods.js';
export type { ChatApis } from './method-tables.js';

/** The bound methods of each instance, by name (the prototype's methods look them up here). */
const boundMethods = new WeakMap<object, ReadonlyMap<string, AnyFunction>>();

// The interface of the same name adds the tables' methods to the class's type; the static block
// below puts them on its prototype.
export interface ChatInstance extends ChatMethods {}

/** One SDK instance: what `TencentCloudChat.create()` returns. */
export class ChatInstance {
  static {
    const names = new Set(Object.values(CHAT_METHOD_TABLES).flatMap((table) => Object.keys(table)));
    for (const name of names) {
      Object.defineProperty(ChatInstance.prototype, name, {
        configurable: true,
        writable: true,
        value: function (this: ChatInstance, ...args: unknown[]): unknown {
          const method = boundMethods.get(this)?.get(name) as ((...a: unknown[]) => unknown) | undefined;
          if (!method) throw new TypeError(`ChatInstance.${name} called on an object that is not an instance`);
          return method(...args);
        },
      });
    }
  }

  /** @param onDestroyed called once `destroy()` has finished (drops the per-SDKAppID cache entry). */
  constructor(session: SessionClient, apis: ChatApis, onDestroyed: () => void = () => {}) {
    const methods = new Map<string, AnyFunction>();
    const targets: ChatTargets = { ...apis, session: { session, onDestroyed } };
    for (const key of Object.keys(CHAT_METHOD_TABLES) as (keyof ChatTargets)[]) {
      const table: MethodTable<never> = CHAT_METHOD_TABLES[key];
      for (const [name, entry] of Object.entries(table)) {
        if (methods.has(name)) throw new Error(`ChatInstance: two tables define ${name}`);
        const run = entry.bind(targets[key] as never) as (...a: unknown[]) => unknown;
        // A gated call that is refused returns a rejected Promise even where the declared type is
        // synchronous (getServerTime, createTextMessage): Tencent's runtime does the same.
        methods.set(name, entry.beforeReady === false ? (...args: unknown[]) => gate(session, name, () => run(...args)) : run);
      }
    }
    boundMethods.set(this, methods);
  }
}
