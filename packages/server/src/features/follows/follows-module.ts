/** The follows feature: `follow.*` commands and the REST `follow/*` routes. */
import type { FeatureModule } from '../feature-module.js';
import { registerFollowCommands } from './follow-commands.js';
import { followRoutes } from './follow-routes.js';
import { FollowService, type FollowServiceDeps } from './follow-service.js';

/** The follows feature module. */
export function followsModule(deps: FollowServiceDeps): FeatureModule {
  const follows = new FollowService(deps);
  return { name: 'follows', commands: (kit) => registerFollowCommands(kit, follows), routes: () => followRoutes(follows) };
}
