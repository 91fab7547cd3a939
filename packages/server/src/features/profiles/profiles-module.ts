/** The profiles feature: `profile.*` commands and the REST `profile/portrait_get` and `portrait_set`. */
import type { Store } from '@parley/store';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';
import type { FeatureModule } from '../feature-module.js';
import type { ProfilePort } from './profile-port.js';
import { registerProfileCommands } from './profile-commands.js';
import { profileRoutes } from './profile-routes.js';
import { ProfileService } from './profile-service.js';

/** The profiles feature module, and its port for the other features. */
export function profilesModule(deps: { readonly store: Store; readonly clock: Clock; readonly delivery: Delivery }): FeatureModule & { readonly port: ProfilePort } {
  const profiles = new ProfileService(deps);
  return { name: 'profiles', port: profiles, commands: (kit) => registerProfileCommands(kit, profiles), routes: () => profileRoutes(profiles) };
}
