/** The admin feature: Parley's own operator routes (`parley_admin/*`), the console's API. */
import type { FeatureModule } from '../feature-module.js';
import { adminRoutes, type AdminRouteDeps } from './admin-routes.js';

/** The admin feature module. */
export function adminModule(deps: AdminRouteDeps): FeatureModule {
  return { name: 'admin', routes: () => adminRoutes(deps) };
}
