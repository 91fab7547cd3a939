/**
 * Result builders of the V2TIM facade: every V2TIM call resolves `{code, desc, data?}` and never
 * throws; codes of the web API are translated to V2TIM's where V2TIM has its own number.
 */
import { ErrorCode } from '@parley/protocol';
import { toParleyError } from '../model/sdk-errors.js';
import type { V2TimCallback, V2TimValueCallback } from './v2tim-types.js';

const OK_DESC = 'ok';

/** `{code: 0, desc: 'ok'}`, with `data` when given. */
export function ok(): V2TimCallback;
export function ok<T>(data: T): V2TimValueCallback<T>;
export function ok<T>(...data: [T] | []): V2TimValueCallback<T> {
  return data.length === 0 ? { code: 0, desc: OK_DESC } : { code: 0, desc: OK_DESC, data: data[0] };
}

/** A failure result. */
export function fail(code: number, desc: string): V2TimCallback {
  return { code, desc };
}

/** Web-API codes that V2TIM reports with its own numbers. */
const V2TIM_CODE: ReadonlyMap<number, number> = new Map([
  [ErrorCode.REPEAT_LOGIN, ErrorCode.ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS],
  [ErrorCode.NO_SDKAPPID, ErrorCode.ERR_INVALID_PARAMETERS],
  [ErrorCode.NO_IDENTIFIER, ErrorCode.ERR_INVALID_PARAMETERS],
  [ErrorCode.NO_USERSIG, ErrorCode.ERR_INVALID_PARAMETERS],
  [ErrorCode.USER_NOT_LOGGED_IN, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.SDK_IS_NOT_READY, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.LOGIN_FAILED, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.KICKED_OUT_MULT_DEVICE, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.KICKED_OUT_MULT_ACCOUNT, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.KICKED_OUT_USERSIG_EXPIRED, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.LOGGED_OUT, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
  [ErrorCode.KICKED_OUT_REST_API, ErrorCode.ERR_SDK_NOT_LOGGED_IN],
]);

/** Turns anything thrown into a V2TIM result; codes of the web API are translated (see {@link V2TIM_CODE}). */
export function failFrom(error: unknown): V2TimCallback {
  const e = toParleyError(error);
  return fail(V2TIM_CODE.get(e.code) ?? e.code, e.message);
}

/** 6013: a call before `initSDK`. */
export const notInitialized = (): V2TimCallback => fail(ErrorCode.ERR_SDK_NOT_INITIALIZED, 'The SDK is not initialized: call initSDK() first');

/** 6014: a call that needs a logged-in user. */
export const notLoggedIn = (): V2TimCallback => fail(ErrorCode.ERR_SDK_NOT_LOGGED_IN, 'Not logged in: call login() first');
