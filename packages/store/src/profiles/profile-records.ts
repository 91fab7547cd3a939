/** What a profile patch means, for every backend: the defaults of a fresh profile and the merge. */
import { PROFILE_DEFAULTS, type ProfileCustomField } from '@parley/protocol';
import type { ProfileRecord, ProfileRecordPatch } from './profile-store.js';

/** The profile of an account nobody has edited: Tencent's defaults. */
export function defaultProfileRecord(userID: string, nick: string, avatar: string): ProfileRecord {
  return { userID, nick, avatar, ...PROFILE_DEFAULTS, customFields: [], updatedAt: 0 };
}

function mergeCustomFields(current: readonly ProfileCustomField[], changes: readonly ProfileCustomField[]): ProfileCustomField[] {
  const byKey = new Map(current.map((f) => [f.key, f.value]));
  for (const { key, value } of changes) byKey.set(key, value);
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
}

/** `record` with `patch` applied and `updatedAt` set to `now`. */
export function applyProfilePatch(record: ProfileRecord, patch: ProfileRecordPatch, now: number): ProfileRecord {
  const { profileCustomField, ...fields } = patch;
  return {
    ...record,
    ...fields,
    customFields: profileCustomField === undefined ? record.customFields : mergeCustomFields(record.customFields, profileCustomField),
    updatedAt: now,
  };
}
