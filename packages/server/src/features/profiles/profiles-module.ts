/** The profiles feature: `profile.*` commands, the REST `profile/portrait_get` and `portrait_set`, and the app's custom field declarations. */
import type { Store } from '@parley/store';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';
import type { FeatureModule } from '../feature-module.js';
import { registerProfileCommands } from './profile-commands.js';
import { profileRoutes } from './profile-routes.js';
import { ProfileService } from './profile-service.js';
import type { ProfileAudience, ProfilePort } from './profile-port.js';
import type { ProfileDirectory } from '../../directories/profile-directory.js';
import { profileFieldRoutes } from './profile-field-routes.js';

/** Dependencies of {@link profilesModule}. */
export interface ProfilesDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly delivery: Delivery;
  /** Who else hears of a profile change (the friends feature plugs in here). @default nobody */
  readonly audience?: ProfileAudience;
  /** The cached names of message senders, told of nick and avatar changes. */
  readonly names?: ProfileDirectory;
}

/** The profiles feature module (`profile.*`, REST `profile/portrait_*` and `parley_admin/*_profile_custom_fields`), and its port for the other features. */
export function profilesModule(deps: ProfilesDeps): FeatureModule & { readonly port: ProfilePort } {
  const profiles = new ProfileService(deps);
  return { name: 'profiles', port: profiles, commands: (kit) => registerProfileCommands(kit, profiles), routes: () => [...profileRoutes(profiles), ...profileFieldRoutes(profiles)] };
}
