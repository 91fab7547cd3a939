/**
 * `@parley/sdk`: the Parley client SDK for browsers, React Native and Node.
 *
 * - Web style: `import TencentCloudChat from '@parley/sdk'`, then `TencentCloudChat.create({SDKAppID, server})`.
 * - V2TIM style: `import { TencentImSDKPlugin } from '@parley/sdk'`, then `TencentImSDKPlugin.v2TIMManager.initSDK(...)`.
 *
 * No Node built-ins: the WebSocket constructor, timers, clock and randomness are injected or taken
 * from `globalThis` (on Node 20 pass `WebSocket` from the `ws` package).
 * @packageDocumentation
 */
import { TencentCloudChat } from './web/tencent-cloud-chat.js';

export default TencentCloudChat;
export { TencentCloudChat } from './web/tencent-cloud-chat.js';
export type { TencentCloudChatStatic } from './web/tencent-cloud-chat.js';
export { ChatInstance } from './web/chat-instance.js';
export type { LoginOptions, ChatEventHandler, GenericEventHandler } from './web/chat-instance.js';
export type { ChatResponse } from './session/chat-response.js';
export type {
  Message,
  MessageSendStatus,
  TextPayload,
  CustomPayload,
  Conversation,
  ConversationLastMessage,
  GroupAtInfo,
  Group,
  GroupSelfInfo,
  GroupMember,
} from './model/message-types.js';
export type {
  ConversationTypeValue,
  CreateMessageOptions,
  CreateTextMessageOptions,
  CreateTextAtMessageOptions,
  CreateCustomMessageOptions,
  SendMessageOptions,
  GetMessageListOptions,
  GetMessageListHoppingOptions,
  SetAllMessageReadOptions,
  DeleteConversationOptions,
  CreateGroupOptions,
  UpdateGroupProfileOptions,
} from './model/api-options.js';
export type { MessageListResult, MessageHoppingResult } from './messages/message-api.js';
export type { ConversationListResult } from './conversations/conversation-api.js';
export type { UserStatus, UserStatusFailure } from './model/message-types.js';
export type { ChatEventMap, ChatEventName, ChatEvent } from './session/chat-events.js';
export type { EmittedEvent, EventHandler } from './platform/emitter.js';
export type { LoginResult, LoginStatus } from './session/session-client.js';
export { READY_WHITELIST, PRE_READY_READS } from './web/readiness-gate.js';
export { DEFAULT_SERVER, DEFAULT_LOGIN_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from './platform/options.js';
export type { ChatCreateOptions, SessionOptions } from './platform/options.js';
export { LogLevel } from './platform/environment.js';
export type { WebSocketLike, WebSocketConstructor, Timers, SdkLogger } from './platform/environment.js';
export { exponentialBackoff, DEFAULT_BACKOFF } from './platform/reconnect-policy.js';
export type { ReconnectPolicy, BackoffOptions } from './platform/reconnect-policy.js';
export { VERSION } from './platform/version.js';
export { V2TIMManager, TencentImSDKPlugin } from './v2tim/v2tim-manager.js';
export { LogLevelEnum } from './v2tim/v2tim-types.js';
export { FriendType, FriendApplicationTypeEnum, FriendResponseTypeEnum, FriendRelationType } from './v2tim/v2tim-friendship-types.js';
export type {
  V2TimFriendInfo,
  V2TimFriendApplication,
  V2TimFriendApplicationResult,
  V2TimFriendOperationResult,
  V2TimFriendCheckResult,
  V2TimFriendInfoResult,
  V2TimFriendGroup,
  V2TimFriendshipListener,
} from './v2tim/v2tim-friendship-types.js';
export type { V2TIMFriendshipManager } from './v2tim/v2tim-friendship.js';
export type { Friend, FriendApplication, FriendGroup } from './model/relationship-objects.js';
export type { UserResults, FriendApplicationListResult } from './relationships/relationship-api.js';
export { MessageElemType, MessageStatus, MessagePriorityEnum } from './v2tim/v2tim-message-types.js';
export type { V2TimMessage, V2TimUserInfo, V2TimGroupMemberInfo, V2TimSimpleMsgListener } from './v2tim/v2tim-message-types.js';
export type {
  V2TimCallback,
  V2TimValueCallback,
  V2TimSDKListener,
  V2TimUserFullInfo,
  V2TimUserStatus,
  LogLevelValue,
} from './v2tim/v2tim-types.js';
export { EVENT, TYPES, TSIGNALING, ParleyError, V2TIM_LOGIN_STATUS } from '@parley/protocol';
export { createV2TimFollowMethods, bindV2TimFollowListener, V2TIM_FOLLOW_TYPE } from './v2tim/v2tim-follows.js';
export type { V2TimFollowMethods, V2TimFollowListener, V2TimFollowOperationResult, V2TimUserInfoResult, V2TimFollowInfo, V2TimFollowTypeCheckResult } from './v2tim/v2tim-follows.js';
export type { FollowOperationResult, FollowInfo, FollowTypeCheckResult, FollowListChange } from './model/message-types.js';
