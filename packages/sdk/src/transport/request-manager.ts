/**
 * Request ids, the map of requests in flight, and their timeouts, for one socket. Ids are uint32
 * (protocol rule 10), unique among requests in flight; answers may come in any order.
 */
import { ErrorCode, MAX_REQUEST_ID, ParleyError, type FrameBody, type ResponseFrame } from '@parley/protocol';
import type { Timers } from '../platform/environment.js';

interface Pending {
  readonly cmd: string;
  readonly resolve: (body: FrameBody) => void;
  readonly reject: (error: ParleyError) => void;
  readonly timer: unknown;
}

/** Tracks the requests one socket has sent and not yet seen answered. */
export class RequestManager {
  private readonly pending = new Map<number, Pending>();
  private lastId: number;

  /** @param firstId the first id handed out (1..MAX_REQUEST_ID). @default 1 */
  constructor(
    private readonly timers: Timers,
    firstId = 1,
  ) {
    this.lastId = firstId - 1;
  }

  /** Number of requests in flight. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Registers a request and returns its id and the promise of its answer: the body on code 0,
   * a {@link ParleyError} with the server's code, message and body otherwise, or 2801 after
   * `timeoutMs` milliseconds without an answer.
   */
  register(cmd: string, timeoutMs: number): { readonly id: number; readonly answer: Promise<FrameBody> } {
    const id = this.nextId();
    const answer = new Promise<FrameBody>((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.pending.delete(id);
        reject(new ParleyError(ErrorCode.NETWORK_TIMEOUT, `No answer to ${cmd} within ${timeoutMs} ms`, { cmd }));
      }, timeoutMs);
      this.pending.set(id, { cmd, resolve, reject, timer });
    });
    return { id, answer };
  }

  /** Settles the request `frame` answers. Returns false for an id that is not in flight (late or unknown). */
  settle(frame: ResponseFrame): boolean {
    const entry = this.pending.get(frame.id);
    if (!entry) return false;
    this.pending.delete(frame.id);
    this.timers.clearTimeout(entry.timer);
    if (frame.code === 0) entry.resolve(frame.body ?? {});
    else entry.reject(new ParleyError(frame.code, frame.message, { ...frame.body }));
    return true;
  }

  /** Rejects one request (e.g. its frame could not be sent). */
  fail(id: number, error: ParleyError): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    this.timers.clearTimeout(entry.timer);
    entry.reject(error);
  }

  /** Rejects every request in flight with `error` (the socket closed). */
  failAll(error: ParleyError): void {
    for (const id of [...this.pending.keys()]) this.fail(id, error);
  }

  private nextId(): number {
    // Skipping ids still in flight keeps them unique even after the uint32 counter wraps.
    do {
      this.lastId = this.lastId >= MAX_REQUEST_ID ? 1 : this.lastId + 1;
    } while (this.pending.has(this.lastId));
    return this.lastId;
  }
}
