/** The accounts feature: the account service, `im_open_login_svc/*` and the online-status routes. */
import type { FeatureModule } from '../feature-module.js';
import type { SessionManager } from '../../sessions/session-manager.js';
import { accountRoutes } from './account-routes.js';
import type { AccountService } from './account-service.js';
import { onlineRoutes } from './online-routes.js';

/**
 * The accounts feature module. The service is built before the sessions (a login signs up through
 * it), so it comes in ready-made.
 */
export function accountsModule(deps: { readonly accounts: AccountService; readonly sessions: SessionManager }): FeatureModule {
  return {
    name: 'accounts',
    routes: () => [...accountRoutes(deps), ...onlineRoutes(deps)],
    stop: () => deps.accounts.stop(),
  };
}
