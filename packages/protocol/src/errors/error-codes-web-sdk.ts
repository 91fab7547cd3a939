/**
 * Error codes of Tencent's web SDK (`@tencentcloud/chat` 3.x), with Tencent's names. Tencent's
 * bundle carries names only; the messages here are Parley's own one-line descriptions.
 * Part of the registry assembled in `error-codes.ts`.
 */
import { SDK, SDK_SERVER, type ErrorDef } from './error-def.js';

/** Web SDK codes 2000–3153 and the signaling codes 8010–8020. */
export const WEB_SDK_ERRORS = {
  // ---- Login and account ----
  NO_SDKAPPID: { code: 2000, message: 'SDKAppID is missing', remediation: 'Pass SDKAppID to create() / initSDK().', where: SDK },
  NO_ACCOUNT_TYPE: { code: 2001, message: 'accountType is missing (a legacy option Parley does not need)', where: SDK },
  NO_IDENTIFIER: { code: 2002, message: 'userID is missing', remediation: 'Pass userID to login().', where: SDK },
  NO_USERSIG: { code: 2003, message: 'userSig is missing', remediation: 'Pass the UserSig your business server generated to login().', where: SDK },
  NO_TINYID: { code: 2022, message: 'The internal account id is missing', remediation: 'Log in again.', where: SDK },
  NO_A2KEY: { code: 2023, message: 'The login ticket is missing', remediation: 'Log in again.', where: SDK },
  USER_NOT_LOGGED_IN: { code: 2024, message: 'The SDK is not logged in or not ready yet', remediation: 'Call login() and wait for SDK_READY before calling this API.', where: SDK },
  REPEAT_LOGIN: { code: 2025, message: 'A login is already in progress', remediation: 'Wait for the pending login() to settle.', where: SDK_SERVER },
  COS_UNDETECTED: { code: 2040, message: 'No file-upload plugin is registered', remediation: 'Register an upload plugin before sending files.', where: SDK },
  COS_GET_SIG_FAIL: { code: 2041, message: 'Could not get an upload signature', where: SDK },

  // ---- Messages ----
  MSG_SEND_FAIL: { code: 2100, message: 'The message could not be sent', where: SDK },
  MSG_SEND_FAIL_NOT_IN_AV: { code: 2101, message: 'Cannot send to an AVChatRoom this user has not joined', remediation: 'Join the group first.', where: SDK },
  MSG_INSTANCE_REQUIRED: { code: 2105, message: 'A Message instance created by the SDK is required', remediation: 'Create the message with a create*Message() API.', where: SDK },
  MSG_INVALID_CONV_TYPE: { code: 2106, message: 'Invalid conversation type for this message', where: SDK },
  MSG_F_IS_EMPTY: { code: 2108, message: 'The file to send is empty', where: SDK },
  MSG_ONPROGRESS_ERR: { code: 2109, message: 'onProgress must be a function', where: SDK },
  MSG_REVOKE_FAIL: { code: 2110, message: 'The message could not be revoked', where: SDK },
  MSG_DELETE_FAIL: { code: 2111, message: 'The message could not be deleted', where: SDK },
  MSG_UNREAD_ALL_FAIL: { code: 2112, message: 'Could not mark all messages as read', where: SDK },
  READ_RECEIPT_MSG_LIST_EMPTY: { code: 2114, message: 'None of the given messages asked for a read receipt', where: SDK },
  MSG_SEND_GRP_WITH_TOPIC_FAIL: { code: 2115, message: 'Cannot send to a community group that uses topics', remediation: 'Send to one of its topics instead.', where: SDK },
  CANNOT_DELETE_GRP_SYSTEM_NOTICE: { code: 2116, message: 'Group system notices cannot be deleted', where: SDK },
  TRANSLATE_TEXT_FAIL: { code: 2117, message: 'Text translation failed', where: SDK },
  VOICE_TO_TEXT_FAIL: { code: 2118, message: 'Speech-to-text conversion failed', where: SDK },
  UNSUPPORTED_VOICE_FORMAT: { code: 2119, message: 'Unsupported audio format for speech-to-text', where: SDK },
  MSG_I_SELECT_F_FIRST: { code: 2251, message: 'Select an image file first', where: SDK },
  MSG_I_TYPES_LIMIT: { code: 2252, message: 'Unsupported image type', where: SDK },
  MSG_I_SIZE_LIMIT: { code: 2253, message: 'The image is too large', where: SDK },
  MSG_A_UPLOAD_FAIL: { code: 2300, message: 'The audio upload failed', where: SDK },
  MSG_A_SIZE_LIMIT: { code: 2301, message: 'The audio file is too large', where: SDK },
  MSG_V_UPLOAD_FAIL: { code: 2350, message: 'The video upload failed', where: SDK },
  MSG_V_SIZE_LIMIT: { code: 2351, message: 'The video is too large', where: SDK },
  MSG_V_TYPES_LIMIT: { code: 2352, message: 'Unsupported video type', where: SDK },
  MSG_F_UPLOAD_FAIL: { code: 2400, message: 'The file upload failed', where: SDK },
  MSG_F_SELECT_F_FIRST: { code: 2401, message: 'Select a file first', where: SDK },
  MSG_F_SIZE_LIMIT: { code: 2402, message: 'The file is too large', where: SDK },
  MSG_F_URL_IS_EMPTY: { code: 2403, message: 'The file URL is empty', where: SDK },
  MSG_MERGER_TYPE_INVALID: { code: 2450, message: 'A merged message cannot contain this message type', where: SDK },
  MSG_MERGER_KEY_INVALID: { code: 2451, message: 'Invalid merged-message download key', where: SDK },
  MSG_MERGER_DOWNLOAD_FAIL: { code: 2452, message: 'Downloading the merged message failed', where: SDK },
  MSG_FORWARD_TYPE_INVALID: { code: 2453, message: 'This message type cannot be forwarded', where: SDK },
  MSG_FORWARD_INVALID_ELEMENTS: { code: 2454, message: 'The forwarded message has invalid elements', where: SDK },
  MSG_MODIFY_CONFLICT: { code: 2480, message: 'Someone else modified the message first', remediation: 'Fetch the latest version and modify that.', where: SDK },
  MSG_MODIFY_DISABLED_IN_AV: { code: 2481, message: 'Messages cannot be modified in an AVChatRoom', where: SDK },

  // ---- Conversations ----
  CONV_NOT_FOUND: { code: 2500, message: 'Conversation not found', where: SDK },
  USER_OR_GRP_NOT_FOUND: { code: 2501, message: 'User or group not found', where: SDK },
  CONV_UN_RECORDED_TYPE: { code: 2502, message: 'Unknown conversation type', where: SDK },
  INVALID_CONV_ID: { code: 2503, message: 'Invalid conversation ID', remediation: 'Use C2C followed by a userID, or GROUP followed by a groupID.', where: SDK },

  // ---- Groups ----
  ILLEGAL_GRP_TYPE: { code: 2600, message: 'Invalid group type', where: SDK },
  ILLEGAL_GRP_ID: { code: 2602, message: 'Invalid group ID', where: SDK },
  CANNOT_FIND_GRP: { code: 2603, message: 'Group not found', where: SDK },
  CANNOT_CHANGE_OWNER_IN_AV: { code: 2620, message: 'An AVChatRoom\'s owner cannot be changed', where: SDK },
  CANNOT_CHANGE_OWNER_TO_SELF: { code: 2621, message: 'Cannot transfer group ownership to oneself', where: SDK },
  MEMBER_NOT_IN_GRP: { code: 2623, message: 'The user is not a member of the group', where: SDK },
  JOIN_GRP_FAIL: { code: 2660, message: 'Joining the group failed', where: SDK },
  CANNOT_ADD_MEMBER_IN_AV: { code: 2661, message: 'Members cannot be added to an AVChatRoom', where: SDK },
  CANNOT_JOIN_NON_AV_WITHOUT_LOGIN: { code: 2662, message: 'Only AVChatRooms can be joined without logging in', where: SDK },
  NOT_OWNER: { code: 2681, message: 'Only the group owner can do this', where: SDK },
  INVALID_MEMBER_ROLE: { code: 2683, message: 'Invalid group member role', where: SDK },
  CANNOT_SET_SELF_MEMBER_ROLE: { code: 2684, message: 'Cannot change one\'s own member role', where: SDK },
  CANNOT_MUTE_SELF: { code: 2685, message: 'Cannot mute oneself', where: SDK },
  BAN_DURATION_INVALID: { code: 2686, message: 'Invalid ban duration', where: SDK },
  OPERATION_NOT_SUPPORTED_IN_AV: { code: 2687, message: 'This operation is not supported in an AVChatRoom', where: SDK },

  // ---- Relationships and profiles ----
  NOT_MY_FRIEND: { code: 2700, message: 'The user is not a friend', where: SDK },
  ALREADY_MY_FRIEND: { code: 2701, message: 'The user is already a friend', where: SDK },
  FRIEND_GRP_EXISTED: { code: 2710, message: 'The friend group already exists', where: SDK },
  FRIEND_GRP_NOT_EXIST: { code: 2711, message: 'The friend group does not exist', where: SDK },
  FRIEND_APPLICATION_NOT_EXIST: { code: 2716, message: 'The friend application does not exist', where: SDK },
  UPDATE_PROFILE_INVALID_PARAM: { code: 2721, message: 'Invalid profile field value', where: SDK },
  UPDATE_PROFILE_NO_KEY: { code: 2722, message: 'No profile field to update', where: SDK },
  CANNOT_ADD_SELF_TO_BLACKLIST: { code: 2742, message: 'Cannot add oneself to the blacklist', where: SDK },

  // ---- Network, SDK state ----
  NETWORK_ERROR: { code: 2800, message: 'Network error: the connection to the server failed or closed', where: SDK },
  NETWORK_TIMEOUT: { code: 2801, message: 'The request timed out', remediation: 'Check the server address and the network; the SDK retries by itself.', where: SDK },
  NO_NETWORK: { code: 2805, message: 'No network is available', where: SDK },
  UNCAUGHT_ERROR: { code: 2903, message: 'Unexpected internal error in the SDK', where: SDK },
  INVALID_OPERATION: { code: 2905, message: 'The operation is not valid in the current state', where: SDK },
  INVALID_TRTC_CMD: { code: 2995, message: 'Invalid TRTC command', where: SDK },
  OVER_FREQUENCY_LIMIT: { code: 2996, message: 'This API is called too often', remediation: 'Slow down and retry.', where: SDK },
  NO_PROTOCOL: { code: 2997, message: 'The protocol for this operation is unavailable', where: SDK },
  NO_MODULE: { code: 2998, message: 'The module for this API is not loaded', remediation: 'Register the plugin or module that provides it.', where: SDK },
  SDK_IS_NOT_READY: { code: 2999, message: 'The SDK is not ready', where: SDK },
  LOGGING_IN: { code: 3000, message: 'Logging in', where: SDK },
  LOGIN_FAILED: { code: 3001, message: 'The last login failed', where: SDK },
  KICKED_OUT_MULT_DEVICE: { code: 3002, message: 'Kicked out: the account logged in on another platform', where: SDK },
  KICKED_OUT_MULT_ACCOUNT: { code: 3003, message: 'Kicked out: the account logged in on another instance of the same platform', where: SDK },
  KICKED_OUT_USERSIG_EXPIRED: { code: 3004, message: 'Kicked out: the UserSig expired', remediation: 'Get a new UserSig from your business server and log in again.', where: SDK },
  LOGGED_OUT: { code: 3005, message: 'Logged out', where: SDK },
  KICKED_OUT_REST_API: { code: 3006, message: 'Kicked out by the server REST API', where: SDK },
  ILLEGAL_TOPIC_ID: { code: 3021, message: 'Invalid topic ID', where: SDK },
  NO_USE: { code: 3122, message: 'This feature is not enabled for the application', where: SDK },
  PROFANITY_FOUND: { code: 3123, message: 'The content contains blocked words', where: SDK },
  OPTIONS_IS_EMPTY: { code: 3153, message: 'The options argument is empty', where: SDK },

  // ---- Signaling ----
  SIGNALING_INVALID_INVITE_ID: { code: 8010, message: 'The invitation ID is invalid or was already handled', where: SDK },
  SIGNALING_NO_PERMISSION: { code: 8011, message: 'Not allowed to act on this invitation (for example cancelling someone else\'s)', where: SDK },
  SIGNALING_ALREADY_EXISTS: { code: 8012, message: 'The invitation already exists', where: SDK },
  INVALID_CANCEL_MESSAGE: { code: 8020, message: 'Invalid cancel message', where: SDK },
} as const satisfies Record<string, ErrorDef>;
