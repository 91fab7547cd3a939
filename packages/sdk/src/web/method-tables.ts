/**
 * The public-method tables the `TencentCloudChat` instance is composed of, in one list: the
 * instance binds and gates them (`chat-instance.ts`), and the whitelists are read from them
 * (`readiness-gate.ts`). A new feature adds its table here, its object to {@link ChatApis} and
 * its methods' types to {@link ChatMethods}.
 */
import type { ConversationApi } from '../conversations/conversation-api.js';
import { CONVERSATION_METHODS } from '../conversations/conversation-methods.js';
import type { GroupApi } from '../groups/group-api.js';
import { GROUP_METHODS } from '../groups/group-methods.js';
import type { MessageApi } from '../messages/message-api.js';
import { MESSAGE_METHODS } from '../messages/message-methods.js';
import type { ProfileApi } from '../profiles/profile-api.js';
import { PROFILE_METHODS } from '../profiles/profile-methods.js';
import type { RelationshipApi } from '../relationships/relationship-api.js';
import { RELATIONSHIP_METHODS } from '../relationships/relationship-methods.js';
import type { MethodsOf, MethodTable } from '../session/method-table.js';
import { SESSION_METHODS, type SessionMethodsTarget } from '../session/session-methods.js';
import type { StatusApi } from '../status/status-api.js';
import type { FollowApi } from '../follows/follow-api.js';
import { FOLLOW_METHODS } from '../follows/follow-methods.js';
import { STATUS_METHODS } from '../status/status-methods.js';

/** The feature objects behind an instance's methods. */
export interface ChatApis {
  readonly messages: MessageApi;
  readonly conversations: ConversationApi;
  readonly groups: GroupApi;
  readonly profiles: ProfileApi;
  readonly status: StatusApi;
  readonly follows: FollowApi;
  readonly relationships: RelationshipApi;
}

/** What each table binds to: the session's pieces and the feature objects. */
export interface ChatTargets extends ChatApis {
  readonly session: SessionMethodsTarget;
}

/** Every public-method table of the instance, keyed by the target its entries bind to. */
export const CHAT_METHOD_TABLES = {
  session: SESSION_METHODS,
  messages: MESSAGE_METHODS,
  conversations: CONVERSATION_METHODS,
  groups: GROUP_METHODS,
  profiles: PROFILE_METHODS,
  status: STATUS_METHODS,
  follows: FOLLOW_METHODS,
  relationships: RELATIONSHIP_METHODS,
} satisfies { readonly [K in keyof ChatTargets]: MethodTable<ChatTargets[K]> };

/** The methods the tables add to every instance, with their exact public types. */
export interface ChatMethods
  extends MethodsOf<typeof SESSION_METHODS>,
    MethodsOf<typeof MESSAGE_METHODS>,
    MethodsOf<typeof CONVERSATION_METHODS>,
    MethodsOf<typeof GROUP_METHODS>,
    MethodsOf<typeof PROFILE_METHODS>,
    MethodsOf<typeof STATUS_METHODS>,
    MethodsOf<typeof FOLLOW_METHODS>,
    MethodsOf<typeof RELATIONSHIP_METHODS> {}
