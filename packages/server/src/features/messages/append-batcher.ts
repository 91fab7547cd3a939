/**
 * Group commit for messages: sends that arrive within one event-loop turn (or until 500 are waiting)
 * are written with ONE `MessageStore.append` call, i.e. one transaction and one fsync-worthy commit,
 * instead of one each. Batches are written one after another, so acknowledgements and pushes leave
 * in commit order.
 */
import type { AppendOutcome, MessageDraft, MessageStore } from '@parley/store';

/** Largest batch written at once. @default 500 */
export const DEFAULT_MAX_BATCH = 500;

interface Pending {
  readonly sdkAppID: number;
  readonly draft: MessageDraft;
  readonly resolve: (outcome: AppendOutcome) => void;
  readonly reject: (err: unknown) => void;
}

/** Collects drafts and writes them in batches. */
export class AppendBatcher {
  readonly #messages: MessageStore;
  readonly #maxBatch: number;
  #queue: Pending[] = [];
  #scheduled = false;
  #running = false;
  #batches = 0;
  #idle: Promise<void> = Promise.resolve();
  #markIdle: () => void = () => undefined;

  /** @param maxBatch - most drafts per `MessageStore.append` call. @default 500 */
  constructor(messages: MessageStore, maxBatch = DEFAULT_MAX_BATCH) {
    this.#messages = messages;
    this.#maxBatch = maxBatch;
  }

  /** Number of `MessageStore.append` calls made so far (for tests and metrics). */
  get batches(): number {
    return this.#batches;
  }

  /** Resolves with the draft's outcome once the batch holding it is committed. */
  append(sdkAppID: number, draft: MessageDraft): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ sdkAppID, draft, resolve, reject });
      if (this.#queue.length >= this.#maxBatch) queueMicrotask(() => void this.#run());
      else if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.#run());
      }
    });
  }

  async #run(): Promise<void> {
    this.#scheduled = false;
    // A running loop picks up whatever arrived meanwhile, so batches never overlap.
    if (this.#running) return;
    this.#running = true;
    this.#idle = new Promise((resolve) => (this.#markIdle = resolve));
    try {
      while (this.#queue.length > 0) await this.#flush(this.#queue.splice(0, this.#maxBatch));
    } finally {
      this.#running = false;
      this.#markIdle();
    }
  }

  /** Resolves once nothing is waiting or being written (for shutdown, before the store closes). */
  async drain(): Promise<void> {
    while (this.#running || this.#queue.length > 0) {
      await this.#idle;
      if (this.#queue.length > 0 && !this.#running) await this.#run();
    }
  }

  async #flush(batch: Pending[]): Promise<void> {
    const byApp = new Map<number, Pending[]>();
    for (const p of batch) {
      const list = byApp.get(p.sdkAppID) ?? [];
      list.push(p);
      byApp.set(p.sdkAppID, list);
    }
    for (const [sdkAppID, pending] of byApp) {
      this.#batches++;
      try {
        const outcomes = await this.#messages.append(sdkAppID, pending.map((p) => p.draft));
        pending.forEach((p, i) => {
          const outcome = outcomes[i];
          if (outcome) p.resolve(outcome);
          else p.reject(new Error(`MessageStore.append returned ${outcomes.length} outcomes for ${pending.length} drafts`));
        });
      } catch (err) {
        for (const p of pending) p.reject(err);
      }
    }
  }
}
