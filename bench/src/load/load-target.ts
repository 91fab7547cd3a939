/** What a load generator talks to: one of the systems under test, as seen on the wire. */
import { invalid, isRecord, isUint, valid, type Parsed } from '@parley/protocol';

/** A Parley server: WebSocket URL plus the app whose UserSigs the generator mints. */
export interface ParleyTarget {
  readonly kind: 'parley';
  readonly url: string;
  readonly sdkAppID: number;
  readonly key: string;
}

/** The bare `ws` floor relay. */
export interface FloorTarget {
  readonly kind: 'floor';
  readonly url: string;
}

/** An XMPP server's c2s port, with the accounts' domain and shared password. */
export interface XmppTarget {
  readonly kind: 'xmpp';
  readonly host: string;
  readonly port: number;
  readonly domain: string;
  readonly password: string;
}

/** Any system under test. */
export type LoadTarget = ParleyTarget | FloorTarget | XmppTarget;

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Parses a {@link LoadTarget} received over IPC. */
export function parseLoadTarget(raw: unknown): Parsed<LoadTarget> {
  if (!isRecord(raw)) return invalid('target must be an object');
  switch (raw['kind']) {
    case 'parley':
      if (!str(raw['url'])) return invalid('target.url must be a non-empty string');
      if (!isUint(raw['sdkAppID']) || raw['sdkAppID'] < 1) return invalid('target.sdkAppID must be a positive integer');
      if (!str(raw['key'])) return invalid('target.key must be a non-empty string');
      return valid({ kind: 'parley', url: raw['url'], sdkAppID: raw['sdkAppID'], key: raw['key'] });
    case 'floor':
      if (!str(raw['url'])) return invalid('target.url must be a non-empty string');
      return valid({ kind: 'floor', url: raw['url'] });
    case 'xmpp':
      if (!str(raw['host'])) return invalid('target.host must be a non-empty string');
      if (!isUint(raw['port']) || raw['port'] < 1 || raw['port'] > 65535) return invalid('target.port must be 1..65535');
      if (!str(raw['domain'])) return invalid('target.domain must be a non-empty string');
      if (!str(raw['password'])) return invalid('target.password must be a non-empty string');
      return valid({ kind: 'xmpp', host: raw['host'], port: raw['port'], domain: raw['domain'], password: raw['password'] });
    default:
      return invalid(`target.kind must be parley, floor or xmpp (got ${String(raw['kind'])})`);
  }
}
