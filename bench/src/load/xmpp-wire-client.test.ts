/**
 * The lean XMPP client against a small scripted server speaking the same exchanges as ejabberd and
 * Prosody (CI has neither; full runs measure the real ones). The server answers in split writes so
 * the client's scanning across chunks is exercised too.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { registerXmppUsers, waitForXmpp } from '../systems/xmpp-register.js';
import { SourceAddresses } from './source-addresses.js';
import { connectXmpp, parseXmppMessage } from './xmpp-chat-connection.js';
import type { ChatMessage } from './chat-connection.js';
import { Expect, splitStanzas } from './xmpp-stream.js';
import { XmppWireClient } from './xmpp-wire-client.js';

const HEADER = `<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='localhost' version='1.0'>`;

/** A scripted c2s server: accounts in memory, SASL PLAIN, bind, in-band registration, kick_old. */
function scriptedServer(accounts: Map<string, string>): Promise<{ server: Server; port: number }> {
  const bound = new Map<string, Socket>();
  const available = new Set<string>();
  const sayTo = new Map<Socket, (xml: string) => void>();
  const server = createServer((sock) => {
    sock.setEncoding('utf8');
    let buf = '';
    let user: string | undefined;
    let authed = false;
    // Split every answer in two writes, a few ms apart, one answer after the other.
    let queue = Promise.resolve();
    const say = (xml: string) => {
      const half = Math.floor(xml.length / 2);
      queue = queue.then(() => {
        sock.write(xml.slice(0, half));
        return new Promise<void>((r) => setTimeout(() => r(void sock.write(xml.slice(half))), 2));
      });
    };
    sayTo.set(sock, say);
    sock.on('error', () => undefined);
    sock.on('data', (chunk: string) => {
      buf += chunk;
      for (;;) {
        let m: RegExpExecArray | null;
        if ((m = /^<\?xml[^>]*\?><stream:stream[^>]*>/.exec(buf))) {
          buf = buf.slice(m[0].length);
          const features = authed
            ? `<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>`
            : `<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms><register xmlns='http://jabber.org/features/iq-register'/></stream:features>`;
          say(HEADER + features);
        } else if ((m = /^<auth [^>]*>([^<]*)<\/auth>/.exec(buf))) {
          buf = buf.slice(m[0].length);
          const [, u, pw] = Buffer.from(m[1]!, 'base64').toString('utf8').split('\0');
          if (u !== undefined && accounts.get(u) === pw) {
            authed = true;
            user = u;
            say(`<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>`);
          } else say(`<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>`);
        } else if ((m = /^<iq type='set' id='([^']+)'><bind[^>]*><resource>([^<]*)<\/resource><\/bind><\/iq>/.exec(buf))) {
          buf = buf.slice(m[0].length);
          const older = bound.get(user!);
          if (older) older.end(`<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>`);
          bound.set(user!, sock);
          say(`<iq type="result" id="${m[1]}"><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>${user}@localhost/${m[2]}</jid></bind></iq>`);
        } else if ((m = /^<iq type='set' id='([^']+)'><query xmlns='jabber:iq:register'><username>([^<]*)<\/username><password>([^<]*)<\/password><\/query><\/iq>/.exec(buf))) {
          buf = buf.slice(m[0].length);
          if (accounts.has(m[2]!)) say(`<iq type='error' id='${m[1]}'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>`);
          else {
            accounts.set(m[2]!, m[3]!);
            say(`<iq type='result' id='${m[1]}'/>`);
          }
        } else if ((m = /^<presence\/>/.exec(buf))) {
          // Initial presence: echoed to the sender (as RFC 6121 servers do); only now routable.
          buf = buf.slice(m[0].length);
          available.add(user!);
          say(`<presence from='${user}@localhost/bench' to='${user}@localhost/bench'><c xmlns='http://jabber.org/protocol/caps'/></presence>`);
        } else if ((m = /^<message type='chat' to='([^@']+)@localhost' id='([^']*)'><body>([^<]*)<\/body><\/message>/.exec(buf))) {
          buf = buf.slice(m[0].length);
          const to = bound.get(m[1]!);
          // Routed with an archive id child (mam on), or bounced when the partner has no available resource.
          if (to && available.has(m[1]!)) sayTo.get(to)?.(`<message xmlns='jabber:client' from="${user}@localhost/bench" to='${m[1]}@localhost' type='chat' id='${m[2]}'><body>${m[3]}</body><stanza-id xmlns='urn:xmpp:sid:0' id='a${m[2]}' by='${m[1]}@localhost'/></message>`);
          else say(`<message from='${m[1]}@localhost' to='${user}@localhost/bench' type='error' id='${m[2]}'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>`);
        } else if ((m = /^<iq type='get' id='([^']+)' to='localhost'><ping xmlns='urn:xmpp:ping'\/><\/iq>/.exec(buf))) {
          buf = buf.slice(m[0].length);
          say(`<iq from='localhost' to='${user}@localhost/bench' id='${m[1]}' type='result'/>`);
        } else if (buf.startsWith('</stream:stream>')) {
          buf = buf.slice('</stream:stream>'.length);
          sock.end('</stream:stream>');
        } else break;
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

let running: Server | undefined;
afterEach(() => {
  running?.close();
  running = undefined;
});

const client = (port: number, password = 'pw') =>
  new XmppWireClient({ kind: 'xmpp', host: '127.0.0.1', port, domain: 'localhost', password }, new SourceAddresses(['127.10.0.1', '127.10.1.1']));

describe('XmppWireClient', () => {
  it('logs in with SASL PLAIN, a stream restart and a bind, and times each step', async () => {
    const { server, port } = await scriptedServer(new Map([['u1', 'pw']]));
    running = server;
    const s = await client(port).login('u1', { timeoutMs: 5000 });
    expect(s.startedAt).toBeLessThanOrEqual(s.requestSentAt);
    expect(s.requestSentAt).toBeLessThanOrEqual(s.answeredAt);
    expect(s.kickedAt).toBeUndefined();
    s.close();
    await s.whenClosed();
  });

  it('fails the login with "sasl failure" on a wrong password', async () => {
    const { server, port } = await scriptedServer(new Map([['u1', 'pw']]));
    running = server;
    await expect(client(port, 'wrong').login('u1', { timeoutMs: 5000 })).rejects.toThrow('sasl failure');
  });

  it('marks the older session kicked (conflict) and closed when the same user binds again', async () => {
    const { server, port } = await scriptedServer(new Map([['u1', 'pw']]));
    running = server;
    const c = client(port);
    const a = await c.login('u1', { timeoutMs: 5000 });
    const b = await c.login('u1', { timeoutMs: 5000 });
    await a.whenKicked();
    await a.whenClosed();
    expect(a.kickedBy).toBe('conflict');
    expect(a.kickedAt).toBeGreaterThan(b.requestSentAt);
    expect(b.kickedAt).toBeUndefined();
    b.terminate();
  });

  it('fails with "timeout" when the server never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    running = silent;
    const port = (silent.address() as { port: number }).port;
    await expect(client(port).login('u1', { timeoutMs: 200 })).rejects.toThrow('timeout');
  });
});

describe('in-band registration (XEP-0077)', () => {
  it('registers every user over parallel streams and accepts accounts that already exist', async () => {
    const accounts = new Map([['u3', 'pw']]);
    const { server, port } = await scriptedServer(accounts);
    running = server;
    await waitForXmpp('127.0.0.1', port, 'localhost', 5000, () => true);
    const users = Array.from({ length: 40 }, (_, i) => `u${i + 1}`);
    await registerXmppUsers('127.0.0.1', port, 'localhost', users, 'pw');
    expect([...accounts.keys()].sort()).toEqual([...users].sort());
    const s = await client(port).login('u40', { timeoutMs: 5000 });
    s.terminate();
  });
});

describe('Expect matchers', () => {
  it('find an iq result with either quote style, self-closing or not', () => {
    expect(Expect.iqResult('r1')(`<iq type='result' id='r1'/>rest`)).toEqual({ end: `<iq type='result' id='r1'/>`.length });
    const long = `<iq id="b" type="result"><bind/></iq>`;
    expect(Expect.iqResult('b')(long)).toEqual({ end: long.length });
    expect(Expect.iqResult('b')(`<iq id="b" type="result"><bind/>`)).toBeUndefined();
    expect(Expect.iqResult('r2')(`<iq type='error' id='r2'><error><not-allowed/></error></iq>`)).toEqual({ error: 'iq error not-allowed' });
  });

  it('wait for a complete features element and a SASL success', () => {
    expect(Expect.features(`<stream:features><x/>`)).toBeUndefined();
    const features = `<stream:features><x/></stream:features>`;
    expect(Expect.features(`${features}<iq/>`)).toEqual({ end: features.length });
    const success = `<success xmlns='x'/>`;
    expect(Expect.saslSuccess(`${success}more`)).toEqual({ end: success.length });
    expect(Expect.saslSuccess(`<failure><not-authorized/></failure>`)).toEqual({ error: 'sasl failure' });
  });
});

const target = (port: number) => ({ kind: 'xmpp' as const, host: '127.0.0.1', port, domain: 'localhost', password: 'pw' });

describe('connectXmpp (W2 messaging)', () => {
  it("sends initial presence, then chat messages to the partner's bare JID, and reads them on the other side", async () => {
    const { server, port } = await scriptedServer(new Map([['u1', 'pw'], ['u2', 'pw']]));
    running = server;
    const a = await connectXmpp(target(port), 'u1', 5000);
    const b = await connectXmpp(target(port), 'u2', 5000);
    const got: ChatMessage[] = [];
    const all = new Promise<void>((done) => {
      b.onMessage = (m) => {
        got.push(m);
        if (got.length === 50) done();
      };
    });
    for (let n = 1; n <= 50; n++) await a.send('C2C', 'u2', `u1-${n}`, `u1:${n}:a<b&c`);
    await all;
    expect(got.map((m) => m.text)).toEqual(Array.from({ length: 50 }, (_, i) => `u1:${i + 1}:a<b&c`));
    expect(new Set(got.map((m) => m.from))).toEqual(new Set(['u1']));
    a.close();
    b.close();
  });

  it('reports an error bounce through onError and never as a message', async () => {
    const { server, port } = await scriptedServer(new Map([['u1', 'pw']]));
    running = server;
    const bounces: string[] = [];
    const a = await connectXmpp(target(port), 'u1', 5000, (from) => bounces.push(from));
    const received: ChatMessage[] = [];
    a.onMessage = (m) => received.push(m);
    await a.send('C2C', 'u9', 'u1-1', 'u1:1:x');
    await expect.poll(() => bounces).toEqual(['u9']);
    expect(received).toEqual([]);
    await expect(a.send('GROUP', 'room', 'g1', 'x')).rejects.toThrow('1:1 messages only');
    a.close();
  });

  it('fails with the SASL reason for a wrong password', async () => {
    const { server, port } = await scriptedServer(new Map([['u1', 'other']]));
    running = server;
    await expect(connectXmpp(target(port), 'u1', 5000)).rejects.toThrow('XMPP login of u1 failed: sasl failure');
  });
});

describe('splitStanzas', () => {
  it('cuts complete top-level elements, following nesting and self-closing tags, and keeps the tail', () => {
    const one = `<message from='a'><body>x</body><stanza-id id='1'/></message>`;
    const two = `<presence/>`;
    const r = splitStanzas(`${one}\n ${two}<iq id='3'><query>`);
    expect(r.stanzas).toEqual([one, two]);
    expect(r.rest).toBe(`<iq id='3'><query>`);
  });

  it('stops at the closing stream tag and at a tag cut in half', () => {
    expect(splitStanzas(`<presence/></stream:stream>`)).toEqual({ stanzas: ['<presence/>'], rest: '</stream:stream>' });
    expect(splitStanzas(`<message from='a'><bo`)).toEqual({ stanzas: [], rest: `<message from='a'><bo` });
  });
});

describe('parseXmppMessage', () => {
  it('reads the local part of the sender, the type and the unescaped body', () => {
    expect(parseXmppMessage(`<message type="chat" from="u7@localhost/bench" to='u8@localhost'><body>u7:1:&lt;&amp;&apos;</body></message>`)).toEqual({ from: 'u7', type: 'chat', body: "u7:1:<&'" });
  });

  it('ignores other stanzas and tells body-less messages apart', () => {
    expect(parseXmppMessage(`<presence from='u1@localhost/bench'/>`)).toBeUndefined();
    expect(parseXmppMessage(`<message from='u1@localhost'><active xmlns='http://jabber.org/protocol/chatstates'/></message>`)).toEqual({ from: 'u1', type: 'normal', body: undefined });
  });
});
