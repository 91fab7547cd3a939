/**
 * Rows of the messaging and group tables ↔ store records. As in `sqlite-row-codec.ts`, no row is
 * trusted: every column is checked and a bad one is named.
 */
import { GROUP_TYPES, MEMBER_ROLES, invalid, isRecord, isUint, valid, type Parsed, type WireElement, type WireGroupType, type WireMemberRole } from '@parley/protocol';
import type { ConversationState, GroupApplication, GroupMemberRecord, GroupView, MessageRecord } from '@parley/store';
import { parseRow } from './sqlite-errors.js';
import { parseJsonColumn, parseStringArray } from './sqlite-row-codec.js';

function parseElementArray(value: unknown, path: string): Parsed<WireElement[]> {
  if (!Array.isArray(value)) return invalid(`${path} must be a JSON array`);
  const out: WireElement[] = [];
  for (const [i, el] of value.entries()) {
    if (!isRecord(el) || typeof el['type'] !== 'string' || !isRecord(el['content'])) return invalid(`${path}[${i}] must be {type, content}`);
    out.push({ type: el['type'], content: el['content'] });
  }
  return valid(out);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Parses a message row (columns of `MESSAGE_COLUMNS`). */
export function parseMessageRow(row: unknown): Parsed<MessageRecord> {
  if (!isRecord(row)) return invalid('the row is missing');
  const { msg_id: ID, conv_type: conversationType, from_user: from, to_target: to, seq, time, random, priority, cloud_custom_data: cloudCustomData, sender_nick: nick, sender_avatar: avatar, sender_name_card: nameCard } = row;
  if (typeof ID !== 'string') return invalid('msg_id must be text');
  if (conversationType !== 'C2C' && conversationType !== 'GROUP') return invalid('conv_type must be C2C or GROUP');
  if (typeof from !== 'string') return invalid('from_user must be text');
  if (typeof to !== 'string') return invalid('to_target must be text');
  if (!isUint(seq) || seq < 1) return invalid('seq must be a positive integer');
  if (!isUint(time)) return invalid('time must be a non-negative integer');
  if (!isUint(random)) return invalid('random must be a non-negative integer');
  if (typeof priority !== 'string') return invalid('priority must be text');
  if (typeof cloudCustomData !== 'string') return invalid('cloud_custom_data must be text');
  if (typeof nick !== 'string' || typeof avatar !== 'string' || typeof nameCard !== 'string') return invalid('sender_nick, sender_avatar and sender_name_card must be text');
  const elements = parseJsonColumn(row, 'elements', parseElementArray);
  if (!elements.ok) return elements;
  const atUserList = parseJsonColumn(row, 'at_users', parseStringArray);
  if (!atUserList.ok) return atUserList;
  const receiverList = parseJsonColumn(row, 'receivers', parseStringArray);
  if (!receiverList.ok) return receiverList;
  return valid({
    ID,
    conversationType,
    from,
    to,
    seq,
    time,
    random,
    elements: elements.value,
    cloudCustomData,
    priority,
    atUserList: atUserList.value,
    receiverList: receiverList.value,
    nick,
    avatar,
    nameCard,
  });
}

/** A message row as a record; a corrupt row throws 70500 naming the `messages` table. */
export function readMessageRow(row: unknown): MessageRecord {
  return parseRow('messages', 'message', parseMessageRow(row));
}

/** Parses a `conversation_states` row. */
export function parseStateRow(row: unknown): Parsed<ConversationState> {
  if (!isRecord(row)) return invalid('the row is missing');
  const { conversation_id: conversationID, read_seq: readSeq, pinned, draft, cleared_seq: clearedSeq, deleted_seq: deletedSeq, updated_at: updatedAt } = row;
  if (typeof conversationID !== 'string') return invalid('conversation_id must be text');
  if (!isUint(readSeq)) return invalid('read_seq must be a non-negative integer');
  if (pinned !== 0 && pinned !== 1) return invalid('pinned must be 0 or 1');
  if (typeof draft !== 'string') return invalid('draft must be text');
  if (!isUint(clearedSeq)) return invalid('cleared_seq must be a non-negative integer');
  if (deletedSeq !== null && !isUint(deletedSeq)) return invalid('deleted_seq must be NULL or a non-negative integer');
  if (!isInt(updatedAt)) return invalid('updated_at must be an integer');
  return valid({ conversationID, readSeq, isPinned: pinned === 1, draftText: draft, clearedSeq, deletedSeq, updatedAt });
}

function isGroupType(v: unknown): v is WireGroupType {
  return (GROUP_TYPES as readonly unknown[]).includes(v);
}

function isRole(v: unknown): v is WireMemberRole {
  return (MEMBER_ROLES as readonly unknown[]).includes(v);
}

/** Parses a `chat_groups` row joined with its sequence (column `seq`). */
export function parseGroupRow(row: unknown): Parsed<GroupView> {
  if (!isRecord(row)) return invalid('the row is missing');
  const r = row;
  for (const col of ['group_id', 'name', 'introduction', 'notification', 'avatar', 'owner_id', 'join_option']) {
    if (typeof r[col] !== 'string') return invalid(`${col} must be text`);
  }
  if (!isGroupType(r['type'])) return invalid(`type must be one of ${GROUP_TYPES.join(', ')}`);
  for (const col of ['create_time', 'max_member_num', 'member_num', 'seq']) {
    if (!isUint(r[col])) return invalid(`${col} must be a non-negative integer`);
  }
  if (r['mute_all'] !== 0 && r['mute_all'] !== 1) return invalid('mute_all must be 0 or 1');
  return valid({
    groupID: r['group_id'] as string,
    type: r['type'],
    name: r['name'] as string,
    introduction: r['introduction'] as string,
    notification: r['notification'] as string,
    avatar: r['avatar'] as string,
    ownerID: r['owner_id'] as string,
    createTime: r['create_time'] as number,
    maxMemberNum: r['max_member_num'] as number,
    joinOption: r['join_option'] as string,
    muteAllMembers: r['mute_all'] === 1,
    memberNum: r['member_num'] as number,
    seq: r['seq'] as number,
  });
}

/** Parses a `group_members` row. */
export function parseMemberRow(row: unknown): Parsed<GroupMemberRecord> {
  if (!isRecord(row)) return invalid('the row is missing');
  const { user_id: userID, role, join_time: joinTime, name_card: nameCard } = row;
  if (typeof userID !== 'string') return invalid('user_id must be text');
  if (!isRole(role)) return invalid(`role must be one of ${MEMBER_ROLES.join(', ')}`);
  if (!isUint(joinTime)) return invalid('join_time must be a non-negative integer');
  if (typeof nameCard !== 'string') return invalid('name_card must be text');
  return valid({ userID, role, joinTime, nameCard });
}

/** Parses a `group_applications` row. */
export function parseApplicationRow(row: unknown): Parsed<GroupApplication> {
  if (!isRecord(row)) return invalid('the row is missing');
  const { user_id: userID, message, time } = row;
  if (typeof userID !== 'string') return invalid('user_id must be text');
  if (typeof message !== 'string') return invalid('message must be text');
  if (!isUint(time)) return invalid('time must be a non-negative integer');
  return valid({ userID, message, time });
}
