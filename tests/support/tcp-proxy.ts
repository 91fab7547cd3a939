/**
 * A TCP relay between a client and the server on loopback, so a test can cut the network under a
 * live connection (both directions drop at once, no close handshake), as a real network drop would.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class TcpProxy {
  readonly #server: Server;
  readonly #pairs = new Set<[Socket, Socket]>();
  #refusing = false;
  port = 0;

  private constructor(targetPort: number) {
    this.#server = createServer((client) => {
      if (this.#refusing) return client.destroy();
      const upstream = connect(targetPort, '127.0.0.1');
      const pair: [Socket, Socket] = [client, upstream];
      this.#pairs.add(pair);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.#pairs.delete(pair);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  static async start(targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetPort);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    const addr = proxy.#server.address();
    proxy.port = typeof addr === 'object' && addr ? addr.port : 0;
    return proxy;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Live relayed connections. */
  get connections(): number {
    return this.#pairs.size;
  }

  /** Cuts every relayed connection. With `refuse`, new connections are refused until `restore()`. */
  drop(refuse = false): void {
    this.#refusing = refuse;
    for (const [a, b] of this.#pairs) {
      a.destroy();
      b.destroy();
    }
    this.#pairs.clear();
  }

  /** Accepts connections again. */
  restore(): void {
    this.#refusing = false;
  }

  async close(): Promise<void> {
    this.drop(true);
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
