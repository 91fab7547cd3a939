/** `openim/query_online_status` (and the legacy `openim/querystate`). */
import { isValidUserID } from '@parley/protocol';
import type { SessionManager } from '../../sessions/session-manager.js';
import type { Store } from '@parley/store';
import { arrayField, bodyObject } from '../../rest/rest-body.js';
import type { RestHandler } from '../../rest/rest-types.js';

/** Max accounts per query (Tencent's limit). */
const MAX_QUERY = 500;

/** Routes of the online-status service. */
export function onlineRoutes(deps: { readonly store: Store; readonly sessions: SessionManager }): Map<string, RestHandler> {
  const handler: RestHandler = async ({ app, body }) => {
    const b = bodyObject(body);
    const raw = arrayField(b['To_Account'], 'To_Account', MAX_QUERY);
    const needDetail = b['IsNeedDetail'] === 1;
    const valid = raw.filter(isValidUserID);
    const existing = new Set((await deps.store.accounts.get(app.app.sdkAppID, valid)).map((a) => a.userID));
    const found = valid.filter((id) => existing.has(id));
    const states = await deps.sessions.onlineState(app.app.sdkAppID, found);
    return {
      QueryResult: states.map((s) => ({
        To_Account: s.userID,
        State: s.state,
        ...(needDetail ? { Detail: s.instances.map((i) => ({ Platform: i.platform, Status: s.state })) } : {}),
      })),
      ErrorList: raw.filter((id) => typeof id !== 'string' || !existing.has(id)).map((id) => ({ To_Account: id, ErrorCode: 70107 })),
    };
  };
  return new Map([
    ['openim/query_online_status', handler],
    ['openim/querystate', handler],
  ]);
}
