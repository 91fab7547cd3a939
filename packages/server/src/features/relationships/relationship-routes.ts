/**
 * The REST `sns/*` routes in Tencent's request and response shapes (field names as in Tencent's
 * REST docs, e.g. https://trtc.io/document/34902 for `friend_add`): `From_Account` names the user the
 * call acts for; per-user outcomes are `ResultItem: [{ To_Account, ResultCode, ResultInfo }]` with
 * `Fail_Account` listing the failed ones. A malformed body is 30001, an unknown `From_Account` 30003.
 * Admin calls skip the target's `allowType` only with `ForceAddFlags: 1`; like Tencent's, the REST
 * routes are the app's own server acting, so a friend request that needs confirmation is stored and
 * answered with 30539 in its `ResultItem`.
 */
import {
  ADD_TYPES,
  DELETE_TYPES,
  ERRORS,
  MAX_BLACKLIST,
  MAX_CHECK_IDS,
  MAX_FRIEND_IDS,
  ParleyError,
  isFriendCustomKey,
  isAddSource,
  isValidUserID,
  readFriendCustomFields,
  utf8ByteLength,
  MAX_FRIEND_GROUP_NAME_BYTES,
  MAX_FRIEND_GROUPS,
  MAX_FRIEND_REMARK_BYTES,
  MAX_FRIEND_WORDING_BYTES,
  runParser,
  type BodyReader,
  type FailedUser,
  type FriendCustomField,
  type WireFriend,
} from '@parley/protocol';
import { defineRoute, type AnyRestRoute, type RestCaller } from '../../rest/rest-route.js';
import type { RelationshipServices } from './relationship-commands.js';

/** One per-user outcome. */
interface ResultItem {
  readonly To_Account: string;
  readonly ResultCode: number;
  readonly ResultInfo: string;
}

/** A parsed body acting for `From_Account`, plus the route's own fields. */
type Acting<T> = T & { readonly from: string };

/** Parses a REST body with the parse kit, failing with 30001; `From_Account` is required. */
function parseActing<T>(read: (r: BodyReader) => T): (body: unknown) => Acting<T> {
  return (body) => {
    const parsed = runParser(body, 'ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', (r) => ({ from: readUserID(r, 'From_Account'), ...read(r) }));
    if (!parsed.ok) throw ParleyError.of(parsed.error, parsed.reason);
    return parsed.value;
  };
}

function readUserID(r: BodyReader, key: string): string {
  const v = r.raw(key);
  return isValidUserID(v) ? v : r.fail(`${r.field(key)} is required and must be a UserID`);
}

/** Checks that `From_Account` exists (30003) and returns the relationship caller. */
/** A `Tag_SNS_IM_Group` value: friend group names of 1..30 bytes. */
function isGroupNameList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((n) => typeof n === 'string' && n.length > 0 && utf8ByteLength(n) <= MAX_FRIEND_GROUP_NAME_BYTES);
}

async function acting(services: RelationshipServices, caller: RestCaller, from: string): Promise<{ sdkAppID: number; userID: string }> {
  const sdkAppID = caller.app.app.sdkAppID;
  if (!(await services.friends.existing(sdkAppID, [from])).has(from)) throw ParleyError.of('ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND', `From_Account ${from} does not exist`);
  return { sdkAppID, userID: from };
}

const item = (To_Account: string, ResultCode = 0, ResultInfo = ''): ResultItem => ({ To_Account, ResultCode, ResultInfo });
const failedItem = (f: FailedUser): ResultItem => item(f.userID, f.code, f.message);
const itemOfError = (id: string, err: unknown): ResultItem => {
  if (err instanceof ParleyError) return item(id, err.code, err.message);
  throw err;
};
const results = (items: readonly ResultItem[]): { ResultItem: ResultItem[]; Fail_Account: string[] } => ({
  ResultItem: [...items],
  Fail_Account: items.filter((i) => i.ResultCode !== 0).map((i) => i.To_Account),
});

