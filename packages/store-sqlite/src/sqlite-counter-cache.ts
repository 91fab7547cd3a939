/**
 * What the message appends of one connection know without asking SQLite: the highest sequence of
 * each conversation, the highest inbox position of each user, and which conversation-state rows
 * exist. Valid because the server's connection is the only writer of these tables (other processes,
 * such as `parley app`, only touch apps and accounts), and because values enter only after the
 * transaction that wrote them committed. A miss just reads SQLite.
 */

/** Entries kept per kind before the least recently used are dropped. @default 100000 */
export const DEFAULT_COUNTER_CACHE_ENTRIES = 100_000;

/** A bounded map that forgets its least recently used entries. */
class LruMap<V> {
  readonly #max: number;
  readonly #map = new Map<string, V>();

  constructor(max: number) {
    this.#max = max;
  }

  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      // Re-inserting moves the key to the end of the Map's order: the end is the most recent.
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#max) {
      const oldest = this.#map.keys().next();
      if (oldest.done !== true) this.#map.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#map.delete(key);
  }

  get size(): number {
    return this.#map.size;
  }
}

/** Counters one batch read or wrote, published to the cache once its transaction committed. */
export interface BatchCounters {
  /** Conversation storage key → highest sequence. */
  readonly seqs: Map<string, number>;
  /** UserID → highest inbox position. */
  readonly inboxSeqs: Map<string, number>;
  /** `user \0 conversationID` of state rows that exist. */
  readonly ensured: Set<string>;
}

/** The cache of one connection; keys are per app. */
export class CounterCache {
  readonly #seqs: LruMap<number>;
  readonly #inboxSeqs: LruMap<number>;
  readonly #ensured: LruMap<true>;

  /** @param maxEntries - entries kept per kind. @default 100000 */
  constructor(maxEntries = DEFAULT_COUNTER_CACHE_ENTRIES) {
    this.#seqs = new LruMap(maxEntries);
    this.#inboxSeqs = new LruMap(maxEntries);
    this.#ensured = new LruMap(maxEntries);
  }

  /** Highest committed sequence of a conversation, if known. */
  seq(app: number, conv: string): number | undefined {
    return this.#seqs.get(`${app}\0${conv}`);
  }

  /** Highest committed inbox position of a user, if known. */
  inboxSeq(app: number, user: string): number | undefined {
    return this.#inboxSeqs.get(`${app}\0${user}`);
  }

  /** True when the user's state row of a conversation is known to exist. */
  hasState(app: number, pair: string): boolean {
    return this.#ensured.get(`${app}\0${pair}`) === true;
  }

  /** Records what a committed batch wrote. */
  publish(app: number, batch: BatchCounters): void {
    for (const [conv, seq] of batch.seqs) this.#seqs.set(`${app}\0${conv}`, seq);
    for (const [user, seq] of batch.inboxSeqs) this.#inboxSeqs.set(`${app}\0${user}`, seq);
    for (const pair of batch.ensured) this.#ensured.set(`${app}\0${pair}`, true);
  }

  /** Forgets a conversation's sequence (its row is being deleted). */
  forgetSeq(app: number, conv: string): void {
    this.#seqs.delete(`${app}\0${conv}`);
  }

  /** Forgets that a state row exists (it is being deleted). */
  forgetState(app: number, pair: string): void {
    this.#ensured.delete(`${app}\0${pair}`);
  }
}
