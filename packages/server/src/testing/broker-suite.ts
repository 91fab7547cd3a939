/**
 * The Broker conformance suite: the executable contract of {@link Broker} (see its TSDoc). Every
 * implementation runs it: the one-node `LocalBroker`, the in-process `MemoryBus`, later a Redis
 * broker. Cases that need several nodes run when the harness can make them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Broker, ClusterMessage } from '../cluster/broker.js';

/** Brokers of one cluster, made for one test. */
export interface BrokerHarness {
  /** One broker per node, all connected to each other. */
  readonly brokers: readonly Broker[];
  /** Frees what the brokers share (a connection, a bus); the suite closes the brokers itself. */
  readonly dispose?: () => Promise<void>;
}

/** Makes a cluster of `nodes` connected brokers (never more than the suite's `maxNodes`). */
export type CreateBrokerHarness = (nodes: number) => Promise<BrokerHarness>;

/** One message of every {@link ClusterMessage} type, with every optional field set. */
export function sampleClusterMessages(): ClusterMessage[] {
  return [
    { type: 'push', sdkAppID: 1400000001, userIDs: ['alice', 'bob'], frame: '{"t":"push","ev":"x","body":{"a":"é ✓"}}', skip: 'inst-1' },
    { type: 'kick', nodeID: 'node-a', instanceID: 'inst-2', kickType: 'multipleAccount', newInstance: { platform: 'Web', instanceID: 'inst-3' } },
    { type: 'replaced', nodeID: 'node-b', instanceID: 'inst-4' },
    { type: 'app-changed', sdkAppID: 1400000001 },
    { type: 'accounts-created', sdkAppID: 1400000001, userIDs: ['carol'] },
    { type: 'accounts-deleted', sdkAppID: 1400000001, userIDs: ['dave', 'erin'] },
    { type: 'membership-changed', sdkAppID: 1400000001, groupID: '@TGS#1ABC' },
    { type: 'sig-invalidated', sdkAppID: 1400000001, invalidation: { userID: 'alice', beforeSec: 1_700_000_000, revokedSigs: ['h1', 'h2'] } },
    { type: 'usage', nodeID: 'node-c', sdkAppID: 1400000001, connections: 42 },
  ];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects what one node receives; `until(n)` waits (bounded) for the n-th message. */
function recorder(broker: Broker) {
  const got: ClusterMessage[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const off = broker.onMessage((m) => {
    got.push(m);
    for (const w of waiters.filter((w) => got.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const until = async (n: number, timeoutMs = 5000): Promise<ClusterMessage[]> => {
    if (got.length < n) {
      await Promise.race([new Promise<void>((resolve) => waiters.push({ n, resolve })), pause(timeoutMs)]);
    }
    return got;
  };
  return { got, until, off };
}

/**
 * Runs the Broker conformance suite.
 * @param name - shown in the test names.
 * @param create - makes a fresh cluster of brokers for each test.
 * @param maxNodes - how many connected brokers `create` can make (1 for a one-node broker).
 */
export function runBrokerSuite(name: string, create: CreateBrokerHarness, maxNodes: number): void {
  describe(`Broker conformance: ${name}`, () => {
    let harness: BrokerHarness | undefined;
    const cluster = async (nodes: number): Promise<readonly Broker[]> => {
      harness = await create(nodes);
      expect(harness.brokers).toHaveLength(nodes);
      return harness.brokers;
    };
    afterEach(async () => {
      for (const b of harness?.brokers ?? []) await b.close();
      await harness?.dispose?.();
      harness = undefined;
    });

    it('never hands a node its own messages, and publish neither throws nor calls a handler synchronously', async () => {
      const [a] = await cluster(1);
      const own = recorder(a!);
      for (const m of sampleClusterMessages()) a!.publish(m);
      expect(own.got).toEqual([]);
      await pause(50);
      expect(own.got).toEqual([]);
    });

    it('publishing after close is a silent no-op, and removing a handler twice is harmless', async () => {
      const [a] = await cluster(1);
      const off = a!.onMessage(() => undefined);
      off();
      off();
      await a!.close();
      expect(() => a!.publish({ type: 'app-changed', sdkAppID: 1 })).not.toThrow();
    });

    it.skipIf(maxNodes < 2)('delivers every message type to the other node as an equal copy, asynchronously', async () => {
      const [a, b] = await cluster(2);
      const rb = recorder(b!);
      const sent = sampleClusterMessages();
      for (const m of sent) a!.publish(m);
      expect(rb.got).toHaveLength(0);
      const got = await rb.until(sent.length);
      expect(got).toEqual(sent);
      got.forEach((m, i) => expect(m).not.toBe(sent[i]));
    });

    it.skipIf(maxNodes < 2)("keeps each publisher's order, even when two publish at once", async () => {
      const [a, b] = await cluster(2);
      const ra = recorder(a!);
      const rb = recorder(b!);
      const n = 300;
      for (let i = 0; i < n; i++) {
        a!.publish({ type: 'usage', nodeID: 'a', sdkAppID: 1, connections: i });
        b!.publish({ type: 'usage', nodeID: 'b', sdkAppID: 1, connections: i });
      }
      const seq = (got: readonly ClusterMessage[]) => got.map((m) => (m.type === 'usage' ? m.connections : -1));
      expect(seq(await rb.until(n))).toEqual([...Array(n).keys()]);
      expect(seq(await ra.until(n))).toEqual([...Array(n).keys()]);
    });

    it.skipIf(maxNodes < 3)('reaches every other node, every handler there once, and no removed handler', async () => {
      const [a, b, c] = await cluster(3);
      const rb1 = recorder(b!);
      const rb2 = recorder(b!);
      const rc = recorder(c!);
      const removed = recorder(c!);
      removed.off();
      a!.publish({ type: 'membership-changed', sdkAppID: 7, groupID: 'g' });
      a!.publish({ type: 'app-changed', sdkAppID: 7 });
      for (const r of [rb1, rb2, rc]) expect(await r.until(2)).toEqual([{ type: 'membership-changed', sdkAppID: 7, groupID: 'g' }, { type: 'app-changed', sdkAppID: 7 }]);
      await pause(30);
      expect([rb1.got.length, rb2.got.length, rc.got.length, removed.got.length]).toEqual([2, 2, 2, 0]);
    });

    it.skipIf(maxNodes < 3)('a closed node neither receives nor sends', async () => {
      const [a, b, c] = await cluster(3);
      const rb = recorder(b!);
      const rc = recorder(c!);
      await c!.close();
      c!.publish({ type: 'app-changed', sdkAppID: 1 });
      a!.publish({ type: 'app-changed', sdkAppID: 2 });
      expect(await rb.until(1)).toEqual([{ type: 'app-changed', sdkAppID: 2 }]);
      await pause(30);
      expect(rb.got).toHaveLength(1);
      expect(rc.got).toHaveLength(0);
    });
  });
}
