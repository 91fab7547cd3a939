/**
 * The WebSocket gateway: accepts upgrades on the HTTP server, parses every frame at the edge,
 * enforces sequencing (login first), rate limits, login timeout and heartbeat, and dispatches
 * commands. Features add their commands through the command kit (`command-kit.ts`), which registers
 * them here with {@link WsGateway.register}.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  CloseCode,
  Command,
  EncodedBody,
  encodeResponseFrame,
  ERRORS,
  errorMessage,
  isRecord,
  isValidUserID,
  parseClientFrame,
  parseLoginRequest,
  Push,
  ParleyError,
  type ErrorName,
  type FrameBody,
  type RequestFrame,
} from '@parley/protocol';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { Clock } from '../time/clock.js';
import { ClientConnection } from './client-connection.js';
import { TickWriteBatch } from './tick-write-batch.js';
import type { GatewayOptions } from './gateway-options.js';

/** Handler of a logged-in command: returns the response body or throws a `ParleyError`. */
export type CommandHandler = (conn: ClientConnection, req: RequestFrame) => FrameBody | EncodedBody | Promise<FrameBody | EncodedBody>;

/** Paths that belong to HTTP routes and are never upgraded. */
const HTTP_ONLY = /^\/(v4|healthz|metrics)(\/|\?|$)/;

/** Dependencies of {@link WsGateway}. */
export interface GatewayDeps {
  readonly sessions: SessionManager;
  readonly metrics: ServerMetrics;
  readonly clock: Clock;
  readonly options: GatewayOptions;
  /** Logs unexpected errors (never crashes the process). */
  readonly onError: (err: unknown, context: string) => void;
}

/** The WebSocket gateway. */
export class WsGateway {
  readonly #d: GatewayDeps;
  readonly #wss: WebSocketServer;
  readonly #conns = new Set<ClientConnection>();
  readonly #handlers = new Map<string, CommandHandler>();
  readonly #writes = new TickWriteBatch();
  #sweepTimer: unknown = undefined;
  #accepting = true;

