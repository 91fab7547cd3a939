/**
 * `@parley/server`: the Parley chat server. It persists through the `Store` contract of
 * `@parley/store`; import the store types and helpers from there.
 * @packageDocumentation
 */
export { createParleyServer, DEFAULT_SESSION_OPTIONS } from './http/parley-server.js';
export type { ParleyServer, ParleyServerOptions, ClusterOptions } from './http/parley-server.js';
export type { ProfileAudience } from './features/profiles/profile-port.js';
export { parseRestProfileFields, restProfileField } from './features/profiles/profile-field-routes.js';
export type { RestProfileField } from './features/profiles/profile-field-routes.js';
export { LocalBroker } from './cluster/local-broker.js';
export type {
  Broker,
  ClusterHandler,
  ClusterMessage,
  PushMessage,
  KickMessage,
  ReplacedMessage,
  AppChangedMessage,
  AccountsCreatedMessage,
  AccountsDeletedMessage,
  MembershipChangedMessage,
  SigInvalidatedMessage,
  UsageMessage,
} from './cluster/broker.js';
export { LocalSessionDirectory } from './sessions/local-session-directory.js';
export type {
  SessionDirectory,
  InstanceRecord,
  NewInstance,
  Admission,
  ResumeRequest,
  Resumption,
  Tombstone,
  RemovalReason,
  RemoveCondition,
} from './sessions/session-directory.js';
export { DEFAULT_GATEWAY_OPTIONS } from './gateway/gateway-options.js';
export type { GatewayOptions } from './gateway/gateway-options.js';
export type { SessionOptions } from './sessions/session-manager.js';
export { DEFAULT_LOGIN_THROTTLE } from './auth/login-throttle.js';
export type { LoginThrottleOptions } from './auth/login-throttle.js';
export { newAppRecord, generateSecretKey, generateSdkAppID, DEFAULT_ADMIN, DEFAULT_LOGIN_SETTINGS, MAX_ADMINS } from './apps/app-defaults.js';
export { decideVictims, platformClass } from './sessions/login-policy.js';
export type { PolicyInstance, PolicyVictim } from './sessions/login-policy.js';
export { DeadlineQueue } from './time/deadline-queue.js';
export { systemClock, utcDay } from './time/clock.js';
export type { Clock } from './time/clock.js';
export type { ClientAssets } from './http/client-assets.js';
