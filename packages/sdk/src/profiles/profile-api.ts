/**
 * The profile APIs of the web instance: `getMyProfile`, `getUserProfile` and `updateMyProfile`,
 * answered from the server with Tencent's result shapes (`{ code: 0, data: Profile | Profile[] }`).
 * Field values are checked by the server (Tencent's 40001, 40601, 40605, 40610); the SDK checks the
 * arguments' shape (6017) and that an update names a field (2722).
 */
import { MAX_PROFILE_IDS, ParleyError, ProfileCommands, type WireProfile } from '@parley/protocol';
import type { Profile } from '../model/message-types.js';
import { record, userIDList } from '../session/api-args.js';
import { ok, type ChatResponse } from '../session/chat-response.js';
import type { HubPorts } from '../session/messaging-hub.js';

/** The fields `updateMyProfile` takes (Tencent's names). */
export const PROFILE_UPDATE_FIELDS = [
  'nick',
  'avatar',
  'gender',
  'selfSignature',
  'allowType',
  'birthday',
  'location',
  'language',
  'messageSettings',
  'adminForbidType',
  'level',
  'role',
  'profileCustomField',
] as const;

/** Options of `updateMyProfile`. */
export interface UpdateMyProfileOptions {
  nick?: string;
  avatar?: string;
  gender?: string;
  selfSignature?: string;
  allowType?: string;
  birthday?: number;
  location?: string;
  language?: number;
  messageSettings?: number;
  adminForbidType?: string;
  level?: number;
  role?: number;
  profileCustomField?: { key: string; value: string | number }[];
}

/** A wire profile as Tencent's `Profile` (a fresh, mutable copy). */
export function profileOf(wire: WireProfile): Profile {
  return { ...wire, profileCustomField: wire.profileCustomField.map((f) => ({ key: f.key, value: f.value })) };
}

/** What the profile operations work with. */
export interface ProfileApiPorts {
  readonly hub: Pick<HubPorts, 'call'>;
}

/** Profile operations of one instance. */
export class ProfileApi {
  constructor(private readonly ports: ProfileApiPorts) {}

  /** See `ChatInstance.getMyProfile`. */
  async getMyProfile(): Promise<ChatResponse<Profile>> {
    const { profile } = await this.ports.hub.call(ProfileCommands.getMine, {});
    return ok(profileOf(profile));
  }

  /** See `ChatInstance.getUserProfile`: the profiles of the accounts that exist, in the order asked. */
  async getUserProfile(options: unknown): Promise<ChatResponse<Profile[]>> {
    const ids = userIDList('getUserProfile', 'userIDList', record('getUserProfile', options)['userIDList'], MAX_PROFILE_IDS);
    const { profiles } = await this.ports.hub.call(ProfileCommands.get, { userIDList: ids });
    return ok(profiles.map(profileOf));
  }

  /** See `ChatInstance.updateMyProfile`: answers the whole updated profile. */
  async updateMyProfile(options: unknown): Promise<ChatResponse<Profile>> {
    const given = record('updateMyProfile', options);
    const body: Record<string, unknown> = {};
    for (const key of PROFILE_UPDATE_FIELDS) if (given[key] !== undefined) body[key] = given[key];
    if (Object.keys(body).length === 0) throw ParleyError.of('UPDATE_PROFILE_NO_KEY', `updateMyProfile: give at least one of ${PROFILE_UPDATE_FIELDS.join(', ')}`);
    const { profile } = await this.ports.hub.call(ProfileCommands.update, body);
    return ok(profileOf(profile));
  }
}
