import { describe, expect, it } from 'vitest';
import { applyConversationPatch, defaultConversationState } from './conversation-states.js';

describe('conversation states', () => {
  it('starts untouched', () => {
    expect(defaultConversationState('C2Cbob')).toStrictEqual({
      conversationID: 'C2Cbob',
      readSeq: 0,
      isPinned: false,
      draftText: '',
      clearedSeq: 0,
      deletedSeq: null,
      updatedAt: 0,
    });
  });

  it('only raises the read and cleared positions, and sets the other fields as given', () => {
    const state = { ...defaultConversationState('C2Cbob'), readSeq: 5, clearedSeq: 3, isPinned: true, deletedSeq: 4 };
    expect(applyConversationPatch(state, { readSeq: 2, clearedSeq: 1, isPinned: false, draftText: 'd', deletedSeq: null, updatedAt: 7 })).toStrictEqual({
      ...state,
      isPinned: false,
      draftText: 'd',
      deletedSeq: null,
      updatedAt: 7,
    });
    expect(applyConversationPatch(state, { readSeq: 9 })).toStrictEqual({ ...state, readSeq: 9 });
  });
});
