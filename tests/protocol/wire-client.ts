/**
 * A black-box client of the wire protocol (docs/PROTOCOL.md §2): a real `ws` socket, JSON frames
 * written and read by hand, nothing from `@parley/protocol` or the SDK. The protocol suite drives
 * the real server and the SDK's fake server through it, so both are held to the document, not to
 * a shared parser that could be wrong in the same way for both.
 */
import WebSocket from 'ws';

/** A response frame (`t: "res"`). */
export interface Answer {
  readonly code: number;
  readonly message?: string;
  readonly body: Record<string, unknown>;
}

/** A push frame (`t: "push"`). */
export interface Push {
  readonly ev: string;
  readonly body: Record<string, unknown>;
}

/** How long a client waits for an answer or a push before the test fails, ms. */
const WAIT_MS = 5000;

/** One connection. Open with {@link WireClient.connect}; close with {@link WireClient.close}. */
export class WireClient {
  /** Every push received, in order. */
  readonly pushes: Push[] = [];
  #nextId = 1;
  readonly #pending = new Map<number, (a: Answer) => void>();
  readonly #waiters: (() => void)[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) throw new Error('the server sent a binary frame');
      const frame = JSON.parse(data.toString()) as { t: string; id?: number; code?: number; message?: string; ev?: string; body?: Record<string, unknown> };
      if (frame.t === 'res' && typeof frame.id === 'number') {
        const answer: Answer = { code: frame.code ?? -1, body: frame.body ?? {}, ...(frame.message !== undefined ? { message: frame.message } : {}) };
        this.#pending.get(frame.id)?.(answer);
        this.#pending.delete(frame.id);
      } else if (frame.t === 'push' && typeof frame.ev === 'string') {
        this.pushes.push({ ev: frame.ev, body: frame.body ?? {} });
        for (const wake of this.#waiters.splice(0)) wake();
      } else {
        throw new Error(`unexpected frame ${data.toString()}`);
      }
    });
  }

  /** Opens a socket to `url`. */
  static connect(url: string): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.once('open', () => resolve(new WireClient(ws)));
      ws.once('error', reject);
    });
  }

  /** Sends `cmd` with `body` and resolves with its answer. */
  request(cmd: string, body: Record<string, unknown> = {}): Promise<Answer> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${cmd} within ${WAIT_MS} ms`)), WAIT_MS);
      this.#pending.set(id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
      this.socket.send(JSON.stringify({ t: 'req', id, cmd, body }));
    });
  }

  /** Sends `cmd` and returns the success body; fails the test with the code and message otherwise. */
  async ok(cmd: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const a = await this.request(cmd, body);
    if (a.code !== 0) throw new Error(`${cmd} answered ${a.code}: ${a.message ?? ''}`);
    return a.body;
  }

  /** Resolves with the bodies of the pushes named `ev` once there are at least `count` of them. */
  async pushesOf(ev: string, count = 1): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.pushes.filter((p) => p.ev === ev).map((p) => p.body);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${count} push(es) ${ev} expected, got ${found.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Closes the socket (1000). */
  close(): void {
    this.socket.close(1000);
  }
}
