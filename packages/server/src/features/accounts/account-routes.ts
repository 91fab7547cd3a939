/**
 * `im_open_login_svc/*`: account import, check, delete and kick, with Tencent's request and
 * response field names. The rules live in {@link AccountService}; these routes only read and
 * answer Tencent's shapes.
 */
import { ERRORS, isRecord, isValidUserID } from '@parley/protocol';
import type { AccountInput } from '@parley/store';
import { arrayField, bodyObject, optionalText, userIdField } from '../../rest/rest-body.js';
import { defineRoute, type AnyRestRoute } from '../../rest/rest-route.js';
import type { SessionManager } from '../../sessions/session-manager.js';
import type { AccountService } from './account-service.js';

/** Longest Nick / FaceUrl accepted, in bytes (Tencent's profile string limit). */
const MAX_PROFILE_TEXT = 500;

/** Max items per batch call. */
const MAX_BATCH = 100;

/** What the account routes need. */
export interface AccountRouteDeps {
  readonly accounts: AccountService;
  /** Deleted and kicked accounts lose their instances here. */
  readonly sessions: SessionManager;
}

/** One `ResultItem` of `account_delete`. */
interface DeleteResult {
  readonly ResultCode: number;
  readonly ResultInfo: string;
  readonly UserID: string;
}

/** One `ResultItem` of `account_check`. */
interface CheckResult {
  readonly UserID: string;
  readonly ResultCode: 0;
  readonly ResultInfo: '';
  readonly AccountStatus: 'Imported' | 'NotImported';
}

function accountInput(raw: Record<string, unknown>, idField: string): AccountInput {
  const userID = userIdField(raw[idField], idField);
  const nick = optionalText(raw['Nick'], 'Nick', MAX_PROFILE_TEXT);
  const faceUrl = optionalText(raw['FaceUrl'], 'FaceUrl', MAX_PROFILE_TEXT);
  return { userID, ...(nick !== undefined ? { nick } : {}), ...(faceUrl !== undefined ? { faceUrl } : {}) };
}

/** `[{UserID}]`-style items → UserIDs, naming the item of a bad one. */
function itemUserIDs(body: unknown, field: string): string[] {
  const items = arrayField(bodyObject(body)[field], field, MAX_BATCH);
  return items.map((item, i) => userIdField(isRecord(item) ? item['UserID'] : undefined, `${field}[${i}].UserID`));
}

/** Routes of the account service. */
export function accountRoutes(deps: AccountRouteDeps): AnyRestRoute[] {
  const { accounts, sessions } = deps;
  return [
    defineRoute({
      path: 'im_open_login_svc/account_import',
      parse: (body) => {
        const b = bodyObject(body);
        return accountInput(b, b['UserID'] === undefined && b['Identifier'] !== undefined ? 'Identifier' : 'UserID');
      },
      handle: async ({ app }, input) => {
        await accounts.import(app.app, [input]);
        return {};
      },
    }),

    defineRoute({
      path: 'im_open_login_svc/multiaccount_import',
      parse: (body) => {
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
        return { inputs, failed };
      },
      handle: async ({ app }, { inputs, failed }): Promise<{ FailAccounts: string[] }> => {
        await accounts.import(app.app, inputs);
        return { FailAccounts: failed };
      },
    }),

    defineRoute({
      path: 'im_open_login_svc/account_delete',
      parse: (body) => itemUserIDs(body, 'DeleteItem'),
      handle: async ({ app }, ids): Promise<{ ResultItem: DeleteResult[] }> => {
        const deleted = await accounts.delete(app.app, ids);
        for (const id of deleted) {
          // A deleted account must not stay online: its instances are kicked and its old sigs revoked.
          await sessions.kickUser(app.app.sdkAppID, id);
        }
        const notFound = ERRORS.ERR_SVR_ACCOUNT_NOT_FOUND.code;
        return {
          ResultItem: ids.map((UserID) =>
            deleted.has(UserID) ? { ResultCode: 0, ResultInfo: '', UserID } : { ResultCode: notFound, ResultInfo: 'Err_TLS_PT_Open_Login_Account_Not_Exist', UserID },
          ),
        };
      },
    }),

    defineRoute({
      path: 'im_open_login_svc/account_check',
      parse: (body) => itemUserIDs(body, 'CheckItem'),
      handle: async ({ app }, ids): Promise<{ ResultItem: CheckResult[] }> => {
        const existing = await accounts.stored(app.app.sdkAppID, ids);
        return {
          ResultItem: ids.map((UserID) => ({ UserID, ResultCode: 0, ResultInfo: '', AccountStatus: existing.has(UserID) ? 'Imported' : 'NotImported' })),
        };
      },
    }),

    defineRoute({
      path: 'im_open_login_svc/kick',
      parse: (body) => userIdField(bodyObject(body)['UserID'], 'UserID'),
      handle: async ({ app }, userID) => {
        await sessions.kickUser(app.app.sdkAppID, userID);
        return {};
      },
    }),
  ];
}
