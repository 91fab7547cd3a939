/**
 * Profiles of users: read many, the caller's own, and updates with Tencent's codes (the request
 * parsers check the fields; this service answers 40003 for an account that does not exist). A change
 * is pushed as `profile.updated` to the user's other instances, on every node, through `Delivery`.
 */
import { MAX_PROFILE_CUSTOM_FIELDS, ParleyError, ProfilePushes, type ProfilePatch, type WireProfile } from '@parley/protocol';
import type { ProfileRecord, Store } from '@parley/store';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';
import type { ProfilePort } from './profile-port.js';

/** Dependencies of {@link ProfileService}. */
export interface ProfileServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly delivery: Delivery;
}

/** Who asks: a logged-in user and the instance the request came from. */
export interface ProfileCaller {
  readonly sdkAppID: number;
  readonly userID: string;
  /** Instance id of the requesting connection (it gets the answer, not the push). */
  readonly origin?: string;
}

/** A store record as the wire's `WireProfile` (time in seconds). */
export function wireProfile(record: ProfileRecord): WireProfile {
  const { customFields, updatedAt, ...fields } = record;
  return { ...fields, profileCustomField: customFields, lastUpdatedTime: Math.floor(updatedAt / 1000) };
}

/** Profiles of users. */
export class ProfileService implements ProfilePort {
  readonly #d: ProfileServiceDeps;

  constructor(deps: ProfileServiceDeps) {
    this.#d = deps;
  }

  /** The profiles of the accounts among `userIDs` that exist, in the order asked. */
  async get(sdkAppID: number, userIDs: readonly string[]): Promise<WireProfile[]> {
    return (await this.#d.store.profiles.get(sdkAppID, userIDs)).map(wireProfile);
  }

  /** The caller's own profile (a login writes its account before it completes); 40003 once the account was deleted. */
  async getMine(caller: ProfileCaller): Promise<WireProfile> {
    const [mine] = await this.#d.store.profiles.get(caller.sdkAppID, [caller.userID]);
    if (mine === undefined) throw ParleyError.of('ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND', caller.userID);
    return wireProfile(mine);
  }

  /** Changes the caller's profile; the user's other instances get `profile.updated`. */
  async updateMine(caller: ProfileCaller, patch: ProfilePatch): Promise<WireProfile> {
    await this.#checkCustomCount(caller.sdkAppID, caller.userID, patch);
    const record = await this.#d.store.profiles.update(caller.sdkAppID, caller.userID, patch, this.#d.clock.now());
    if (record === undefined) throw ParleyError.of('ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND', caller.userID);
    return this.#announce(caller, record);
  }

  /** Changes a user's profile for an admin (REST `portrait_set`): 40003 when the account does not exist; every instance of the user gets `profile.updated`. */
  async updateFor(sdkAppID: number, userID: string, patch: ProfilePatch): Promise<WireProfile> {
    await this.#checkCustomCount(sdkAppID, userID, patch);
    const record = await this.#d.store.profiles.update(sdkAppID, userID, patch, this.#d.clock.now());
    if (record === undefined) throw ParleyError.of('ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND', `From_Account ${userID} does not exist`);
    return this.#announce({ sdkAppID, userID }, record);
  }

  /** 40001 when the patch would leave the user with more than {@link MAX_PROFILE_CUSTOM_FIELDS} custom fields. */
  async #checkCustomCount(sdkAppID: number, userID: string, patch: ProfilePatch): Promise<void> {
    const added = patch.profileCustomField;
    if (added === undefined || added.length === 0) return;
    const [current] = await this.#d.store.profiles.get(sdkAppID, [userID]);
    const keys = new Set([...(current?.customFields ?? []), ...added].map((f) => f.key));
    if (keys.size > MAX_PROFILE_CUSTOM_FIELDS) {
      throw ParleyError.of('ERR_SVR_PROFILE_INVALID_PARAMETERS', `a user has at most ${MAX_PROFILE_CUSTOM_FIELDS} custom profile fields (this update would make ${keys.size})`);
    }
  }

  #announce(caller: ProfileCaller, record: ProfileRecord): WireProfile {
    const profile = wireProfile(record);
    this.#d.delivery.toUsers(caller.sdkAppID, [caller.userID], ProfilePushes.updated.name, { profile }, caller.origin);
    return profile;
  }
}
