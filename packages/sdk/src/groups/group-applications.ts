/**
 * Join applications as Tencent's web SDK presents them: group system notices delivered through
 * MESSAGE_RECEIVED — `operationType` 1 to a group's owner and admins when someone applies, 2 or 3 to
 * the applicant when an owner or admin accepts or rejects — and `handleGroupApplication`, which
 * answers a type-1 notice. Applications made while a manager was offline arrive as notices after
 * login or a reconnect (the pending list is fetched then), each once.
 */
import { GroupCommands, GroupPushes, TYPES, type ApplicationOutcome, type WireGroupApplication } from '@parley/protocol';
import { groupSystemNotice, GroupSystemNoticeType } from '../model/message-factory.js';
import type { Message } from '../model/message-types.js';
import type { HubPart, HubPorts, HubRegistry } from '../session/messaging-hub.js';

/** The application a type-1 notice stands for. */
export interface NoticedApplication {
  readonly groupID: string;
  /** The applicant. */
  readonly userID: string;
}

const key = (a: WireGroupApplication): string => `${a.groupID}\u0000${a.userID}\u0000${a.time}`;

/** What the applications need: a few hub ports, and whether the user manages any group. */
export interface ApplicationPorts {
  readonly hub: Pick<HubPorts, 'viewer' | 'logger' | 'epoch' | 'isCurrent' | 'callParsed' | 'deliver' | 'factoryContext'>;
  /** True when the user owns or administers one of the listed groups (only they get applications). */
  managesAnyGroup(): boolean;
}

/** Turns application pushes into system notices, once each. */
export class GroupApplications implements HubPart {
  /** Applications already shown to the app in this session. */
  private readonly shown = new Set<string>();

  constructor(private readonly ports: ApplicationPorts) {}

  /** Registers the application pushes with the hub. */
  register(hub: HubRegistry): void {
    hub.onPush(GroupPushes.application, (push) => this.onApplication(push.application));
    hub.onPush(GroupPushes.applicationHandled, (outcome) => this.onHandled(outcome));
  }

  /** Hub part: applications made while the user was away arrive as notices before `SDK_READY`'s messages. */
  prepare(): Promise<void> {
    return this.catchUpQuietly();
  }

  /** Hub part: after a reconnect, show the applications made meanwhile. */
  resumed(): void {
    void this.catchUpQuietly();
  }

  /** A new application to a group the user manages (push or catch-up). */
  onApplication(application: WireGroupApplication): void {
    if (this.shown.has(key(application))) return;
    this.shown.add(key(application));
    this.ports.hub.deliver([
      this.notice(application.groupID, GroupSystemNoticeType.JOIN_APPLICATION, {
        operatorID: application.userID,
        handleMessage: application.message,
        groupName: application.groupName,
      }),
    ]);
  }

  /** An application was decided; the applicant gets a notice (the managers' lists just shrink). */
  onHandled(outcome: ApplicationOutcome): void {
    if (outcome.userID !== this.ports.hub.viewer) return;
    const type = outcome.action === 'Agree' ? GroupSystemNoticeType.APPLICATION_ACCEPTED : GroupSystemNoticeType.APPLICATION_REJECTED;
    this.ports.hub.deliver([this.notice(outcome.groupID, type, { operatorID: outcome.operatorID, handleMessage: outcome.handleMessage })]);
  }

  /** Shows the pending applications the app has not seen (after login and after a reconnect). */
  async catchUp(): Promise<void> {
    const hub = this.ports.hub;
    if (!this.ports.managesAnyGroup()) return;
    const epoch = hub.epoch;
    const parsed = await hub.callParsed(GroupCommands.applications, {});
    if (!hub.isCurrent(epoch)) return;
    if (!parsed.ok) {
      hub.logger.warn('ignored a malformed application list:', parsed.reason);
      return;
    }
    for (const application of parsed.value.applications) this.onApplication(application);
  }

  /** Hub part: forgets what was shown (the session ended). */
  reset(): void {
    this.shown.clear();
  }

  /** {@link catchUp}; a failure only costs those notices. */
  private async catchUpQuietly(): Promise<void> {
    try {
      await this.catchUp();
    } catch (error) {
      this.ports.hub.logger.warn('could not fetch pending group applications:', error);
    }
  }

  private notice(groupID: string, type: number, details: { operatorID: string; handleMessage: string; groupName?: string }): Message {
    const ctx = this.ports.hub.factoryContext();
    return groupSystemNotice(groupID, type, ctx.userID, ctx.nowMs(), ctx.random, details);
  }
}

/** The application behind a message, if it is a join-application notice (`operationType` 1). */
export function applicationOf(message: unknown): NoticedApplication | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as { type?: unknown; payload?: unknown };
  if (m.type !== TYPES.MSG_GRP_SYS_NOTICE || typeof m.payload !== 'object' || m.payload === null) return undefined;
  const p = m.payload as { operationType?: unknown; operatorID?: unknown; groupProfile?: unknown };
  const groupID = typeof p.groupProfile === 'object' && p.groupProfile !== null ? (p.groupProfile as { groupID?: unknown }).groupID : undefined;
  if (p.operationType !== GroupSystemNoticeType.JOIN_APPLICATION || typeof p.operatorID !== 'string' || typeof groupID !== 'string') return undefined;
  return { groupID, userID: p.operatorID };
}
