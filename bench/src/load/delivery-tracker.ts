/**
 * Bookkeeping of the messaging workloads: what was sent when, what each receiver got, and the
 * checks (loss, duplicates, order). A message's text carries `<sender>:<n>:` followed by padding, so
 * the receiver can tell which send it is without any wire receipt (peer-bench.md, W2).
 */

/** Length of every message text, characters (peer-bench: a 48-char body plus the prefix). */
export const TEXT_LENGTH = 64;

/** The text of the `n`-th message (1-based) of `sender`. */
export function messageText(sender: string, n: number): string {
  const head = `${sender}:${n}:`;
  return head + 'x'.repeat(Math.max(0, TEXT_LENGTH - head.length));
}

/** Reads `<sender>:<n>:` back; undefined for any other text. */
export function parseMessageText(text: string): { sender: string; n: number } | undefined {
  const m = /^([^:]+):(\d+):/.exec(text);
  return m ? { sender: m[1]!, n: Number(m[2]) } : undefined;
}

interface Sent {
  readonly at: number;
  receivedBy: number;
  lastAt: number;
}

interface Stream {
  lastN: number;
  lastSeq: number;
  readonly seen: Set<number>;
}

/** Counters and latencies gathered by a {@link DeliveryTracker}. */
export interface DeliveryCounts {
  /** First receipts (each message counted once per receiver). */
  readonly delivered: number;
  /** Receipts of a message the receiver already had. */
  readonly duplicates: number;
  /** Receipts whose `n` (send order) or server `seq` did not increase on that sender→receiver stream. */
  readonly orderViolations: number;
  /** Texts that named no sent message, or came from the wrong sender. */
  readonly unexpected: number;
}

/** What a workload reports about delivery: the tracker's counts and what never arrived. */
export interface DeliveryOutcome extends DeliveryCounts {
  /** Expected receipts that never came. */
  readonly lost: number;
}

/** The counts of a run that expected `expected` first receipts. */
export function deliveryOutcome(expected: number, counts: DeliveryCounts): DeliveryOutcome {
  return { delivered: counts.delivered, lost: expected - counts.delivered, duplicates: counts.duplicates, orderViolations: counts.orderViolations, unexpected: counts.unexpected };
}

/** Tracks sends and receipts; times are `performance.now()` ms. */
export class DeliveryTracker {
  readonly #sent = new Map<string, Sent>();
  readonly #streams = new Map<string, Stream>();
  #delivered = 0;
  #duplicates = 0;
  #order = 0;
  #unexpected = 0;
  /** Send → receipt, ms, one per first receipt. */
  readonly latenciesMs: number[] = [];
  /** Time of the first send and of the last first receipt. */
  firstSentAt = Number.POSITIVE_INFINITY;
  lastReceivedAt = 0;

  /** Records the send of message `n` of `sender`. */
  sent(sender: string, n: number, at: number): void {
    this.#sent.set(`${sender}:${n}`, { at, receivedBy: 0, lastAt: 0 });
    if (at < this.firstSentAt) this.firstSentAt = at;
  }

  /**
   * Records a receipt by `receiver`.
   * @param seq - the server's conversation sequence (0 when the system has none: not checked).
   * @returns the message's `n` on a first receipt, undefined for a duplicate or an unknown text.
   */
  received(receiver: string, from: string, text: string, seq: number, at: number): number | undefined {
    const id = parseMessageText(text);
    const sent = id && id.sender === from ? this.#sent.get(`${id.sender}:${id.n}`) : undefined;
    if (!id || !sent) {
      this.#unexpected++;
      return undefined;
    }
    const key = `${receiver}<${from}`;
    let stream = this.#streams.get(key);
    if (!stream) this.#streams.set(key, (stream = { lastN: 0, lastSeq: 0, seen: new Set() }));
    if (stream.seen.has(id.n)) {
      this.#duplicates++;
      return undefined;
    }
    stream.seen.add(id.n);
    if (id.n <= stream.lastN || (seq !== 0 && seq <= stream.lastSeq)) this.#order++;
    stream.lastN = Math.max(stream.lastN, id.n);
    stream.lastSeq = Math.max(stream.lastSeq, seq);
    this.#delivered++;
    sent.receivedBy++;
    sent.lastAt = Math.max(sent.lastAt, at);
    this.latenciesMs.push(at - sent.at);
    if (at > this.lastReceivedAt) this.lastReceivedAt = at;
    return id.n;
  }

  /** How many receivers have message `n` of `sender`. */
  receivers(sender: string, n: number): number {
    return this.#sent.get(`${sender}:${n}`)?.receivedBy ?? 0;
  }

  /** Send → receipt by the last receiver that got it, per message that reached at least one, ms. */
  lastReceiverLatenciesMs(): number[] {
    return [...this.#sent.values()].filter((s) => s.receivedBy > 0).map((s) => s.lastAt - s.at);
  }

  counts(): DeliveryCounts {
    return { delivered: this.#delivered, duplicates: this.#duplicates, orderViolations: this.#order, unexpected: this.#unexpected };
  }
}
