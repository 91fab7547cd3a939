/**
 * The composition root of one SDK instance: builds the session, the messaging hub, each feature's
 * cache and manager, hands every feature the narrow ports it declares (another feature's cache or
 * a hub function, never the whole), registers the features' pushes and lifecycle parts with the
 * hub, and composes the public instance. Features never import each other; this file is where
 * they meet.
 */
import { conversationID, EVENT, MAX_PROFILE_IDS, type WireGroup } from '@parley/protocol';
import { ConversationApi } from '../conversations/conversation-api.js';
import { ConversationCache } from '../conversations/conversation-cache.js';
import { registerConversationPushes } from '../conversations/conversation-pushes.js';
import { GroupApi } from '../groups/group-api.js';
import { GroupApplications } from '../groups/group-applications.js';
import { GroupCache } from '../groups/group-cache.js';
import { registerGroupPushes } from '../groups/group-pushes.js';
import { MessageApi } from '../messages/message-api.js';
import { MessageCache } from '../messages/message-cache.js';
import { SyncEngine } from '../messages/sync-engine.js';
import { ProfileApi } from '../profiles/profile-api.js';
import { registerProfilePushes } from '../profiles/profile-pushes.js';
import { RelationshipApi } from '../relationships/relationship-api.js';
import { registerRelationshipPushes } from '../relationships/relationship-pushes.js';
import type { Profile } from '../model/message-types.js';
import type { ResolvedOptions } from '../platform/options.js';
import { MessagingHub } from '../session/messaging-hub.js';
import { SessionClient } from '../session/session-client.js';
import { StatusApi } from '../status/status-api.js';
import { FollowApi } from '../follows/follow-api.js';
import { registerFollowPushes } from '../follows/follow-pushes.js';
import { registerStatusPushes } from '../status/status-pushes.js';
import { ChatInstance } from './chat-instance.js';
import type { ChatApis } from './method-tables.js';
import { ListEvents } from './list-events.js';

/** A web instance and the session under it (the V2TIM facade uses both). */
export interface ChatCore {
  readonly chat: ChatInstance;
  readonly session: SessionClient;
  /** The relationship operations with per-user outcomes (the V2TIM friendship manager reports them). */
  readonly relationships: RelationshipApi;
}

/** Owners and admins get join applications. */
const manages = (g: WireGroup): boolean => g.selfRole === 'Owner' || g.selfRole === 'Admin';

/** Builds an instance from resolved options. */
export function createChatCore(options: ResolvedOptions, onDestroyed?: () => void): ChatCore {
  const session = new SessionClient(options);
  const hub = new MessagingHub(session);

  const messages = new MessageCache();
  const conversations: ConversationCache = new ConversationCache({
    viewer: () => hub.viewer,
    toMessage: (wire, isRead) => messages.resolve(wire, hub.viewer, isRead),
    countIncomingAbove: (id, seq) => messages.countIncomingAbove(id, seq),
    groupInfo: (groupID) => groups.info(groupID),
  });
  const groups: GroupCache = new GroupCache(
    () => hub.viewer,
    (groupID) => conversations.get(conversationID('GROUP', groupID)),
  );

  const engine = new SyncEngine({ hub, messages, conversations, groups });
  const applications = new GroupApplications({ hub, managesAnyGroup: () => groups.wires().some(manages) });
  const noteJoined = (groupID: string, seq: number): void => engine.noteJoined(groupID, seq);
  const inOrder = (task: () => void): void => engine.run(task);

  // Lifecycle parts, in the order each step runs: the sync (before the applications, which need
  // the synced group list), the caches, the applications, the list events.
  hub.addPart(engine);
  hub.addPart({
    reset: () => {
      messages.clear();
      conversations.clear();
      groups.clear();
    },
  });
  hub.addPart(applications);
  hub.addPart(new ListEvents(session.emitter, conversations, groups));

  engine.register(hub);
  registerConversationPushes(hub, { hub, conversations, markMessagesRead: (id, seq) => messages.markRead(id, seq), inOrder });
  registerGroupPushes(hub, { hub, groups, noteJoined, inOrder });
  applications.register(hub);
  registerProfilePushes(hub, {
    profilesUpdated: (profiles) => {
      // A peer's new nick or avatar shows in the C2C conversation (CONVERSATION_LIST_UPDATED follows).
      for (const p of profiles) conversations.applyPeerProfile(p.userID, p.nick, p.avatar);
      session.emitter.emit(EVENT.PROFILE_UPDATED, profiles);
      hub.flush();
    },
  });
  registerStatusPushes(hub, { statusesUpdated: (statuses) => session.emitter.emit(EVENT.USER_STATUS_UPDATED, statuses) });

  const profiles = new ProfileApi({ hub });
  // Follow lists and friends carry UserIDs; their profiles come from the profiles feature, 100 per
  // call (the profile command's limit).
  const profilesOf = async (userIDs: readonly string[]): Promise<Profile[]> => {
    const pages: Profile[][] = [];
    for (let i = 0; i < userIDs.length; i += MAX_PROFILE_IDS) pages.push((await profiles.getUserProfile({ userIDList: userIDs.slice(i, i + MAX_PROFILE_IDS) })).data);
    return pages.flat();
  };
  registerFollowPushes(hub, {
    profilesOf,
    listChanged: (event, change) => session.emitter.emit(event, change),
    onError: (error) => options.env.logger.error('follow push: cannot read profiles', error),
  });

  const relationships = new RelationshipApi({ hub, profilesOf });
  registerRelationshipPushes(hub, {
    api: relationships,
    friendsUpdated: (friends) => session.emitter.emit(EVENT.FRIEND_LIST_UPDATED, friends),
    applicationsUpdated: (list) => session.emitter.emit(EVENT.FRIEND_APPLICATION_LIST_UPDATED, list),
    groupsUpdated: (groups) => session.emitter.emit(EVENT.FRIEND_GROUP_LIST_UPDATED, groups),
    blacklistUpdated: (userIDs) => session.emitter.emit(EVENT.BLACKLIST_UPDATED, userIDs),
    warn: (message, error) => hub.logger.warn(message, error),
  });

  const apis: ChatApis = {
    messages: new MessageApi({ hub, messages, conversations, noteOwnSend: (id, seq) => engine.noteOwnSend(id, seq) }),
    conversations: new ConversationApi({ hub, conversations, clearMessages: (id) => messages.clearConversation(id), isSynced: () => engine.isSynced }),
    groups: new GroupApi({ hub, groups, noteJoined }),
    profiles,
    status: new StatusApi({ hub }),
    follows: new FollowApi({ hub, profilesOf }),
    relationships,
  };
  return { chat: new ChatInstance(session, apis, onDestroyed), session, relationships };
}
