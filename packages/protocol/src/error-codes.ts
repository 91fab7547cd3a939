/**
 * The error-code registry: every code Parley uses, with Tencent Cloud Chat's number and name where
 * Tencent has one. Codes are never reused for another meaning. `docs/ERRORS.md` lists every entry;
 * `error-codes.test.ts` fails when code and doc disagree in either direction.
 *
 * Parley's own codes (no Tencent equivalent) live in 8500–8599 and are named `PARLEY_*`.
 */

/** One registry entry. */
export interface ErrorDef {
  /** The numeric code sent on the wire and in REST `ErrorCode`. */
  readonly code: number;
  /** One-line description of what went wrong. */
  readonly message: string;
  /** What the caller should do about it, when that is not obvious. */
  readonly remediation?: string;
}

/**
 * The registry, keyed by name. Names are Tencent's (web SDK names for 2xxx/3xxx, `TIMCloudDef.h`
 * names for native and server codes) or `PARLEY_*`.
 */
export const ERRORS = {
  // ---- Web SDK (TencentCloudChat) -------------------------------------------------------------
  NO_SDKAPPID: { code: 2000, message: 'SDKAppID is missing', remediation: 'Pass SDKAppID to create() / initSDK().' },
  NO_IDENTIFIER: { code: 2002, message: 'userID is missing', remediation: 'Pass userID to login().' },
  NO_USERSIG: { code: 2003, message: 'userSig is missing', remediation: 'Pass the UserSig your business server generated to login().' },
  USER_NOT_LOGGED_IN: { code: 2024, message: 'The SDK is not logged in or not ready yet', remediation: 'Call login() and wait for SDK_READY before calling this API.' },
  REPEAT_LOGIN: { code: 2025, message: 'A login is already in progress', remediation: 'Wait for the pending login() to settle.' },
  NETWORK_ERROR: { code: 2800, message: 'Network error: the connection to the server failed or closed' },
  NETWORK_TIMEOUT: { code: 2801, message: 'The request timed out', remediation: 'Check the server address and the network; the SDK retries by itself.' },
  UNCAUGHT_ERROR: { code: 2903, message: 'Unexpected internal error in the SDK' },
  INVALID_OPERATION: { code: 2905, message: 'The operation is not valid in the current state' },
  SDK_IS_NOT_READY: { code: 2999, message: 'The SDK is not ready' },
  LOGIN_FAILED: { code: 3001, message: 'The last login failed' },
  KICKED_OUT_MULT_DEVICE: { code: 3002, message: 'Kicked out: the account logged in on another platform' },
  KICKED_OUT_MULT_ACCOUNT: { code: 3003, message: 'Kicked out: the account logged in on another instance of the same platform' },
  KICKED_OUT_USERSIG_EXPIRED: { code: 3004, message: 'Kicked out: the UserSig expired', remediation: 'Get a new UserSig from your business server and log in again.' },
  LOGGED_OUT: { code: 3005, message: 'Logged out' },
  KICKED_OUT_REST_API: { code: 3006, message: 'Kicked out by the server REST API' },

  // ---- Native SDK / V2TIM ---------------------------------------------------------------------
  ERR_SDK_NOT_INITIALIZED: { code: 6013, message: 'The SDK is not initialized', remediation: 'Call initSDK() first.' },
  ERR_SDK_NOT_LOGGED_IN: { code: 6014, message: 'Not logged in, or kicked out', remediation: 'Log in first.' },
  ERR_INVALID_PARAMETERS: { code: 6017, message: 'Invalid parameter' },
  ERR_USER_SIG_EXPIRED: { code: 6206, message: 'The UserSig expired', remediation: 'Get a new UserSig from your business server and log in again.' },
  ERR_LOGIN_KICKED_OFF_BY_OTHER: { code: 6208, message: 'Another terminal logged in with the same account and kicked this one' },
  ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS: { code: 7501, message: 'A login is already in progress', remediation: 'Wait for the pending login() to settle.' },
  ERR_SDK_COMM_INVALID_IDENTIFIER: { code: 7003, message: 'Invalid UserID: use 1..32 bytes of letters, digits, "_" and "-"' },

  // ---- Server common (60000 range) ------------------------------------------------------------
  ERR_SVR_COMM_INVALID_HTTP_URL: { code: 60002, message: 'Malformed HTTP URL', remediation: 'Use POST /v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json.' },
  ERR_SVR_COMM_REQ_JSON_PARSE_FAILED: { code: 60003, message: 'The request body is not valid JSON' },
  ERR_SVR_COMM_INVALID_ACCOUNT: { code: 60004, message: 'The identifier or UserSig in the request is invalid' },
  ERR_SVR_COMM_INVALID_SDKAPPID: { code: 60006, message: 'Invalid SDKAppID' },
  ERR_SVR_COMM_REST_FREQ_LIMIT: { code: 60007, message: 'REST API call rate exceeded' },
  ERR_SVR_COMM_INVALID_RES: { code: 60009, message: 'Unknown REST resource (service or command)' },
  ERR_SVR_COMM_ID_NOT_ADMIN: { code: 60010, message: 'The REST identifier must be an app admin' },
  ERR_SVR_COMM_SDKAPPID_MISS: { code: 60012, message: 'The request lacks sdkappid' },
  ERR_SVR_COMM_INVALID_ID_FORMAT: { code: 60015, message: 'The identifier must be a string' },
  ERR_SVR_COMM_REQ_FREQ_LIMIT: { code: 60018, message: 'Requests are too frequent', remediation: 'Slow down and retry.' },
  ERR_SVR_COMM_INVALID_SERVICE: { code: 60020, message: 'The application is suspended or its plan is not in effect', remediation: 'An operator must set the app status to active.' },
  OPEN_SERVICE_OVERLOAD_ERROR: { code: 60022, message: 'Server overloaded', remediation: 'Retry later.' },

  // ---- Server account (70000 range) -----------------------------------------------------------
  ERR_SVR_ACCOUNT_USERSIG_EXPIRED: { code: 70001, message: 'The UserSig expired', remediation: 'Generate a new UserSig (validity of at least 24 h recommended).' },
  ERR_SVR_ACCOUNT_USERSIG_EMPTY: { code: 70002, message: 'The UserSig is empty' },
  ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED: { code: 70003, message: 'UserSig verification failed: it is malformed, truncated or tampered with', remediation: 'Pass the UserSig exactly as generated.' },
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY: { code: 70009, message: 'UserSig verification failed: it was signed with another key', remediation: 'Check that your business server uses this app\'s secret key.' },
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID: { code: 70013, message: 'The UserID in the request does not match the UserSig' },
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID: { code: 70014, message: 'The SDKAppID in the request does not match the UserSig' },
  ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND: { code: 70016, message: 'No key is configured for the application' },
  ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND: { code: 70020, message: 'SDKAppID not found', remediation: 'Create the app with `parley app create` or check the SDKAppID.' },
  ERR_SVR_ACCOUNT_FREQ_LIMIT: { code: 70050, message: 'Too many failed logins; wait one minute', remediation: 'Fix the cause of the failures, then retry after a minute.' },
  ERR_SVR_ACCOUNT_INVALID_USERSIG: { code: 70052, message: 'The UserSig was invalidated (for example by a REST kick)', remediation: 'Generate a new UserSig.' },
  ERR_SVR_ACCOUNT_NOT_FOUND: { code: 70107, message: 'The account does not exist' },
  ERR_SVR_ACCOUNT_INVALID_COUNT: { code: 70206, message: 'Invalid batch size' },
  ERR_SVR_ACCOUNT_COUNT_LIMIT: { code: 70398, message: 'The application reached its maximum number of accounts' },
  ERR_SVR_ACCOUNT_INVALID_PARAMETERS: { code: 70402, message: 'Invalid or missing parameters' },
  ERR_SVR_ACCOUNT_ADMIN_REQUIRED: { code: 70403, message: 'This operation needs an app admin' },
  ERR_SVR_ACCOUNT_INTERNAL_ERROR: { code: 70500, message: 'Internal server error', remediation: 'Retry; if it persists, check the server log.' },

  // ---- Parley's own (8500–8599) ---------------------------------------------------------------
  PARLEY_UNKNOWN_COMMAND: { code: 8501, message: 'Unknown command' },
  PARLEY_BAD_REQUEST: { code: 8502, message: 'The request body is invalid' },
  PARLEY_ALREADY_LOGGED_IN: { code: 8503, message: 'This connection is already logged in', remediation: 'Log out first, or open another connection.' },
  PARLEY_INSTANCE_KICKED: { code: 8504, message: 'The instance being resumed was kicked out while disconnected' },
  PARLEY_SERVER_SHUTTING_DOWN: { code: 8505, message: 'The server is shutting down', remediation: 'Reconnect; another node or the restarted server will answer.' },
} as const satisfies Record<string, ErrorDef>;

/** Name of a registry entry. */
export type ErrorName = keyof typeof ERRORS;

/** Numeric codes by name, e.g. `ErrorCode.USER_NOT_LOGGED_IN === 2024`. */
export const ErrorCode = Object.fromEntries(Object.entries(ERRORS).map(([name, def]) => [name, def.code])) as {
  readonly [K in ErrorName]: (typeof ERRORS)[K]['code'];
};

const BY_CODE: ReadonlyMap<number, ErrorDef & { readonly name: ErrorName }> = new Map(
  (Object.entries(ERRORS) as [ErrorName, ErrorDef][]).map(([name, def]) => [def.code, { ...def, name }]),
);

/** Looks up a code. Returns `undefined` for a code not in the registry. */
export function describeError(code: number): (ErrorDef & { readonly name: ErrorName }) | undefined {
  return BY_CODE.get(code);
}

/** All registry entries, ordered by code. */
export function listErrors(): readonly (ErrorDef & { readonly name: ErrorName })[] {
  return [...BY_CODE.values()].sort((a, b) => a.code - b.code);
}
