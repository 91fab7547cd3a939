/**
 * `parley_admin/*`: Parley's own operator endpoints, with the same envelope and admin auth as the
 * Tencent ones. Login settings take effect for the next login: at once on the node that took the
 * call, and on the other nodes as soon as they have re-read the app (`app-changed` on the broker).
 */
import { isRecord, LOGIN_POLICIES, ParleyError, PLATFORMS, type LoginPolicy, type Platform } from '@parley/protocol';
import { isValidMaxInstances } from '../../apps/app-defaults.js';
import type { AppCache } from '../../directories/app-cache.js';
import type { LoginSettings, Store } from '@parley/store';
import type { Clock } from '../../time/clock.js';
import { utcDay } from '../../time/clock.js';
import type { UsageTracker } from '../../usage/usage-tracker.js';
import { bodyObject } from '../../rest/rest-body.js';
import type { RestHandler } from '../../rest/rest-types.js';

const bad = (detail: string) => ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', detail);

/** Login settings in the REST shape. */
function settingsOut(s: LoginSettings): Record<string, unknown> {
  return { Policy: s.policy, MaxInstances: { ...s.maxInstances } };
}

/** Parses a partial `{Policy?, MaxInstances?}` update over `current`, refusing anything out of range. */
export function parseLoginSettingsPatch(body: unknown, current: LoginSettings): LoginSettings {
  const b = bodyObject(body);
  for (const key of Object.keys(b)) if (key !== 'Policy' && key !== 'MaxInstances') throw bad(`unknown field ${key}`);
  let policy = current.policy;
  if (b['Policy'] !== undefined) {
    if (typeof b['Policy'] !== 'string' || !(LOGIN_POLICIES as readonly string[]).includes(b['Policy'])) {
      throw bad(`Policy must be one of ${LOGIN_POLICIES.join(', ')}`);
    }
    policy = b['Policy'] as LoginPolicy;
  }
  const maxInstances: Record<Platform, number> = { ...current.maxInstances };
  if (b['MaxInstances'] !== undefined) {
    const m = b['MaxInstances'];
    if (!isRecord(m)) throw bad('MaxInstances must be an object');
    for (const [key, value] of Object.entries(m)) {
      const platform = PLATFORMS.find((p) => p === key);
      if (!platform) throw bad(`MaxInstances.${key}: unknown platform (use ${PLATFORMS.join(', ')})`);
      if (!isValidMaxInstances(platform, value)) throw bad(`MaxInstances.${key} must be an integer in 1..${platform === 'Web' ? 10 : 3}`);
      maxInstances[platform] = value;
    }
  }
  return { policy, maxInstances };
}

/** Routes of the admin service. */
export function adminRoutes(deps: { readonly apps: AppCache; readonly store: Store; readonly usage: UsageTracker; readonly clock: Clock }): Map<string, RestHandler> {
  const routes = new Map<string, RestHandler>();

  routes.set('parley_admin/get_login_settings', ({ app }) => settingsOut(app.app.loginSettings));

  routes.set('parley_admin/set_login_settings', async ({ app, body }) => {
    const next = parseLoginSettingsPatch(body, app.app.loginSettings);
    const updated = await deps.apps.update(app.app.sdkAppID, { loginSettings: next });
    return settingsOut(updated?.loginSettings ?? next);
  });

  routes.set('parley_admin/set_app_status', async ({ app, body }) => {
    const status = bodyObject(body)['Status'];
    if (status !== 'active' && status !== 'suspended') throw bad('Status must be "active" or "suspended"');
    await deps.apps.update(app.app.sdkAppID, { status });
    return { Status: status };
  });

  routes.set('parley_admin/get_app_info', ({ app }) => ({
    SDKAppID: app.app.sdkAppID,
    Name: app.app.name,
    Status: app.app.status,
    Admins: [...app.app.admins],
    LoginSettings: settingsOut(app.app.loginSettings),
    Connections: deps.usage.connections(app.app.sdkAppID),
  }));

  routes.set('parley_admin/get_daily_stats', async ({ app, body }) => {
    const b = body === undefined || body === null ? {} : bodyObject(body);
    const today = utcDay(deps.clock.now());
    const from = dayField(b['FromDay'], 'FromDay') ?? utcDay(deps.clock.now() - 29 * 86_400_000);
    const to = dayField(b['ToDay'], 'ToDay') ?? today;
    if (from > to) throw bad('FromDay must not be after ToDay');
    await deps.usage.flush();
    const days = await deps.store.usage.getDailyStats(app.app.sdkAppID, from, to);
    return { Days: days.map((d) => ({ Day: d.day, ActiveUsers: d.activeUsers, PeakConnections: d.peakConnections })) };
  });

  return routes;
}

function dayField(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw bad(`${field} must be a UTC date YYYY-MM-DD`);
  }
  return value;
}
