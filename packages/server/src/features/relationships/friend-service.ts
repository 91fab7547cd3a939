/**
 * Friends and friend applications, with Tencent's rules and codes:
 * - `addFriend` honours the target's `allowType` (profiles feature): AllowAny makes the friendship
 *   at once (both ways for `Add_Type_Both`), NeedConfirm stores an application and answers 30539,
 *   DenyAny refuses with 30516. Adding oneself or an existing friend is 30001, an unknown user 30003,
 *   a user the caller blocks 30515, a user who blocks the caller 30525 (blocked users "cannot send a
 *   friend request to the other person", https://tencentcloud.com/document/product/1047/34911).
 * - 3000 friends per user (30010 for the caller, 30014 for the other side), 100 pending applications
 *   per receiver (30012) (https://trtc.io/document/34381).
 * - Not a friend: 31704 per user for deletes, 30001 for reads and updates
 *   (https://cloud.tencent.com/document/faq/269/32485). No such application: 30614.
 */
import {
  MAX_FRIEND_GROUPS,
  MAX_FRIENDS,
  MAX_PENDING_APPLICATIONS,
  ParleyError,
  errorMessage,
  ERRORS,
  type AcceptApplicationRequest,
  type AddFriendAnswer,
  type AddFriendRequest,
  type ApplicationListAnswer,
  type ApplicationType,
  type CheckFriendAnswer,
  type DeleteType,
  type FailedUser,
  type FriendGetAnswer,
  type Relation,
  type UpdateFriendRequest,
  type UserResultsAnswer,
  type WireFriend,
  type ErrorName,
} from '@parley/protocol';
import type { FriendEdge, Store } from '@parley/store';
import type { AccountDirectory } from '../../directories/account-directory.js';
import type { AppCache } from '../../directories/app-cache.js';
import type { Clock } from '../../time/clock.js';
import type { ProfilePort } from '../profiles/profile-port.js';
import { wireFriend, type RelationshipNotifier } from './relationship-notify.js';

/** What the relationship services need. */
export interface RelationshipDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly apps: AppCache;
  readonly accounts: AccountDirectory;
  readonly profiles: ProfilePort;
  readonly notifier: RelationshipNotifier;
}

/** Who asks: a user of an app (a logged-in user, or `From_Account` of a REST call). */
export interface RelationshipCaller {
  readonly sdkAppID: number;
  readonly userID: string;
}

/** One user's failure with the registry's code and wording. */
export function failed(userID: string, name: ErrorName, detail?: string): FailedUser {
  return { userID, code: ERRORS[name].code, message: detail === undefined ? ERRORS[name].message : errorMessage(name, detail) };
}

/** The relation of the caller (A) and a user (B). */
export function relationOf(inMine: boolean, inTheirs: boolean): Relation {
  if (inMine && inTheirs) return 'CheckResult_Type_BothWay';
  if (inMine) return 'CheckResult_Type_AWithB';
  return inTheirs ? 'CheckResult_Type_BWithA' : 'CheckResult_Type_NoRelation';
}

const LIMITS = { maxFriends: MAX_FRIENDS, maxGroups: MAX_FRIEND_GROUPS };

/** Friends and friend applications. */
export class FriendService {
  constructor(private readonly d: RelationshipDeps) {}

  /** The accounts among `userIDs` that exist. */
  async existing(sdkAppID: number, userIDs: readonly string[]): Promise<Set<string>> {
    const app = await this.d.apps.get(sdkAppID);
    if (!app) throw ParleyError.of('ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', String(sdkAppID));
    return this.d.accounts.existing(app, userIDs);
  }

  /** The caller's friends. */
  async list(caller: RelationshipCaller): Promise<WireFriend[]> {
    return (await this.d.store.friends.list(caller.sdkAppID, caller.userID)).map(wireFriend);
  }

