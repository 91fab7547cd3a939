/**
 * Join applications as Tencent's web SDK presents them: group system notices delivered through
 * MESSAGE_RECEIVED — `operationType` 1 to a group's owner and admins when someone applies, 2 or 3 to
 * the applicant when an owner or admin accepts or rejects — and `handleGroupApplication`, which
 * answers a type-1 notice. Applications made while a manager was offline arrive as notices after
 * login or a reconnect (the pending list is fetched then), each once.
 */
import { MessagingCommand, TYPES, type WireGroupApplication } from '@parley/protocol';
import { groupSystemNotice, GroupSystemNoticeType } from '../model/message-factory.js';
import type { Message } from '../model/message-types.js';
import type { MessagingCore } from '../session/messaging-hub.js';
import { parseApplicationsAnswer, type ApplicationOutcome } from '../model/messaging-wire.js';

/** The application a type-1 notice stands for. */
export interface NoticedApplication {
  readonly groupID: string;
  /** The applicant. */
  readonly userID: string;
}

const key = (a: WireGroupApplication): string => `${a.groupID}\u0000${a.userID}\u0000${a.time}`;

/** Turns application pushes into system notices, once each. */
export class GroupApplications {
  /** Applications already shown to the app in this session. */
  private readonly shown = new Set<string>();

  constructor(private readonly core: MessagingCore) {}

  /** A new application to a group the user manages (push or catch-up). */
  onApplication(application: WireGroupApplication): void {
    if (this.shown.has(key(application))) return;
    this.shown.add(key(application));
    this.core.deliver([
      this.notice(application.groupID, GroupSystemNoticeType.JOIN_APPLICATION, {
        operatorID: application.userID,
        handleMessage: application.message,
        groupName: application.groupName,
      }),
    ]);
  }

  /** An application was decided; the applicant gets a notice (the managers' lists just shrink). */
  onHandled(outcome: ApplicationOutcome): void {
    if (outcome.userID !== this.core.viewer) return;
    const type = outcome.action === 'Agree' ? GroupSystemNoticeType.APPLICATION_ACCEPTED : GroupSystemNoticeType.APPLICATION_REJECTED;
    this.core.deliver([this.notice(outcome.groupID, type, { operatorID: outcome.operatorID, handleMessage: outcome.handleMessage })]);
  }

  /** Shows the pending applications the app has not seen (after login and after a reconnect). */
  async catchUp(): Promise<void> {
    const managesAny = this.core.groups.wires().some((g) => g.selfRole === 'Owner' || g.selfRole === 'Admin');
    if (!managesAny) return;
    const gen = this.core.generation;
    const parsed = parseApplicationsAnswer(await this.core.request(MessagingCommand.GROUP_APPLICATIONS, {}));
    if (gen !== this.core.generation) return;
    if (!parsed.ok) {
      this.core.logger.warn('ignored a malformed application list:', parsed.reason);
      return;
    }
    for (const application of parsed.value) this.onApplication(application);
  }

  /** Forgets what was shown (the session ended). */
  reset(): void {
    this.shown.clear();
  }

  private notice(groupID: string, type: number, details: { operatorID: string; handleMessage: string; groupName?: string }): Message {
    const { session, viewer } = this.core;
    return groupSystemNotice(groupID, type, viewer, session.serverTime(), session.options.env.random, details);
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
