import { describe, expect, it } from 'vitest';
import { TSIGNALING } from './tsignaling.js';

const EXPECTED: Readonly<Record<string, string | number>> = {
  NEW_INVITATION_RECEIVED: 'newInvitationReceived',
  INVITEE_ACCEPTED: 'ts_invitee_accepted',
  INVITEE_REJECTED: 'ts_invitee_rejected',
  INVITATION_CANCELLED: 'ts_invitation_cancelled',
  INVITATION_TIMEOUT: 'ts_invitation_timeout',
  INVITATION_MODIFIED: 'ts_invitation_modified',
  ACTION_TYPE_UNKNOWN: 0,
  ACTION_TYPE_INVITE: 1,
  ACTION_TYPE_CANCEL_INVITE: 2,
  ACTION_TYPE_ACCEPT_INVITE: 3,
  ACTION_TYPE_REJECT_INVITE: 4,
  ACTION_TYPE_INVITE_TIMEOUT: 5,
};

describe('TSIGNALING', () => {
  it('has exactly Tencent\'s six events and six action types with their values', () => {
    expect({ ...TSIGNALING }).toEqual(EXPECTED);
  });
});
