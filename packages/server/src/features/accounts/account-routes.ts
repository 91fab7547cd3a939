/**
 * `im_open_login_svc/*`: account import, check, delete and kick, with Tencent's request and
 * response field names.
 */
import { isRecord, isValidUserID, ParleyError } from '@parley/protocol';
import type { AppCache, AppState } from '../../directories/app-cache.js';
import type { SessionManager } from '../../sessions/session-manager.js';
import type { AccountInput, Store } from '@parley/store';
import type { Clock } from '../../time/clock.js';
import { arrayField, bodyObject, optionalText, userIdField } from '../../rest/rest-body.js';
import type { RestHandler } from '../../rest/rest-types.js';

/** Longest Nick / FaceUrl accepted, in bytes (Tencent's profile string limit). */
const MAX_PROFILE_TEXT = 500;

/** Max items per batch call. */
const MAX_BATCH = 100;

interface Deps {
  readonly store: Store;
  /** Known accounts live here, on every node. */
  readonly apps: AppCache;
  readonly sessions: SessionManager;
  readonly clock: Clock;
}

function accountInput(raw: Record<string, unknown>, idField: string): AccountInput {
  const userID = userIdField(raw[idField], idField);
  const nick = optionalText(raw['Nick'], 'Nick', MAX_PROFILE_TEXT);
  const faceUrl = optionalText(raw['FaceUrl'], 'FaceUrl', MAX_PROFILE_TEXT);
  return { userID, ...(nick !== undefined ? { nick } : {}), ...(faceUrl !== undefined ? { faceUrl } : {}) };
}

async function enforceAccountLimit(store: Store, app: AppState, newIDs: readonly string[]): Promise<void> {
  const max = app.app.limits.maxAccounts;
  if (max === undefined) return;
  const existing = new Set((await store.accounts.get(app.app.sdkAppID, newIDs)).map((a) => a.userID));
  const added = new Set(newIDs.filter((id) => !existing.has(id))).size;
  const count = await store.accounts.count(app.app.sdkAppID);
  if (count + added > max) throw ParleyError.of('ERR_SVR_ACCOUNT_COUNT_LIMIT', `limit ${max}`);
  app.accountCount = -1;
}

/** Routes of the account service. */
export function accountRoutes(deps: Deps): Map<string, RestHandler> {
  const routes = new Map<string, RestHandler>();

  routes.set('im_open_login_svc/account_import', async ({ app, body }) => {
    const b = bodyObject(body);
    const input = accountInput(b, b['UserID'] === undefined && b['Identifier'] !== undefined ? 'Identifier' : 'UserID');
    await app.accountLimit.run(async () => {
      await enforceAccountLimit(deps.store, app, [input.userID]);
      await deps.store.accounts.import(app.app.sdkAppID, [input], deps.clock.now());
    });
    deps.apps.accountsCreated(app, [input.userID]);
    return {};
  });

  routes.set('im_open_login_svc/multiaccount_import', async ({ app, body }) => {
    const b = bodyObject(body);
    const inputs: AccountInput[] = [];
    const failed: string[] = [];
    if (b['AccountList'] !== undefined) {
      for (const item of arrayField(b['AccountList'], 'AccountList', MAX_BATCH)) {
        if (isRecord(item) && isValidUserID(item['UserID'])) inputs.push(accountInput(item, 'UserID'));
        else failed.push(isRecord(item) && typeof item['UserID'] === 'string' ? item['UserID'] : String(item));
      }
    } else {
      for (const id of arrayField(b['Accounts'], 'Accounts', MAX_BATCH)) {
        if (isValidUserID(id)) inputs.push({ userID: id });
        else failed.push(typeof id === 'string' ? id : JSON.stringify(id));
      }
    }
    await app.accountLimit.run(async () => {
      await enforceAccountLimit(deps.store, app, inputs.map((i) => i.userID));
      await deps.store.accounts.import(app.app.sdkAppID, inputs, deps.clock.now());
    });
    deps.apps.accountsCreated(app, inputs.map((i) => i.userID));
    return { FailAccounts: failed };
  });

  routes.set('im_open_login_svc/account_delete', async ({ app, body }) => {
    const items = arrayField(bodyObject(body)['DeleteItem'], 'DeleteItem', MAX_BATCH);
    const ids = items.map((item, i) => userIdField(isRecord(item) ? item['UserID'] : undefined, `DeleteItem[${i}].UserID`));
    // In the account queue: a sign-up in progress must not count from a number taken before the delete.
    const deleted = await app.accountLimit.run(async () => {
      const gone = new Set(await deps.store.accounts.delete(app.app.sdkAppID, ids));
      deps.apps.accountsDeleted(app, [...gone]);
      return gone;
    });
    for (const id of deleted) {
      // A deleted account must not stay online: its instances are kicked and its old sigs revoked.
      await deps.sessions.kickUser(app.app.sdkAppID, id);
    }
    return {
      ResultItem: ids.map((UserID) =>
        deleted.has(UserID)
          ? { ResultCode: 0, ResultInfo: '', UserID }
          : { ResultCode: 70107, ResultInfo: 'Err_TLS_PT_Open_Login_Account_Not_Exist', UserID },
      ),
    };
  });

  routes.set('im_open_login_svc/account_check', async ({ app, body }) => {
    const items = arrayField(bodyObject(body)['CheckItem'], 'CheckItem', MAX_BATCH);
    const ids = items.map((item, i) => userIdField(isRecord(item) ? item['UserID'] : undefined, `CheckItem[${i}].UserID`));
    const existing = new Set((await deps.store.accounts.get(app.app.sdkAppID, ids)).map((a) => a.userID));
    return {
      ResultItem: ids.map((UserID) => ({ UserID, ResultCode: 0, ResultInfo: '', AccountStatus: existing.has(UserID) ? 'Imported' : 'NotImported' })),
    };
  });

  routes.set('im_open_login_svc/kick', async ({ app, body }) => {
    const userID = userIdField(bodyObject(body)['UserID'], 'UserID');
    await deps.sessions.kickUser(app.app.sdkAppID, userID);
    return {};
  });

  return routes;
}
