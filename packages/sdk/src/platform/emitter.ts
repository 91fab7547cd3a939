/**
 * A small typed event emitter of the SDK's own, so the SDK carries no dependency and no Node
 * `events` polyfill. Handlers get one argument `{name, data}` and run with `this` bound to the
 * context given at registration, as Tencent's UI kits expect.
 */

/** What a handler receives: the event name and its payload. */
export interface EmittedEvent<N extends string = string, D = unknown> {
  readonly name: N;
  readonly data: D;
}

/** A handler; `this` is the `context` passed to `on`. */
export type EventHandler<N extends string = string, D = unknown> = (this: unknown, event: EmittedEvent<N, D>) => void;

/** Any handler, whatever payload it expects (the emitter only stores and calls them). */
export type AnyEventHandler = (this: never, event: never) => void;

interface Registration {
  readonly handler: AnyEventHandler;
  readonly context: unknown;
  readonly once: boolean;
}

/**
 * Registers handlers by event name and calls them synchronously on {@link Emitter.emit}.
 * A throwing handler is reported to `onHandlerError` and never stops the others or the SDK.
 * `Events` maps each event name the owner emits to its payload type.
 */
export class Emitter<Events extends object> {
  private readonly byName = new Map<string, Registration[]>();

  /** @param onHandlerError called with the error a handler threw (for logging). */
  constructor(private readonly onHandlerError: (error: unknown, name: string) => void) {}

  /** Adds `handler` for `name`; it runs with `this` = `context`, once only if `once` is true. */
  on(name: string, handler: AnyEventHandler, context?: unknown, once = false): void {
    const list = this.byName.get(name) ?? [];
    list.push({ handler, context, once });
    this.byName.set(name, list);
  }

  /** Removes `handler` for `name`: only its registrations with `context` when one is given, else all. */
  off(name: string, handler: AnyEventHandler, context?: unknown): void {
    this.remove(name, (r) => r.handler === handler && (context === undefined || r.context === context));
  }

  /** Calls every handler of `name` with `{name, data}`; handlers added meanwhile wait for the next emit. */
  emit<K extends keyof Events & string>(name: K, data: Events[K]): void {
    const list = this.byName.get(name);
    if (!list) return;
    for (const reg of [...list]) {
      if (reg.once) this.remove(name, (r) => r === reg);
      try {
        (reg.handler as EventHandler<K, Events[K]>).call(reg.context, { name, data });
      } catch (error) {
        this.onHandlerError(error, name);
      }
    }
  }

  /** Number of handlers registered for `name`. */
  count(name: string): number {
    return this.byName.get(name)?.length ?? 0;
  }

  /** Removes every handler of every event. */
  clear(): void {
    this.byName.clear();
  }

  private remove(name: string, matches: (r: Registration) => boolean): void {
    const kept = (this.byName.get(name) ?? []).filter((r) => !matches(r));
    if (kept.length > 0) this.byName.set(name, kept);
    else this.byName.delete(name);
  }
}
