/**
 * Profiles of users: read many, the caller's own, and updates with Tencent's codes (the request
 * parsers check the fields; this service answers 40003 for an account that does not exist and checks
 * custom fields against the app's declarations: 40009 undeclared, 40008 not writable, 40610 wrong
 * type, 40601 too long). Readers see only the custom fields declared readable by them (`app` through
 * the SDKs, `admin` through REST). A change is pushed as `profile.updated` to the user's other
 * instances and to the {@link ProfileAudience} (friends, once that feature is wired), on every node,
 * through `Delivery`.
 */
import { checkCustomFieldWrite, ParleyError, ProfilePushes, readableCustomFields, type ProfileFieldDeclaration, type ProfileFieldRole, type ProfilePatch, type WireProfile } from '@parley/protocol';
import type { ProfileRecord, Store } from '@parley/store';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';
import { NO_PROFILE_AUDIENCE, type ProfileAudience, type ProfilePort } from './profile-port.js';
import type { ProfileDirectory } from '../../directories/profile-directory.js';

/** Dependencies of {@link ProfileService}. */
export interface ProfileServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly delivery: Delivery;
  /** Who else hears of a user's profile change. @default nobody ({@link NO_PROFILE_AUDIENCE}) */
  readonly audience?: ProfileAudience;
  /** The cached names the message sends stamp; told when a nick or avatar changes. */
  readonly names?: ProfileDirectory;
}

/** Who asks: a logged-in user and the instance the request came from. */
export interface ProfileCaller {
  readonly sdkAppID: number;
  readonly userID: string;
  /** Instance id of the requesting connection (it gets the answer, not the push). */
  readonly origin?: string;
}

/** A store record as the wire's `WireProfile` (time in seconds), with the custom fields `declarations` let `reader` see. */
export function wireProfile(record: ProfileRecord, declarations: readonly ProfileFieldDeclaration[], reader: ProfileFieldRole): WireProfile {
  const { customFields, updatedAt, ...fields } = record;
  return { ...fields, profileCustomField: readableCustomFields(declarations, customFields, reader), lastUpdatedTime: Math.floor(updatedAt / 1000) };
}

/** Profiles of users. */
export class ProfileService implements ProfilePort {
  readonly #d: ProfileServiceDeps;
  readonly #audience: ProfileAudience;

  constructor(deps: ProfileServiceDeps) {
    this.#d = deps;
    this.#audience = deps.audience ?? NO_PROFILE_AUDIENCE;
  }

  /** The app's custom profile field declarations. */
  declarations(sdkAppID: number): Promise<ProfileFieldDeclaration[]> {
    return this.#d.store.profileFields.list(sdkAppID);
  }

  /** Replaces the app's declarations (checked by the caller); 70020 for an unknown app. */
  async declare(sdkAppID: number, fields: readonly ProfileFieldDeclaration[]): Promise<ProfileFieldDeclaration[]> {
    await this.#d.store.profileFields.replace(sdkAppID, fields);
    return this.declarations(sdkAppID);
  }

  /** The profiles of the accounts among `userIDs` that exist, in the order asked, as `reader` may see them. @param reader - @default 'app' */
  async get(sdkAppID: number, userIDs: readonly string[], reader: ProfileFieldRole = 'app'): Promise<WireProfile[]> {
    const [records, declarations] = await Promise.all([this.#d.store.profiles.get(sdkAppID, userIDs), this.declarations(sdkAppID)]);
    return records.map((r) => wireProfile(r, declarations, reader));
  }

  /** The caller's own profile (a login writes its account before it completes); 40003 once the account was deleted. */
  async getMine(caller: ProfileCaller): Promise<WireProfile> {
    const [mine] = await this.get(caller.sdkAppID, [caller.userID]);
    if (mine === undefined) throw ParleyError.of('ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND', caller.userID);
    return mine;
  }

  /** Changes the caller's profile (custom fields must be writable by `app`); the user's other instances and audience get `profile.updated`. */
  async updateMine(caller: ProfileCaller, patch: ProfilePatch): Promise<WireProfile> {
    return this.#update(caller, patch, 'app', caller.userID);
  }

  /** Changes a user's profile for an admin (REST `portrait_set`; custom fields must be writable by `admin`): 40003 when the account does not exist; every instance of the user gets `profile.updated`. */
  async updateFor(sdkAppID: number, userID: string, patch: ProfilePatch): Promise<WireProfile> {
    return this.#update({ sdkAppID, userID }, patch, 'admin', `From_Account ${userID} does not exist`);
  }

  async #update(caller: ProfileCaller, patch: ProfilePatch, writer: ProfileFieldRole, notFound: string): Promise<WireProfile> {
    const declarations = await this.declarations(caller.sdkAppID);
    const refused = checkCustomFieldWrite(declarations, patch.profileCustomField ?? [], writer);
    if (refused !== undefined) throw ParleyError.of(refused.error, refused.reason);
    const record = await this.#d.store.profiles.update(caller.sdkAppID, caller.userID, patch, this.#d.clock.now());
    if (record === undefined) throw ParleyError.of('ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND', notFound);
    if (patch.nick !== undefined || patch.avatar !== undefined) this.#d.names?.changed(caller.sdkAppID, [caller.userID]);
    // Instances and friends see what users may read; the admin's answer is its own view.
    const seen = wireProfile(record, declarations, 'app');
    const audience = (await this.#audience.audienceOf(caller.sdkAppID, caller.userID)).filter((u) => u !== caller.userID);
    this.#d.delivery.toUsers(caller.sdkAppID, [caller.userID, ...audience], ProfilePushes.updated.name, { profile: seen }, caller.origin);
    return writer === 'app' ? seen : wireProfile(record, declarations, writer);
  }
}
