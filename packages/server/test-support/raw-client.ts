/**
 * A bare protocol client over a real `ws` socket, for testing the server's edge behaviour (frames,
 * sequencing, close codes) without the SDK's own handling in between.
 */
import { parseServerFrame, type PushFrame, type ResponseFrame } from '@parley/protocol';
import WebSocket from 'ws';

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

export class RawClient {
  readonly socket: WebSocket;
  readonly pushes: PushFrame[] = [];
  readonly closed: Promise<Closed>;
  #nextId = 1;
  readonly #pending = new Map<number, (f: ResponseFrame) => void>();
  readonly #pushWaiters: { ev: string; resolve: (f: PushFrame) => void }[] = [];

  private constructor(socket: WebSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    socket.on('message', (data, isBinary) => {
      // docs/PROTOCOL.md: every frame is one WebSocket text message.
      if (isBinary) throw new Error('server sent a binary WebSocket message');
      const parsed = parseServerFrame(data.toString());
      if (!parsed.ok) throw new Error(`server sent a bad frame: ${parsed.reason}`);
      const f = parsed.value;
      if (f.t === 'res') {
        this.#pending.get(f.id)?.(f);
        this.#pending.delete(f.id);
      } else {
        this.pushes.push(f);
        for (const w of this.#pushWaiters.filter((w) => w.ev === f.ev)) {
          w.resolve(f);
          this.#pushWaiters.splice(this.#pushWaiters.indexOf(w), 1);
        }
      }
    });
  }

  static connect(url: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const client = new RawClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  /** Sends a request and resolves with its response. */
  request(cmd: string, body: Record<string, unknown> = {}): Promise<ResponseFrame> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.socket.send(JSON.stringify({ t: 'req', id, cmd, body }));
    });
  }

  /** Resolves with the next push named `ev` (or one already received). */
  nextPush(ev: string): Promise<PushFrame> {
    const have = this.pushes.find((p) => p.ev === ev);
    if (have) return Promise.resolve(have);
    return new Promise((resolve) => this.#pushWaiters.push({ ev, resolve }));
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.socket.send(data, { binary });
  }

  close(): void {
    this.socket.close(1000);
  }
}
