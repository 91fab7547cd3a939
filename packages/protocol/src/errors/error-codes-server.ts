/**
 * Error codes Tencent's server answers with (`TIMCloudDef.h` names; web SDK names where only the web
 * SDK names a code). Messages are Parley's own paraphrases. Part of the registry assembled in
 * `error-codes.ts`.
 */
import { SERVER, SERVER_REST, REST, type ErrorDef } from './error-def.js';

/** Server codes: heartbeat 1002, group 10xxx, message 20xxx, conversation 50xxx, common 60xxx, account 70xxx, content 80xxx, REST message 90xxx/93000, 91101. */
export const SERVER_ERRORS = {
  HELLO_ANSWER_KICKED_OUT: { code: 1002, message: 'Heartbeat answer: this instance was kicked out (Parley sends the stat_forceoffline push instead)', where: SERVER },

  // ---- Group (10000 range) ----
  ERR_SVR_GROUP_INTERNAL_ERROR: { code: 10002, message: 'Internal error of the group service', remediation: 'Retry.', where: SERVER_REST },
  ERR_SVR_GROUP_API_NAME_ERROR: { code: 10003, message: 'Unknown group command', where: SERVER_REST },
  ERR_SVR_GROUP_INVALID_PARAMETERS: { code: 10004, message: 'Invalid group request parameter', where: SERVER_REST },
  ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT: { code: 10005, message: 'Too many accounts in one group request', remediation: 'Send at most 500 accounts per call.', where: SERVER_REST },
  ERR_SVR_GROUP_FREQ_LIMIT: { code: 10006, message: 'Group operations are too frequent', remediation: 'Slow down and retry.', where: SERVER_REST },
  ERR_SVR_GROUP_PERMISSION_DENY: { code: 10007, message: 'No permission for this group operation', where: SERVER_REST },
  ERR_SVR_GROUP_INVALID_REQ: { code: 10008, message: 'Invalid group request', where: SERVER_REST },
  ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT: { code: 10009, message: 'The group owner cannot quit this group', remediation: 'Dismiss the group, or transfer ownership first.', where: SERVER_REST },
  ERR_SVR_GROUP_NOT_FOUND: { code: 10010, message: 'The group does not exist or was dismissed', where: SERVER_REST },
  ERR_SVR_GROUP_JSON_PARSE_FAILED: { code: 10011, message: 'The group request body is not valid JSON', where: SERVER_REST },
  ERR_SVR_GROUP_INVALID_ID: { code: 10012, message: 'The UserID that started the group operation is invalid', where: SERVER_REST },
  ERR_SVR_GROUP_ALLREADY_MEMBER: { code: 10013, message: 'The user is already a member of the group', where: SERVER_REST },
  ERR_SVR_GROUP_FULL_MEMBER_COUNT: { code: 10014, message: 'The group is full', remediation: 'Add fewer members, or raise the group\'s maxMemberNum within its type limit.', where: SERVER_REST },
  ERR_SVR_GROUP_INVALID_GROUPID: { code: 10015, message: 'Invalid group ID', where: SERVER_REST },
  ERR_SVR_GROUP_REJECT_FROM_THIRDPARTY: { code: 10016, message: 'The app\'s callback rejected this group operation', where: SERVER_REST },
  ERR_SVR_GROUP_SHUTUP_DENY: { code: 10017, message: 'Cannot send: the sender is muted in this group', where: SERVER_REST },
  ERR_SVR_GROUP_RSP_SIZE_LIMIT: { code: 10018, message: 'The group answer would be larger than 1 MB', remediation: 'Ask for less per call.', where: SERVER_REST },
  ERR_SVR_GROUP_ACCOUNT_NOT_FOUND: { code: 10019, message: 'A requested account does not exist', where: SERVER_REST },
  ERR_SVR_GROUP_GROUPID_IN_USED: { code: 10021, message: 'The group ID is already in use', remediation: 'Choose another group ID.', where: SERVER_REST },
  ERR_SVR_GROUP_SEND_MSG_FREQ_LIMIT: { code: 10023, message: 'Group messages are sent too frequently', remediation: 'Slow down and retry.', where: SERVER_REST },
  ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED: { code: 10024, message: 'This invitation or application was already handled', where: SERVER_REST },
  ERR_SVR_GROUP_GROUPID_IN_USED_FOR_SUPER: { code: 10025, message: 'The group ID is already in use by a group the caller owns', where: SERVER_REST },
  ERR_SVR_GROUP_SDKAPPID_DENY: { code: 10026, message: 'This group command is disabled for the application', where: SERVER_REST },
  ERR_SVR_GROUP_REVOKE_MSG_NOT_FOUND: { code: 10030, message: 'The group message to revoke does not exist', where: SERVER_REST },
  ERR_SVR_GROUP_REVOKE_MSG_TIME_LIMIT: { code: 10031, message: 'The revoke time window of the group message has passed (2 minutes by default)', where: SERVER_REST },
  ERR_SVR_GROUP_REVOKE_MSG_DENY: { code: 10032, message: 'This group message cannot be revoked', where: SERVER_REST },
  ERR_SVR_GROUP_NOT_ALLOW_REVOKE_MSG: { code: 10033, message: 'This group type does not support revoking messages', where: SERVER_REST },
  ERR_SVR_GROUP_REMOVE_MSG_DENY: { code: 10034, message: 'This kind of group message cannot be deleted', where: SERVER_REST },
  ERR_SVR_GROUP_NOT_ALLOW_REMOVE_MSG: { code: 10035, message: 'Audio-video groups do not support deleting messages', where: SERVER_REST },
  ERR_SVR_GROUP_AVCHATROOM_COUNT_LIMIT: { code: 10036, message: 'Too many audio-video groups were created', where: SERVER_REST },
  ERR_SVR_GROUP_COUNT_LIMIT: { code: 10037, message: 'The user created or joined too many groups', where: SERVER_REST },
  ERR_SVR_GROUP_MEMBER_COUNT_LIMIT: { code: 10038, message: 'The group member count exceeds the limit of its type', where: SERVER_REST },

  // ---- Message (20000 range) ----
  ERR_SVR_MSG_PKG_PARSE_FAILED: { code: 20001, message: 'Invalid message request: check that sender and recipient accounts exist', where: SERVER_REST },
  ERR_SVR_MSG_INTERNAL_AUTH_FAILED: { code: 20002, message: 'Internal authentication failed (the web SDK names it MSG_A2KEY_EXPIRED and treats it as an expired UserSig)', remediation: 'Log in again with a fresh UserSig.', where: SERVER_REST },
  ERR_SVR_MSG_INVALID_ID: { code: 20003, message: 'Invalid UserID, or the account was never imported', where: SERVER_REST },
  ERR_SVR_MSG_NET_ERROR: { code: 20004, message: 'Network error while delivering the message', remediation: 'Retry.', where: SERVER_REST },
  ERR_SVR_MSG_INTERNAL_ERROR1: { code: 20005, message: 'Internal error while handling the message', remediation: 'Retry.', where: SERVER_REST },
  ERR_SVR_MSG_PUSH_DENY: { code: 20006, message: 'The app\'s before-send callback blocked the message', where: SERVER_REST },
  ERR_SVR_MSG_IN_PEER_BLACKLIST: { code: 20007, message: 'The sender is in the recipient\'s blacklist', where: SERVER_REST },
  ERR_SVR_MSG_BOTH_NOT_FRIEND: { code: 20009, message: 'Sender and recipient are not friends (friend check is on)', where: SERVER_REST },
  ERR_SVR_MSG_NOT_PEER_FRIEND: { code: 20010, message: 'The sender is not the recipient\'s friend (one-way relationship)', where: SERVER_REST },
  ERR_SVR_MSG_NOT_SELF_FRIEND: { code: 20011, message: 'The recipient is not the sender\'s friend (one-way relationship)', where: SERVER_REST },
  ERR_SVR_MSG_SHUTUP_DENY: { code: 20012, message: 'Cannot send: the sender is muted', where: SERVER_REST },
  ERR_SVR_MSG_REVOKE_TIME_LIMIT: { code: 20016, message: 'The revoke time window has passed (2 minutes by default)', where: SERVER_REST },

  // ---- Profile (40000 range) ----
  ERR_SVR_PROFILE_INVALID_PARAMETERS: { code: 40001, message: 'Invalid profile request parameter', remediation: 'Check the request against the profile command (at most 100 accounts per call).', where: SERVER_REST },
  ERR_SVR_PROFILE_ACCOUNT_NOT_FOUND: { code: 40003, message: 'The requested account does not exist', where: SERVER_REST },
  ERR_SVR_PROFILE_READ_PERMISSION_REQUIRED: { code: 40007, message: 'No permission to read this profile field', remediation: 'Declare the custom field readable by admin (parley_admin/set_profile_custom_fields) to read it through REST.', where: SERVER_REST },
  ERR_SVR_PROFILE_WRITE_PERMISSION_REQUIRED: { code: 40008, message: 'No permission to write this profile field', remediation: 'Declare the custom field writable by app (users) or admin (REST) as needed (parley_admin/set_profile_custom_fields).', where: SERVER_REST },
  ERR_SVR_PROFILE_TAG_NOT_FOUND: { code: 40009, message: 'The profile field tag does not exist', remediation: 'Use a standard Tag_Profile_IM_* tag, or declare the Tag_Profile_Custom_* field for the app first (parley_admin/set_profile_custom_fields or `parley app profile-fields`).', where: SERVER_REST },
  ERR_SVR_PROFILE_SIZE_LIMIT: { code: 40601, message: 'A profile field value is longer than 500 bytes (or than its declared length)', where: SERVER_REST },
  ERR_SVR_PROFILE_VALUE_ERROR: { code: 40605, message: 'A standard profile field has a value outside its allowed values', where: SERVER_REST },
  ERR_SVR_PROFILE_INVALID_VALUE_FORMAT: { code: 40610, message: 'A profile field value has the wrong type', where: SERVER_REST },

  // ---- Recent contacts / conversations (50000 range) ----
  ERR_SVR_CONV_ACCOUNT_NOT_FOUND: { code: 50001, message: 'The requested account does not exist', where: REST },
  ERR_SVR_CONV_INVALID_PARAMETERS: { code: 50002, message: 'Invalid conversation request parameter', where: REST },

  // ---- Common (60000 range) ----
  ERR_SVR_COMM_INVALID_HTTP_URL: { code: 60002, message: 'Malformed HTTP URL', remediation: 'Use POST /v4/{service}/{command}?sdkappid=&identifier=&usersig=&random=&contenttype=json.', where: REST },
  ERR_SVR_COMM_REQ_JSON_PARSE_FAILED: { code: 60003, message: 'The request body is not valid JSON', where: REST },
  ERR_SVR_COMM_INVALID_ACCOUNT: { code: 60004, message: 'The identifier or UserSig in the request is invalid', where: REST },
  ERR_SVR_COMM_INVALID_ACCOUNT_EX: { code: 60005, message: 'The identifier or UserSig in the request is invalid (variant of 60004)', where: REST },
  ERR_SVR_COMM_INVALID_SDKAPPID: { code: 60006, message: 'Invalid SDKAppID', where: REST },
  ERR_SVR_COMM_REST_FREQ_LIMIT: { code: 60007, message: 'REST API call rate exceeded', remediation: 'Slow down and retry.', where: REST },
  ERR_SVR_COMM_REQUEST_TIMEOUT: { code: 60008, message: 'The request timed out or its HTTP format is wrong', where: REST },
  ERR_SVR_COMM_INVALID_RES: { code: 60009, message: 'Unknown REST resource (service or command)', where: REST },
  ERR_SVR_COMM_ID_NOT_ADMIN: { code: 60010, message: 'The REST identifier must be an app admin', where: REST },
  ERR_SVR_COMM_SDKAPPID_FREQ_LIMIT: { code: 60011, message: 'The application\'s request rate was exceeded', remediation: 'Slow down and retry.', where: REST },
  ERR_SVR_COMM_SDKAPPID_MISS: { code: 60012, message: 'The request lacks sdkappid', where: REST },
  ERR_SVR_COMM_RSP_JSON_PARSE_FAILED: { code: 60013, message: 'The response body could not be parsed as JSON', where: REST },
  ERR_SVR_COMM_EXCHANGE_ACCOUNT_TIMEUT: { code: 60014, message: 'Account exchange timed out', remediation: 'Retry.', where: REST },
  ERR_SVR_COMM_INVALID_ID_FORMAT: { code: 60015, message: 'The identifier must be a string', where: REST },
  ERR_SVR_COMM_SDKAPPID_FORBIDDEN: { code: 60016, message: 'The application is disabled', where: REST },
  ERR_SVR_COMM_REQ_FORBIDDEN: { code: 60017, message: 'This request is disabled', where: REST },
  ERR_SVR_COMM_REQ_FREQ_LIMIT: { code: 60018, message: 'Requests are too frequent', remediation: 'Slow down and retry.', where: SERVER_REST },
  ERR_SVR_COMM_REQ_FREQ_LIMIT_EX: { code: 60019, message: 'Requests are too frequent (variant of 60018)', remediation: 'Slow down and retry.', where: SERVER_REST },
  ERR_SVR_COMM_INVALID_SERVICE: { code: 60020, message: 'The application is suspended or its plan is not in effect', remediation: 'An operator must set the app status to active.', where: SERVER_REST },
  OPEN_SERVICE_OVERLOAD_ERROR: { code: 60022, message: 'Server overloaded', remediation: 'Retry later.', where: SERVER_REST },

  // ---- Account (70000 range) ----
  ERR_SVR_ACCOUNT_USERSIG_EXPIRED: { code: 70001, message: 'The UserSig expired (the web SDK names it ACCOUNT_A2KEY_EXPIRED)', remediation: 'Generate a new UserSig (validity of at least 24 h recommended).', where: SERVER_REST },
  ERR_SVR_ACCOUNT_USERSIG_EMPTY: { code: 70002, message: 'The UserSig is empty', where: SERVER_REST },
  ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED: { code: 70003, message: 'UserSig verification failed: it is malformed, truncated or tampered with', remediation: 'Pass the UserSig exactly as generated.', where: SERVER_REST },
  ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_EX: { code: 70005, message: 'UserSig verification failed (variant of 70003)', remediation: 'Regenerate the UserSig and pass it exactly as generated.', where: SERVER_REST },
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY: { code: 70009, message: 'UserSig verification failed: it was signed with another key', remediation: 'Check that your business server uses this app\'s secret key.', where: SERVER_REST },
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID: { code: 70013, message: 'The UserID in the request does not match the UserSig', where: SERVER_REST },
  ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID: { code: 70014, message: 'The SDKAppID in the request does not match the UserSig', where: SERVER_REST },
  ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND: { code: 70016, message: 'No key is configured for the application', where: SERVER_REST },
  ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND: { code: 70020, message: 'SDKAppID not found', remediation: 'Create the app with `parley app create` or check the SDKAppID.', where: SERVER_REST },
  ERR_SVR_ACCOUNT_FREQ_LIMIT: { code: 70050, message: 'Too many failed logins; wait one minute', remediation: 'Fix the cause of the failures, then retry after a minute.', where: SERVER_REST },
  ERR_SVR_ACCOUNT_BLACKLIST: { code: 70051, message: 'The account is blacklisted', where: SERVER_REST },
  ERR_SVR_ACCOUNT_INVALID_USERSIG: { code: 70052, message: 'The UserSig was invalidated (for example by a REST kick)', remediation: 'Generate a new UserSig.', where: SERVER_REST },
  ERR_SVR_ACCOUNT_NOT_FOUND: { code: 70107, message: 'The account does not exist', where: REST },
  ERR_SVR_ACCOUNT_SEC_RSTR: { code: 70114, message: 'The account is restricted for security reasons', where: SERVER_REST },
  ERR_SVR_ACCOUNT_INTERNAL_TIMEOUT: { code: 70169, message: 'Internal timeout', remediation: 'Retry.', where: SERVER_REST },
  ERR_SVR_ACCOUNT_INVALID_COUNT: { code: 70206, message: 'Invalid batch size', where: REST },
  ERR_SVR_ACCOUNT_COUNT_LIMIT: { code: 70398, message: 'The application reached its maximum number of accounts', where: SERVER_REST },
  ERR_SVR_ACCOUNT_INVALID_PARAMETERS: { code: 70402, message: 'Invalid or missing parameters', where: REST },
  ERR_SVR_ACCOUNT_ADMIN_REQUIRED: { code: 70403, message: 'This operation needs an app admin', where: REST },
  ERR_SVR_ACCOUNT_INTERNAL_ERROR: { code: 70500, message: 'Internal server error', remediation: 'Retry; if it persists, check the server log.', where: SERVER_REST },

  // ---- Content (80000 range) ----
  ERR_SVR_COMM_SENSITIVE_TEXT: { code: 80001, message: 'The text was blocked by the content policy', where: SERVER_REST },
  ERR_SVR_COMM_BODY_SIZE_LIMIT: { code: 80002, message: 'The message is larger than the limit (12 KB of elements and cloudCustomData)', remediation: 'Send less content per message.', where: SERVER_REST },

  // ---- REST message JSON (90000 range) ----
  ERR_SVR_MSG_JSON_PARSE_FAILED: { code: 90001, message: 'The message request is not valid JSON', where: REST },
  ERR_SVR_MSG_INVALID_JSON_BODY_FORMAT: { code: 90002, message: 'MsgBody does not follow the message element format', remediation: 'Send MsgBody as [{MsgType, MsgContent}] with TIMTextElem or TIMCustomElem elements.', where: REST },
  ERR_SVR_MSG_INVALID_TO_ACCOUNT: { code: 90003, message: 'To_Account is missing or has the wrong type', where: REST },
  ERR_SVR_MSG_INVALID_RAND: { code: 90005, message: 'MsgRandom is missing or is not a 32-bit unsigned integer', where: REST },
  ERR_SVR_MSG_INVALID_TIMESTAMP: { code: 90006, message: 'MsgTimeStamp is missing or is not an integer', where: REST },
  ERR_SVR_MSG_BODY_NOT_ARRAY: { code: 90007, message: 'MsgBody must be an array', where: REST },
  ERR_SVR_MSG_ADMIN_REQUIRED: { code: 90009, message: 'This message request needs an app admin', where: REST },
  ERR_SVR_MSG_INVALID_JSON_FORMAT: { code: 90010, message: 'The message request does not follow the documented format', where: REST },
  ERR_SVR_MSG_TO_ACCOUNT_COUNT_LIMIT: { code: 90011, message: 'More than 500 target accounts in one batch', remediation: 'Split To_Account into batches of at most 500.', where: REST },
  ERR_SVR_MSG_TO_ACCOUNT_NOT_FOUND: { code: 90012, message: 'To_Account does not exist', remediation: 'Import the account first (im_open_login_svc/account_import).', where: REST },
  ERR_SVR_MSG_TIME_LIMIT: { code: 90026, message: 'MsgLifeTime is out of range (at most 7 days)', where: REST },
  ERR_SVR_MSG_INVALID_SYNCOTHERMACHINE: { code: 90031, message: 'SyncOtherMachine must be 1 or 2', where: REST },
  ERR_SVR_MSG_INVALID_MSGLIFETIME: { code: 90044, message: 'MsgLifeTime must be an integer', where: REST },
  ERR_SVR_MSG_ACCOUNT_NOT_FOUND: { code: 90048, message: 'The requested account does not exist', where: REST },
  ERR_SVR_MSG_BODY_SIZE_LIMIT: { code: 93000, message: 'The message JSON is too long (at most 12 KB of message body)', remediation: 'Send less content per message.', where: REST },

  // ---- Web long-poll ----
  ERR_SVR_MSG_LONGPOLLING_COUNT_LIMIT: { code: 91101, message: 'Web instance kicked: too many concurrent web instances', where: SERVER },
} as const satisfies Record<string, ErrorDef>;
