/**
 * Conversation-state helpers shared by every backend, so that "untouched" and "patched" mean the
 * same in each: read and cleared positions only ever rise, the other fields are set as given.
 */
import type { ConversationPatch, ConversationState } from './conversation-store.js';

/** The state of a conversation the user never touched: nothing read, pinned, drafted, cleared or deleted. */
export function defaultConversationState(conversationID: string): ConversationState {
  return { conversationID, readSeq: 0, isPinned: false, draftText: '', clearedSeq: 0, deletedSeq: null, updatedAt: 0 };
}

/** `state` with `patch` applied: `readSeq` and `clearedSeq` only rise; absent fields keep their value. */
export function applyConversationPatch(state: ConversationState, patch: ConversationPatch): ConversationState {
  return {
    conversationID: state.conversationID,
    readSeq: Math.max(state.readSeq, patch.readSeq ?? 0),
    isPinned: patch.isPinned ?? state.isPinned,
    draftText: patch.draftText ?? state.draftText,
    clearedSeq: Math.max(state.clearedSeq, patch.clearedSeq ?? 0),
    deletedSeq: patch.deletedSeq === undefined ? state.deletedSeq : patch.deletedSeq,
    updatedAt: patch.updatedAt ?? state.updatedAt,
  };
}
