/** `openim/query_online_status` (and the legacy `openim/querystate`): who is online, per account. */
import { ERRORS, isValidUserID } from '@parley/protocol';
import { arrayField, bodyObject } from '../../rest/rest-body.js';
import { defineRoute, type AnyRestRoute, type RestCaller } from '../../rest/rest-route.js';
import type { SessionManager } from '../../sessions/session-manager.js';
import type { AccountService } from './account-service.js';

/** Max accounts per query (Tencent's limit). */
const MAX_QUERY = 500;

/** A parsed online-status query. */
interface OnlineQuery {
  /** `To_Account` as sent (invalid entries are answered in `ErrorList`). */
  readonly raw: readonly unknown[];
  readonly needDetail: boolean;
}

/** The online-status answer. */
interface OnlineAnswer {
  readonly QueryResult: { To_Account: string; State: string; Detail?: { Platform: string; Status: string }[] }[];
  readonly ErrorList: { To_Account: unknown; ErrorCode: number }[];
}

/** Routes of the online-status service. */
export function onlineRoutes(deps: { readonly accounts: AccountService; readonly sessions: SessionManager }): AnyRestRoute[] {
  const parse = (body: unknown): OnlineQuery => {
    const b = bodyObject(body);
    return { raw: arrayField(b['To_Account'], 'To_Account', MAX_QUERY), needDetail: b['IsNeedDetail'] === 1 };
  };
  const handle = async ({ app }: RestCaller, { raw, needDetail }: OnlineQuery): Promise<OnlineAnswer> => {
    const valid = raw.filter(isValidUserID);
    const existing = await deps.accounts.stored(app.app.sdkAppID, valid);
    const found = valid.filter((id) => existing.has(id));
    const states = await deps.sessions.onlineState(app.app.sdkAppID, found);
    return {
      QueryResult: states.map((s) => ({
        To_Account: s.userID,
        State: s.state,
        ...(needDetail ? { Detail: s.instances.map((i) => ({ Platform: i.platform, Status: s.state })) } : {}),
      })),
      ErrorList: raw.filter((id) => typeof id !== 'string' || !existing.has(id)).map((id) => ({ To_Account: id, ErrorCode: ERRORS.ERR_SVR_ACCOUNT_NOT_FOUND.code })),
    };
  };
  return [defineRoute({ path: 'openim/query_online_status', parse, handle }), defineRoute({ path: 'openim/querystate', parse, handle })];
}
