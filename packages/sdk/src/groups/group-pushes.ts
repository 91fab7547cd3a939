/**
 * The group push (`group_changed`): a change of the user's group list (joined, left, kicked,
 * dismissed, updated), applied in order with the message pushes. Being kicked out or seeing the
 * group dismissed also delivers Tencent's group system notice.
 */
import { GroupPushes, type GroupChangeKind, type WireGroup } from '@parley/protocol';
import { groupSystemNotice, GroupSystemNoticeType } from '../model/message-factory.js';
import type { HubPorts, HubRegistry } from '../session/messaging-hub.js';
import type { GroupCache } from './group-cache.js';

/** What applying a group push needs. */
export interface GroupPushPorts {
  readonly hub: Pick<HubPorts, 'flush' | 'deliver' | 'logger' | 'factoryContext'>;
  readonly groups: GroupCache;
  /** The user joined a group whose latest sequence is `seq` (the sync engine: earlier messages are not "missed"). */
  noteJoined(groupID: string, seq: number): void;
  /** Runs `task` in order with the message pushes (the sync engine's queue). */
  inOrder(task: () => void): void;
}

/** Registers the group push with the hub. */
export function registerGroupPushes(hub: HubRegistry, ports: GroupPushPorts): void {
  hub.onPush(GroupPushes.changed, (g) => ports.inOrder(() => applyGroupChange(ports, g.groupID, g.change, g.group)));
}

/** Applies a change of the user's group list. */
export function applyGroupChange(ports: GroupPushPorts, groupID: string, change: GroupChangeKind, group: WireGroup | undefined): void {
  const { hub, groups } = ports;
  if (change !== 'joined' && change !== 'updated') {
    groups.remove(groupID);
    const notice = change === 'kicked' ? GroupSystemNoticeType.KICKED_OUT : change === 'dismissed' ? GroupSystemNoticeType.DISMISSED : undefined;
    if (notice !== undefined) {
      const ctx = hub.factoryContext();
      hub.deliver([groupSystemNotice(groupID, notice, ctx.userID, ctx.nowMs(), ctx.random)]);
    }
  } else if (!group) {
    hub.logger.warn(`group push "${change}" for ${groupID} carried no group; the list catches up at the next sync`);
  } else if (change === 'joined') {
    ports.noteJoined(group.groupID, group.nextMessageSeq);
    groups.put(group);
  } else {
    groups.refresh(group);
  }
  hub.flush();
}
