/**
 * TRTC PrivateMapKey: a UserSig whose `TLS.userbuf` carries a room permission (TLSSigAPIv2's
 * `genPrivateMapKey` / `genPrivateMapKeyWithStringRoomID`). Not used by IM login; provided so a
 * business server can replace Tencent's package by changing only the import.
 * @packageDocumentation
 */
import { checkInteger, DEFAULT_EXPIRE_SECONDS, genUserSig, issueSecond, type GenUserSigOptions } from './usersig-generator.js';
import { MAX_SIG_SECONDS } from './usersig-document.js';

/** Permission bits of `privilegeMap` (a u32; only the low 8 bits have a meaning). */
export const PRIVILEGE = {
  CREATE_ROOM: 1,
  ENTER_ROOM: 2,
  SEND_AUDIO: 4,
  RECV_AUDIO: 8,
  SEND_VIDEO: 16,
  RECV_VIDEO: 32,
  SEND_SUB_VIDEO: 64,
  RECV_SUB_VIDEO: 128,
  ALL: 255,
} as const;

/** The room permission stored in a PrivateMapKey's userbuf. */
export interface PrivateMapUserBuf {
  /** The UserID (`account`). */
  readonly userID: string;
  /** `dwSdkAppid`. */
  readonly sdkAppID: number;
  /** `dwAuthID`: the numeric room; 0 with a string room. */
  readonly roomID: number;
  /** The string room (`cVer` 1 only). */
  readonly roomStr?: string;
  /** `dwExpTime`: expiry, seconds since the epoch (`TLS.time + expire`, modulo 2^32). */
  readonly expireAtSeconds: number;
  /** `dwPrivilegeMap`: {@link PRIVILEGE} bits. */
  readonly privilegeMap: number;
  /** `dwAccountType`: always 0 from the official generators. */
  readonly accountType: number;
}

/** Common inputs of the PrivateMapKey generators. */
export interface PrivateMapKeyBaseOptions extends Omit<GenUserSigOptions, 'userBuf'> {
  /** {@link PRIVILEGE} bits, 0..4294967295 (255 = all). */
  readonly privilegeMap: number;
}

/** Inputs of {@link genPrivateMapKey}. */
export interface PrivateMapKeyOptions extends PrivateMapKeyBaseOptions {
  /** The numeric room, 0..4294967295. */
  readonly roomID: number;
}

/** Inputs of {@link genPrivateMapKeyWithStringRoomID}. */
export interface PrivateMapKeyStringRoomOptions extends PrivateMapKeyBaseOptions {
  /** The string room: 1..65535 characters of printable ASCII. */
  readonly roomStr: string;
}

const U32_MAX = 0xffff_ffff;
const U16_MAX = 0xffff;
// Official generators disagree beyond ASCII (Node writes the low byte of each UTF-16 unit, Go and PHP
// write UTF-8), so only text on which they all agree is accepted.
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

function asciiField(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, not ${typeof value}`);
  if (!PRINTABLE_ASCII.test(value) || value.length > U16_MAX) throw new RangeError(`${name} must be 1..${U16_MAX} characters of printable ASCII`);
  return value;
}

/**
 * Builds the userbuf blob (all integers big-endian): cVer u8, account length u16, account,
 * sdkappid u32, room u32, expiry u32, privilegeMap u32, accountType u32 (0), and for cVer 1 the
 * room string's length u16 and bytes.
 * @throws TypeError or RangeError for out-of-range input.
 */
export function buildPrivateMapUserBuf(buf: Omit<PrivateMapUserBuf, 'accountType'>): Buffer {
  const account = asciiField('userID', buf.userID);
  const roomStr = buf.roomStr === undefined ? undefined : asciiField('roomStr', buf.roomStr);
  const ints = [
    checkInteger('sdkAppID', buf.sdkAppID, 0, U32_MAX),
    checkInteger('roomID', buf.roomID, 0, U32_MAX),
    checkInteger('expireAtSeconds', buf.expireAtSeconds, 0, U32_MAX),
    checkInteger('privilegeMap', buf.privilegeMap, 0, U32_MAX),
    0,
  ];
  const size = 3 + account.length + 4 * ints.length + (roomStr === undefined ? 0 : 2 + roomStr.length);
  const out = Buffer.alloc(size);
  let at = out.writeUInt8(roomStr === undefined ? 0 : 1, 0);
  at = out.writeUInt16BE(account.length, at);
  at += out.write(account, at, 'latin1');
  for (const n of ints) at = out.writeUInt32BE(n, at);
  if (roomStr !== undefined) {
    at = out.writeUInt16BE(roomStr.length, at);
    out.write(roomStr, at, 'latin1');
  }
  return out;
}

/**
 * Reads a PrivateMapKey userbuf (for debugging tools).
 * @returns the fields, or `undefined` when `bytes` is not a well-formed cVer 0 or 1 userbuf.
 */
export function parsePrivateMapUserBuf(bytes: Uint8Array): PrivateMapUserBuf | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 3) return undefined;
  const version = buf.readUInt8(0);
  if (version !== 0 && version !== 1) return undefined;
  const accountLength = buf.readUInt16BE(1);
  let at = 3 + accountLength;
  if (buf.length < at + 20) return undefined;
  const userID = buf.toString('latin1', 3, at);
  const [sdkAppID, roomID, expireAtSeconds, privilegeMap, accountType] = [0, 1, 2, 3, 4].map((i) => buf.readUInt32BE(at + 4 * i)) as [number, number, number, number, number];
  at += 20;
  const base = { userID, sdkAppID, roomID, expireAtSeconds, privilegeMap, accountType };
  if (version === 0) return at === buf.length ? base : undefined;
  if (buf.length < at + 2) return undefined;
  const roomLength = buf.readUInt16BE(at);
  if (buf.length !== at + 2 + roomLength) return undefined;
  return { ...base, roomStr: buf.toString('latin1', at + 2) };
}

function genWithRoom(options: PrivateMapKeyBaseOptions, room: { readonly roomID: number; readonly roomStr?: string }): string {
  const time = issueSecond(options.now);
  const expire = checkInteger('expireSeconds', options.expireSeconds ?? DEFAULT_EXPIRE_SECONDS, 0, MAX_SIG_SECONDS);
  const userBuf = buildPrivateMapUserBuf({
    userID: options.userID,
    sdkAppID: options.sdkAppID,
    ...room,
    // dwExpTime is a u32: the official generators keep the low 32 bits.
    expireAtSeconds: (time + expire) % 2 ** 32,
    privilegeMap: options.privilegeMap,
  });
  // The same `now` for the userbuf and TLS.time, so both carry the same issue second.
  return genUserSig({ ...options, now: time * 1000, userBuf });
}

/**
 * Generates a PrivateMapKey for a numeric room (`cVer` 0).
 * @returns the ticket, a UserSig with `TLS.userbuf`.
 * @throws TypeError or RangeError for out-of-range input.
 */
export function genPrivateMapKey(options: PrivateMapKeyOptions): string {
  return genWithRoom(options, { roomID: options.roomID });
}

/**
 * Generates a PrivateMapKey for a string room (`cVer` 1; the numeric room field is 0).
 * @returns the ticket, a UserSig with `TLS.userbuf`.
 * @throws TypeError or RangeError for out-of-range input.
 */
export function genPrivateMapKeyWithStringRoomID(options: PrivateMapKeyStringRoomOptions): string {
  return genWithRoom(options, { roomID: 0, roomStr: options.roomStr });
}
