/**
 * `@parley/protocol`: the Parley wire protocol, error-code registry and Tencent-compatible constants.
 * Zero dependencies; runs in browsers, React Native and Node.
 * @packageDocumentation
 */
export { PROTOCOL_VERSION, MAX_REQUEST_ID, MAX_NAME_LENGTH, parseClientFrame, parseServerFrame, stringifyFrame } from './frames.js';
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
} from './messaging.js';
