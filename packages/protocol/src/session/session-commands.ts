/**
 * Command and push names of the client protocol, with typed bodies and their parsers.
 * Names reuse Tencent's `<service>.<cmd>` wire names where Tencent has one.
 */
import { isPlatform, isValidUserID, KickedOutType, type KickedOutTypeValue, type Platform } from '../tencent/constants.js';
import { PROTOCOL_VERSION } from '../core/frames.js';
import { invalid, isRecord, isUint, kindOf, valid, type Parsed } from '../core/validate.js';

/** Client → server commands. */
export const Command = {
  /** Log in (or resume an instance after a reconnect). */
  LOGIN: 'im_open_status.wslogin',
  /** Log out this instance; the socket stays open and may log in again. */
  LOGOUT: 'im_open_status.wslogout',
  /** Heartbeat; also allowed before login. */
  HELLO: 'im_open_status.wshello',
} as const;

/** Server → client pushes. */
export const Push = {
  /** This instance was kicked out or its UserSig expired. Body: {@link KickoutPush}. The socket closes next. */
  KICKOUT: 'im_open_status.stat_forceoffline',
  /** The server is shutting down. Body: {@link ShutdownPush}. The socket closes next with 1001. */
  SHUTDOWN: 'im_open_status.server_shutdown',
} as const;

/** Longest UserSig accepted on the wire, in characters. Real sigs are ~200–400. */
export const MAX_USERSIG_LENGTH = 4096;

/** Longest instance id accepted on the wire, in characters. */
export const MAX_INSTANCE_ID_LENGTH = 64;

/** Body of {@link Command.LOGIN}. */
export interface LoginRequest {
  /** The application's SDKAppID. */
  readonly SDKAppID: number;
  readonly userID: string;
  readonly userSig: string;
  /** The platform this instance counts as. */
  readonly platform: Platform;
  /** Present when resuming after a reconnect: the `instanceID` of the earlier login answer. */
  readonly instanceID?: string;
  /** Protocol version the client speaks; defaults to {@link PROTOCOL_VERSION}. */
  readonly version: number;
}

/** Successful answer to {@link Command.LOGIN}. */
export interface LoginResponse {
  readonly userID: string;
  /** Server-assigned id of this login instance; send it back to resume after a reconnect. */
  readonly instanceID: string;
  /** Server clock at answer time, in milliseconds since the epoch. */
  readonly serverTime: number;
  /** How often the client must send `wshello`, in seconds. */
  readonly helloInterval: number;
  /** When the UserSig expires, in milliseconds since the epoch. */
  readonly sigExpireAt: number;
  /** True if an existing instance was resumed (no kick, no new DAU). */
  readonly resumed: boolean;
}

/** Answer to {@link Command.HELLO}. */
export interface HelloResponse {
  /** Server clock in milliseconds since the epoch. */
  readonly serverTime: number;
}

/** Body of the {@link Push.KICKOUT} push. */
export interface KickoutPush {
  /** Web-SDK kick-out type string. */
  readonly type: KickedOutTypeValue;
  /** Tencent's numeric kickType (1 same platform, 2 other platform, 3 REST; 4 sig expired). */
  readonly kickType: number;
  /** The login that caused the kick, when there was one. */
  readonly newInstanceInfo?: { readonly platform: Platform; readonly instanceID: string };
}

/** Body of the {@link Push.SHUTDOWN} push. */
export interface ShutdownPush {
  /** Suggested wait before reconnecting, in milliseconds. */
  readonly reconnectAfterMs: number;
}

const INSTANCE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses and validates a {@link LoginRequest} body. UserID rules are checked here (code 7003 / 70402 upstream). */
export function parseLoginRequest(body: unknown): Parsed<LoginRequest> {
  if (!isRecord(body)) return invalid('login body must be an object');
  const { SDKAppID, userID, userSig, platform, instanceID, version } = body;
  if (!isUint(SDKAppID) || SDKAppID === 0 || SDKAppID > 0xffff_ffff) return invalid('SDKAppID must be a positive integer');
  if (typeof userID !== 'string') return invalid(`userID is required and has to be a string (got ${kindOf(userID)})`);
  // Reasons for a present but unusable userID start with "userID must be": the server maps them to 7003.
  if (!isValidUserID(userID)) return invalid('userID must be 1..32 bytes of letters, digits, "_" and "-"');
  // An empty string passes: verifying it answers 70002 (ERR_SVR_ACCOUNT_USERSIG_EMPTY), as Tencent does.
  if (typeof userSig !== 'string') return invalid(`userSig is required and has to be a string (got ${kindOf(userSig)})`);
  if (userSig.length > MAX_USERSIG_LENGTH) return invalid(`userSig is longer than ${MAX_USERSIG_LENGTH} characters`);
  const plat = platform === undefined ? 'Web' : platform;
  if (!isPlatform(plat)) return invalid('platform must be one of Web, Android, IPhone, IPad, Windows, Mac, Linux');
  if (instanceID !== undefined && (typeof instanceID !== 'string' || !INSTANCE_ID.test(instanceID))) {
    return invalid(`instanceID must be 1..${MAX_INSTANCE_ID_LENGTH} characters of [A-Za-z0-9_-]`);
  }
  const ver = version === undefined ? PROTOCOL_VERSION : version;
  if (!isUint(ver) || ver < 1) return invalid('version must be a positive integer');
  return valid({
    SDKAppID,
    userID,
    userSig,
    platform: plat,
    version: ver,
    ...(instanceID !== undefined ? { instanceID } : {}),
  });
}

const KICK_TYPES = new Set<string>(Object.values(KickedOutType));

/** Parses a {@link KickoutPush} body (used by the SDK). */
export function parseKickoutPush(body: unknown): Parsed<KickoutPush> {
  if (!isRecord(body)) return invalid('kickout body must be an object');
  const { type, kickType, newInstanceInfo } = body;
  if (typeof type !== 'string' || !KICK_TYPES.has(type)) return invalid('kickout type is unknown');
  if (!isUint(kickType)) return invalid('kickType must be an integer');
  if (newInstanceInfo === undefined) return valid({ type: type as KickedOutTypeValue, kickType });
  if (!isRecord(newInstanceInfo) || !isPlatform(newInstanceInfo['platform']) || typeof newInstanceInfo['instanceID'] !== 'string') {
    return invalid('newInstanceInfo must be {platform, instanceID}');
  }
  const info = { platform: newInstanceInfo['platform'], instanceID: newInstanceInfo['instanceID'] };
  return valid({ type: type as KickedOutTypeValue, kickType, newInstanceInfo: info });
}
