/**
 * User status, as Tencent's web SDK has it: a status type the server derives from the user's
 * instances on every node (online while a socket is attached somewhere, offline while logged in but
 * every socket dropped and still resumable, not logged in once the last instance is gone) and a custom
 * status the user sets. A change reaches every subscriber (and a custom-status change every instance
 * of the user too), on every node, as `status.updated` through `Delivery`. The status type last announced is kept in the store,
 * so nodes agree on it and a second login of an online user announces nothing.
 *
 * Parley offers the whole feature to every app: Tencent gates querying others and subscriptions
 * behind its Ultimate plan and a console switch (72001 when off); Parley has no switch to turn.
 */
import {
  ERRORS,
  MAX_STATUS_SUBSCRIPTIONS,
  ParleyError,
  StatusPushes,
  TYPES,
  type StatusFailure,
  type UserStatusType,
  type WireUserStatus,
} from '@parley/protocol';
import type { UserStatusRecord, UserStatusStore } from '@parley/store';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { AppCache, AppState } from '../../directories/app-cache.js';
import type { Delivery } from '../../sessions/delivery.js';
import type { SessionManager, UserPresence } from '../../sessions/session-manager.js';

/** Dependencies of {@link StatusService}. */
export interface StatusServiceDeps {
  readonly statuses: UserStatusStore;
  readonly apps: AppCache;
  readonly accounts: AccountDirectory;
  readonly sessions: SessionManager;
  readonly delivery: Delivery;
  /** Logs failures of work nobody waits for (an announcement after a login). */
  readonly onError: (err: unknown, context: string) => void;
}

/** Who asks: a logged-in user. */
export interface StatusCaller {
  readonly sdkAppID: number;
  readonly userID: string;
}

/** The status type of a presence. */
function statusTypeOf(presence: UserPresence['presence']): UserStatusType {
  if (presence === 'attached') return TYPES.USER_STATUS_ONLINE;
  return presence === 'detached' ? TYPES.USER_STATUS_OFFLINE : TYPES.USER_STATUS_UNLOGINED;
}

const wire = (r: UserStatusRecord): WireUserStatus => ({ userID: r.userID, statusType: r.statusType, customStatus: r.customStatus });

/** User statuses and status subscriptions. */
export class StatusService {
  readonly #d: StatusServiceDeps;
  /** Refreshes in flight, by app and user: one user's refreshes on this node run one after another. */
  readonly #refreshing = new Map<string, Promise<void>>();
  readonly #stopListening: () => void;

  constructor(deps: StatusServiceDeps) {
    this.#d = deps;
    this.#stopListening = deps.sessions.onPresenceChange((sdkAppID, userID) => this.refresh(sdkAppID, userID));
  }

  /** Sets (or with '' clears) the caller's custom status; every instance of the caller and every subscriber hear it. */
  async setSelf(caller: StatusCaller, customStatus: string): Promise<WireUserStatus> {
    const [presence] = await this.#d.sessions.presence(caller.sdkAppID, [caller.userID]);
    const statusType = statusTypeOf(presence?.presence ?? 'none');
    const { after } = await this.#d.statuses.update(caller.sdkAppID, caller.userID, { statusType, customStatus });
    await this.#announce(caller.sdkAppID, after, true);
    return wire(after);
  }

