/** The user-status feature: `status.*` commands, and status changes announced from the session layer. */
import type { FeatureModule } from '../feature-module.js';
import { registerStatusCommands } from './status-commands.js';
import { StatusService, type StatusServiceDeps } from './status-service.js';

/** The user-status feature module. */
export function statusModule(deps: StatusServiceDeps): FeatureModule {
  const statuses = new StatusService(deps);
  return { name: 'status', commands: (kit) => registerStatusCommands(kit, statuses), stop: () => statuses.stop() };
}
