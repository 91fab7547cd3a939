/**
 * One WebSocket to the server: opening it, sending request frames and matching their answers,
 * handing pushes and the close to its owner, and noting when the last frame arrived (for the
 * heartbeat). A link is used once: after a drop the connection opens a new one.
 */
import { ErrorCode, ParleyError, parseServerFrame, stringifyFrame, type FrameBody, type PushFrame } from '@parley/protocol';
import type { Environment, WebSocketConstructor, WebSocketLike } from '../platform/environment.js';
import { RequestManager } from './request-manager.js';

const OPEN = 1;

/** What a link reports to its owner. */
export interface LinkHandlers {
  /** A push frame arrived. */
  onPush(frame: PushFrame): void;
  /** The socket closed (by either side, or failed); called once. */
  onClose(code: number, reason: string): void;
}

const IGNORE: LinkHandlers = { onPush: () => {}, onClose: () => {} };

/** Reads `key` of an event object whose type depends on the runtime. */
function field(event: unknown, key: string): unknown {
  return typeof event === 'object' && event !== null ? (event as Record<string, unknown>)[key] : undefined;
}

/** One WebSocket and the requests sent on it. */
export class SocketLink {
  /** Resolves when the socket is open; rejects with 2800 if it closes or fails first. */
  readonly opened: Promise<void>;
  /** Time of the last frame received, in ms since the epoch (the open time before any frame). */
  lastFrameAt: number;
  private handlers: LinkHandlers = IGNORE;
  private readonly requests: RequestManager;
  private readonly socket: WebSocketLike | undefined;
  private openSettler: { resolve: () => void; reject: (error: ParleyError) => void } | undefined;
  private closed = false;

  /** Starts connecting to `url`. Never throws: a constructor error surfaces through {@link opened}. */
  constructor(
    readonly url: string,
    WebSocket: WebSocketConstructor,
    private readonly env: Environment,
  ) {
    this.requests = new RequestManager(env.timers);
    this.lastFrameAt = env.now();
    this.opened = new Promise<void>((resolve, reject) => {
      this.openSettler = { resolve, reject };
    });
    // The owner may stop waiting (timeout, logout) before the socket settles; that rejection is expected.
    this.opened.catch(() => {});
    try {
      this.socket = new WebSocket(url);
    } catch (error) {
      this.socket = undefined;
      this.fail(new ParleyError(ErrorCode.NETWORK_ERROR, `Cannot open a WebSocket to ${url}: ${String(error)}`, {}, { cause: error }));
      return;
    }
    this.socket.onopen = () => {
      this.lastFrameAt = this.env.now();
      this.openSettler?.resolve();
      this.openSettler = undefined;
    };
    this.socket.onmessage = (event: unknown) => this.receive(field(event, 'data'));
    // Always keep an error handler: `ws` throws on an 'error' event nobody listens to.
    this.socket.onerror = (event: unknown) => this.env.logger.debug('socket error', url, field(event, 'message') ?? '');
    this.socket.onclose = (event: unknown) => {
      const code = field(event, 'code');
      const reason = field(event, 'reason');
      this.finish(typeof code === 'number' ? code : 1006, typeof reason === 'string' ? reason : '');
    };
  }

  /** True while the socket is open. */
  get isOpen(): boolean {
    return !this.closed && this.socket?.readyState === OPEN;
  }

  /** Starts delivering pushes and the close to `handlers` (replacing earlier ones). */
  attach(handlers: LinkHandlers): void {
    this.handlers = handlers;
  }

  /** Stops delivering pushes and the close; requests in flight still settle. */
  detach(): void {
    this.handlers = IGNORE;
  }

  /**
   * Sends `cmd` with `body` and resolves with the answer body (code 0), or rejects with the
   * server's code, 2801 after `timeoutMs`, or 2800 if the socket is not open or closes first.
   */
  request(cmd: string, body: FrameBody, timeoutMs: number): Promise<FrameBody> {
    if (!this.isOpen || !this.socket) return Promise.reject(new ParleyError(ErrorCode.NETWORK_ERROR, `Cannot send ${cmd}: the connection is not open`));
    const { id, answer } = this.requests.register(cmd, timeoutMs);
    try {
      this.socket.send(stringifyFrame({ t: 'req', id, cmd, body }));
    } catch (error) {
      this.requests.fail(id, new ParleyError(ErrorCode.NETWORK_ERROR, `Cannot send ${cmd}: ${String(error)}`, {}, { cause: error }));
    }
    return answer;
  }

  /** Closes the socket with `code` (1000 or 3000–4999) if it is not closed yet; pending requests fail with 2800. */
  close(code: number, reason = ''): void {
    if (this.closed) return;
    try {
      this.socket?.close(code, reason);
    } catch (error) {
      this.env.logger.debug('socket close failed', error);
    }
    // Browsers and `ws` report the close asynchronously (and a dead peer may delay it for long):
    // the link counts as closed now.
    this.finish(code, reason);
  }

  private receive(data: unknown): void {
    this.lastFrameAt = this.env.now();
    if (typeof data !== 'string') {
      this.env.logger.warn('ignored a non-text frame from the server');
      return;
    }
    const parsed = parseServerFrame(data);
    if (!parsed.ok) {
      this.env.logger.warn('ignored a malformed frame from the server:', parsed.reason);
      return;
    }
    const frame = parsed.value;
    if (frame.t === 'push') this.handlers.onPush(frame);
    else if (!this.requests.settle(frame)) this.env.logger.debug('answer to an unknown or timed-out request', frame.id);
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    const text = this.openSettler ? `Cannot connect to ${this.url} (close code ${code})` : `The connection closed (code ${code})`;
    this.fail(new ParleyError(ErrorCode.NETWORK_ERROR, reason ? `${text}: ${reason}` : text, { closeCode: code, closeReason: reason }));
    const handlers = this.handlers;
    this.handlers = IGNORE;
    handlers.onClose(code, reason);
  }

  private fail(error: ParleyError): void {
    this.closed = true;
    this.requests.failAll(error);
    this.openSettler?.reject(error);
    this.openSettler = undefined;
  }
}
