/**
 * A scripted protocol fake of the Parley server, for the SDK's own tests.
 *
 * Why it exists: the SDK is developed while the real server is being written, and many session
 * behaviours (kick pushes, resume answered 70001, silent servers, refused connections, delayed
 * answers, shutdown pushes) are hard to provoke on a real server at an exact moment. This is a
 * real `ws` WebSocketServer on 127.0.0.1 port 0 that speaks the wire protocol of
 * `@parley/protocol` (docs/PROTOCOL.md): the SDK under test uses real sockets end to end, and
 * each test scripts what the server answers. It is not shipped (it lives outside `src`), and it
 * does not replace the end-to-end tests against the real server.
 *
 * Default behaviour: `wslogin` succeeds (a resume with a known `instanceID` of the same user
 * answers `resumed: true` with that id, anything else gets a new id), `wslogout` answers `{}`,
 * `wshello` answers `{serverTime}`. Any command can be re-scripted with {@link FakeServer.handle}.
 * Messaging commands answer 88501 unless a `FakeMessaging` (fake-messaging.ts) is installed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { Command, parseClientFrame, stringifyFrame, type FrameBody, type RequestFrame } from '@parley/protocol';

/** What a scripted handler answers: a response, or `'silent'` to never answer. */
export type Reply = { readonly code: number; readonly message?: string; readonly body?: FrameBody } | 'silent';

/** A scripted handler for one command. */
export type Handler = (request: RequestFrame, connection: FakeConnection, server: FakeServer) => Reply | Promise<Reply>;

/** One accepted client socket. */
export class FakeConnection {
  /** Requests received on this socket, in order. */
  readonly requests: RequestFrame[] = [];
  /** When true, frames from the client are recorded but never answered (a half-open peer). */
  silent = false;
  /** The user logged in on this socket (set when a `wslogin` is answered with code 0). */
  userID: string | undefined;
  /** Close code and reason once the socket closed. */
  closeInfo: { code: number; reason: string } | undefined;
  /** Resolves when the socket has closed. */
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
      });
    });
  }

  /** True while the socket is open. */
  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Sends a push frame. */
  push(ev: string, body: FrameBody): void {
    this.socket.send(stringifyFrame({ t: 'push', ev, body }));
  }

  /** Sends a raw text frame (for malformed-frame tests). */
  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** Closes with a close frame. */
  close(code: number, reason = ''): void {
    this.socket.close(code, reason);
  }

  /** Drops the TCP connection without a close frame (the client sees 1006). */
  terminate(): void {
    this.socket.terminate();
  }
}

interface Waiter {
  readonly matches: () => boolean;
  readonly resolve: () => void;
}

