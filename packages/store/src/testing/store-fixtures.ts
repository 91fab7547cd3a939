/**
 * Record builders for tests of anything that uses a {@link Store}: valid, fully populated records
 * whose fields can be overridden one by one.
 */
import type { AppRecord, GroupMemberRecord, GroupRecord, LoginSettings, MessageDraft } from '../index.js';

/**
 * Login settings with a different instance limit on each platform, so a store that mixes platforms
 * up fails a round-trip comparison.
 */
export const TEST_LOGIN_SETTINGS: LoginSettings = Object.freeze({
  policy: 'triple',
  maxInstances: Object.freeze({ Web: 10, Android: 1, IPhone: 2, IPad: 3, Windows: 2, Mac: 1, Linux: 3 }),
});

/**
 * A valid active app with SDKAppID `sdkAppID`; `overrides` replaces whole fields.
 * Defaults: name `App <id>`, a 64-hex secret key derived from the id, admins `['administrator']`,
 * {@link TEST_LOGIN_SETTINGS}, no limits, createdAt 1,700,000,000,000 ms.
 */
export function testAppRecord(sdkAppID: number, overrides: Partial<AppRecord> = {}): AppRecord {
  return {
    sdkAppID,
    secretKey: sdkAppID.toString(16).padStart(64, 'a'),
    name: `App ${sdkAppID}`,
    admins: ['administrator'],
    status: 'active',
    loginSettings: TEST_LOGIN_SETTINGS,
    limits: {},
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/**
 * A valid C2C text draft from `from` to `to` with message ID `ID`; `overrides` replaces whole fields.
 * Defaults: time 1,700,000,000 s, random 1, text "hello", priority Normal, no mentions or receivers.
 */
export function testDraft(from: string, to: string, ID: string, overrides: Partial<MessageDraft> = {}): MessageDraft {
  return {
    ID,
    conversationType: 'C2C',
    from,
    to,
    time: 1_700_000_000,
    random: 1,
    elements: [{ type: 'TIMTextElem', content: { text: 'hello' } }],
    cloudCustomData: '',
    priority: 'Normal',
    atUserList: [],
    receiverList: [],
    ...overrides,
  };
}

/** A group draft: {@link testDraft} with `conversationType: 'GROUP'` and the group as `to`. */
export function testGroupDraft(from: string, groupID: string, ID: string, overrides: Partial<MessageDraft> = {}): MessageDraft {
  return testDraft(from, groupID, ID, { conversationType: 'GROUP', ...overrides });
}

/** A Public group record `groupID` owned by `ownerID` (created at 1,700,000,000 s, up to 2000 members). */
export function testGroupRecord(groupID: string, ownerID: string, overrides: Partial<GroupRecord> = {}): GroupRecord {
  return {
    groupID,
    type: 'Public',
    name: `Group ${groupID}`,
    introduction: '',
    notification: '',
    avatar: '',
    ownerID,
    createTime: 1_700_000_000,
    maxMemberNum: 2000,
    joinOption: 'NeedPermission',
    muteAllMembers: false,
    ...overrides,
  };
}

/** A member record with role `role` (default Member), joined at 1,700,000,000 s, no name card. */
export function testMember(userID: string, role: GroupMemberRecord['role'] = 'Member'): GroupMemberRecord {
  return { userID, role, joinTime: 1_700_000_000, nameCard: '' };
}
