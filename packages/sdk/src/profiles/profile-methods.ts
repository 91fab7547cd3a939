/**
 * The profile methods of a `TencentCloudChat` instance as a public-method table; each asks the
 * server, so each runs only once ready.
 */
import type { Profile } from '../model/message-types.js';
import type { ChatResponse } from '../session/chat-response.js';
import { gated, type MethodTable } from '../session/method-table.js';
import type { ProfileApi, UpdateMyProfileOptions } from './profile-api.js';

/** The profile methods of an instance. */
export const PROFILE_METHODS = {
  /** The logged-in user's profile. */
  getMyProfile: gated((api: ProfileApi) => (): Promise<ChatResponse<Profile>> => api.getMyProfile()),

  /** The profiles of 1..100 users; users that do not exist are left out. */
  getUserProfile: gated((api: ProfileApi) => (options: { userIDList: string[] }): Promise<ChatResponse<Profile[]>> => api.getUserProfile(options)),

  /** Changes the given fields of the user's profile; the user's other instances get `PROFILE_UPDATED`. */
  updateMyProfile: gated((api: ProfileApi) => (options: UpdateMyProfileOptions): Promise<ChatResponse<Profile>> => api.updateMyProfile(options)),
} satisfies MethodTable<ProfileApi>;
