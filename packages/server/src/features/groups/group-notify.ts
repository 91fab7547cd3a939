/**
 * What the group services tell people: group tips (`TIMGroupTipElem` messages stored in the group
 * conversation, or only pushed in an AVChatRoom) and `group_open_http_svc.group_changed` pushes to the
 * users whose group list changed.
 */
import { ElementType, MessagingPush, SYSTEM_SENDER, type GroupApplicationAction, type WireMemberRole } from '@parley/protocol';
import type { GroupApplication, GroupView } from '@parley/store';
import type { Delivery } from '../../sessions/delivery.js';
import { serverMessageID, type MessagePort } from '../messages/message-port.js';
import { wireApplication, wireGroup } from '../../gateway/wire-convert.js';

/** `group_changed` kinds. */
export type GroupChange = 'joined' | 'left' | 'kicked' | 'dismissed' | 'updated';

/** Extras of a tip. */
export interface TipExtras {
  /** The profile fields that changed (operation 6). */
  readonly groupProfile?: Record<string, unknown>;
  /** Users pushed to besides the members (e.g. those just removed). */
  readonly alsoNotify?: readonly string[];
}

/** Sends tips and group-list pushes. */
export class GroupNotifier {
  readonly #messages: MessagePort;
  readonly #delivery: Delivery;

  constructor(messages: MessagePort, delivery: Delivery) {
    this.#messages = messages;
    this.#delivery = delivery;
  }

  /**
   * Stores (AVChatRoom: only pushes) a tip from `@TIM#SYSTEM` in the group conversation and pushes it
   * to the members. `operationType` is a `TYPES.GRP_TIP_*` value.
   */
  async tip(sdkAppID: number, group: GroupView, operationType: number, operatorID: string, userIDList: readonly string[], extra: TipExtras = {}): Promise<void> {
    const content = { operationType, operatorID, userIDList: [...userIDList], ...(extra.groupProfile ? { groupProfile: extra.groupProfile } : {}) };
    await this.#messages.commit(
      { sdkAppID, from: SYSTEM_SENDER, ...(extra.alsoNotify ? { alsoNotify: extra.alsoNotify } : {}) },
      {
        conversationType: 'GROUP',
        to: group.groupID,
        ID: serverMessageID(),
        random: Math.floor(Math.random() * 0x1_0000_0000),
        elements: [{ type: ElementType.GROUP_TIP, content }],
        cloudCustomData: '',
        priority: 'Normal',
        atUserList: [],
        onlineUserOnly: false,
        receiverList: [],
      },
      group,
    );
  }

  /**
   * Pushes `group_changed` to each user's instances except the instance `skip`. `joined` and `updated` carry the
   * group, with each user's own `selfRole` taken from `roles`.
   */
  changed(sdkAppID: number, groupID: string, users: Iterable<string>, change: GroupChange, group?: GroupView, roles?: ReadonlyMap<string, WireMemberRole>, skip?: string): void {
    const withGroup = group !== undefined && (change === 'joined' || change === 'updated');
    for (const userID of new Set(users)) {
      const body = { groupID, change, ...(withGroup ? { group: wireGroup(group, roles?.get(userID)) } : {}) };
      this.#delivery.toUsers(sdkAppID, [userID], MessagingPush.GROUP_CHANGED, body, skip);
    }
  }

  /** Tells the group's owner and admins (`managers`) that someone applied to join. */
  applicationArrived(sdkAppID: number, group: GroupView, application: GroupApplication, managers: readonly string[]): void {
    this.#delivery.toUsers(sdkAppID, managers, MessagingPush.GROUP_APPLICATION, { application: wireApplication(group, application) });
  }

  /** Tells the applicant and the group's managers how an application was decided. */
  applicationHandled(
    sdkAppID: number,
    users: readonly string[],
    outcome: { readonly groupID: string; readonly userID: string; readonly action: GroupApplicationAction; readonly handleMessage: string; readonly operatorID: string },
  ): void {
    this.#delivery.toUsers(sdkAppID, users, MessagingPush.GROUP_APPLICATION_HANDLED, { ...outcome });
  }
}
