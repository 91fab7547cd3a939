import { runBrokerSuite } from '../testing/broker-suite.js';
import { MemoryBus } from '../testing/memory-bus.js';
import { LocalBroker } from './local-broker.js';

runBrokerSuite('LocalBroker', async () => ({ brokers: [new LocalBroker()] }), 1);

runBrokerSuite(
  'MemoryBus',
  async (nodes) => {
    const bus = new MemoryBus();
    return { brokers: Array.from({ length: nodes }, () => bus.broker()) };
  },
  3,
);
