/**
 * `TencentCloudChat.TSignaling` constants: signaling (call invitation) events and action types,
 * with Tencent's names and values.
 */
export const TSIGNALING = {
  // ---- Events ----
  /** An invitation addressed to this user arrived. */
  NEW_INVITATION_RECEIVED: 'newInvitationReceived',
  /** An invitee accepted this user's invitation. */
  INVITEE_ACCEPTED: 'ts_invitee_accepted',
  /** An invitee rejected this user's invitation. */
  INVITEE_REJECTED: 'ts_invitee_rejected',
  /** The inviter cancelled the invitation. */
  INVITATION_CANCELLED: 'ts_invitation_cancelled',
  /** The invitation timed out without an answer. */
  INVITATION_TIMEOUT: 'ts_invitation_timeout',
  /** The invitation was modified. */
  INVITATION_MODIFIED: 'ts_invitation_modified',
  // ---- Action types (actionType of a signaling message) ----
  ACTION_TYPE_UNKNOWN: 0,
  ACTION_TYPE_INVITE: 1,
  ACTION_TYPE_CANCEL_INVITE: 2,
  ACTION_TYPE_ACCEPT_INVITE: 3,
  ACTION_TYPE_REJECT_INVITE: 4,
  ACTION_TYPE_INVITE_TIMEOUT: 5,
} as const;

/** Name of a {@link TSIGNALING} entry. */
export type TSignalingName = keyof typeof TSIGNALING;