/** The fake server. Create with {@link FakeServer.start}; always {@link FakeServer.close} it. */
export class FakeServer {
  /** Every accepted socket, in order. */
  readonly connections: FakeConnection[] = [];
  /** Every request received, in order. */
  readonly log: { readonly connection: FakeConnection; readonly request: RequestFrame }[] = [];
  /** Upgrades refused with HTTP 503 so far (see {@link refuse}). */
  refusedCount = 0;
  /** When true, WebSocket upgrades are answered with HTTP 503 (the client sees a failed connect). */
  refuse = false;
  /** `helloInterval` the default login handler answers, in seconds. */
  helloInterval = 30;
  /** Server clock, in ms; tests may replace it. */
  now: () => number = () => Date.now();
  /** Known instances: id → userID (for the default resume answer). */
  readonly instances = new Map<string, string>();
  private readonly handlers = new Map<string, Handler>();
  private readonly waiters: Waiter[] = [];
  private nextInstance = 1;

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    /** `ws://127.0.0.1:<port>` */
    readonly url: string,
  ) {}

  /** Starts a fake on 127.0.0.1, port chosen by the OS. */
  static async start(): Promise<FakeServer> {
    const http = createServer((_req, res) => res.writeHead(404).end());
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const server = new FakeServer(http, wss, `ws://127.0.0.1:${port}`);
    http.on('upgrade', (req, socket, head) => {
      // The client may reset a refused or dropped socket; that is expected here, not a test failure.
      socket.on('error', () => {});
      if (server.refuse) {
        server.refusedCount++;
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        server.wake();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => server.accept(ws));
    });
    return server;
  }

  /** Replaces the behaviour for `cmd` (e.g. `Command.LOGIN`). Returns this. */
  handle(cmd: string, handler: Handler): this {
    this.handlers.set(cmd, handler);
    return this;
  }

  /** Restores the default behaviour for `cmd`. */
  reset(cmd: string): this {
    this.handlers.delete(cmd);
    return this;
  }

  /** Requests received for `cmd` (all when omitted). */
  requests(cmd?: string): { readonly connection: FakeConnection; readonly request: RequestFrame }[] {
    return this.log.filter((e) => cmd === undefined || e.request.cmd === cmd);
  }

  /** The most recent connection. */
  get last(): FakeConnection {
    const conn = this.connections.at(-1);
    if (!conn) throw new Error('no connection yet');
    return conn;
  }

  /** Resolves when `predicate` holds, re-checked on every request, connection, close and refusal. */
  async until(predicate: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake server: timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({
        matches: predicate,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Resolves with the `n`-th request (1-based) for `cmd` once it has arrived. */
  async waitForRequest(cmd: string, n = 1, timeoutMs = 5000): Promise<{ readonly connection: FakeConnection; readonly request: RequestFrame }> {
    await this.until(() => this.requests(cmd).length >= n, `request #${n} of ${cmd}`, timeoutMs);
    const entry = this.requests(cmd)[n - 1];
    if (!entry) throw new Error('unreachable');
    return entry;
  }

  /** Open sockets on which `userID` is logged in. */
  connectionsOf(userID: string): FakeConnection[] {
    return this.connections.filter((c) => c.isOpen && c.userID === userID);
  }

  /** Drops every open socket without a close frame (a network cut). */
  dropAll(): void {
    for (const c of this.connections) if (c.isOpen) c.terminate();
  }

  /** Stops listening and closes every socket. */
  async close(): Promise<void> {
    for (const c of this.connections) c.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** The default answers; exposed so scripted handlers can delegate to them. */
  defaultReply(request: RequestFrame): Reply {
    switch (request.cmd) {
      case Command.LOGIN: {
        const userID = String(request.body['userID']);
        const wanted = request.body['instanceID'];
        const resumed = typeof wanted === 'string' && this.instances.get(wanted) === userID;
        const instanceID = resumed ? wanted : `inst${this.nextInstance++}`;
        this.instances.set(instanceID, userID);
        const serverTime = this.now();
        return {
          code: 0,
          body: { userID, instanceID, serverTime, helloInterval: this.helloInterval, sigExpireAt: serverTime + 86_400_000, resumed },
        };
      }
      case Command.LOGOUT:
        return { code: 0, body: {} };
      case Command.HELLO:
        return { code: 0, body: { serverTime: this.now() } };
      default:
        return { code: 88501, message: `Unknown command ${request.cmd}` };
    }
  }

  private accept(ws: WebSocket): void {
    const connection = new FakeConnection(ws);
    this.connections.push(connection);
    ws.on('message', (data, isBinary) => {
      if (connection.silent) return;
      const parsed = parseClientFrame(isBinary ? null : data.toString());
      if (!parsed.ok) {
        ws.close(4400, parsed.reason.slice(0, 120));
        return;
      }
      this.log.push({ connection, request: parsed.value });
      connection.requests.push(parsed.value);
      this.wake();
      void this.answer(connection, parsed.value);
    });
    void connection.closed.then(() => this.wake());
    this.wake();
  }

  private async answer(connection: FakeConnection, request: RequestFrame): Promise<void> {
    const handler = this.handlers.get(request.cmd);
    const reply = handler ? await handler(request, connection, this) : this.defaultReply(request);
    if (reply === 'silent' || !connection.isOpen || connection.silent) return;
    if (request.cmd === Command.LOGIN && reply.code === 0 && typeof reply.body?.['userID'] === 'string') connection.userID = reply.body['userID'];
    if (request.cmd === Command.LOGOUT && reply.code === 0) connection.userID = undefined;
    connection.socket.send(
      stringifyFrame({
        t: 'res',
        id: request.id,
        code: reply.code,
        ...(reply.message !== undefined ? { message: reply.message } : {}),
        ...(reply.body !== undefined ? { body: reply.body } : {}),
      }),
    );
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.matches()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }
}
