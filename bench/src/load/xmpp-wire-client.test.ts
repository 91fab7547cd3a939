/**
 * The lean XMPP client against a small scripted server speaking the same exchanges as ejabberd and
 * Prosody (CI has neither; full runs measure the real ones). The server answers in split writes so
 * the client's scanning across chunks is exercised too.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { registerXmppUsers, waitForXmpp } from '../systems/xmpp-register.js';
import { SourceAddresses } from './source-addresses.js';
import { Expect } from './xmpp-stream.js';
import { XmppWireClient } from './xmpp-wire-client.js';

const HEADER = `<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='localhost' version='1.0'>`;

/** A scripted c2s server: accounts in memory, SASL PLAIN, bind, in-band registration, kick_old. */
function scriptedServer(accounts: Map<string, string>): Promise<{ server: Server; port: number }> {
  const bound = new Map<string, Socket>();
  const server = createServer((sock) => {
    sock.setEncoding('utf8');
    let buf = '';
    let user: string | undefined;
    let authed = false;
    // Split every answer in two writes, a few ms apart.
    const say = (xml: string) => {
      const half = Math.floor(xml.length / 2);
      sock.write(xml.slice(0, half));
      setTimeout(() => sock.write(xml.slice(half)), 2);
    };
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
