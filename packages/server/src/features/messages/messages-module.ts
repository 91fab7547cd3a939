/**
 * The messages feature: sending, syncing and paging messages over the WebSocket gateway, and the
 * `openim/*` message routes. Its service is also the {@link MessagePort} the conversations and
 * groups features are given.
 */
import type { Store } from '@parley/store';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { AppCache } from '../../directories/app-cache.js';
import type { GroupDirectory } from '../../directories/group-directory.js';
import type { ProfileDirectory } from '../../directories/profile-directory.js';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';
import type { FeatureModule } from '../feature-module.js';
import type { BlacklistCheck } from '../relationships/relationship-port.js';
import { AppendBatcher } from './append-batcher.js';
import { registerMessageCommands } from './message-commands.js';
import type { MessagePort } from './message-port.js';
import { messageRoutes } from './message-routes.js';
import { MessageService } from './message-service.js';

/** Dependencies of {@link messagesModule}. */
export interface MessagesDeps {
  readonly store: Store;
  readonly apps: AppCache;
  readonly clock: Clock;
  readonly delivery: Delivery;
  readonly accounts: AccountDirectory;
  readonly groups: GroupDirectory;
  /** The relationship chain's blacklist: C2C sends to a user who blocks the sender answer 20007. @default none */
  readonly blacklist?: BlacklistCheck;
  /** The senders' names. @default an uncached read of the store */
  readonly profiles?: ProfileDirectory;
  /** Most messages per store write. @default 500 */
  readonly maxBatch?: number;
}

/** The messages feature module, and its port for the other features. */
export function messagesModule(deps: MessagesDeps): FeatureModule & { readonly port: MessagePort } {
  const batcher = new AppendBatcher(deps.store.messages, deps.maxBatch);
  const messages = new MessageService({ ...deps, batcher });
  return {
    name: 'messages',
    port: messages,
    commands: (kit) => registerMessageCommands(kit, messages),
    routes: () => messageRoutes({ messages, accounts: deps.accounts, store: deps.store, clock: deps.clock }),
    // Every accepted send is written before the store closes.
    drain: () => batcher.drain(),
  };
}
