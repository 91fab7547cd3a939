import { describe, expect, it } from 'vitest';
import { TYPES } from '@parley/protocol';
import { applicationOf } from './group-applications.js';
import { groupSystemNotice, GroupSystemNoticeType } from '../model/message-factory.js';

const notice = (type: number) => groupSystemNotice('hikers', type, 'owner', 1_767_000_000_000, () => 0.5, { operatorID: 'bob', handleMessage: 'hi', groupName: 'Hikers' });

describe('applicationOf', () => {
  it('reads the group and the applicant from a join-application notice', () => {
    const message = notice(GroupSystemNoticeType.JOIN_APPLICATION);
    expect(message).toMatchObject({ conversationID: '@TIM#SYSTEM', type: TYPES.MSG_GRP_SYS_NOTICE });
    expect(message.payload).toMatchObject({ operationType: 1, operatorID: 'bob', handleMessage: 'hi', groupProfile: { groupID: 'hikers', name: 'Hikers' } });
    expect(applicationOf(message)).toStrictEqual({ groupID: 'hikers', userID: 'bob' });
  });

  it('finds nothing in other notices, other messages and non-messages', () => {
    expect(applicationOf(notice(GroupSystemNoticeType.APPLICATION_ACCEPTED))).toBeUndefined();
    expect(applicationOf(notice(GroupSystemNoticeType.KICKED_OUT))).toBeUndefined();
    expect(applicationOf({ type: TYPES.MSG_TEXT, payload: { text: 'x' } })).toBeUndefined();
    expect(applicationOf({ type: TYPES.MSG_GRP_SYS_NOTICE, payload: { operationType: 1, operatorID: 'bob' } })).toBeUndefined();
    for (const v of [undefined, null, 'notice', 42]) expect(applicationOf(v)).toBeUndefined();
  });
});
