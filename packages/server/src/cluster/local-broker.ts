/**
 * The broker of a single node: there are no other nodes, so a publish goes nowhere and no message
 * ever arrives. Every effect already happened locally, as a direct call, before the publish.
 */
import type { Broker, ClusterHandler, ClusterMessage } from './broker.js';

/** The one-node {@link Broker} (the default). */
export class LocalBroker implements Broker {
  /** {@inheritDoc Broker.publish} */
  publish(_message: ClusterMessage): void {
    // Nobody else to tell.
  }

  /** {@inheritDoc Broker.onMessage} */
  onMessage(_handler: ClusterHandler): () => void {
    return () => undefined;
  }

  /** {@inheritDoc Broker.close} */
  async close(): Promise<void> {
    // Nothing held.
  }
}
