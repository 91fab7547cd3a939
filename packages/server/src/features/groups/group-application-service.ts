/**
 * Join applications to `NeedPermission` groups: the owner and admins are told when one arrives,
 * list the pending ones, and agree (the applicant becomes a member) or reject; the applicant and
 * the group's managers are told the outcome.
 */
import { GroupTipType, ParleyError, type GroupApplicationAction, type WireGroup, type WireGroupApplication } from '@parley/protocol';
import { groupAndRole, managersOf, nowSec, type GroupActor, type GroupServiceDeps } from './group-service.js';
import { isManager, memberLimit } from './group-rules.js';
import { wireApplication, wireGroup } from '../../gateway/wire-convert.js';

/** A decision on one application. */
export interface ApplicationDecision {
  readonly groupID: string;
  /** The applicant. */
  readonly userID: string;
  readonly action: GroupApplicationAction;
  readonly handleMessage: string;
}

/** Join applications. */
export class GroupApplicationService {
  readonly #d: GroupServiceDeps;

  constructor(deps: GroupServiceDeps) {
    this.#d = deps;
  }

  /** Pending applications to the groups the actor owns or administers, oldest first. */
  async pending(actor: GroupActor): Promise<WireGroupApplication[]> {
    const store = this.#d.store;
    const managed = (await store.groups.listJoined(actor.sdkAppID, actor.userID)).filter((j) => isManager(j.member.role));
    const lists = await Promise.all(managed.map(async (j) => (await store.groupApplications.list(actor.sdkAppID, j.group.groupID)).map((a) => wireApplication(j.group, a))));
    return lists.flat().sort((a, b) => a.time - b.time || (a.groupID < b.groupID ? -1 : a.groupID > b.groupID ? 1 : 0));
  }

  /**
   * Agrees to or rejects an application (owner or admin, else 10007; 10024 when the user has no
   * pending application). Agreeing adds the applicant as a member (10014 when the group is full:
   * the application stays) with a join tip and a `group_changed` push.
   */
  async handle(actor: GroupActor, decision: ApplicationDecision): Promise<WireGroup> {
    const d = this.#d;
    const { groupID, userID, action } = decision;
    const { group, role } = await groupAndRole(d, actor, groupID);
    if (!actor.asAdmin && !isManager(role)) throw ParleyError.of('ERR_SVR_GROUP_PERMISSION_DENY', 'only the owner and admins handle applications');
    const pending = (await d.store.groupApplications.list(actor.sdkAppID, groupID)).some((a) => a.userID === userID);
    if (!pending) throw ParleyError.of('ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED', `${userID} has no pending application to ${groupID}`);
    let current = group;
    if (action === 'Agree') {
      const [result] = await d.store.groupMembers.add(actor.sdkAppID, groupID, [{ userID, role: 'Member', joinTime: nowSec(d.clock), nameCard: '' }], memberLimit(group));
      if (result === 'full') throw ParleyError.of('ERR_SVR_GROUP_FULL_MEMBER_COUNT', groupID);
      await d.store.groupApplications.delete(actor.sdkAppID, groupID, userID);
      if (result === 'added') {
        d.directory.invalidate(actor.sdkAppID, groupID);
        await d.notify.tip(actor.sdkAppID, group, GroupTipType.MEMBER_JOIN, actor.userID, [userID]);
        current = (await d.directory.group(actor.sdkAppID, groupID)) ?? group;
        d.notify.changed(actor.sdkAppID, groupID, [userID], 'joined', current, new Map([[userID, 'Member']]));
      }
    } else if (!(await d.store.groupApplications.delete(actor.sdkAppID, groupID, userID))) {
      throw ParleyError.of('ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED', `${userID} has no pending application to ${groupID}`);
    }
    const outcome = { groupID, userID, action, handleMessage: decision.handleMessage, operatorID: actor.userID };
    d.notify.applicationHandled(actor.sdkAppID, [userID, ...(await managersOf(d, actor.sdkAppID, groupID))], outcome);
    return wireGroup(current, role);
  }
}
