/**
 * XMPP login the way peer-bench.md counts it: TCP connect → stream open → features → SASL PLAIN →
 * success → stream restart → features → bind → bind result (4 client round trips). `<session/>`
 * is optional on both servers and skipped; no presence, no roster.
 */
import type { XmppTarget } from './load-target.js';
import { Expect, streamHeader, XmppStream, xmlText } from './xmpp-stream.js';
import { loginError, SessionState, type LoginOptions, type WireClient, type WireSession } from './wire-session.js';
import type { SourceAddresses } from './source-addresses.js';

/** The resource every session binds: a second login of the same user therefore conflicts. */
export const BENCH_RESOURCE = 'bench';

/**
 * The login exchanges on an open stream: stream open, SASL PLAIN, restart, bind of
 * {@link BENCH_RESOURCE}. `left()` gives the ms left for each wait; `bindSent` runs as the bind
 * request goes out (W1 times the login's last round trip from there).
 */
export async function xmppLoginSteps(stream: XmppStream, t: XmppTarget, user: string, left: () => number, bindSent: () => void = () => undefined): Promise<void> {
  stream.send(streamHeader(t.domain));
  await stream.expect(Expect.features, left());
  const plain = Buffer.from(`\0${user}\0${t.password}`, 'utf8').toString('base64');
  stream.send(`<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${plain}</auth>`);
  await stream.expect(Expect.saslSuccess, left());
  stream.send(streamHeader(t.domain));
  await stream.expect(Expect.features, left());
  bindSent();
  stream.send(`<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>${xmlText(BENCH_RESOURCE)}</resource></bind></iq>`);
  await stream.expect(Expect.iqResult('bind1'), left());
}

class XmppSession extends SessionState implements WireSession {
  readonly user: string;
  readonly #stream: XmppStream;

  constructor(user: string, stream: XmppStream) {
    super();
    this.user = user;
    this.#stream = stream;
  }

  terminate(): void {
    this.#stream.destroy();
  }

  close(): void {
    this.#stream.close();
  }
}

/** Logs users in to an XMPP server with SASL PLAIN. */
export class XmppWireClient implements WireClient {
  readonly #target: XmppTarget;
  readonly #sources: SourceAddresses;

  constructor(target: XmppTarget, sources: SourceAddresses) {
    this.#target = target;
    this.#sources = sources;
  }

  async login(user: string, options: LoginOptions): Promise<WireSession> {
    const t = this.#target;
    const startedAt = performance.now();
    const deadline = startedAt + options.timeoutMs;
    const left = () => Math.max(1, deadline - performance.now());
    let stream: XmppStream;
    try {
      stream = await XmppStream.open(t.host, t.port, this.#sources.next(), left());
    } catch (err) {
      throw loginError(err instanceof Error ? err.message : 'connect failed');
    }
    const session = new XmppSession(user, stream);
    session.startedAt = startedAt;
    stream.onClose(() => session.markClosed());
    try {
      await xmppLoginSteps(stream, t, user, left, () => (session.requestSentAt = performance.now()));
      session.answeredAt = performance.now();
    } catch (err) {
      stream.destroy();
      throw loginError(err instanceof Error ? err.message : 'login failed');
    }
    stream.onStreamError((text) => session.markKicked(/<conflict/.test(text) ? 'conflict' : undefined));
    return session;
  }
}
