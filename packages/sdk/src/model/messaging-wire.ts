/**
 * Parsers for the server's messaging answers and pushes (`@parley/protocol` messaging.ts), so a
 * malformed body becomes one precise reason (`"sync answer: messages[3].seq must be a
 * non-negative integer"`) instead of `undefined` fields later. Unknown fields are ignored
 * (docs/PROTOCOL.md §13, Versioning); every field the contract declares is required.
 */
import {
  GROUP_TYPES,
  invalid,
  isRecord,
  isUint,
  kindOf,
  MEMBER_ROLES,
  valid,
  type GroupApplicationAction,
  type Parsed,
  type WireConversation,
  type WireConversationType,
  type WireElement,
  type WireGroup,
  type WireGroupApplication,
  type WireGroupMember,
  type WireGroupType,
  type WireMemberRole,
  type WireMessage,
} from '@parley/protocol';

/** Thrown inside a parse and turned into an {@link Invalid} result at its top. */
class WireError extends Error {}

const GROUP_TYPE_SET: ReadonlySet<string> = new Set(GROUP_TYPES);
const ROLE_SET: ReadonlySet<string> = new Set(MEMBER_ROLES);

/** Reads typed fields of one JSON object, naming the path of a bad field. */
class Fields {
  constructor(
    private readonly o: Record<string, unknown>,
    private readonly path: string,
  ) {}

  static of(value: unknown, path: string): Fields {
    if (!isRecord(value)) throw new WireError(`${path} must be an object (got ${kindOf(value)})`);
    return new Fields(value, path);
  }

  private fail(key: string, what: string): never {
    throw new WireError(`${this.path}.${key} must be ${what} (got ${kindOf(this.o[key])})`);
  }

  has(key: string): boolean {
    return this.o[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.o[key];
  }

  str(key: string): string {
    const v = this.o[key];
    return typeof v === 'string' ? v : this.fail(key, 'a string');
  }

  uint(key: string): number {
    const v = this.o[key];
    return isUint(v) ? v : this.fail(key, 'a non-negative integer');
  }

  bool(key: string): boolean {
    const v = this.o[key];
    return typeof v === 'boolean' ? v : this.fail(key, 'a boolean');
  }

  strings(key: string): string[] {
    const v = this.o[key];
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) return this.fail(key, 'an array of strings');
    return v as string[];
  }

  list<T>(key: string, item: (value: unknown, path: string) => T): T[] {
    const v = this.o[key];
    if (!Array.isArray(v)) return this.fail(key, 'an array');
    return v.map((x, i) => item(x, `${this.path}.${key}[${i}]`));
  }

  oneOf<T extends string>(key: string, allowed: ReadonlySet<string>): T {
    const v = this.o[key];
    return typeof v === 'string' && allowed.has(v) ? (v as T) : this.fail(key, `one of ${[...allowed].join(', ')}`);
  }
}

function run<T>(parse: () => T): Parsed<T> {
  try {
    return valid(parse());
  } catch (error) {
    if (error instanceof WireError) return invalid(error.message);
    throw error;
  }
}

function element(value: unknown, path: string): WireElement {
  const f = Fields.of(value, path);
  const content = f.raw('content');
  if (!isRecord(content)) throw new WireError(`${path}.content must be an object (got ${kindOf(content)})`);
  return { type: f.str('type'), content };
}

function conversationType(f: Fields): WireConversationType {
  return f.oneOf<WireConversationType>('conversationType', new Set(['C2C', 'GROUP']));
}

/** Reads a {@link WireMessage} at `path`. */
export function readMessage(value: unknown, path: string): WireMessage {
  const f = Fields.of(value, path);
  const elements = f.list('elements', element);
  return {
    ID: f.str('ID'),
    conversationType: conversationType(f),
    from: f.str('from'),
    to: f.str('to'),
    seq: f.uint('seq'),
    time: f.uint('time'),
    random: f.uint('random'),
    elements,
    cloudCustomData: f.str('cloudCustomData'),
    priority: f.str('priority'),
    atUserList: f.strings('atUserList'),
    isOnlineOnly: f.bool('isOnlineOnly'),
    receiverList: f.strings('receiverList'),
  };
}