/** One `ResultItem` per UserID asked, in order: its failure, or success. */
function perUser(asked: readonly string[], failures: readonly FailedUser[]): { ResultItem: ResultItem[]; Fail_Account: string[] } {
  const byID = new Map(failures.map((f) => [f.userID, f]));
  return results(asked.map((id) => {
    const f = byID.get(id);
    return f ? failedItem(f) : item(id);
  }));
}

/** A friend's SNS tags (Tencent's `Tag_SNS_IM_*` and custom `Tag_SNS_Custom_*`). */
function snsItems(friend: WireFriend): { Tag: string; Value: unknown }[] {
  return [
    { Tag: 'Tag_SNS_IM_Group', Value: friend.groupList },
    { Tag: 'Tag_SNS_IM_Remark', Value: friend.remark },
    { Tag: 'Tag_SNS_IM_AddSource', Value: friend.source },
    { Tag: 'Tag_SNS_IM_AddWording', Value: friend.wording },
    { Tag: 'Tag_SNS_IM_AddTime', Value: friend.addTime },
    ...friend.friendCustomField.map((f) => ({ Tag: f.key, Value: f.value })),
  ];
}

interface AddItem {
  readonly to: string;
  readonly source: string;
  readonly remark: string;
  readonly groupName: string;
  readonly wording: string;
}

function readAddItems(r: BodyReader): AddItem[] {
  const items = r.list('AddFriendItem', (i) => {
    const source = i.raw('AddSource');
    if (!isAddSource(source)) return i.fail(`${i.field('AddSource')} must be AddSource_Type_<1..8 letters>`);
    const group = i.raw('GroupName');
    // friend_import takes a list of groups; Parley puts the friend in the first one.
    const groupName = Array.isArray(group) ? i.child({ g: group[0] ?? '' }, i.field('GroupName')).string('g', MAX_FRIEND_GROUP_NAME_BYTES) : (i.optionalString('GroupName', MAX_FRIEND_GROUP_NAME_BYTES) ?? '');
    return {
      to: readUserID(i, 'To_Account'),
      source,
      remark: i.optionalString('Remark', MAX_FRIEND_REMARK_BYTES) ?? '',
      groupName,
      wording: i.optionalString('AddWording', MAX_FRIEND_WORDING_BYTES) ?? '',
    };
  });
  if (items.length === 0 || items.length > MAX_CHECK_IDS) return r.fail(`AddFriendItem must hold 1..${MAX_CHECK_IDS} items`);
  return items;
}

// The body parsers, one per route, as constants so each route's request type is inferred from its parser.
const parseFriendAdd = parseActing((r) => ({ items: readAddItems(r), type: r.optionalOneOf('AddType', ADD_TYPES) ?? 'Add_Type_Both', force: r.optionalInt('ForceAddFlags', 0, 1) === 1 }));
const parseFriendImport = parseActing((r) => ({ items: readAddItems(r) }));
const parseFriendUpdate = parseActing((r) => ({
  items: r.list('UpdateItem', (u) => ({ to: readUserID(u, 'To_Account'), tags: u.list('SnsItem', (t) => ({ tag: t.str('Tag'), value: t.raw('Value') })) })),
}));
const parseFriendDelete = parseActing((r) => ({ to: r.userIDs('To_Account', 1, MAX_CHECK_IDS), type: r.optionalOneOf('DeleteType', DELETE_TYPES) ?? 'Delete_Type_Single' }));
const parseFriendDeleteAll = parseActing((r) => ({ type: r.optionalOneOf('DeleteType', DELETE_TYPES) ?? 'Delete_Type_Single' }));
const parseFriendCheck = parseActing((r) => ({ to: r.userIDs('To_Account', 1, MAX_CHECK_IDS), single: (r.optionalOneOf('CheckType', ['CheckResult_Type_Both', 'CheckResult_Type_Single'] as const) ?? r.fail('CheckType is required')) === 'CheckResult_Type_Single' }));
const parseFriendGet = parseActing((r) => ({ start: r.optionalInt('StartIndex', 0, Number.MAX_SAFE_INTEGER) ?? r.fail('StartIndex is required') }));
const parseFriendGetList = parseActing((r) => ({ to: r.userIDs('To_Account', 1, MAX_FRIEND_IDS), tags: r.strings('TagList') }));
const parseBlackListAdd = parseActing((r) => ({ to: r.userIDs('To_Account', 1, MAX_BLACKLIST) }));
const parseBlackListDelete = parseActing((r) => ({ to: r.userIDs('To_Account', 1, MAX_BLACKLIST) }));
const parseBlackListGet = parseActing((r) => ({ start: r.optionalInt('StartIndex', 0, Number.MAX_SAFE_INTEGER) ?? 0, max: r.optionalInt('MaxLimited', 1, MAX_BLACKLIST) ?? MAX_BLACKLIST }));
const parseBlackListCheck = parseActing((r) => ({ to: r.userIDs('To_Account', 1, MAX_CHECK_IDS), single: (r.optionalOneOf('CheckType', ['BlackCheckResult_Type_Both', 'BlackCheckResult_Type_Single'] as const) ?? r.fail('CheckType is required')) === 'BlackCheckResult_Type_Single' }));
const parseGroupAdd = parseActing((r) => ({ names: readNames(r), to: r.optionalUserIDs('To_Account', MAX_FRIEND_IDS) ?? [] }));
const parseGroupDelete = parseActing((r) => ({ names: readNames(r) }));
const parseGroupGet = parseActing((r) => ({ needFriend: r.raw('NeedFriend') === 'Need_Friend_Type_Yes', names: r.has('GroupName') ? readNames(r) : undefined }));