  /** Adds a friend or sends an application, by the target's `allowType`. */
  async add(caller: RelationshipCaller, req: AddFriendRequest, force = false): Promise<AddFriendAnswer> {
    const { sdkAppID, userID: me } = caller;
    const { store } = this.d;
    const to = req.to;
    if (to === me) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', 'cannot add oneself as a friend');
    if (!(await this.existing(sdkAppID, [to])).has(to)) throw ParleyError.of('ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND', `${to} does not exist`);
    if (await store.blacklist.blocks(sdkAppID, me, to)) throw ParleyError.of('ERR_SVR_FRIENDSHIP_IN_SELF_BLACKLIST', `${to} is in your blacklist`);
    if (await store.blacklist.blocks(sdkAppID, to, me)) throw ParleyError.of('ERR_SVR_FRIENDSHIP_IN_PEER_BLACKLIST', `you are in ${to}'s blacklist`);
    const [link] = await store.friends.links(sdkAppID, me, [to]);
    if (link?.inMine === true) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `${to} is already your friend`);
    const [profile] = await this.d.profiles.get(sdkAppID, [to]);
    const allowType = force ? 'AllowType_Type_AllowAny' : (profile?.allowType ?? 'AllowType_Type_NeedConfirm');
    if (allowType === 'AllowType_Type_DenyAny') throw ParleyError.of('ERR_SVR_FRIENDSHIP_ALLOW_TYPE_DENY_ANY', `${to} accepts no friend requests`);
    if (allowType === 'AllowType_Type_NeedConfirm') {
      const application = { from: me, to, source: req.source, wording: req.wording, remark: req.remark, groupName: req.groupName, addType: req.type, time: this.d.clock.now() };
      if (!(await store.friendApplications.put(sdkAppID, application, MAX_PENDING_APPLICATIONS))) {
        throw ParleyError.of('ERR_SVR_FRIENDSHIP_PENDENCY_LIMIT', `${to} has ${MAX_PENDING_APPLICATIONS} pending friend applications`);
      }
      await this.d.notifier.push(sdkAppID, { applications: [me, to] });
      const code = ERRORS.ERR_SVR_FRIENDSHIP_ALLOW_TYPE_NEED_CONFIRM;
      return { userID: to, code: code.code, message: code.message };
    }
    const edges: FriendEdge[] = [{ owner: me, friend: to, remark: req.remark, groupName: req.groupName, source: req.source, wording: req.wording }];
    if (req.type === 'Add_Type_Both') edges.push({ owner: to, friend: me, remark: '', groupName: '', source: req.source, wording: req.wording });
    const hadApplication = (await store.friendApplications.get(sdkAppID, me, to)) !== undefined;
    await this.#addEdges(sdkAppID, me, edges);
    await this.d.notifier.push(sdkAppID, {
      friends: edges.map((e) => e.owner),
      groups: req.groupName === '' ? [] : [me],
      applications: hadApplication ? [me, to] : [],
    });
    return { userID: to, code: 0, message: '' };
  }

  async #addEdges(sdkAppID: number, me: string, edges: readonly FriendEdge[]): Promise<void> {
    const outcome = await this.d.store.friends.add(sdkAppID, edges, this.d.clock.now(), LIMITS);
    if (outcome.ok) return;
    if (outcome.fullOwner === me) throw ParleyError.of('ERR_SVR_FRIENDSHIP_COUNT_LIMIT', `${me} has ${MAX_FRIENDS} friends`);
    throw ParleyError.of('ERR_SVR_FRIENDSHIP_PEER_FRIEND_LIMIT', `${outcome.fullOwner} has ${MAX_FRIENDS} friends`);
  }

  /** Deletes friends one way or both ways; a user who is not the caller's friend fails with 31704. */
  async delete(caller: RelationshipCaller, userIDs: readonly string[], type: DeleteType): Promise<UserResultsAnswer> {
    const both = type === 'Delete_Type_Both';
    const links = await this.d.store.friends.links(caller.sdkAppID, caller.userID, userIDs);
    const removed = await this.d.store.friends.remove(caller.sdkAppID, caller.userID, userIDs, both);
    const peers = both ? links.filter((l) => l.inTheirs).map((l) => l.userID) : [];
    const touched = [caller.userID, ...peers];
    if (removed.length > 0 || peers.length > 0) await this.d.notifier.push(caller.sdkAppID, { friends: touched, groups: touched });
    const gone = new Set(removed);
    return {
      successUserIDList: userIDs.filter((id) => gone.has(id)),
      failureUserIDList: userIDs.filter((id) => !gone.has(id)).map((id) => failed(id, 'ERR_SVR_FRIENDSHIP_DEL_NONFRIEND', `${id} is not your friend`)),
    };
  }

  /** Deletes every friend of the caller (REST `friend_delete_all`). */
  async deleteAll(caller: RelationshipCaller, type: DeleteType): Promise<void> {
    const removed = await this.d.store.friends.removeAll(caller.sdkAppID, caller.userID, type === 'Delete_Type_Both');
    const touched = [caller.userID, ...(type === 'Delete_Type_Both' ? removed : [])];
    await this.d.notifier.push(caller.sdkAppID, { friends: touched, groups: touched });
  }

  /** The relation of the caller and each user (`CheckResult_Type_Single` only looks at the caller's list). */
  async check(caller: RelationshipCaller, userIDs: readonly string[], single: boolean): Promise<CheckFriendAnswer> {
    const links = await this.d.store.friends.links(caller.sdkAppID, caller.userID, userIDs);
    return { successUserIDList: links.map((l) => ({ userID: l.userID, relation: relationOf(l.inMine, single ? false : l.inTheirs) })), failureUserIDList: [] };
  }

  /** Some of the caller's friends; the others fail with 30001. */
  async get(caller: RelationshipCaller, userIDs: readonly string[]): Promise<FriendGetAnswer> {
    const found = await this.d.store.friends.get(caller.sdkAppID, caller.userID, userIDs);
    const ids = new Set(found.map((f) => f.userID));
    return {
      friendList: found.map(wireFriend),
      failureUserIDList: userIDs.filter((id) => !ids.has(id)).map((id) => failed(id, 'ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `${id} is not your friend`)),
    };
  }

  /** Changes a friend's remark or custom fields; 30001 when not a friend. */
  async update(caller: RelationshipCaller, req: UpdateFriendRequest): Promise<WireFriend> {
    const patch = { ...(req.remark !== undefined ? { remark: req.remark } : {}), ...(req.friendCustomField !== undefined ? { customFields: req.friendCustomField } : {}) };
    const record = await this.d.store.friends.update(caller.sdkAppID, caller.userID, req.userID, patch);
    if (record === undefined) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `${req.userID} is not your friend`);
    await this.d.notifier.push(caller.sdkAppID, { friends: [caller.userID] });
    return wireFriend(record);
  }

  /** The caller's applications, both directions, and the unread count. */
  async applications(caller: RelationshipCaller): Promise<ApplicationListAnswer> {
    return this.d.notifier.applications(caller.sdkAppID, caller.userID);
  }

  /** Accepts `userID`'s application: they get the caller as a friend (and the caller them, for AgreeAndAdd). */
  async accept(caller: RelationshipCaller, req: AcceptApplicationRequest): Promise<void> {
    const { sdkAppID, userID: me } = caller;
    const application = await this.d.store.friendApplications.get(sdkAppID, req.userID, me);
    if (application === undefined) throw ParleyError.of('ERR_SVR_FRIENDSHIP_PENDENCY_NOT_FOUND', `no friend application from ${req.userID}`);
    const edges: FriendEdge[] = [{ owner: req.userID, friend: me, remark: application.remark, groupName: application.groupName, source: application.source, wording: application.wording }];
    if (req.type === 'Response_Action_AgreeAndAdd') edges.push({ owner: me, friend: req.userID, remark: req.remark, groupName: '', source: application.source, wording: application.wording });
    // One store write: the applicant's edge consumes the application.
    await this.#addEdges(sdkAppID, me, edges);
    await this.d.notifier.push(sdkAppID, { friends: edges.map((e) => e.owner), applications: [me, req.userID], groups: application.groupName === '' ? [] : [req.userID] });
  }

  /** Refuses `userID`'s application. */
  async refuse(caller: RelationshipCaller, userID: string): Promise<void> {
    await this.deleteApplication(caller, userID, 'Pendency_Type_ComeIn');
  }

  /** Deletes an application sent to (`ComeIn`) or by (`SendOut`) the caller. */
  async deleteApplication(caller: RelationshipCaller, userID: string, type: ApplicationType): Promise<void> {
    const [from, to] = type === 'Pendency_Type_ComeIn' ? [userID, caller.userID] : [caller.userID, userID];
    if (!(await this.d.store.friendApplications.delete(caller.sdkAppID, from, to))) {
      throw ParleyError.of('ERR_SVR_FRIENDSHIP_PENDENCY_NOT_FOUND', `no friend application from ${from} to ${to}`);
    }
    await this.d.notifier.push(caller.sdkAppID, { applications: [caller.userID, userID] });
  }

  /** Marks the applications sent to the caller read. */
  async markRead(caller: RelationshipCaller): Promise<void> {
    await this.d.store.friendApplications.markRead(caller.sdkAppID, caller.userID, this.d.clock.now());
    await this.d.notifier.push(caller.sdkAppID, { applications: [caller.userID] });
  }
}