  /** The statuses of `userIDs`; accounts that do not exist are failures with 70107. */
  async get(caller: StatusCaller, userIDs: readonly string[]): Promise<{ successUserList: WireUserStatus[]; failureUserList: StatusFailure[] }> {
    const existing = await this.#d.accounts.existing(await this.#app(caller.sdkAppID), userIDs);
    const found = userIDs.filter((id) => existing.has(id));
    const [presences, records] = await Promise.all([this.#d.sessions.presence(caller.sdkAppID, found), this.#d.statuses.get(caller.sdkAppID, found)]);
    const custom = new Map(records.map((r) => [r.userID, r.customStatus]));
    return {
      successUserList: presences.map((p) => ({ userID: p.userID, statusType: statusTypeOf(p.presence), customStatus: custom.get(p.userID) ?? '' })),
      failureUserList: userIDs.filter((id) => !existing.has(id)).map((id) => notFound(id)),
    };
  }

  /**
   * Adds `userIDs` to the caller's subscription list (the earliest drop out past
   * {@link MAX_STATUS_SUBSCRIPTIONS}); the caller itself and accounts that do not exist are failures.
   */
  async subscribe(caller: StatusCaller, userIDs: readonly string[]): Promise<{ failureUserList: StatusFailure[] }> {
    const others = userIDs.filter((id) => id !== caller.userID);
    const existing = await this.#d.accounts.existing(await this.#app(caller.sdkAppID), others);
    const targets = others.filter((id) => existing.has(id));
    if (targets.length > 0) await this.#d.statuses.subscribe(caller.sdkAppID, caller.userID, targets, MAX_STATUS_SUBSCRIPTIONS);
    const failureUserList = userIDs.filter((id) => !targets.includes(id)).map((id) => (id === caller.userID ? notSelf(id) : notFound(id)));
    return { failureUserList };
  }

  /** Removes `userIDs` from the caller's subscription list, or every entry when `userIDs` is undefined. */
  async unsubscribe(caller: StatusCaller, userIDs: readonly string[] | undefined): Promise<{ failureUserList: StatusFailure[] }> {
    await this.#d.statuses.unsubscribe(caller.sdkAppID, caller.userID, userIDs);
    return { failureUserList: [] };
  }

  /**
   * Derives the user's status type from the session directory and announces it when it differs from
   * the one last announced; the custom status is cleared once the user is not logged in any more.
   * Never rejects: a failure is logged.
   */
  refresh(sdkAppID: number, userID: string): Promise<void> {
    const key = `${sdkAppID}:${userID}`;
    const previous = this.#refreshing.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.#refresh(sdkAppID, userID)).catch((err: unknown) => this.#d.onError(err, `status of ${userID}`));
    this.#refreshing.set(key, next);
    void next.then(() => {
      if (this.#refreshing.get(key) === next) this.#refreshing.delete(key);
    });
    return next;
  }

  /** Stops listening to the session manager. */
  stop(): void {
    this.#stopListening();
  }

  async #refresh(sdkAppID: number, userID: string): Promise<void> {
    const [presence] = await this.#d.sessions.presence(sdkAppID, [userID]);
    const statusType = statusTypeOf(presence?.presence ?? 'none');
    const loggedOut = statusType === TYPES.USER_STATUS_UNLOGINED;
    // One atomic read-and-write: when several nodes refresh the same user at once, only the one whose
    // write changed the type announces it.
    const { before, after } = await this.#d.statuses.update(sdkAppID, userID, loggedOut ? { statusType, customStatus: '' } : { statusType });
    if (before?.statusType !== after.statusType) await this.#announce(sdkAppID, after, false);
  }

  /**
   * Pushes `status` to its subscribers and, for a custom-status change, to every instance of the user
   * (Tencent: a user learns of their own custom status through the event, not of their own online state).
   */
  async #announce(sdkAppID: number, status: UserStatusRecord, toSelf: boolean): Promise<void> {
    const subscribers = await this.#d.statuses.subscribers(sdkAppID, status.userID);
    const to = toSelf ? [status.userID, ...subscribers] : subscribers;
    if (to.length > 0) this.#d.delivery.toUsers(sdkAppID, to, StatusPushes.updated.name, { userStatusList: [wire(status)] });
  }

  async #app(sdkAppID: number): Promise<AppState> {
    const app = await this.#d.apps.get(sdkAppID);
    if (app === undefined) throw ParleyError.of('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', `SDKAppID ${sdkAppID}`);
    return app;
  }
}

function notFound(userID: string): StatusFailure {
  return { userID, code: ERRORS.ERR_SVR_ACCOUNT_NOT_FOUND.code, message: `${ERRORS.ERR_SVR_ACCOUNT_NOT_FOUND.message}: ${userID}` };
}

function notSelf(userID: string): StatusFailure {
  return { userID, code: ERRORS.ERR_INVALID_PARAMETERS.code, message: `${ERRORS.ERR_INVALID_PARAMETERS.message}: a user cannot subscribe to their own status (USER_STATUS_UPDATED reports it)` };
}
