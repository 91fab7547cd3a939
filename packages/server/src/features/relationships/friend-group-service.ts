/**
 * Friend groups: at most 32 per user (30011), names up to 30 bytes (checked by the request parser);
 * a missing or taken name is 30001. Only friends can be members: others fail per user with 32518,
 * a friend already in the group with 32519, one not in it with 32520.
 */
import { MAX_FRIEND_GROUPS, ParleyError, type FailedUser, type FriendGroupResultAnswer, type WireFriendGroup } from '@parley/protocol';
import type { FriendGroupChange } from '@parley/store';
import { failed, type RelationshipCaller, type RelationshipDeps } from './friend-service.js';

/** Friend groups of users. */
export class FriendGroupService {
  constructor(private readonly d: RelationshipDeps) {}

  /** The caller's friend groups. */
  async list(caller: RelationshipCaller): Promise<WireFriendGroup[]> {
    return this.d.store.friendGroups.list(caller.sdkAppID, caller.userID);
  }

  /** Creates a group with those of `userIDs` that are friends. */
  async create(caller: RelationshipCaller, name: string, userIDs: readonly string[]): Promise<FriendGroupResultAnswer> {
    const outcome = await this.d.store.friendGroups.create(caller.sdkAppID, caller.userID, name, userIDs, MAX_FRIEND_GROUPS, this.d.clock.now());
    if (!outcome.ok && outcome.reason === 'full') throw ParleyError.of('ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT', `${caller.userID} has ${MAX_FRIEND_GROUPS} friend groups`);
    if (!outcome.ok) throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `the friend group ${JSON.stringify(name)} already exists`);
    return this.#answer(caller, outcome.change, userIDs, (id) => failed(id, 'ERR_SVR_FRIENDSHIP_GROUP_NOT_FRIEND', `${id} is not your friend`));
  }

  /** Deletes a group; its friends stay friends. */
  async delete(caller: RelationshipCaller, name: string): Promise<WireFriendGroup> {
    const group = await this.d.store.friendGroups.delete(caller.sdkAppID, caller.userID, name);
    if (group === undefined) throw this.#missing(name);
    await this.d.notifier.push(caller.sdkAppID, { groups: [caller.userID], friends: group.userIDList.length > 0 ? [caller.userID] : [] });
    return group;
  }

  /** Renames a group. */
  async rename(caller: RelationshipCaller, oldName: string, newName: string): Promise<WireFriendGroup> {
    const outcome = await this.d.store.friendGroups.rename(caller.sdkAppID, caller.userID, oldName, newName);
    if (outcome === 'missing') throw this.#missing(oldName);
    if (outcome === 'exists') throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `the friend group ${JSON.stringify(newName)} already exists`);
    await this.d.notifier.push(caller.sdkAppID, { groups: [caller.userID], friends: outcome.userIDList.length > 0 ? [caller.userID] : [] });
    return outcome;
  }

  /** Puts friends in a group. */
  async addMembers(caller: RelationshipCaller, name: string, userIDs: readonly string[]): Promise<FriendGroupResultAnswer> {
    const before = await this.d.store.friendGroups.list(caller.sdkAppID, caller.userID);
    const change = await this.d.store.friendGroups.addMembers(caller.sdkAppID, caller.userID, name, userIDs);
    if (change === undefined) throw this.#missing(name);
    const members = new Set(before.find((g) => g.name === name)?.userIDList);
    return this.#answer(caller, change, userIDs, (id) =>
      members.has(id) ? failed(id, 'ERR_SVR_FRIENDSHIP_GROUP_ALREADY_MEMBER', `${id} is already in ${name}`) : failed(id, 'ERR_SVR_FRIENDSHIP_GROUP_NOT_FRIEND', `${id} is not your friend`),
    );
  }

  /** Puts a friend in exactly the groups `names` (missing ones are created), as REST `friend_update`'s `Tag_SNS_IM_Group`. */
  async setGroupsOf(caller: RelationshipCaller, userID: string, names: readonly string[]): Promise<string[]> {
    const outcome = await this.d.store.friendGroups.setGroupsOf(caller.sdkAppID, caller.userID, userID, names, MAX_FRIEND_GROUPS, this.d.clock.now());
    if (outcome === 'not-friend') throw ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `${userID} is not your friend`);
    if (outcome === 'full') throw ParleyError.of('ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT', `${caller.userID} would have more than ${MAX_FRIEND_GROUPS} friend groups`);
    await this.d.notifier.push(caller.sdkAppID, { groups: [caller.userID], friends: [caller.userID] });
    return outcome;
  }

  /** Takes friends out of a group. */
  async removeMembers(caller: RelationshipCaller, name: string, userIDs: readonly string[]): Promise<FriendGroupResultAnswer> {
    const change = await this.d.store.friendGroups.removeMembers(caller.sdkAppID, caller.userID, name, userIDs);
    if (change === undefined) throw this.#missing(name);
    return this.#answer(caller, change, userIDs, (id) => failed(id, 'ERR_SVR_FRIENDSHIP_GROUP_NOT_MEMBER', `${id} is not in ${name}`));
  }

  async #answer(caller: RelationshipCaller, change: FriendGroupChange, asked: readonly string[], failure: (id: string) => FailedUser): Promise<FriendGroupResultAnswer> {
    await this.d.notifier.push(caller.sdkAppID, { groups: [caller.userID], friends: change.changed.length > 0 ? [caller.userID] : [] });
    const changed = new Set(change.changed);
    return { friendGroup: change.group, failureUserIDList: asked.filter((id) => !changed.has(id)).map(failure) };
  }

  #missing(name: string): ParleyError {
    return ParleyError.of('ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS', `the friend group ${JSON.stringify(name)} does not exist`);
  }
}
