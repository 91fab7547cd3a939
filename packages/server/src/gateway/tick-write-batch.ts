/**
 * Holds back the socket writes of one tick and flushes them together once the tick's promise
 * continuations ran: a connection sent several frames in the tick (a group commit answering a
 * sender's messages, pushing a receiver's) writes them with one `writev`. One `nextTick` per tick
 * flushes every held connection, so a fan-out to N sockets schedules one callback, not N.
 */

/** A connection whose writes can be held. */
export interface HeldWriter {
  /** Called once per tick in which the writer was held: flush what it wrote. */
  releaseWrites(): void;
}

/** The writers held in the current tick of one gateway. */
export class TickWriteBatch {
  #held: HeldWriter[] = [];
  readonly #flush = (): void => {
    const held = this.#held;
    this.#held = [];
    for (const writer of held) writer.releaseWrites();
  };

  /** Registers `writer` for the flush at the end of this tick; the writer holds its writes until then. */
  hold(writer: HeldWriter): void {
    // A nextTick queued from a promise continuation runs after every continuation of the tick.
    if (this.#held.length === 0) process.nextTick(this.#flush);
    this.#held.push(writer);
  }
}
