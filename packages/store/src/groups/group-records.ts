/**
 * Record helpers for groups, shared by every backend: a group's own fields are copied field by field
 * here and nowhere else, so adding a group field means changing this copy, not one per backend.
 */
import type { GroupPatch, GroupRecord } from './group-store.js';

/** Only the fields of {@link GroupRecord} of `group` (a `GroupView`'s derived numbers are dropped). */
export function groupRecordOf(group: GroupRecord): GroupRecord {
  return {
    groupID: group.groupID,
    type: group.type,
    name: group.name,
    introduction: group.introduction,
    notification: group.notification,
    avatar: group.avatar,
    ownerID: group.ownerID,
    createTime: group.createTime,
    maxMemberNum: group.maxMemberNum,
    joinOption: group.joinOption,
    muteAllMembers: group.muteAllMembers,
  };
}

/** `group`'s own fields with those present in `patch` replaced (a field set to `undefined` counts as absent). */
export function patchGroupRecord(group: GroupRecord, patch: GroupPatch): GroupRecord {
  return {
    ...groupRecordOf(group),
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.introduction !== undefined ? { introduction: patch.introduction } : {}),
    ...(patch.notification !== undefined ? { notification: patch.notification } : {}),
    ...(patch.avatar !== undefined ? { avatar: patch.avatar } : {}),
    ...(patch.joinOption !== undefined ? { joinOption: patch.joinOption } : {}),
    ...(patch.muteAllMembers !== undefined ? { muteAllMembers: patch.muteAllMembers } : {}),
    ...(patch.ownerID !== undefined ? { ownerID: patch.ownerID } : {}),
  };
}
