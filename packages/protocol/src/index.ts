/**
 * `@parley/protocol`: the Parley wire protocol, error-code registry and Tencent-compatible constants.
 * Zero dependencies; runs in browsers, React Native and Node.
 * @packageDocumentation
 */
export { PROTOCOL_VERSION, MAX_REQUEST_ID, MAX_NAME_LENGTH, parseClientFrame, parseServerFrame, stringifyFrame, EncodedBody, encodeResponseFrame, encodePushFrame } from './core/frames.js';
export type { FrameBody, RequestFrame, ResponseFrame, PushFrame, ServerFrame, ClientFrame } from './core/frames.js';
export { CloseCode, TERMINAL_CLOSE_CODES } from './core/close-codes.js';
export type { CloseCodeName, CloseCodeValue } from './core/close-codes.js';
export {
  Command,
  Push,
  MAX_USERSIG_LENGTH,
  MAX_INSTANCE_ID_LENGTH,
  parseLoginRequest,
  parseKickoutPush,
} from './session/session-commands.js';
export type { LoginRequest, LoginResponse, HelloResponse, KickoutPush, ShutdownPush } from './session/session-commands.js';
export {
  PLATFORMS,
  NATIVE_PLATFORMS,
  MOBILE_PLATFORMS,
  DESKTOP_PLATFORMS,
  MAX_INSTANCES_LIMIT,
  isPlatform,
  normalizePlatform,
  LOGIN_POLICIES,
  V2TIM_LOGIN_STATUS,
  KickedOutType,
  KICK_TYPE_NUMBER,
  NetState,
  USER_ID_PATTERN,
  isValidUserID,
  OnlineState,
} from './tencent/constants.js';
export type { Platform, LoginPolicy, KickedOutTypeValue, NetStateValue } from './tencent/constants.js';
export { ERRORS, ErrorCode, describeError, listErrors } from './errors/error-codes.js';
export type { ErrorDef, ErrorName, ErrorSite } from './errors/error-codes.js';
export { ParleyError } from './core/parley-error.js';
export { EVENT } from './tencent/events.js';
export type { EventName, EventValue } from './tencent/events.js';
export { TYPES } from './tencent/types.js';
export type { TypesName } from './tencent/types.js';
export { TSIGNALING } from './tencent/tsignaling.js';
export type { TSignalingName } from './tencent/tsignaling.js';
export { valid, invalid, isRecord, isUint, kindOf, utf8ByteLength } from './core/validate.js';
export type { Parsed, Valid, Invalid } from './core/validate.js';
export { MessagingCommand, MessagingPush } from './core/wire-names.js';
export { MAX_MESSAGE_BYTES, NO_SENDER_NAMES } from './shared/wire-message.js';
export type { WireConversationType, WireElement, WireMessage, WireSenderNames } from './shared/wire-message.js';
export type {
  SendMessageRequest,
  SendMessageResponse,
  SyncRequest,
  SyncResponse,
  HistoryRequest,
  HistoryResponse,
  SetReadRequest,
  DeleteMessagesRequest,
} from './messages/message-types.js';
export { SYSTEM_CONVERSATION_ID, parseConversationID, conversationID } from './conversations/conversation-types.js';
export type { WireConversation, ConversationResponse, WireUserBrief } from './shared/wire-conversation.js';
export type {
  WireGroupType,
  WireMemberRole,
  WireGroup,
  CreateGroupRequest,
  UpdateGroupRequest,
  WireGroupMember,
  WireGroupApplication,
  GroupApplicationAction,
} from './groups/group-types.js';
export { MESSAGE_ID_PATTERN, MAX_GROUP_ID_BYTES, isValidMessageID, isValidGroupID, parseConversationRef, parseConversationRequest } from './shared/wire-ids.js';
export type { ConversationRef } from './shared/wire-ids.js';
export { ElementType, GroupTipType, SYSTEM_SENDER, MAX_ELEMENTS, parseElement, parseElements, messageBodyBytes } from './messages/message-elements.js';
export { refuse, runParser, withError, emptyBody, BodyReader, MALFORMED_ANSWER } from './core/parse-kit.js';
export type { ParseResult, ParseFailure, EmptyBody, MessagingInvalid, MessagingParsed } from './core/parse-kit.js';
export { errorMessage } from './errors/error-message.js';
export { refusal, type Refusal } from './errors/refusal.js';
export { defineCommand, definePush } from './core/command-def.js';
export type { CommandDef, PushDef, RequestOf, AnswerOf, PushBodyOf } from './core/command-def.js';
export { SessionCommands, SessionPushes } from './session/session-defs.js';
export { MessageCommands, MessagePushes } from './messages/message-defs.js';
export type { MessagePush } from './messages/message-answers.js';
export { ConversationCommands, ConversationPushes } from './conversations/conversation-defs.js';
export type { ConversationListResponse, ConversationChange } from './conversations/conversation-answers.js';
export { GroupCommands, GroupPushes } from './groups/group-defs.js';
export type {
  GroupResponse,
  GroupListResponse,
  JoinGroupResponse,
  JoinStatusValue,
  GroupMembersResponse,
  AddMembersResponse,
  GroupApplicationsResponse,
  GroupChangeKind,
  GroupChangedPush,
  GroupApplicationPush,
  ApplicationOutcome,
} from './groups/group-answers.js';
export {
  MESSAGE_PRIORITIES,
  MAX_AT_USERS,
  MAX_RECEIVERS,
  SYNC_PAGE,
  MAX_SYNC_RECENT,
  HISTORY_PAGE,
  MAX_DELETE_SEQS,
  parseSendMessageRequest,
  parseSyncRequest,
  parseHistoryRequest,
  parseSetReadRequest,
  parseSetAllReadRequest,
  parseDeleteMessagesRequest,
} from './messages/message-parse.js';
export { parseDeleteConversationRequest, parsePinConversationRequest, parseSetDraftRequest } from './conversations/conversation-parse.js';
export type { NormalizedSendMessage, NormalizedSync, NormalizedHistory, ReadScope } from './messages/message-parse.js';
export {
  GROUP_TYPES,
  MEMBER_ROLES,
  JOIN_OPTIONS,
  JoinStatus,
  GROUP_MEMBER_LIMITS,
  DEFAULT_JOIN_OPTION,
  GROUP_FIELD_LIMITS,
  MAX_MEMBERS_PER_REQUEST,
  MEMBER_PAGE,
  storesHistory,
  GENERATED_GROUP_ID_PREFIX,
  COMMUNITY_GROUP_ID_PREFIX,
  checkCustomGroupID,
} from './groups/group-rules.js';
export type { JoinOption } from './groups/group-rules.js';
export {
  parseCreateGroupRequest,
  parseGroupIDRequest,
  parseJoinGroupRequest,
  parseUpdateGroupRequest,
  parseGroupMembersRequest,
  parseAddMembersRequest,
  parseDeleteMembersRequest,
  parseSetMemberRoleRequest,
  parseHandleGroupApplicationRequest,
} from './groups/group-parse.js';
export type { NormalizedCreateGroup, NormalizedUpdateGroup } from './groups/group-parse.js';
export { ProfileCommands, ProfilePushes } from './profiles/profile-defs.js';
export {
  ProfileWireName,
  MAX_PROFILE_IDS,
  MAX_PROFILE_STRING_BYTES,
  PROFILE_CUSTOM_PREFIX,
  MAX_PROFILE_CUSTOM_NAME_BYTES,
  MAX_PROFILE_CUSTOM_FIELDS,
  MAX_PROFILE_UINT,
  PROFILE_GENDERS,
  PROFILE_ALLOW_TYPES,
  PROFILE_FORBID_TYPES,
  PROFILE_DEFAULTS,
} from './profiles/profile-types.js';
export type { WireProfile, ProfilePatch, ProfileCustomField, ProfileGender, ProfileAllowType, ProfileForbidType, GetProfilesRequest, ProfileResponse, ProfileListResponse } from './profiles/profile-types.js';
export { checkProfilePatch, isProfileCustomKey, parseGetProfilesRequest, parseUpdateProfileRequest } from './profiles/profile-parse.js';
export { readProfile, parseProfileAnswer, parseProfileListAnswer, parseProfilePush } from './profiles/profile-answers.js';
export { StatusCommands, StatusPushes } from './status/status-defs.js';
export { StatusWireName, MAX_STATUS_GET_IDS, MAX_STATUS_SUBSCRIBE_IDS, MAX_CUSTOM_STATUS_BYTES, MAX_STATUS_SUBSCRIPTIONS, USER_STATUS_TYPES } from './status/status-types.js';
export type { UserStatusType, WireUserStatus, StatusFailure, SetSelfStatusRequest, StatusUsersRequest, UnsubscribeStatusRequest, SetSelfStatusResponse, GetStatusResponse, StatusFailuresResponse, StatusUpdatedPush } from './status/status-types.js';
export { parseSetSelfStatusRequest, parseGetStatusRequest, parseSubscribeStatusRequest, parseUnsubscribeStatusRequest } from './status/status-parse.js';
export { readUserStatus, parseSetSelfStatusAnswer, parseGetStatusAnswer, parseStatusFailuresAnswer, parseStatusPush } from './status/status-answers.js';
export { FollowCommands, FollowPushes } from './follows/follow-defs.js';
export { FollowWireName, MAX_FOLLOW_IDS, MAX_FOLLOW_CHECK_IDS, MAX_FOLLOW_INFO_IDS, MAX_FOLLOWING, FOLLOW_PAGE_SIZE, FOLLOW_LISTS, FOLLOW_TYPES } from './follows/follow-types.js';
export type { FollowListType, FollowType, FollowResult, FollowUsersRequest, FollowInfoRequest, FollowListRequest, FollowResultsResponse, FollowListResponse, FollowInfo, FollowInfoResponse, FollowTypeResult, FollowCheckResponse, FollowChangedPush } from './follows/follow-types.js';
export { parseFollowUsersRequest, parseFollowCheckRequest, parseFollowInfoRequest, parseFollowListRequest } from './follows/follow-parse.js';
export { parseFollowResultsAnswer, parseFollowListAnswer, parseFollowInfoAnswer, parseFollowCheckAnswer, parseFollowChangedPush } from './follows/follow-answers.js';
export { RelationshipCommands, RelationshipPushes } from './relationships/relationship-defs.js';
export {
  RelationshipWireName,
  MAX_FRIENDS,
  MAX_FRIEND_GROUPS,
  MAX_FRIEND_GROUP_NAME_BYTES,
  MAX_FRIEND_REMARK_BYTES,
  MAX_FRIEND_WORDING_BYTES,
  MAX_BLACKLIST,
  MAX_PENDING_APPLICATIONS,
  MAX_FRIEND_IDS,
  MAX_CHECK_IDS,
  ADD_SOURCE_PREFIX,
  FRIEND_CUSTOM_PREFIX,
  MAX_FRIEND_CUSTOM_BYTES,
  MAX_FRIEND_CUSTOM_FIELDS,
  ADD_TYPES,
  DELETE_TYPES,
  CHECK_TYPES,
  RELATIONS,
  APPLICATION_TYPES,
  ACCEPT_TYPES,
} from './relationships/relationship-types.js';
export type {
  AddType,
  DeleteType,
  CheckType,
  Relation,
  ApplicationType,
  AcceptType,
  FriendCustomField,
  WireFriend,
  WireFriendApplication,
  WireFriendGroup,
  FailedUser,
  AddFriendRequest,
  AddFriendAnswer,
  DeleteFriendRequest,
  CheckFriendRequest,
  UserListRequest,
  UpdateFriendRequest,
  AcceptApplicationRequest,
  UserRequest,
  DeleteApplicationRequest,
  FriendGroupMembersRequest,
  FriendGroupRequest,
  RenameFriendGroupRequest,
  UserResultsAnswer,
  CheckFriendAnswer,
  FriendListAnswer,
  FriendGetAnswer,
  FriendAnswer,
  ApplicationListAnswer,
  FriendGroupListAnswer,
  FriendGroupAnswer,
  FriendGroupResultAnswer,
  BlacklistAnswer,
} from './relationships/relationship-types.js';
export { isAddSource, isFriendCustomKey, readFriendCustomFields, parseAddFriendRequest } from './relationships/relationship-parse.js';
export {
  PROFILE_FIELD_TYPES,
  PROFILE_FIELD_ROLES,
  MAX_PROFILE_FIELD_DECLARATIONS,
  parseProfileFieldDeclarations,
  checkCustomFieldWrite,
  readableCustomFields,
} from './profiles/profile-fields.js';
export type { ProfileFieldDeclaration, ProfileFieldType, ProfileFieldRole, ProfileFieldRefusal } from './profiles/profile-fields.js';