/** Routes of the relationship service. */
export function relationshipRoutes(s: RelationshipServices): AnyRestRoute[] {
  return [
    defineRoute({
      path: 'sns/friend_add',
      parse: parseFriendAdd,
      handle: async (caller, req) => {
        const me = await acting(s, caller, req.from);
        const out: ResultItem[] = [];
        for (const i of req.items) {
          try {
            const answer = await s.friends.add(me, { to: i.to, source: i.source, wording: i.wording, type: req.type, remark: i.remark, groupName: i.groupName }, req.force);
            out.push(item(i.to, answer.code, answer.code === 0 ? '' : answer.message));
          } catch (err) {
            out.push(itemOfError(i.to, err));
          }
        }
        return results(out);
      },
    }),
    defineRoute({
      path: 'sns/friend_import',
      parse: parseFriendImport,
      handle: async (caller, req) => {
        const me = await acting(s, caller, req.from);
        const out: ResultItem[] = [];
        for (const i of req.items) {
          try {
            await s.friends.add(me, { to: i.to, source: i.source, wording: i.wording, type: 'Add_Type_Single', remark: i.remark, groupName: i.groupName }, true);
            out.push(item(i.to));
          } catch (err) {
            out.push(itemOfError(i.to, err));
          }
        }
        return results(out);
      },
    }),
    defineRoute({
      path: 'sns/friend_update',
      parse: parseFriendUpdate,
      handle: async (caller, req) => {
        const me = await acting(s, caller, req.from);
        const out: ResultItem[] = [];
        for (const u of req.items) {
          const remark = u.tags.find((t) => t.tag === 'Tag_SNS_IM_Remark')?.value;
          const groups = u.tags.find((t) => t.tag === 'Tag_SNS_IM_Group')?.value;
          const custom = u.tags.filter((t) => isFriendCustomKey(t.tag));
          const other = u.tags.find((t) => t.tag !== 'Tag_SNS_IM_Remark' && t.tag !== 'Tag_SNS_IM_Group' && !isFriendCustomKey(t.tag));
          try {
            // Every tag is checked before anything is written.
            if (other !== undefined) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `${other.tag} cannot be updated (friend_update takes Tag_SNS_IM_Remark, Tag_SNS_IM_Group and Tag_SNS_Custom_* tags)`);
            const fields = runParser({ f: custom.map((t) => ({ key: t.tag, value: t.value })) }, 'ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', (r) => readFriendCustomFields(r, 'f'));
            if (!fields.ok) throw ParleyError.of(fields.error, fields.reason);
            if (remark !== undefined && (typeof remark !== 'string' || utf8ByteLength(remark) > MAX_FRIEND_REMARK_BYTES)) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `Tag_SNS_IM_Remark must be a string of at most ${MAX_FRIEND_REMARK_BYTES} bytes`);
            if (groups !== undefined && !isGroupNameList(groups)) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `Tag_SNS_IM_Group must be an array of friend group names of 1..${MAX_FRIEND_GROUP_NAME_BYTES} bytes`);
            const friendCustomField: FriendCustomField[] = fields.value;
            if (groups !== undefined) await s.groups.setGroupsOf(me, u.to, groups);
            if (typeof remark === 'string' || custom.length > 0) {
              await s.friends.update(me, { userID: u.to, ...(typeof remark === 'string' ? { remark } : {}), ...(custom.length > 0 ? { friendCustomField } : {}) });
            }
            out.push(item(u.to));
          } catch (err) {
            out.push(itemOfError(u.to, err));
          }
        }
        return results(out);
      },
    }),
    defineRoute({
      path: 'sns/friend_delete',
      parse: parseFriendDelete,
      handle: async (caller, req) => {
        const me = await acting(s, caller, req.from);
        const answer = await s.friends.delete(me, req.to, req.type);
        return perUser(req.to, answer.failureUserIDList);
      },
    }),
    defineRoute({
      path: 'sns/friend_delete_all',
      parse: parseFriendDeleteAll,
      handle: async (caller, req) => {
        await s.friends.deleteAll(await acting(s, caller, req.from), req.type);
        return {};
      },
    }),
    defineRoute({
      path: 'sns/friend_check',
      parse: parseFriendCheck,
      handle: async (caller, req) => {
        const answer = await s.friends.check(await acting(s, caller, req.from), req.to, req.single);
        return { InfoItem: answer.successUserIDList.map((i) => ({ To_Account: i.userID, Relation: i.relation, ResultCode: 0, ResultInfo: '' })), Fail_Account: [] };
      },
    }),
    defineRoute({
      path: 'sns/friend_get',
      parse: parseFriendGet,
      handle: async (caller, req) => {
        const all = await s.friends.list(await acting(s, caller, req.from));
        const page = all.slice(req.start, req.start + FRIEND_GET_PAGE);
        const next = req.start + page.length;
        return {
          UserDataItem: page.map((f) => ({ To_Account: f.userID, ValueItem: snsItems(f) })),
          StandardSequence: 0,
          CustomSequence: 0,
          FriendNum: all.length,
          NextStartIndex: next,
          CompleteFlag: next >= all.length ? 1 : 0,
        };
      },
    }),
    defineRoute({
      path: 'sns/friend_get_list',
      parse: parseFriendGetList,
      handle: async (caller, req) => {
        const answer = await s.friends.get(await acting(s, caller, req.from), req.to);
        const found = new Map(answer.friendList.map((f) => [f.userID, f]));
        const tags = new Set(req.tags);
        const info = req.to.map((id) => {
          const f = found.get(id);
          if (f === undefined) return { To_Account: id, SnsProfileItem: [], ResultCode: ERRORS.ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS.code, ResultInfo: `${id} is not a friend` };
          return { To_Account: id, SnsProfileItem: snsItems(f).filter((t) => tags.has(t.Tag)), ResultCode: 0, ResultInfo: '' };
        });
        return { InfoItem: info, Fail_Account: info.filter((i) => i.ResultCode !== 0).map((i) => i.To_Account) };
      },
    }),
    defineRoute({
      path: 'sns/black_list_add',
      parse: parseBlackListAdd,
      handle: async (caller, req) => {
        const answer = await s.blacklist.add(await acting(s, caller, req.from), req.to);
        return perUser(req.to, answer.failureUserIDList);
      },
    }),
    defineRoute({
      path: 'sns/black_list_delete',
      parse: parseBlackListDelete,
      handle: async (caller, req) => {
        const answer = await s.blacklist.remove(await acting(s, caller, req.from), req.to);
        return perUser(req.to, answer.failureUserIDList);
      },
    }),
    defineRoute({
      path: 'sns/black_list_get',
      parse: parseBlackListGet,
      handle: async (caller, req) => {
        const all = await s.blacklist.entries(await acting(s, caller, req.from));
        const page = all.slice(req.start, req.start + req.max);
        const next = req.start + page.length;
        return {
          BlackListItem: page.map((e) => ({ To_Account: e.userID, AddBlackTimeStamp: Math.floor(e.addTime / 1000) })),
          StartIndex: next >= all.length ? 0 : next,
          CurruentSequence: all.length,
        };
      },
    }),
    defineRoute({
      path: 'sns/black_list_check',
      parse: parseBlackListCheck,
      handle: async (caller, req) => {
        const me = await acting(s, caller, req.from);
        const mine = new Set((await s.blacklist.entries(me)).map((e) => e.userID));
        const theirs = req.single ? new Set<string>() : await s.blacklist.blockedBy(me, req.to);
        const relation = (id: string): string => {
          if (mine.has(id) && theirs.has(id)) return 'BlackCheckResult_Type_BothWay';
          if (mine.has(id)) return 'BlackCheckResult_Type_AWithB';
          return theirs.has(id) ? 'BlackCheckResult_Type_BWithA' : 'BlackCheckResult_Type_NO';
        };
        return { BlackListCheckItem: req.to.map((id) => ({ To_Account: id, Relation: relation(id), ResultCode: 0, ResultInfo: '' })), Fail_Account: [] };
      },
    }),
    defineRoute({
      path: 'sns/group_add',
      parse: parseGroupAdd,
      handle: async (caller, req) => {
        const me = await acting(s, caller, req.from);
        // Every name is checked before the first group is made, so a refusal writes nothing.
        const before = await s.groups.list(me);
        const taken = req.names.find((n) => before.some((g) => g.name === n));
        if (taken !== undefined) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `the friend group ${JSON.stringify(taken)} already exists`);
        if (before.length + req.names.length > MAX_FRIEND_GROUPS) throw ParleyError.of('ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT', `a user has at most ${MAX_FRIEND_GROUPS} friend groups`);
        const out: ResultItem[] = [];
        for (const name of req.names) {
          const answer = await s.groups.create(me, name, req.to);
          out.push(...answer.failureUserIDList.map(failedItem));
        }
        const groups = await s.groups.list(me);
        return { CurrentSequence: groups.length, ...(req.to.length > 0 ? results(req.to.map((id) => out.find((o) => o.To_Account === id) ?? item(id))) : { Fail_Account: [] }) };
      },
    }),
    defineRoute({
      path: 'sns/group_delete',
      parse: parseGroupDelete,
      handle: async (caller, req) => {
        const me = await acting(s, caller, req.from);
        const before = await s.groups.list(me);
        const missing = req.names.find((n) => !before.some((g) => g.name === n));
        if (missing !== undefined) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `the friend group ${JSON.stringify(missing)} does not exist`);
        for (const name of req.names) await s.groups.delete(me, name);
        return { CurrentSequence: (await s.groups.list(me)).length };
      },
    }),
    defineRoute({
      path: 'sns/group_get',
      parse: parseGroupGet,
      handle: async (caller, req) => {
        const groups = await s.groups.list(await acting(s, caller, req.from));
        const wanted = req.names === undefined ? groups : groups.filter((g) => req.names?.includes(g.name));
        return {
          ResultItem: wanted.map((g) => ({ GroupName: g.name, FriendNumber: g.userIDList.length, ...(req.needFriend ? { To_Account: g.userIDList } : {}) })),
          CurrentSequence: groups.length,
        };
      },
    }),
  ];
}

/** Most friends per `friend_get` page (Tencent pages friend lists by 100). */
const FRIEND_GET_PAGE = 100;

function readNames(r: BodyReader): string[] {
  const names = r.strings('GroupName');
  if (names.length === 0) return r.fail('GroupName must hold at least one name');
  names.forEach((n, i) => r.child({ n }, `GroupName[${i}]`).string('n', MAX_FRIEND_GROUP_NAME_BYTES, 1));
  return [...new Set(names)];
}
