/**
 * Error codes of Tencent's native SDKs (V2TIM, `TIMCloudDef.h`) that concern login and sessions,
 * with Tencent's names (misspellings included). Messages are Parley's own paraphrases.
 * Part of the registry assembled in `error-codes.ts`.
 */
import { SDK, SDK_SERVER, type ErrorDef } from './error-def.js';

/** Native SDK codes 6013–9510 and 70101. */
export const NATIVE_SDK_ERRORS = {
  ERR_SDK_NOT_INITIALIZED: { code: 6013, message: 'The SDK is not initialized', remediation: 'Call initSDK() first.', where: SDK },
  ERR_SDK_NOT_LOGGED_IN: { code: 6014, message: 'Not logged in, or kicked out', remediation: 'Log in first.', where: SDK_SERVER },
  ERR_IN_PROGESS: { code: 6015, message: 'The same operation is already in progress', remediation: 'Wait for its callback before calling it again.', where: SDK },
  ERR_INVALID_PARAMETERS: { code: 6017, message: 'Invalid parameter', where: SDK },
  ERR_NO_PREVIOUS_LOGIN: { code: 6026, message: 'Auto-login needs an earlier login of this account', remediation: 'Call login() with a UserSig.', where: SDK },
  ERR_USER_SIG_EXPIRED: { code: 6206, message: 'The UserSig expired', remediation: 'Get a new UserSig from your business server and log in again.', where: SDK },
  ERR_LOGIN_AUTH_FAILED: { code: 6207, message: 'Account authentication failed', remediation: 'Check the userID and UserSig, then log in again.', where: SDK },
  ERR_LOGIN_KICKED_OFF_BY_OTHER: { code: 6208, message: 'Another terminal logged in with the same account and kicked this one', where: SDK },
  ERR_REQ_KICK_OFF: { code: 6213, message: 'Already kicked out by another terminal (older name of 6255)', where: SDK },
  ERR_AUTOLOGIN_NEED_USERSIG: { code: 6226, message: 'Auto-login failed because the saved ticket expired', remediation: 'Log in with a fresh UserSig.', where: SDK },
  ERR_REQUEST_KICK_OFF: { code: 6255, message: 'Already kicked out by another terminal', where: SDK },
  ERR_SDK_COMM_INVALID_IDENTIFIER: { code: 7003, message: 'Invalid UserID: use 1..32 bytes of letters, digits, "_" and "-"', where: SDK_SERVER },
  ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS: { code: 7501, message: 'A login is already in progress', remediation: 'Wait for the pending login() to settle.', where: SDK },
  ERR_SDK_ACCOUNT_LOGOUT_IN_PROCESS: { code: 7502, message: 'A logout is already in progress', remediation: 'Wait for the pending logout() to settle.', where: SDK },
  ERR_SDK_NET_FREQ_LIMIT: { code: 9506, message: 'Requests are too frequent for the SDK\'s network layer', remediation: 'Slow down and retry.', where: SDK },
  ERR_SDK_NET_DISCONNECT: { code: 9508, message: 'The network is disconnected or no connection is established', where: SDK },
  ERR_SDK_NET_CONN_TIMEOUT: { code: 9510, message: 'Connecting to the server timed out', remediation: 'Check the server address and the network; the SDK retries by itself.', where: SDK },
  ERR_LOGIN_SIG_EXPIRE: { code: 70101, message: 'Login answered that the ticket expired', remediation: 'Get a new UserSig and log in again.', where: SDK },
} as const satisfies Record<string, ErrorDef>;
