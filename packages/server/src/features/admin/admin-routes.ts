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
import { defineRoute, type AnyRestRoute } from '../../rest/rest-route.js';

const bad = (detail: string) => ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', detail);

/** Login settings in the REST shape. */
interface LoginSettingsOut {
  readonly Policy: LoginPolicy;
  readonly MaxInstances: Record<Platform, number>;
}

function settingsOut(s: LoginSettings): LoginSettingsOut {
  return { Policy: s.policy, MaxInstances: { ...s.maxInstances } };
}

/** A partial `{Policy?, MaxInstances?}` update, checked field by field. */
export interface LoginSettingsPatch {
  readonly policy?: LoginPolicy;
  readonly maxInstances: Partial<Record<Platform, number>>;
}

/** Parses a partial `{Policy?, MaxInstances?}` update, refusing anything out of range. */
export function parseLoginSettingsPatch(body: unknown): LoginSettingsPatch {
  const b = bodyObject(body);
  for (const key of Object.keys(b)) if (key !== 'Policy' && key !== 'MaxInstances') throw bad(`unknown field ${key}`);
  let policy: LoginPolicy | undefined;
  if (b['Policy'] !== undefined) {
    if (typeof b['Policy'] !== 'string' || !(LOGIN_POLICIES as readonly string[]).includes(b['Policy'])) {
      throw bad(`Policy must be one of ${LOGIN_POLICIES.join(', ')}`);
    }
    policy = b['Policy'] as LoginPolicy;
  }
  const maxInstances: Partial<Record<Platform, number>> = {};
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
  return { ...(policy !== undefined ? { policy } : {}), maxInstances };
}

/** What the admin routes need. */
export interface AdminRouteDeps {
  readonly apps: AppCache;
  readonly store: Store;
  readonly usage: UsageTracker;
  readonly clock: Clock;
}

/** Routes of the admin service. */
export function adminRoutes(deps: AdminRouteDeps): AnyRestRoute[] {
  return [
    defineRoute({ path: 'parley_admin/get_login_settings', parse: () => undefined, handle: ({ app }) => settingsOut(app.app.loginSettings) }),

    defineRoute({
      path: 'parley_admin/set_login_settings',
      parse: parseLoginSettingsPatch,
      handle: async ({ app }, patch) => {
        const current = app.app.loginSettings;
        const next: LoginSettings = { policy: patch.policy ?? current.policy, maxInstances: { ...current.maxInstances, ...patch.maxInstances } };
        const updated = await deps.apps.update(app.app.sdkAppID, { loginSettings: next });
        return settingsOut(updated?.loginSettings ?? next);
      },
    }),

    defineRoute({
      path: 'parley_admin/set_app_status',
      parse: (body) => {
        const status = bodyObject(body)['Status'];
        if (status !== 'active' && status !== 'suspended') throw bad('Status must be "active" or "suspended"');
        return status;
      },
      handle: async ({ app }, status) => {
        await deps.apps.update(app.app.sdkAppID, { status });
        return { Status: status };
      },
    }),

    defineRoute({
      path: 'parley_admin/get_app_info',
      parse: () => undefined,
      handle: ({ app }) => ({
        SDKAppID: app.app.sdkAppID,
        Name: app.app.name,
        Status: app.app.status,
        Admins: [...app.app.admins],
        LoginSettings: settingsOut(app.app.loginSettings),
        Connections: deps.usage.connections(app.app.sdkAppID),
      }),
    }),

    defineRoute({
      path: 'parley_admin/get_daily_stats',
      parse: (body) => {
        const b = body === undefined || body === null ? {} : bodyObject(body);
        return { from: dayField(b['FromDay'], 'FromDay'), to: dayField(b['ToDay'], 'ToDay') };
      },
      handle: async ({ app }, q) => {
        const today = utcDay(deps.clock.now());
        const from = q.from ?? utcDay(deps.clock.now() - 29 * 86_400_000);
        const to = q.to ?? today;
        if (from > to) throw bad('FromDay must not be after ToDay');
        await deps.usage.flush();
        const days = await deps.store.usage.getDailyStats(app.app.sdkAppID, from, to);
        return { Days: days.map((d) => ({ Day: d.day, ActiveUsers: d.activeUsers, PeakConnections: d.peakConnections })) };
      },
    }),
  ];
}

function dayField(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw bad(`${field} must be a UTC date YYYY-MM-DD`);
  }
  return value;
}
