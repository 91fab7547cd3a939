/**
 * The profile push (`profile.updated`): the user's own profile changed on another instance or by
 * REST `portrait_set`; the app hears `PROFILE_UPDATED` with `data: Profile[]`.
 */
import { ProfilePushes } from '@parley/protocol';
import type { Profile } from '../model/message-types.js';
import type { HubRegistry } from '../session/messaging-hub.js';
import { profileOf } from './profile-api.js';

/** What applying a profile push needs. */
export interface ProfilePushPorts {
  /** Emits `PROFILE_UPDATED`. */
  profilesUpdated(profiles: Profile[]): void;
}

/** Registers the profile push with the hub. */
export function registerProfilePushes(hub: HubRegistry, ports: ProfilePushPorts): void {
  hub.onPush(ProfilePushes.updated, ({ profile }) => ports.profilesUpdated([profileOf(profile)]));
}
