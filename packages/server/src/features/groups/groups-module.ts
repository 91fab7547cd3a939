/**
 * The groups feature: groups, members and join applications over the WebSocket gateway, and the
 * `group_open_http_svc/*` routes.
 */
import type { Store } from '@parley/store';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { GroupDirectory } from '../../directories/group-directory.js';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';
import type { FeatureModule } from '../feature-module.js';
import type { MessagePort } from '../messages/message-port.js';
import { GroupApplicationService } from './group-application-service.js';
import { registerGroupCommands } from './group-commands.js';
import { GroupMemberService } from './group-member-service.js';
import { GroupNotifier } from './group-notify.js';
import { groupRoutes } from './group-routes.js';
import { GroupService } from './group-service.js';

/** Dependencies of {@link groupsModule}. */
export interface GroupsDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly delivery: Delivery;
  readonly accounts: AccountDirectory;
  readonly directory: GroupDirectory;
  /** Tips are committed as messages. */
  readonly messages: MessagePort;
}

/** The groups feature module. */
export function groupsModule(deps: GroupsDeps): FeatureModule {
  const { store, clock, directory, accounts, messages } = deps;
  const groupDeps = { store, clock, directory, accounts, messages, notify: new GroupNotifier(messages, deps.delivery) };
  const groups = new GroupService(groupDeps);
  const members = new GroupMemberService(groupDeps);
  const applications = new GroupApplicationService(groupDeps);
  return {
    name: 'groups',
    commands: (kit) => registerGroupCommands(kit, { groups, members, applications }),
    routes: () => groupRoutes({ groups, members, directory, messages, clock }),
  };
}
