/** The conversations feature: read state, pins, drafts and deletion over the WebSocket gateway. */
import type { Store } from '@parley/store';
import type { Delivery } from '../../sessions/delivery.js';
import type { Clock } from '../../time/clock.js';
import type { FeatureModule } from '../feature-module.js';
import type { MessagePort } from '../messages/message-port.js';
import { registerConversationCommands } from './conversation-commands.js';
import { ConversationService } from './conversation-service.js';

/** The conversations feature module. */
export function conversationsModule(deps: { readonly store: Store; readonly clock: Clock; readonly delivery: Delivery; readonly messages: MessagePort }): FeatureModule {
  const conversations = new ConversationService(deps);
  return { name: 'conversations', commands: (kit) => registerConversationCommands(kit, conversations) };
}