/** Reads a {@link WireConversation} at `path`. */
export function readConversation(value: unknown, path: string): WireConversation {
  const f = Fields.of(value, path);
  const last = f.raw('lastMessage');
  return {
    conversationID: f.str('conversationID'),
    type: f.oneOf<WireConversationType>('type', new Set(['C2C', 'GROUP'])),
    target: f.str('target'),
    lastMessage: last === null ? null : readMessage(last, `${path}.lastMessage`),
    maxSeq: f.uint('maxSeq'),
    readSeq: f.uint('readSeq'),
    unreadCount: f.uint('unreadCount'),
    isPinned: f.bool('isPinned'),
    draftText: f.str('draftText'),
    updatedAt: f.uint('updatedAt'),
  };
}

/** Reads a {@link WireGroup} at `path`. */
export function readGroup(value: unknown, path: string): WireGroup {
  const f = Fields.of(value, path);
  return {
    groupID: f.str('groupID'),
    type: f.oneOf<WireGroupType>('type', GROUP_TYPE_SET),
    name: f.str('name'),
    introduction: f.str('introduction'),
    notification: f.str('notification'),
    avatar: f.str('avatar'),
    ownerID: f.str('ownerID'),
    createTime: f.uint('createTime'),
    memberNum: f.uint('memberNum'),
    maxMemberNum: f.uint('maxMemberNum'),
    joinOption: f.str('joinOption'),
    muteAllMembers: f.bool('muteAllMembers'),
    nextMessageSeq: f.uint('nextMessageSeq'),
    ...(f.has('selfRole') ? { selfRole: f.oneOf<WireMemberRole>('selfRole', ROLE_SET) } : {}),
    ...(f.has('selfJoinTime') ? { selfJoinTime: f.uint('selfJoinTime') } : {}),
  };
}

function readMember(value: unknown, path: string): WireGroupMember {
  const f = Fields.of(value, path);
  return { userID: f.str('userID'), role: f.oneOf<WireMemberRole>('role', ROLE_SET), joinTime: f.uint('joinTime'), nameCard: f.str('nameCard') };
}

/** `openim.sendmsg` answer. */
export function parseSendAnswer(body: unknown): Parsed<{ message: WireMessage; duplicate: boolean }> {
  return run(() => {
    const f = Fields.of(body, 'send answer');
    return { message: readMessage(f.raw('message'), 'send answer.message'), duplicate: f.bool('duplicate') };
  });
}

/** `openim.sync` answer. */
export function parseSyncAnswer(body: unknown): Parsed<{
  messages: WireMessage[];
  cursor: number;
  isCompleted: boolean;
  groups: { groupID: string; seq: number }[];
}> {
  return run(() => {
    const f = Fields.of(body, 'sync answer');
    return {
      messages: f.list('messages', readMessage),
      cursor: f.uint('cursor'),
      isCompleted: f.bool('isCompleted'),
      groups: f.list('groups', (v, p) => {
        const g = Fields.of(v, p);
        return { groupID: g.str('groupID'), seq: g.uint('seq') };
      }),
    };
  });
}

/** `openim.getmsg` answer. */
export function parseHistoryAnswer(body: unknown): Parsed<{ messages: WireMessage[]; isCompleted: boolean }> {
  return run(() => {
    const f = Fields.of(body, 'history answer');
    return { messages: f.list('messages', readMessage), isCompleted: f.bool('isCompleted') };
  });
}

/** An answer carrying `{conversation}`. */
export function parseConversationAnswer(body: unknown): Parsed<WireConversation> {
  return run(() => readConversation(Fields.of(body, 'answer').raw('conversation'), 'answer.conversation'));
}

/** `recentcontact.get_list` answer. */
export function parseConversationsAnswer(body: unknown): Parsed<WireConversation[]> {
  return run(() => Fields.of(body, 'conversation list answer').list('conversations', readConversation));
}

/** An answer carrying `{group}`. */
export function parseGroupAnswer(body: unknown): Parsed<WireGroup> {
  return run(() => readGroup(Fields.of(body, 'answer').raw('group'), 'answer.group'));
}

/** `get_joined_group_list` answer. */
export function parseGroupsAnswer(body: unknown): Parsed<WireGroup[]> {
  return run(() => Fields.of(body, 'group list answer').list('groups', readGroup));
}

