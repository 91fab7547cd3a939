import { describe, expect, it } from 'vitest';
import { generatorsFor, MAX_SOCKETS_PER_GENERATOR, shares } from './generator-pool.js';
import { SourceAddresses, sourceAddressesFor } from './source-addresses.js';

describe('splitting the load between generators', () => {
  it('splits a total into near-equal shares that add up', () => {
    expect(shares(200, 3)).toEqual([67, 67, 66]);
    expect(shares(5, 1)).toEqual([5]);
    expect(shares(2, 4)).toEqual([1, 1, 0, 0]);
  });

  it('uses one generator per 15,000 sockets', () => {
    expect(generatorsFor(1)).toBe(1);
    expect(generatorsFor(MAX_SOCKETS_PER_GENERATOR)).toBe(1);
    expect(generatorsFor(MAX_SOCKETS_PER_GENERATOR + 1)).toBe(2);
  });
});

describe('source addresses', () => {
  it('gives each generator its own loopback addresses', () => {
    const a = sourceAddressesFor(0);
    const b = sourceAddressesFor(1);
    expect(a).toHaveLength(64);
    expect(a[0]).toBe('127.10.0.1');
    expect(b[63]).toBe('127.11.63.1');
    expect(a.some((x) => b.includes(x))).toBe(false);
  });

  it('rotates round-robin', () => {
    const s = new SourceAddresses(['127.10.0.1', '127.10.1.1']);
    expect([s.next(), s.next(), s.next()]).toEqual(['127.10.0.1', '127.10.1.1', '127.10.0.1']);
  });
});
