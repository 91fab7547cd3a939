/**
 * An in-process message bus for multi-node tests: several servers in one process, each with its own
 * {@link Broker} from the same {@link MemoryBus}. It behaves like a network broker where it matters:
 * delivery is asynchronous (a later macrotask, never inside `publish`), every message is serialised
 * to JSON and parsed again (so nothing but plain data crosses), and each publisher's messages arrive
 * in order.
 */
import type { Broker, ClusterHandler, ClusterMessage } from '../cluster/broker.js';

/** How a node reaches the bus it is on. */
interface BusPort {
  send(from: MemoryBusBroker, text: string): void;
  leave(node: MemoryBusBroker): void;
}

/** One node's end of a {@link MemoryBus}. */
class MemoryBusBroker implements Broker {
  readonly #bus: BusPort;
  readonly handlers = new Set<ClusterHandler>();
  closed = false;

  constructor(bus: BusPort) {
    this.#bus = bus;
  }

  publish(message: ClusterMessage): void {
    if (!this.closed) this.#bus.send(this, JSON.stringify(message));
  }

  onMessage(handler: ClusterHandler): () => void {
    // A wrapper per registration, so adding the same function twice gives two handlers.
    const h: ClusterHandler = (m) => handler(m);
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    this.#bus.leave(this);
  }
}

/** Shared by the brokers of one simulated cluster. */
export class MemoryBus {
  readonly #nodes = new Set<MemoryBusBroker>();
  readonly #queue: { readonly to: MemoryBusBroker; readonly text: string }[] = [];
  #scheduled = false;
  #idle: (() => void)[] = [];
  readonly #port: BusPort = { send: (from, text) => this.#send(from, text), leave: (node) => this.#nodes.delete(node) };

  /** A new node on the bus. */
  broker(): Broker {
    const node = new MemoryBusBroker(this.#port);
    this.#nodes.add(node);
    return node;
  }

  /** Resolves once every message published so far has been handed to its handlers. */
  settled(): Promise<void> {
    if (this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Queues `text` for every node but `from`. */
  #send(from: MemoryBusBroker, text: string): void {
    for (const node of this.#nodes) if (node !== from) this.#queue.push({ to: node, text });
    if (this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => this.#drain());
  }

  #drain(): void {
    this.#scheduled = false;
    // Messages published by handlers during this drain join the queue's end and run in this loop too.
    for (let item = this.#queue.shift(); item; item = this.#queue.shift()) {
      if (item.to.closed) continue;
      const message = JSON.parse(item.text) as ClusterMessage;
      for (const handler of item.to.handlers) {
        try {
          handler(message);
        } catch (err) {
          // A handler bug must fail the test run, not vanish inside the bus.
          process.nextTick(() => {
            throw err;
          });
        }
      }
    }
    for (const resolve of this.#idle.splice(0)) resolve();
  }
}
