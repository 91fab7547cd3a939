/**
 * This node's side of the sessions: the {@link SinkTable} of its sockets, the connection count each
 * attached instance adds to the usage statistics, and the kicks and closes that reach its sockets,
 * whether decided here or on another node (`kick` and `replaced` messages from the {@link Broker}).
 */
import { CloseCode, KickedOutType, type KickedOutTypeValue, type Platform } from '@parley/protocol';
import type { Broker, ClusterMessage } from '../cluster/broker.js';
import type { UsageTracker } from '../usage/usage-tracker.js';
import type { InstanceRecord } from './session-directory.js';
import type { LocalInstance, SessionSink, SinkTable } from './sink-table.js';

/** The login that pushed an instance out, as told to the victim. */
export type NewInstanceInfo = { readonly platform: Platform; readonly instanceID: string };

/** Dependencies of {@link LocalSessions}. */
export interface LocalSessionsDeps {
  readonly sinks: SinkTable;
  readonly broker: Broker;
  readonly nodeID: string;
  readonly usage: UsageTracker;
  /** Called whenever an instance stops being attached here, so its timers can be cancelled. */
  readonly onGone: (instanceID: string) => void;
}

const closeCodeOf = (type: KickedOutTypeValue): number => (type === KickedOutType.USERSIG_EXPIRED ? CloseCode.SessionExpired : CloseCode.Kicked);

/** The instances attached to sockets on this node. */
export class LocalSessions {
  readonly #d: LocalSessionsDeps;
  readonly #unsubscribe: () => void;

  constructor(deps: LocalSessionsDeps) {
    this.#d = deps;
    this.#unsubscribe = deps.broker.onMessage((m) => this.#onClusterMessage(m));
  }

  /** The entry of an instance attached (or being attached) here. */
  get(instanceID: string): LocalInstance | undefined {
    return this.#d.sinks.get(instanceID);
  }

  /**
   * Adds a pending entry for a login or resume about to ask the directory.
   * @returns the entry it replaced (the instance's previous socket here), if any.
   */
  reserve(entry: LocalInstance): LocalInstance | undefined {
    return this.#d.sinks.put(entry);
  }

  /** The directory refused a resume: the entry it replaced (if any) comes back, with a kick meant for it. */
  abandon(entry: LocalInstance, replaced: LocalInstance | undefined): void {
    if (!this.#d.sinks.delete(entry) || !replaced) return;
    this.#d.sinks.put(replaced);
    if (entry.deferredKick) this.kick(replaced.instanceID, entry.deferredKick.type, entry.deferredKick.newInstance);
  }

  /**
   * Marks a pending entry attached, just before its answer is sent. Fails (and forgets the entry) when
   * its socket closed meanwhile or a newer entry of the instance replaced it.
   * @param counted - whether the connection count already includes the instance (a resume over a
   *   socket attached here).
   * @returns false when the instance did not stay attached here.
   */
  confirm(entry: LocalInstance, counted: boolean): boolean {
    const { sinks, usage } = this.#d;
    if (sinks.get(entry.instanceID) !== entry) return false;
    if (!entry.sink.isOpen) {
      sinks.delete(entry);
      if (counted) usage.adjustConnections(entry.sdkAppID, -1);
      return false;
    }
    entry.pending = false;
    return true;
  }

  /** Delivers a kick that arrived while `entry` was pending (call once its answer is out). */
  releaseDeferredKick(entry: LocalInstance): void {
    const kick = entry.deferredKick;
    if (kick && this.#d.sinks.get(entry.instanceID) === entry) this.kick(entry.instanceID, kick.type, kick.newInstance);
  }

  /** Tells an instance the directory removed that it is out: here directly, on another node through the broker. */
  tellRemoved(inst: InstanceRecord, type: KickedOutTypeValue, newInstance?: NewInstanceInfo): void {
    if (inst.nodeID === this.#d.nodeID) this.kick(inst.instanceID, type, newInstance);
    else if (inst.detachedAt === 0) {
      this.#d.broker.publish({ type: 'kick', nodeID: inst.nodeID, instanceID: inst.instanceID, kickType: type, ...(newInstance ? { newInstance } : {}) });
    }
  }

  /** The instance's socket on `nodeID` must close because it resumed elsewhere (4409). */
  tellReplaced(nodeID: string, instanceID: string): void {
    if (nodeID === this.#d.nodeID) this.#replaced(instanceID);
    else this.#d.broker.publish({ type: 'replaced', nodeID, instanceID });
  }

  /** Kicks an instance attached here; while its own login answer is on its way, the kick waits for it. */
  kick(instanceID: string, type: KickedOutTypeValue, newInstance?: NewInstanceInfo): void {
    const entry = this.#d.sinks.get(instanceID);
    if (entry?.pending) {
      entry.deferredKick = newInstance ? { type, newInstance } : { type };
      return;
    }
    this.drop(instanceID);
    entry?.sink.kick(type, closeCodeOf(type), newInstance ? { platform: newInstance.platform, instanceID: newInstance.instanceID } : undefined);
  }

  /**
   * Forgets an instance here: its entry (if attached through `sink`, when given), its connection
   * count, its timers.
   * @returns true if an entry was removed.
   */
  drop(instanceID: string, sink?: SessionSink): boolean {
    const entry = this.#d.sinks.get(instanceID);
    const removed = entry !== undefined && (sink === undefined || entry.sink === sink) && !entry.pending && this.#d.sinks.delete(entry);
    if (removed) this.#d.usage.adjustConnections(entry.sdkAppID, -1);
    if (removed || sink === undefined) this.#d.onGone(instanceID);
    return removed;
  }

  /** Stops listening to the other nodes. */
  stop(): void {
    this.#unsubscribe();
  }

  #replaced(instanceID: string): void {
    const entry = this.#d.sinks.get(instanceID);
    if (!entry || entry.pending) return;
    this.drop(instanceID);
    entry.sink.close(CloseCode.Replaced, 'instance resumed on another connection');
  }

  #onClusterMessage(m: ClusterMessage): void {
    if (m.type === 'kick' && m.nodeID === this.#d.nodeID) this.kick(m.instanceID, m.kickType, m.newInstance);
    else if (m.type === 'replaced' && m.nodeID === this.#d.nodeID) this.#replaced(m.instanceID);
  }
}
