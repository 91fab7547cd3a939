/**
 * The errors every backend raises, written once so that all backends fail with the same code and
 * the same text for the same cause.
 */
import { ERRORS, errorMessage, ParleyError, refusal } from '@parley/protocol';
import type { AppendOutcome } from './messages/message-store.js';

/** What {@link storeError} may carry besides its detail. */
export interface StoreErrorOptions {
  /** The driver's error, kept as `cause`. */
  readonly cause?: unknown;
  /** Machine-readable detail, e.g. the table and key of a corrupt row. @default {} */
  readonly data?: Record<string, unknown>;
}

/** A 70500 (internal error) `ParleyError` whose message is the registry text followed by `detail`. */
export function storeError(detail: string, options: StoreErrorOptions = {}): ParleyError {
  const def = ERRORS.ERR_SVR_ACCOUNT_INTERNAL_ERROR;
  return new ParleyError(def.code, errorMessage(def, detail), options.data ?? {}, options.cause === undefined ? undefined : { cause: options.cause });
}

/** 88505: the store was closed; every call after `close()` rejects with this. */
export function storeClosedError(): ParleyError {
  return ParleyError.of('PARLEY_SERVER_SHUTTING_DOWN', 'the store is closed');
}

/** 70020: a write for an app that does not exist. */
export function appNotFoundError(sdkAppID: number): ParleyError {
  return ParleyError.of('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', `SDKAppID ${sdkAppID}`);
}

/** 70402: creating an app whose SDKAppID exists. */
export function appExistsError(sdkAppID: number): ParleyError {
  return ParleyError.of('ERR_SVR_ACCOUNT_INVALID_PARAMETERS', `SDKAppID ${sdkAppID} already exists`);
}

/** The refused outcome of a group draft whose group does not exist (10010), for `MessageStore.append`. */
export function groupNotFoundOutcome(groupID: string): AppendOutcome {
  return refusal('ERR_SVR_GROUP_NOT_FOUND', groupID);
}

/** 10010: the group does not exist. */
export function groupNotFoundError(groupID: string): ParleyError {
  return ParleyError.of('ERR_SVR_GROUP_NOT_FOUND', groupID);
}

/** 10021: the group ID is in use. */
export function groupIDInUseError(groupID: string): ParleyError {
  return ParleyError.of('ERR_SVR_GROUP_GROUPID_IN_USED', groupID);
}
