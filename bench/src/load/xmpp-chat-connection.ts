/**
 * An XMPP messaging client for W2 (peer-bench.md): logs in like W1, sends initial presence
 * `<presence/>` so the server routes bare-JID messages to the bound resource, then sends
 * `<message type='chat'>` to the partner's bare JID and reads the `<message>` stanzas it receives.
 * XMPP has no per-message answer: a send resolves at once and counts as acknowledged when the
 * partner has it.
 */
import type { ChatAnswer, ChatConnection } from './chat-connection.js';
import type { XmppTarget } from './load-target.js';
import { xmppLoginSteps } from './xmpp-wire-client.js';
import { Expect, XmppStream, xmlText, xmlUnescape } from './xmpp-stream.js';

const OK: ChatAnswer = { code: 0, body: {} };

/** What a received `<message>` stanza says, or undefined for a stanza that is not a text message. */
export interface XmppMessage {
  /** Local part of the sender's JID. */
  readonly from: string;
  readonly type: string;
  /** Unescaped `<body>` text; undefined when the message has none (chat states, receipts...). */
  readonly body: string | undefined;
}

const attr = (head: string, name: string): string | undefined => new RegExp(`\\s${name}=(?:'([^']*)'|"([^"]*)")`).exec(head)?.slice(1).find((v) => v !== undefined);

/** Reads a top-level stanza as a `<message>`; undefined for presence, iq and anything else. */
export function parseXmppMessage(xml: string): XmppMessage | undefined {
  if (!/^<message[\s>/]/.test(xml)) return undefined;
  const head = xml.slice(0, xml.indexOf('>') + 1);
  const from = attr(head, 'from');
  if (from === undefined) return undefined;
  const body = /<body(?:\s[^>]*)?>([^<]*)<\/body>/.exec(xml)?.[1];
  return { from: xmlUnescape(from.split('@')[0] ?? ''), type: attr(head, 'type') ?? 'normal', body: body === undefined ? undefined : xmlUnescape(body) };
}

/**
 * Logs `user` in to an XMPP server, sends initial presence and waits until the server has applied it.
 * @param onError - called with the sender of every `type='error'` message that comes back (a bounce).
 */
export async function connectXmpp(target: XmppTarget, user: string, timeoutMs: number, onError: (from: string) => void = () => undefined): Promise<ChatConnection> {
  const deadline = performance.now() + timeoutMs;
  const left = () => Math.max(1, deadline - performance.now());
  const stream = await XmppStream.open(target.host, target.port, '127.0.0.1', left());
  try {
    await xmppLoginSteps(stream, target, user, left);
    // A server handles a session's stanzas in order: once the ping (XEP-0199) is answered, the
    // presence is in effect and messages to the bare JID reach this resource, not offline storage.
    stream.send(`<presence/><iq type='get' id='ready1' to='${target.domain}'><ping xmlns='urn:xmpp:ping'/></iq>`);
    await stream.expect(Expect.iqResult('ready1'), left());
  } catch (err) {
    stream.destroy();
    throw new Error(`XMPP login of ${user} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const conn: ChatConnection = {
    user,
    onMessage: () => undefined,
    send(kind, to, id, text) {
      if (kind !== 'C2C') return Promise.reject(new Error('the XMPP client sends 1:1 messages only'));
      stream.send(`<message type='chat' to='${xmlText(to)}@${target.domain}' id='${xmlText(id)}'><body>${xmlText(text)}</body></message>`);
      return Promise.resolve(OK);
    },
    request: () => Promise.reject(new Error('the XMPP client has no requests')),
    joinRoom: () => Promise.reject(new Error('the XMPP client does not join rooms')),
    close: () => stream.close(),
  };
  stream.onStanza((xml) => {
    const m = parseXmppMessage(xml);
    if (!m) return;
    if (m.type === 'error') return onError(m.from);
    if (m.body !== undefined) conn.onMessage({ from: m.from, text: m.body, seq: 0 });
  });
  return conn;
}
