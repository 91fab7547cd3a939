/**
 * The shape every server feature has towards the composition in `http/parley-server.ts`: the
 * commands it adds to the gateway, the REST routes it serves, and its part in shutdown. The
 * composition builds the shared parts (directories, sessions, gateway) and a list of these; it knows
 * no feature's internals.
 */
import type { CommandKit } from '../gateway/command-kit.js';
import type { AnyRestRoute } from '../rest/rest-route.js';

/** One feature of the server (accounts, messages, conversations, groups, admin, …). */
export interface FeatureModule {
  /** The feature's name, for logs (`'messages'`). */
  readonly name: string;
  /** Registers the feature's WebSocket commands. */
  commands?(kit: CommandKit): void;
  /** The feature's REST routes. */
  routes?(): readonly AnyRestRoute[];
  /** Stops listening to the other nodes and stops timers; called first at shutdown. */
  stop?(): void;
  /** Waits until work the feature accepted is written; called after the sockets are gone, before the store closes. */
  drain?(): Promise<void>;
}