  constructor(deps: GatewayDeps) {
    this.#d = deps;
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: deps.options.maxFrameBytes, perMessageDeflate: false, clientTracking: false });
    this.#scheduleSweep();
  }

  /** Open connections. */
  get connectionCount(): number {
    return this.#conns.size;
  }

  /** Adds a command available to logged-in connections. */
  register(cmd: string, handler: CommandHandler): void {
    this.#handlers.set(cmd, handler);
  }

  /** Attaches the gateway to an HTTP server's `upgrade` event. */
  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.#onUpgrade(req, socket, head));
  }

  #onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!this.#accepting || HTTP_ONLY.test(req.url ?? '/')) {
      socket.end(`HTTP/1.1 ${this.#accepting ? '404 Not Found' : '503 Service Unavailable'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, req));
  }

  #onConnection(ws: WebSocket, req: IncomingMessage): void {
    const conn = new ClientConnection(ws, req.socket, this.#d.clock.now(), this.#d.options, this.#writes);
    this.#conns.add(conn);
    this.#d.metrics.connections.inc();
    ws.on('message', (data: RawData, isBinary: boolean) => this.#onMessage(conn, data, isBinary));
    ws.on('error', (err: Error & { code?: string }) => {
      // ws reports oversized frames as errors and closes with 1009 itself.
      this.#d.metrics.badFrames.inc({ code: err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? String(CloseCode.MessageTooBig) : 'socket' });
    });
    ws.on('close', () => this.#onClose(conn));
  }

  #onClose(conn: ClientConnection): void {
    conn.markClosed();
    if (!this.#conns.delete(conn)) return;
    this.#d.metrics.connections.dec();
    if (conn.instanceID !== undefined) {
      this.#d.sessions.detach(conn.instanceID, conn);
      this.#d.metrics.onlineInstances.dec();
      conn.instanceID = undefined;
    }
  }

  #onMessage(conn: ClientConnection, data: RawData, isBinary: boolean): void {
    const now = this.#d.clock.now();
    conn.lastActivity = now;
    if (isBinary) return this.#refuse(conn, 'binary frames are not supported');
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const parsed = parseClientFrame(text);
    if (!parsed.ok) return this.#refuse(conn, parsed.reason);
    const req = parsed.value;
    const verdict = conn.admitRequest(now);
    if (verdict === 'flood') {
      this.#d.metrics.badFrames.inc({ code: String(CloseCode.TooManyRequests) });
      conn.close(CloseCode.TooManyRequests, 'too many requests');
      return;
    }
    if (verdict === 'limited') return this.#error(conn, req, 'ERR_SVR_COMM_REQ_FREQ_LIMIT');
    switch (req.cmd) {
      case Command.HELLO:
        conn.send({ t: 'res', id: req.id, code: 0, body: { serverTime: now } });
        return;
      case Command.LOGIN:
        void this.#login(conn, req).catch((err: unknown) => this.#internal(conn, req, err));
        return;
      case Command.LOGOUT:
        return this.#logout(conn, req);
    }
    if (conn.instanceID === undefined) return this.#error(conn, req, 'ERR_SDK_NOT_LOGGED_IN');
    const handler = this.#handlers.get(req.cmd);
    if (!handler) return this.#error(conn, req, 'PARLEY_UNKNOWN_COMMAND', req.cmd);
    void this.#run(conn, req, handler);
  }

  async #run(conn: ClientConnection, req: RequestFrame, handler: CommandHandler): Promise<void> {
    try {
      const body = await handler(conn, req);
      if (body instanceof EncodedBody) conn.sendEncoded(encodeResponseFrame(req.id, body));
      else conn.send({ t: 'res', id: req.id, code: 0, body });
    } catch (err) {
      if (ParleyError.is(err)) conn.send({ t: 'res', id: req.id, code: err.code, message: err.message, body: err.data });
      else this.#internal(conn, req, err);
    }
  }

  async #login(conn: ClientConnection, req: RequestFrame): Promise<void> {
    if (conn.instanceID !== undefined) return this.#error(conn, req, 'PARLEY_ALREADY_LOGGED_IN');
    if (conn.loginInFlight) return this.#error(conn, req, 'REPEAT_LOGIN');
    const parsed = parseLoginRequest(req.body);
    if (!parsed.ok) {
      const userID = isRecord(req.body) ? req.body['userID'] : undefined;
      const name: ErrorName = typeof userID === 'string' && userID !== '' && !isValidUserID(userID) ? 'ERR_SDK_COMM_INVALID_IDENTIFIER' : 'PARLEY_BAD_REQUEST';
      return this.#error(conn, req, name, parsed.reason);
    }
    conn.loginInFlight = true;
    try {
      const outcome = await this.#d.sessions.login(parsed.value, {
        ip: () => conn.ip,
        sink: conn,
        isOpen: () => conn.isOpen,
        onLoggedIn: (instance, response) => {
          conn.instanceID = instance.instanceID;
          conn.loginInFlight = false;
          this.#d.metrics.onlineInstances.inc();
          conn.send({ t: 'res', id: req.id, code: 0, body: { ...response } });
        },
      });
      if (!outcome.ok) {
        conn.send({ t: 'res', id: req.id, code: outcome.code, message: outcome.reason, ...(outcome.data ? { body: outcome.data } : {}) });
      }
    } finally {
      conn.loginInFlight = false;
    }
  }

  #logout(conn: ClientConnection, req: RequestFrame): void {
    if (conn.instanceID === undefined) return this.#error(conn, req, 'ERR_SDK_NOT_LOGGED_IN');
    this.#d.sessions.logout(conn.instanceID);
    conn.instanceID = undefined;
    conn.awaitingLoginSince = this.#d.clock.now();
    this.#d.metrics.onlineInstances.dec();
    conn.send({ t: 'res', id: req.id, code: 0, body: {} });
  }

  #error(conn: ClientConnection, req: RequestFrame, name: ErrorName, detail?: string): void {
    const def = ERRORS[name];
    conn.send({ t: 'res', id: req.id, code: def.code, message: errorMessage(def, detail) });
  }

  #internal(conn: ClientConnection, req: RequestFrame, err: unknown): void {
    this.#d.onError(err, `command ${req.cmd}`);
    this.#error(conn, req, 'ERR_SVR_ACCOUNT_INTERNAL_ERROR');
  }

  #refuse(conn: ClientConnection, reason: string): void {
    this.#d.metrics.badFrames.inc({ code: String(CloseCode.BadFrame) });
    conn.close(CloseCode.BadFrame, reason);
  }

  // One sweep for all connections (login timeout + dead-connection detection) instead of a timer each.
  #scheduleSweep(): void {
    const { loginTimeoutMs, heartbeatTimeoutMs } = this.#d.options;
    const every = Math.max(20, Math.min(1000, loginTimeoutMs / 4, heartbeatTimeoutMs / 4));
    this.#sweepTimer = this.#d.clock.setTimeout(() => {
      this.#sweep();
      this.#scheduleSweep();
    }, every);
  }

  #sweep(): void {
    const now = this.#d.clock.now();
    const { loginTimeoutMs, heartbeatTimeoutMs } = this.#d.options;
    for (const conn of this.#conns) {
      if (!conn.isOpen) {
        // A close we asked for that the peer never acknowledged: drop it.
        if (now - conn.lastActivity > heartbeatTimeoutMs) conn.terminate();
        continue;
      }
      if (conn.instanceID === undefined && !conn.loginInFlight && now - conn.awaitingLoginSince > loginTimeoutMs) {
        conn.close(CloseCode.LoginTimeout, 'login timeout');
      } else if (now - conn.lastActivity > heartbeatTimeoutMs) {
        conn.close(CloseCode.HeartbeatTimeout, 'heartbeat timeout');
      }
    }
  }

  /**
   * Graceful shutdown: stop accepting, tell every client to reconnect later, close with 1001.
   * @param reconnectAfterMs - suggested wait before reconnecting, told to clients.
   */
  shutdown(reconnectAfterMs: number): void {
    this.#accepting = false;
    if (this.#sweepTimer !== undefined) this.#d.clock.clearTimeout(this.#sweepTimer);
    for (const conn of this.#conns) {
      conn.push(Push.SHUTDOWN, { reconnectAfterMs });
      conn.close(CloseCode.GoingAway, 'server shutting down');
    }
  }

  /** Terminates any socket still open (after the shutdown grace). */
  terminateAll(): void {
    for (const conn of this.#conns) conn.terminate();
    this.#wss.close();
  }
}
