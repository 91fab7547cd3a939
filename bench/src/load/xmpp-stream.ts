/**
 * A lean XMPP client stream (no XML library, so the client is not the bottleneck): it writes the
 * few stanzas a login needs and scans the incoming text for the few answers it waits for. Only
 * good for talking to a well-behaved server about exactly these exchanges.
 */
import { connect, type Socket } from 'node:net';

/** Opening tag of a client stream to `domain`. */
export const streamHeader = (domain: string): string =>
  `<?xml version='1.0'?><stream:stream to='${domain}' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>`;

/** A scan of the buffered input: where the awaited answer ends, or `undefined` if not there yet. */
type Matcher = (buf: string) => { end: number } | { error: string } | undefined;

interface Waiter {
  readonly match: Matcher;
  readonly resolve: () => void;
  readonly reject: (err: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Ends of the answers a login waits for. */
export const Expect = {
  /** A complete `<stream:features>` element. */
  features: (buf: string) => {
    const i = buf.indexOf('</stream:features>');
    return i < 0 ? undefined : { end: i + '</stream:features>'.length };
  },
  /** SASL `<success/>` (or a `<failure>` as an error). */
  saslSuccess: (buf: string) => {
    if (buf.includes('<failure')) return { error: 'sasl failure' };
    const i = buf.indexOf('<success');
    if (i < 0) return undefined;
    const selfClose = buf.indexOf('/>', i);
    const gt = buf.indexOf('>', i);
    if (gt < 0) return undefined;
    if (selfClose >= 0 && selfClose + 1 === gt) return { end: gt + 1 };
    const close = buf.indexOf('</success>', i);
    return close < 0 ? undefined : { end: close + '</success>'.length };
  },
  /** The `<iq>` answer with id `id`: ok when `type='result'`, an error otherwise. */
  iqResult: (id: string) => (buf: string) => {
    const at = Math.max(buf.indexOf(`id='${id}'`), buf.indexOf(`id="${id}"`));
    if (at < 0) return undefined;
    const start = buf.lastIndexOf('<iq', at);
    const gt = buf.indexOf('>', at);
    if (start < 0 || gt < 0) return undefined;
    const head = buf.slice(start, gt + 1);
    const end = head.endsWith('/>') ? gt + 1 : buf.indexOf('</iq>', gt);
    if (end < 0) return undefined;
    if (!/type=['"]result['"]/.test(head)) {
      const cond = /<(conflict|not-allowed|not-authorized|bad-request|forbidden|not-acceptable|resource-constraint|service-unavailable)\b/.exec(buf.slice(start));
      return { error: `iq error${cond ? ` ${cond[1]}` : ''}` };
    }
    return { end: head.endsWith('/>') ? end : end + '</iq>'.length };
  },
} satisfies Record<string, Matcher | ((id: string) => Matcher)>;

/** One client TCP stream to an XMPP server. */
export class XmppStream {
  readonly socket: Socket;
  #buf = '';
  #waiter: Waiter | undefined;
  #streamError: ((text: string) => void) | undefined;
  #closed: ((err?: Error) => void) | undefined;
  #stanza: ((xml: string) => void) | undefined;
  #ended = false;

  /** Connects to `host:port` from `localAddress`; resolves once the TCP connection is up. */
  static open(host: string, port: number, localAddress: string, timeoutMs: number): Promise<XmppStream> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, localAddress, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('timeout'));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        // TCP simultaneous open: polling a port nobody listens on can connect a socket to itself.
        if (socket.localPort === socket.remotePort && socket.localAddress === socket.remoteAddress) {
          socket.destroy();
          return reject(new Error('ECONNREFUSED'));
        }
        resolve(new XmppStream(socket));
      });
      const onError = (err: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(new Error(err.code ?? 'socket error'));
      };
      socket.once('error', onError);
    });
  }

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.#onData(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#ended = true;
      const w = this.#waiter;
      if (w) {
        this.#waiter = undefined;
        clearTimeout(w.timer);
        w.reject(new Error('closed'));
      }
      this.#closed?.();
    });
  }

  /** Writes raw XML. */
  send(xml: string): void {
    if (!this.#ended) this.socket.write(xml);
  }

  /** Waits for the answer `match` recognises; input before its end is consumed. */
  expect(match: Matcher, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#ended) return reject(new Error('closed'));
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        reject(new Error('timeout'));
      }, timeoutMs);
      this.#waiter = { match, resolve, reject, timer };
      this.#scan();
    });
  }

  /** Calls `fn` once when a `<stream:error>` arrives (kick by conflict, shutdown...). */
  onStreamError(fn: (text: string) => void): void {
    this.#streamError = fn;
    this.#scan();
  }

  /**
   * Calls `fn` with every complete top-level stanza that arrives while no answer is awaited (after
   * the login, the buffer holds nothing but stanzas).
   */
  onStanza(fn: (xml: string) => void): void {
    this.#stanza = fn;
    this.#scan();
  }

  /** Calls `fn` when the TCP connection closes. */
  onClose(fn: () => void): void {
    this.#closed = fn;
    if (this.#ended) fn();
  }

  #onData(chunk: string): void {
    this.#buf += chunk;
    this.#scan();
  }

  #scan(): void {
    const errAt = this.#buf.indexOf('<stream:error');
    if (errAt >= 0 && this.#streamError) {
      const fn = this.#streamError;
      this.#streamError = undefined;
      fn(this.#buf.slice(errAt, errAt + 200));
    }
    const w = this.#waiter;
    if (!w) {
      const fn = this.#stanza;
      if (!fn || errAt >= 0) return;
      const { stanzas, rest } = splitStanzas(this.#buf);
      this.#buf = rest;
      for (const x of stanzas) fn(x);
      return;
    }
    if (errAt >= 0) {
      this.#waiter = undefined;
      clearTimeout(w.timer);
      return w.reject(new Error(/<conflict/.test(this.#buf.slice(errAt)) ? 'stream error conflict' : 'stream error'));
    }
    const m = w.match(this.#buf);
    if (!m) return;
    this.#waiter = undefined;
    clearTimeout(w.timer);
    if ('error' in m) return w.reject(new Error(m.error));
    this.#buf = this.#buf.slice(m.end);
    w.resolve();
  }

  /** Ends the stream politely. */
  close(): void {
    this.send('</stream:stream>');
    this.socket.end();
  }

  /** Drops the TCP connection. */
  destroy(): void {
    this.socket.destroy();
  }
}

/** Opening, closing or self-closing tag, with its name (comments and PIs never occur in a stream). */
const TAG = /<(\/?)([^\s>/]+)[^>]*?(\/?)>/g;

/**
 * Cuts the complete top-level elements off the front of `buf` (whitespace between them is
 * dropped); `rest` is the incomplete tail. Nesting is followed by counting tags, which is exact for
 * the well-formed XML a server writes (attribute values never hold a raw `>` in these exchanges).
 */
export function splitStanzas(buf: string): { stanzas: string[]; rest: string } {
  const stanzas: string[] = [];
  let start = 0;
  let depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(buf); m; m = TAG.exec(buf)) {
    if (depth === 0 && m[1] === '/') break; // `</stream:stream>`: the stream is over.
    if (m[1] === '/') depth--;
    else if (m[3] !== '/') depth++;
    if (depth === 0) {
      const xml = buf.slice(start, TAG.lastIndex).trim();
      if (xml) stanzas.push(xml);
      start = TAG.lastIndex;
    }
  }
  return { stanzas, rest: buf.slice(start) };
}

/** Reverses the five predefined XML entities. */
export function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
}

/** XML-escapes text for element content. */
export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
