/**
 * Source addresses for the load generators' connections. A client socket bound to one address
 * holds one of its ~28k ephemeral ports, also for the minute it spends in TIME_WAIT after the
 * client closed it, so a single source address runs short (and every bind gets slower) after a few
 * storms. Connections therefore rotate over many loopback addresses (all of 127.0.0.0/8 is local
 * on Linux), as real clients come from many hosts.
 */

/** Addresses each generator rotates over. */
export const ADDRESSES_PER_GENERATOR = 64;

/** The source addresses of generator `index`: 127.(10+index).k.1 for k = 0..count-1. */
export function sourceAddressesFor(index: number, count = ADDRESSES_PER_GENERATOR): string[] {
  if (!Number.isInteger(index) || index < 0 || index > 200) throw new RangeError(`generator index ${index} out of 0..200`);
  return Array.from({ length: count }, (_, k) => `127.${10 + index}.${k}.1`);
}

/** Hands out source addresses round-robin. */
export class SourceAddresses {
  readonly #list: readonly string[];
  #next = 0;

  constructor(list: readonly string[]) {
    if (list.length === 0) throw new RangeError('at least one source address is needed');
    this.#list = list;
  }

  /** The address for the next connection. */
  next(): string {
    const a = this.#list[this.#next]!;
    this.#next = (this.#next + 1) % this.#list.length;
    return a;
  }
}
