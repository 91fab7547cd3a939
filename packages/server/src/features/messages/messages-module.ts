/**
 * Builds the messaging part of a server (messages, conversations, groups) over a store and the
 * node's sink table and the cluster broker, and registers its commands on the gateway.
 */
import type { AppCache } from '../../directories/app-cache.js';
import type { WsGateway } from '../../gateway/ws-gateway.js';
import type { Broker } from '../../cluster/broker.js';
import type { SinkTable } from '../../sessions/sink-table.js';
import type { Store } from '@parley/store';
import type { Clock } from '../../time/clock.js';
import { AccountDirectory } from '../../directories/account-directory.js';
import { AppendBatcher } from './append-batcher.js';
import { ConversationService } from '../conversations/conversation-service.js';
import { Delivery } from '../../sessions/delivery.js';
import { GroupApplicationService } from '../groups/group-application-service.js';
import { registerGroupCommands } from '../groups/group-commands.js';
import { GroupDirectory } from '../../directories/group-directory.js';
import { GroupMemberService } from '../groups/group-member-service.js';
import { GroupNotifier } from '../groups/group-notify.js';
import { GroupService } from '../groups/group-service.js';
import { MessageService } from './message-service.js';
import { registerMessagingCommands } from './message-commands.js';

/** Dependencies of {@link createMessaging}. */
export interface MessagingDeps {
  readonly store: Store;
  readonly apps: AppCache;
  readonly clock: Clock;
  /** This node's sockets (pushes, callers of commands). */
  readonly sinks: SinkTable;
  /** Pushes and membership changes reach the other nodes through it. */
  readonly broker: Broker;
  /** Most messages per store write. @default 500 */
  readonly maxBatch?: number;
}

/** The messaging services of one server. */
export interface Messaging {
  readonly messages: MessageService;
  readonly conversations: ConversationService;
  readonly groups: GroupService;
  readonly members: GroupMemberService;
  readonly accounts: AccountDirectory;
  readonly groupDirectory: GroupDirectory;
  readonly delivery: Delivery;
  readonly batcher: AppendBatcher;
  /** Registers the client commands on a gateway. */
  register(gateway: WsGateway): void;
  /** Waits until every accepted send is written (call before closing the store). */
  drain(): Promise<void>;
  /** Stops listening to the other nodes. */
  stop(): void;
}

/** Creates the messaging services. */
export function createMessaging(deps: MessagingDeps): Messaging {
  const { store, apps, clock, sinks, broker } = deps;
  const batcher = new AppendBatcher(store.messages, deps.maxBatch);
  const delivery = new Delivery(sinks, broker);
  const accounts = new AccountDirectory(store.accounts);
  const groupDirectory = new GroupDirectory(store, broker);
  const messages = new MessageService({ store, apps, clock, batcher, delivery, accounts, groups: groupDirectory });
  const conversations = new ConversationService({ store, clock, delivery, messages });
  const groupDeps = { store, clock, directory: groupDirectory, accounts, messages, notify: new GroupNotifier(messages, delivery) };
  const groups = new GroupService(groupDeps);
  const members = new GroupMemberService(groupDeps);
  const applications = new GroupApplicationService(groupDeps);
  return {
    messages,
    conversations,
    groups,
    members,
    accounts,
    groupDirectory,
    delivery,
    batcher,
    register(gateway) {
      registerMessagingCommands(gateway, { sinks, messages, conversations });
      registerGroupCommands(gateway, { sinks, groups, members, applications });
    },
    drain: () => batcher.drain(),
    stop() {
      delivery.stop();
      groupDirectory.stop();
    },
  };
}
