/**
 * `@parley/protocol`: the Parley wire protocol, error-code registry and Tencent-compatible constants.
 * Zero dependencies; runs in browsers, React Native and Node.
 * @packageDocumentation
 */
export { PROTOCOL_VERSION, MAX_REQUEST_ID, MAX_NAME_LENGTH, parseClientFrame, parseServerFrame, stringifyFrame, EncodedBody, encodeResponseFrame, encodePushFrame } from './frames.js';
export type { FrameBody, RequestFrame, ResponseFrame, PushFrame, ServerFrame, ClientFrame } from './frames.js';
export { CloseCode, TERMINAL_CLOSE_CODES } from './close-codes.js';
export type { CloseCodeName, CloseCodeValue } from './close-codes.js';
export {
  Command,
  Push,
  MAX_USERSIG_LENGTH,
  MAX_INSTANCE_ID_LENGTH,
  parseLoginRequest,
  parseKickoutPush,
} from './commands.js';
export type { LoginRequest, LoginResponse, HelloResponse, KickoutPush, ShutdownPush } from './commands.js';
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
} from './constants.js';
export type { Platform, LoginPolicy, KickedOutTypeValue, NetStateValue } from './constants.js';
export { ERRORS, ErrorCode, describeError, listErrors } from './error-codes.js';
export type { ErrorDef, ErrorName, ErrorSite } from './error-codes.js';
export { ParleyError } from './parley-error.js';
export { EVENT } from './events.js';
export type { EventName, EventValue } from './events.js';
export { TYPES } from './types.js';
export type { TypesName } from './types.js';
export { TSIGNALING } from './tsignaling.js';
export type { TSignalingName } from './tsignaling.js';
export { valid, invalid, isRecord, isUint, kindOf, utf8ByteLength } from './validate.js';
export type { Parsed, Valid, Invalid } from './validate.js';
export { MessagingCommand, MessagingPush, SYSTEM_CONVERSATION_ID, MAX_MESSAGE_BYTES, parseConversationID, conversationID } from './messaging.js';
export type {
  WireConversationType,
  WireGroupType,
  WireMemberRole,
  WireElement,
  WireMessage,
  SendMessageRequest,
  SendMessageResponse,
  SyncRequest,
  SyncResponse,
  HistoryRequest,
  HistoryResponse,
  SetReadRequest,
  DeleteMessagesRequest,
  WireConversation,
  ConversationResponse,
  WireGroup,
  CreateGroupRequest,
  UpdateGroupRequest,
  WireGroupMember,
  WireGroupApplication,
  GroupApplicationAction,
} from './messaging.js';
export { MESSAGE_ID_PATTERN, MAX_GROUP_ID_BYTES, GENERATED_GROUP_ID_PREFIX, COMMUNITY_GROUP_ID_PREFIX, isValidMessageID, isValidGroupID, checkCustomGroupID, parseConversationRef } from './messaging-ids.js';
export type { ConversationRef } from './messaging-ids.js';
export { ElementType, GroupTipType, SYSTEM_SENDER, MAX_ELEMENTS, parseElement, parseElements, messageBodyBytes } from './messaging-elements.js';
export { refuse, runParser, BodyReader } from './messaging-parse-core.js';
export type { MessagingInvalid, MessagingParsed } from './messaging-parse-core.js';
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
  parseConversationRequest,
  parseSetReadRequest,
  parseSetAllReadRequest,
  parseDeleteMessagesRequest,
  parseDeleteConversationRequest,
  parsePinConversationRequest,
  parseSetDraftRequest,
} from './messaging-parse.js';
export type { NormalizedSendMessage, NormalizedSync, NormalizedHistory, ReadScope } from './messaging-parse.js';
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
} from './messaging-groups.js';
export type { JoinOption } from './messaging-groups.js';
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
} from './messaging-group-parse.js';
export type { NormalizedCreateGroup, NormalizedUpdateGroup } from './messaging-group-parse.js';