/** `apply_join_group` answer. */
export function parseJoinAnswer(body: unknown): Parsed<{ status: string; group: WireGroup }> {
  return run(() => {
    const f = Fields.of(body, 'join answer');
    const status = f.oneOf<string>('status', new Set(['JoinedSuccess', 'AlreadyInGroup', 'WaitAdminApproval']));
    return { status, group: readGroup(f.raw('group'), 'join answer.group') };
  });
}

/** `get_group_member_list` answer. */
export function parseMembersAnswer(body: unknown): Parsed<{ members: WireGroupMember[]; nextOffset: number; isCompleted: boolean }> {
  return run(() => {
    const f = Fields.of(body, 'member list answer');
    return { members: f.list('members', readMember), nextOffset: f.uint('nextOffset'), isCompleted: f.bool('isCompleted') };
  });
}

/** `add_group_member` answer. */
export function parseAddMembersAnswer(body: unknown): Parsed<{ userID: string; result: number }[]> {
  return run(() =>
    Fields.of(body, 'add member answer').list('results', (v, p) => {
      const r = Fields.of(v, p);
      const result = r.uint('result');
      if (result > 2) throw new WireError(`${p}.result must be 0, 1 or 2 (got ${result})`);
      return { userID: r.str('userID'), result };
    }),
  );
}

/** `openim.msg` push body. */
export function parseMessagePush(body: unknown): Parsed<WireMessage> {
  return run(() => readMessage(Fields.of(body, 'message push').raw('message'), 'message push.message'));
}

/** `recentcontact.changed` push body: a new state, or a deletion. */
export type ConversationChange = { readonly kind: 'changed'; readonly conversation: WireConversation } | { readonly kind: 'deleted'; readonly conversationID: string };

/** Parses a `recentcontact.changed` push body. */
export function parseConversationPush(body: unknown): Parsed<ConversationChange> {
  return run((): ConversationChange => {
    const f = Fields.of(body, 'conversation push');
    if (f.raw('deleted') === true) return { kind: 'deleted', conversationID: f.str('conversationID') };
    return { kind: 'changed', conversation: readConversation(f.raw('conversation'), 'conversation push.conversation') };
  });
}

/** How the user's group list changed (`group_changed` push). */
export type GroupChangeKind = 'joined' | 'left' | 'kicked' | 'dismissed' | 'updated';

/** Parses a `group_open_http_svc.group_changed` push body. */
export function parseGroupPush(body: unknown): Parsed<{ groupID: string; change: GroupChangeKind; group: WireGroup | undefined }> {
  return run(() => {
    const f = Fields.of(body, 'group push');
    const change = f.oneOf<GroupChangeKind>('change', new Set(['joined', 'left', 'kicked', 'dismissed', 'updated']));
    const group = f.has('group') ? readGroup(f.raw('group'), 'group push.group') : undefined;
    return { groupID: f.str('groupID'), change, group };
  });
}

function readApplication(value: unknown, path: string): WireGroupApplication {
  const f = Fields.of(value, path);
  return { groupID: f.str('groupID'), groupName: f.str('groupName'), userID: f.str('userID'), message: f.str('message'), time: f.uint('time') };
}

/** Parses the answer of `get_group_application_list`. */
export function parseApplicationsAnswer(body: unknown): Parsed<WireGroupApplication[]> {
  return run(() => Fields.of(body, 'application list').list('applications', readApplication));
}

/** Parses a `group_open_http_svc.group_application` push body. */
export function parseApplicationPush(body: unknown): Parsed<WireGroupApplication> {
  return run(() => readApplication(Fields.of(body, 'application push').raw('application'), 'application push.application'));
}

/** How an application was decided (`group_application_handled`). */
export interface ApplicationOutcome {
  readonly groupID: string;
  readonly userID: string;
  readonly action: GroupApplicationAction;
  readonly handleMessage: string;
  readonly operatorID: string;
}

/** Parses a `group_open_http_svc.group_application_handled` push body. */
export function parseApplicationHandledPush(body: unknown): Parsed<ApplicationOutcome> {
  return run(() => {
    const f = Fields.of(body, 'application outcome');
    const action = f.oneOf<GroupApplicationAction>('action', new Set(['Agree', 'Reject']));
    return { groupID: f.str('groupID'), userID: f.str('userID'), action, handleMessage: f.str('handleMessage'), operatorID: f.str('operatorID') };
  });
}
