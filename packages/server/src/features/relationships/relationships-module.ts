/**
 * The relationship chain feature: friends, friend applications, friend groups and the blacklist
 * (`sns.*` commands and the REST `sns/*` routes). Its blacklist is the {@link BlacklistCheck} the
 * messages feature is given.
 */
import type { Store } from '@parley/store';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { AppCache } from '../../directories/app-cache.js';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';
import type { FeatureModule } from '../feature-module.js';
import type { ProfilePort } from '../profiles/profile-port.js';
import { BlacklistService } from './blacklist-service.js';
import { FriendGroupService } from './friend-group-service.js';
import { FriendService } from './friend-service.js';
import { registerRelationshipCommands } from './relationship-commands.js';
import { RelationshipNotifier } from './relationship-notify.js';
import type { BlacklistCheck } from './relationship-port.js';
import { relationshipRoutes } from './relationship-routes.js';

/** Dependencies of {@link relationshipsModule}. */
export interface RelationshipsDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly delivery: Delivery;
  readonly apps: AppCache;
  readonly accounts: AccountDirectory;
  readonly profiles: ProfilePort;
}

/** The relationships feature module, and its blacklist check for the messages feature. */
export function relationshipsModule(deps: RelationshipsDeps): FeatureModule & { readonly blacklist: BlacklistCheck } {
  const notifier = new RelationshipNotifier(deps);
  const d = { ...deps, notifier };
  const friends = new FriendService(d);
  const services = { friends, groups: new FriendGroupService(d), blacklist: new BlacklistService(d, (app, ids) => friends.existing(app, ids)) };
  return {
    name: 'relationships',
    blacklist: services.blacklist,
    commands: (kit) => registerRelationshipCommands(kit, services),
    routes: () => relationshipRoutes(services),
  };
}
