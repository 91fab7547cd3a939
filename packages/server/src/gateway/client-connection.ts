/**
 * One client WebSocket: sends frames, enforces the per-connection request rate, tracks activity for
 * the heartbeat sweep, and acts as the {@link SessionSink} of the instance logged in on it.
 */
import { KICK_TYPE_NUMBER, Push, stringifyFrame, type FrameBody, type KickedOutTypeValue, type Platform, type ServerFrame } from '@parley/protocol';
import type { WebSocket } from 'ws';
import type { SessionSink } from '../sessions/sink-table.js';
import type { GatewayOptions } from './gateway-options.js';
import type { HeldWriter, TickWriteBatch } from './tick-write-batch.js';

/** Close reasons are limited to 123 bytes by RFC 6455; we keep them short and ASCII. */
export function closeReason(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
}

/**
 * The TCP socket under a WebSocket, as far as a connection uses it: its peer address (a system call
 * per read) and Node's write batching (`cork`/`uncork`, counted: nested corks flush at the last uncork).
 */
export interface TcpPeer {
  readonly remoteAddress?: string | undefined;
  cork(): void;
  uncork(): void;
}

// ws sends a Buffer as a binary message unless told otherwise; every frame of ours is a text message.
const AS_TEXT = { binary: false } as const;

/** Result of {@link ClientConnection.admitRequest}. */
export type RateVerdict = 'ok' | 'limited' | 'flood';

/** A connected client. */
export class ClientConnection implements SessionSink, HeldWriter {
  readonly socket: WebSocket;
  /** The TCP socket, for the peer address and write batching. */
  readonly #peer: TcpPeer;
  /** Flushes held writes at the end of each tick (shared by the gateway's connections). */
  readonly #batch: TickWriteBatch;
  /** True while frames of the current tick are held back to leave in one write. */
  #corked = false;
  #ip: string | undefined;
  /** When the socket opened, ms. */
  readonly openedAt: number;
  /** Last time any frame arrived, ms. */
  lastActivity: number;
  /** The instance logged in on this socket, if any. */
  instanceID: string | undefined;
  /** Since when the socket has been open without a logged-in instance (open or logout time), ms. */
  awaitingLoginSince: number;
  /** True while a `wslogin` on this socket is being processed. */
  loginInFlight = false;
  #tokens: number;
  #tokensAt: number;
  #floodSince = 0;
  #lastLimitedAt = -Infinity;
  readonly #opts: GatewayOptions;
  #closed = false;

  /** @param peer - the TCP socket; its address is read only when needed (a system call each time). */
  constructor(socket: WebSocket, peer: TcpPeer, now: number, opts: GatewayOptions, batch: TickWriteBatch) {
    this.socket = socket;
    this.#peer = peer;
    this.#batch = batch;
    this.openedAt = now;
    this.lastActivity = now;
    this.awaitingLoginSince = now;
    this.#opts = opts;
    this.#tokens = opts.requestBurst;
    this.#tokensAt = now;
  }

  /** Remote IP address (read once, on first use). */
  get ip(): string {
    this.#ip ??= this.#peer.remoteAddress ?? 'unknown';
    return this.#ip;
  }

  /** True until the socket closed or a close was requested. */
  get isOpen(): boolean {
    return !this.#closed;
  }

  /** Sends a response or push frame (dropped silently once closing). */
  send(frame: ServerFrame): void {
    if (this.#closed) return;
    this.#holdWrites();
    this.socket.send(stringifyFrame(frame));
  }

  /** Sends a frame encoded with `stringifyFrame`, as text or as its UTF-8 bytes (dropped silently once closing). */
  sendEncoded(frame: string | Buffer): void {
    if (this.#closed) return;
    this.#holdWrites();
    if (typeof frame === 'string') this.socket.send(frame);
    else this.socket.send(frame, AS_TEXT);
  }

  /**
   * Frames sent to one socket in the same tick leave in one `writev` instead of one each (see
   * {@link TickWriteBatch}); no frame waits for I/O or a timer.
   */
  #holdWrites(): void {
    if (this.#corked) return;
    this.#corked = true;
    this.#peer.cork();
    this.#batch.hold(this);
  }

  /** {@inheritDoc HeldWriter.releaseWrites} */
  releaseWrites(): void {
    this.#corked = false;
    this.#peer.uncork();
  }

  /** Sends a push. */
  push(ev: string, body: FrameBody): void {
    this.send({ t: 'push', ev, body });
  }

  /**
   * Token bucket: refills at `maxRequestsPerSecond`, holds at most `requestBurst`. Per connection, so
   * per node on purpose: a connection lives on one node, and sharing its bucket would cost a network
   * round trip per request.
   */
  admitRequest(now: number): RateVerdict {
    const refill = ((now - this.#tokensAt) / 1000) * this.#opts.maxRequestsPerSecond;
    this.#tokens = Math.min(this.#opts.requestBurst, this.#tokens + refill);
    this.#tokensAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      // The flood is over only after a full second without refusals, not at the next refilled token.
      if (now - this.#lastLimitedAt > 1000) this.#floodSince = 0;
      return 'ok';
    }
    this.#lastLimitedAt = now;
    if (this.#floodSince === 0) this.#floodSince = now;
    return now - this.#floodSince >= this.#opts.floodCloseAfterMs ? 'flood' : 'limited';
  }

  /** {@inheritDoc SessionSink.kick} */
  kick(type: KickedOutTypeValue, closeCode: number, newInstance?: { platform: Platform; instanceID: string }): void {
    this.instanceID = undefined;
    this.push(Push.KICKOUT, { type, kickType: KICK_TYPE_NUMBER[type], ...(newInstance ? { newInstanceInfo: newInstance } : {}) });
    this.close(closeCode, `kicked: ${type}`);
  }

  /** Closes the socket with `code` (idempotent). */
  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.socket.close(code, closeReason(reason));
  }

  /** Drops the TCP connection without a close handshake (dead peers). */
  terminate(): void {
    this.#closed = true;
    this.socket.terminate();
  }

  /** Marks the socket closed after the peer closed it. */
  markClosed(): void {
    this.#closed = true;
  }
}
