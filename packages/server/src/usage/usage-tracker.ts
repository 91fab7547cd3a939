/**
 * DAU and daily peak concurrent connections per app. A user counts once per UTC day on their first
 * successful login (resumes never count). Writes are buffered and flushed in batches so the login
 * path never waits on storage for statistics.
 *
 * In a cluster each node counts its own attached instances and publishes its count (`usage`) on the
 * {@link Broker}; every node adds the others' latest counts to its own, so the current connections and
 * the peak it records are the cluster's (the store keeps the highest peak any node writes). The set
 * of users already counted today stays per node on purpose: it only saves repeat writes, and the
 * store counts a user once per day whichever node writes it.
 */
import type { Broker, ClusterMessage } from '../cluster/broker.js';
import { LocalBroker } from '../cluster/local-broker.js';
import type { Clock } from '../time/clock.js';
import { utcDay } from '../time/clock.js';
import type { UsageStore } from '@parley/store';

/** Tracks usage and flushes it to the store. */
export class UsageTracker {
  readonly #usage: UsageStore;
  readonly #clock: Clock;
  readonly #flushMs: number;
  /** `${app}|${day}` → users already counted today (in memory, to skip repeat writes). */
  readonly #seen = new Map<string, Set<string>>();
  /** `${app}|${day}` → users to write. */
  readonly #pendingActive = new Map<string, Set<string>>();
  /** app → current connections on this node. */
  readonly #connections = new Map<number, number>();
  /** app → node → that node's last published count. */
  readonly #remote = new Map<number, Map<string, number>>();
  readonly #broker: Broker;
  readonly #nodeID: string;
  readonly #unsubscribe: () => void;
  /** `${app}|${day}` → peak seen in memory / last written. */
  readonly #peak = new Map<string, { value: number; written: number }>();
  #timer: unknown = undefined;
  #flushing: Promise<void> = Promise.resolve();

  /**
   * @param flushMs - how long writes may wait in memory, in ms. @default 1000
   * @param cluster - the broker and this node's id. @default one node (a `LocalBroker`)
   */
  constructor(usage: UsageStore, clock: Clock, flushMs = 1000, cluster: { readonly broker: Broker; readonly nodeID: string } = { broker: new LocalBroker(), nodeID: 'local' }) {
    this.#usage = usage;
    this.#clock = clock;
    this.#flushMs = flushMs;
    this.#broker = cluster.broker;
    this.#nodeID = cluster.nodeID;
    this.#unsubscribe = cluster.broker.onMessage((m) => this.#onClusterMessage(m));
  }

  /** Counts `userID` toward today's DAU of the app (idempotent per day). */
  recordLogin(sdkAppID: number, userID: string): void {
    const key = `${sdkAppID}|${utcDay(this.#clock.now())}`;
    let seen = this.#seen.get(key);
    if (!seen) {
      // A new day starts: forget other days' sets so memory stays bounded to one day of users.
      for (const k of this.#seen.keys()) if (k.startsWith(`${sdkAppID}|`)) this.#seen.delete(k);
      seen = new Set();
      this.#seen.set(key, seen);
    }
    if (seen.has(userID)) return;
    seen.add(userID);
    let pending = this.#pendingActive.get(key);
    if (!pending) this.#pendingActive.set(key, (pending = new Set()));
    pending.add(userID);
    this.#schedule();
  }

  /** Adjusts the app's connection count on this node by `delta` and raises today's peak if needed. */
  adjustConnections(sdkAppID: number, delta: number): void {
    const local = Math.max(0, (this.#connections.get(sdkAppID) ?? 0) + delta);
    this.#connections.set(sdkAppID, local);
    // Every change, not coalesced: only the latest count of a node matters, so a networked broker may
    // coalesce `usage` messages per node and app itself.
    this.#broker.publish({ type: 'usage', nodeID: this.#nodeID, sdkAppID, connections: local });
    if (delta > 0) this.#raisePeak(sdkAppID, this.connections(sdkAppID));
  }

  /** Stops listening to the other nodes. */
  stop(): void {
    this.#unsubscribe();
  }

  #onClusterMessage(m: ClusterMessage): void {
    if (m.type !== 'usage') return;
    let nodes = this.#remote.get(m.sdkAppID);
    if (!nodes) this.#remote.set(m.sdkAppID, (nodes = new Map()));
    const before = nodes.get(m.nodeID) ?? 0;
    if (m.connections > 0) nodes.set(m.nodeID, m.connections);
    else nodes.delete(m.nodeID);
    if (m.connections > before) this.#raisePeak(m.sdkAppID, this.connections(m.sdkAppID));
  }

  #raisePeak(sdkAppID: number, current: number): void {
    const key = `${sdkAppID}|${utcDay(this.#clock.now())}`;
    const peak = this.#peak.get(key);
    if (!peak) this.#peak.set(key, { value: current, written: 0 });
    else if (current > peak.value) peak.value = current;
    else return;
    this.#schedule();
  }

  /** Current connections of the app in the cluster: this node's, plus the others' last published counts. */
  connections(sdkAppID: number): number {
    let total = this.#connections.get(sdkAppID) ?? 0;
    const nodes = this.#remote.get(sdkAppID);
    if (nodes) for (const n of nodes.values()) total += n;
    return total;
  }

  /** Distinct users counted today for the app (from memory). */
  activeToday(sdkAppID: number): number {
    return this.#seen.get(`${sdkAppID}|${utcDay(this.#clock.now())}`)?.size ?? 0;
  }

  /** Distinct users counted today, for every app seen today (from memory). */
  activeTodayByApp(): Map<number, number> {
    const today = `|${utcDay(this.#clock.now())}`;
    const out = new Map<number, number>();
    for (const [key, users] of this.#seen) if (key.endsWith(today)) out.set(Number(key.slice(0, key.indexOf('|'))), users.size);
    return out;
  }

  /** Writes everything buffered; resolves when stored. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#flushing = this.#flushing.then(() => this.#write());
    return this.#flushing;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      void this.flush().catch(() => undefined);
    }, this.#flushMs);
  }

  async #write(): Promise<void> {
    const active = [...this.#pendingActive];
    this.#pendingActive.clear();
    for (const [key, users] of active) {
      const [app, day] = splitKey(key);
      await this.#usage.recordDailyActive(app, day, [...users]);
    }
    for (const [key, peak] of this.#peak) {
      if (peak.value <= peak.written) continue;
      const [app, day] = splitKey(key);
      const value = peak.value;
      await this.#usage.recordPeakConnections(app, day, value);
      peak.written = value;
    }
  }
}

function splitKey(key: string): [number, string] {
  const i = key.indexOf('|');
  return [Number(key.slice(0, i)), key.slice(i + 1)];
}
